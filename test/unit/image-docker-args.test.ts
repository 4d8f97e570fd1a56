import { expect, test } from 'vitest';
import { buildArgs, loginArgs, pushArgs, pushedDigestFromOutput, tagArgs, type BuildSpec } from '../../src/image/docker-args.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

test.each<[string, BuildSpec, string[]]>([
  ['context and tag only', { context: '.', buildArgs: [], tag: 'r/app:1' }, ['build', '--tag', 'r/app:1', '.']],
  [
    'every option',
    { context: 'app', dockerfile: 'app/Dockerfile.prod', buildArgs: [['A', '1'], ['B', 'x=y']], target: 'runtime', platform: 'linux/arm64', tag: 'r/app:2' },
    ['build', '--file', 'app/Dockerfile.prod', '--build-arg', 'A=1', '--build-arg', 'B=x=y', '--target', 'runtime', '--platform', 'linux/arm64', '--tag', 'r/app:2', 'app'],
  ],
  ['an empty value stays empty', { context: '.', buildArgs: [['EMPTY', '']], tag: 't' }, ['build', '--build-arg', 'EMPTY=', '--tag', 't', '.']],
  ['a value with spaces stays one argument', { context: 'dir with space', buildArgs: [['MSG', 'a b; c']], tag: 't' }, ['build', '--build-arg', 'MSG=a b; c', '--tag', 't', 'dir with space']],
])('build: %s', (_name, spec, expected) => {
  expect(buildArgs(spec)).toEqual(expected);
});

test.each([
  ['tag', tagArgs('app:local', 'r/app:1'), ['tag', 'app:local', 'r/app:1']],
  ['push', pushArgs('r/app:1'), ['push', 'r/app:1']],
  ['login', loginArgs('localhost:5000', 'AWS'), ['login', '--username', 'AWS', '--password-stdin', 'localhost:5000']],
])('%s', (_name, actual, expected) => {
  expect(actual).toEqual(expected);
});

test.each([
  ['docker', `The push refers to repository [r/app]\n5f70bf18a086: Pushed\n1: digest: ${D1} size: 528\n`, D1],
  ['the last of several', `a: digest: ${D1} size: 1\nb: digest: ${D2} size: 2\n`, D2],
  ['podman prints none', 'Copying blob sha256:abc\nWriting manifest to image destination\n', undefined],
  ['a short digest is not one', 'x: digest: sha256:abcd size: 1', undefined],
])('pushed digest: %s', (_name, output, expected) => {
  expect(pushedDigestFromOutput(output)).toBe(expected);
});
