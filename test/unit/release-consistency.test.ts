// The version users are told to install is the version package.json and the CHANGELOG release: every action tag,
// GitLab component reference, job image tag, package tarball and git tag the docs show names the same release
// (its major version where a moving tag is meant), and the GitLab component is included by one path everywhere.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEFAULT_JOB_IMAGE, renderComponentYml } from '../../scripts/generated-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

const version = (JSON.parse(read('package.json')) as { version: string }).version;
const major = version.split('.')[0] ?? '';

/** Every file that tells users which release to take. */
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  'Dockerfile',
  '.gitlab-ci.example.yml',
  ...readdirSync(join(ROOT, 'examples')).filter((name) => !name.startsWith('.')).map((name) => `examples/${name}`).filter((path) => !path.endsWith('/deploy')),
  ...readdirSync(join(ROOT, '.github', 'workflows')).map((name) => `.github/workflows/${name}`),
  ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
];

interface Reference {
  file: string;
  kind: string;
  text: string;
  /** The release it names: a major version (moving tag) or a full version. */
  names: string;
}

const PATTERNS: readonly [string, RegExp][] = [
  ['action tag', /ecs-deliver\/ecs-deliver@v([\w.]+)/g],
  ['component', /ecs-deliver\/deploy@([\w.]+)/g],
  ['job image', /registry\.gitlab\.com\/ecs-deliver\/ecs-deliver:([\w.]+)/g],
  ['tarball release', /releases\/download\/v([\w.]+)\//g],
  ['tarball file', /ecs-deliver-(\d[\w.]*)\.tgz/g],
  ['git tag', /ecs-deliver\/ecs-deliver#v([\w.]+)/g],
  ['npm package', /ecs-deliver@(\d[\w.]*)/g],
];

function references(file: string, text: string): Reference[] {
  return PATTERNS.flatMap(([kind, pattern]) =>
    [...text.matchAll(pattern)].map((match) => ({ file, kind, text: match[0], names: (match[1] ?? '').replace(/\.$/, '') })),
  );
}

/** A release name as docs write it: the changelog's own examples (1.2.3) are not references. */
const EXAMPLE_VERSIONS = new Set(['1.2.3']);

describe('the release the docs name', () => {
  const all = DOCS.flatMap((file) => references(file, read(file)));

  test('is the version package.json and the newest CHANGELOG release give', () => {
    const released = [...read('CHANGELOG.md').matchAll(/^## \[?(\d+\.\d+\.\d+)\]?/gm)].map((match) => match[1]);
    expect(released[0], 'the newest release heading of CHANGELOG.md').toBe(version);
    expect(read('CHANGELOG.md')).toMatch(/^## Unreleased$/m);
  });

  test('every action tag, component, job image, tarball and git tag names it', () => {
    const wrong = all
      .filter((reference) => !EXAMPLE_VERSIONS.has(reference.names))
      .filter((reference) => reference.names !== major && reference.names !== version)
      .map((reference) => `${reference.file}: ${reference.text} (${reference.kind})`);
    expect(wrong).toEqual([]);
  });

  test('a moving tag names the major version, a download names the full version', () => {
    const wrong = all
      .filter((reference) => !EXAMPLE_VERSIONS.has(reference.names))
      .filter((reference) => ['tarball release', 'tarball file', 'git tag'].includes(reference.kind) && reference.names !== version)
      .map((reference) => `${reference.file}: ${reference.text}`);
    expect(wrong).toEqual([]);
  });

  test('the README shows each way to install: action tag, component, job image, tarball and git tag', () => {
    const kinds = new Set(all.filter((reference) => reference.file === 'README.md').map((reference) => reference.kind));
    for (const kind of ['action tag', 'component', 'job image', 'tarball release', 'git tag']) expect(kinds, kind).toContain(kind);
  });

  test('the component default job image is the release major', () => {
    expect(DEFAULT_JOB_IMAGE).toBe(`registry.gitlab.com/ecs-deliver/ecs-deliver:${major}`);
    expect(renderComponentYml()).toContain(`default: ${DEFAULT_JOB_IMAGE}`);
  });

  test('the component is included by the same path in the README and the example pipeline', () => {
    const paths = ['README.md', '.gitlab-ci.example.yml', ...DOCS.filter((file) => file.startsWith('docs/'))].flatMap((file) =>
      [...read(file).matchAll(/^\s*-?\s*component:\s*(\S+)/gm)].map((match) => `${match[1] ?? ''}`),
    );
    expect(paths.length).toBeGreaterThan(2);
    expect(new Set(paths)).toEqual(new Set([`$CI_SERVER_FQDN/ecs-deliver/ecs-deliver/deploy@${major}`]));
  });
});
