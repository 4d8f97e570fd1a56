import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkImageOptions, planImage, type ImageOptions } from '../../src/image/options.js';
import { imageOptions } from '../support/image-options.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

function options(overrides: Partial<ImageOptions> = {}): ImageOptions {
  return imageOptions(`${ECR}/web:1`, overrides);
}

describe('planImage', () => {
  test.each<[string, Partial<ImageOptions>, { build: boolean; tag: boolean; push: boolean; verify: boolean; login: unknown }]>([
    ['an image alone is verified', {}, { build: false, tag: false, push: false, verify: true, login: { kind: 'ecr', region: 'eu-west-1' } }],
    ['verify-image false: nothing to do', { verifyImage: 'false' }, { build: false, tag: false, push: false, verify: false, login: { kind: 'none' } }],
    ['build-context pushes by default', { buildContext: '.' }, { build: true, tag: false, push: true, verify: false, login: { kind: 'ecr', region: 'eu-west-1' } }],
    ['source-image pushes by default', { sourceImage: 'app:local' }, { build: false, tag: true, push: true, verify: false, login: { kind: 'ecr', region: 'eu-west-1' } }],
    ['push false builds only', { buildContext: '.', push: false, verifyImage: 'false' }, { build: true, tag: false, push: false, verify: false, login: { kind: 'none' } }],
    ['push true pushes a local image', { push: true }, { build: false, tag: false, push: true, verify: false, login: { kind: 'ecr', region: 'eu-west-1' } }],
    [
      'auto with a username is basic',
      { image: 'acme/web:1', push: true, registryUsername: 'me', registryPassword: 'pw' },
      { build: false, tag: false, push: true, verify: false, login: { kind: 'basic', username: 'me', password: 'pw' } },
    ],
    ['auto without one is the client login', { image: 'acme/web:1', push: true }, { build: false, tag: false, push: true, verify: false, login: { kind: 'client' } }],
    ['ecr on another host takes the region', { image: 'localhost:5000/web:1', push: true, registryAuth: 'ecr', region: 'us-east-2' }, { build: false, tag: false, push: true, verify: false, login: { kind: 'ecr', region: 'us-east-2' } }],
    ['none', { push: true, registryAuth: 'none' }, { build: false, tag: false, push: true, verify: false, login: { kind: 'none' } }],
    ['a push to public.ecr.aws logs in with an ECR Public token', { image: 'public.ecr.aws/acme/web:1', push: true }, { build: false, tag: false, push: true, verify: false, login: { kind: 'ecr-public' } }],
    ['registry-auth ecr on public.ecr.aws is ECR Public', { image: 'public.ecr.aws/acme/web:1', push: true, registryAuth: 'ecr' }, { build: false, tag: false, push: true, verify: false, login: { kind: 'ecr-public' } }],
    ['public.ecr.aws is checked anonymously', { image: 'public.ecr.aws/nginx/nginx:1' }, { build: false, tag: false, push: false, verify: true, login: { kind: 'none' } }],
    ['a digest reference can be verified', { image: `${ECR}/web@sha256:${'a'.repeat(64)}` }, { build: false, tag: false, push: false, verify: true, login: { kind: 'ecr', region: 'eu-west-1' } }],
  ])('%s', (_name, overrides, expected) => {
    expect(planImage(options(overrides))).toMatchObject(expected);
  });

  test('no image, nothing asked: nothing to do', () => {
    expect(planImage(options({ image: '' }))).toEqual({ build: false, tag: false, push: false, verify: false, login: { kind: 'none' } });
  });

  test.each<[string, Partial<ImageOptions>, RegExp]>([
    ['both sources', { buildContext: '.', sourceImage: 'a:1' }, /^build-context and source-image: give one/],
    ['dockerfile without build-context', { dockerfile: 'Dockerfile' }, /^dockerfile: only used with build-context/],
    ['target without build-context', { target: 'prod' }, /^target: only used with build-context/],
    ['platform without build-context', { platform: 'linux/amd64' }, /^platform: only used with build-context/],
    ['build-args without build-context', { buildArgs: [['A', '1']] }, /^build-args: only used with build-context/],
    ['a bad build-arg name', { buildContext: '.', buildArgs: [['A B', '1']] }, /^build-args: "A B" is not/],
    ['no image to push', { image: '', buildContext: '.' }, /^image: required to build, tag or push/],
    ['pushing to a digest', { image: `${ECR}/web@sha256:${'a'.repeat(64)}`, push: true }, /^image: .* names a digest/],
    ['pin-digest without a push', { pinDigest: true }, /^pin-digest: only with a push/],
    ['basic without a password', { registryAuth: 'basic', registryUsername: 'me', push: true }, /^registry-auth basic: needs registry-username and registry-password/],
    ['basic without anything', { registryAuth: 'basic', push: true }, /^registry-auth basic: needs/],
    ['a password without a username', { registryPassword: 'pw', push: true }, /^registry-username: required with registry-password/],
    ['a username without a password', { registryUsername: 'me', push: true }, /^registry-password: required with registry-username/],
    ['a username with ecr', { registryAuth: 'ecr', registryUsername: 'me', registryPassword: 'pw', push: true }, /^registry-username: not used with registry-auth ecr/],
    ['a username with none', { registryAuth: 'none', registryUsername: 'me', registryPassword: 'pw', push: true }, /^registry-username: not used with registry-auth none/],
    ['ecr on a host without region', { image: 'registry.example.com/web:1', registryAuth: 'ecr', push: true }, /^registry-auth ecr: registry.example.com names no region/],
    ['create-repository outside ECR', { image: 'ghcr.io/acme/web:1', push: true, createRepository: true }, /^create-repository: only for ECR registries/],
    ['a bad image', { image: 'acme/Web' }, /^image: "acme\/Web"/],
    ['a bad source image', { sourceImage: 'Bad:Tag:x' }, /^source-image: /],
  ])('rejects %s', (_name, overrides, message) => {
    const run = () => planImage(options(overrides));
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});

describe('checkImageOptions looks at the machine', () => {
  let root = '';
  let env: NodeJS.ProcessEnv = {};
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'image-options-test-'));
    await mkdir(join(root, 'app'));
    await writeFile(join(root, 'app', 'Dockerfile'), 'FROM scratch\n');
    await mkdir(join(root, 'podman-app'));
    await writeFile(join(root, 'podman-app', 'Containerfile'), 'FROM scratch\n');
    await mkdir(join(root, 'empty'));
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin', 'docker'), '#!/bin/sh\n');
    await chmod(join(root, 'bin', 'docker'), 0o755);
    await writeFile(join(root, 'bin', 'not-executable'), '');
    env = { PATH: join(root, 'bin') };
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test.each<[string, (root: string) => Partial<ImageOptions>]>([
    ['a context with a Dockerfile', (r) => ({ buildContext: join(r, 'app') })],
    ['a context with a Containerfile', (r) => ({ buildContext: join(r, 'podman-app') })],
    ['a dockerfile elsewhere', (r) => ({ buildContext: join(r, 'empty'), dockerfile: join(r, 'app', 'Dockerfile') })],
    ['the client by absolute path', (r) => ({ sourceImage: 'a:1', dockerCommand: join(r, 'bin', 'docker') })],
    ['no client needed to verify', () => ({ dockerCommand: 'missing-client' })],
  ])('accepts %s', (_name, make) => {
    expect(() => checkImageOptions(options(make(root)), env)).not.toThrow();
  });

  test.each<[string, (root: string) => Partial<ImageOptions>, RegExp]>([
    ['a missing context', (r) => ({ buildContext: join(r, 'nope') }), /^build-context: directory .* not found/],
    ['a file as context', (r) => ({ buildContext: join(r, 'app', 'Dockerfile') }), /^build-context: directory .* not found/],
    ['no Dockerfile', (r) => ({ buildContext: join(r, 'empty') }), /^dockerfile: no Dockerfile in build-context/],
    ['a missing dockerfile', (r) => ({ buildContext: join(r, 'app'), dockerfile: join(r, 'nope') }), /^dockerfile: ".*nope" not found/],
    ['a missing client', () => ({ sourceImage: 'a:1', dockerCommand: 'podman' }), /^docker-command: "podman" was not found on PATH/],
    ['a file that is not executable', () => ({ sourceImage: 'a:1', dockerCommand: 'not-executable' }), /^docker-command: "not-executable" was not found/],
    ['a command line', () => ({ sourceImage: 'a:1', dockerCommand: 'sudo docker' }), /^docker-command: "sudo docker" is a command line/],
    ['an empty client', () => ({ push: true, dockerCommand: ' ' }), /^docker-command: empty/],
  ])('rejects %s', (_name, make, message) => {
    const run = () => checkImageOptions(options(make(root)), env);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
  });
});
