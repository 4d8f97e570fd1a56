import { lstat, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import {
  configKeyRegistry,
  createPrivateDockerConfig,
  credentialsFromConfig,
  privateConfigFrom,
  userDockerConfigDir,
} from '../../src/image/docker-config.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

test.each([
  ['https://index.docker.io/v1/', 'docker.io'],
  ['index.docker.io', 'docker.io'],
  ['registry-1.docker.io', 'docker.io'],
  ['docker.io', 'docker.io'],
  ['localhost:5000', 'localhost:5000'],
  ['https://Ghcr.io', 'ghcr.io'],
  ['http://localhost:5000/v2/', 'localhost:5000'],
])('config key %s names %s', (key, registry) => {
  expect(configKeyRegistry(key)).toBe(registry);
});

test.each([
  ['DOCKER_CONFIG wins', { DOCKER_CONFIG: '/cfg', HOME: '/home/u' }, '/cfg'],
  ['HOME/.docker otherwise', { HOME: '/home/u' }, '/home/u/.docker'],
  ['an empty DOCKER_CONFIG is not set', { DOCKER_CONFIG: '', HOME: '/home/u' }, '/home/u/.docker'],
])('userDockerConfigDir: %s', (_name, env, expected) => {
  expect(userDockerConfigDir(env)).toBe(expected);
});

test.each([
  ['nothing', undefined, 'localhost:5000', { auths: {} }],
  ['not an object', ['x'], 'localhost:5000', { auths: {} }],
  [
    'drops the target registry, keeps the others and other settings',
    { auths: { 'localhost:5000': { auth: b64('u:old') }, 'ghcr.io': { auth: b64('g:p') } }, proxies: { default: {} }, currentContext: 'c' },
    'localhost:5000',
    { auths: { 'ghcr.io': { auth: b64('g:p') } }, proxies: { default: {} }, currentContext: 'c' },
  ],
  [
    'a credsStore becomes per-registry helpers for the other registries only',
    { auths: { 'https://index.docker.io/v1/': {}, 'ghcr.io': {}, 'quay.io': { auth: b64('q:p') } }, credsStore: 'desktop' },
    'docker.io',
    { auths: { 'ghcr.io': {}, 'quay.io': { auth: b64('q:p') } }, credHelpers: { 'ghcr.io': 'desktop' } },
  ],
  [
    'a credential helper for the target is dropped; others stay',
    { credHelpers: { '123456789012.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login', 'gcr.io': 'gcloud' } },
    '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    { auths: {}, credHelpers: { 'gcr.io': 'gcloud' } },
  ],
  [
    'Docker Hub under any of its names',
    { auths: { 'https://index.docker.io/v1/': { auth: 'x' }, 'registry-1.docker.io': { auth: 'y' } } },
    'docker.io',
    { auths: {} },
  ],
])('privateConfigFrom: %s', (_name, user, registry, expected) => {
  expect(privateConfigFrom(user, registry)).toEqual(expected);
});

test.each([
  ['found by host', { auths: { 'localhost:5000': { auth: b64('bob:pa:ss') } } }, 'localhost:5000', { username: 'bob', password: 'pa:ss' }],
  ['Docker Hub key', { auths: { 'https://index.docker.io/v1/': { auth: b64('me:tok') } } }, 'docker.io', { username: 'me', password: 'tok' }],
  ['kept in a store', { auths: { 'localhost:5000': {} }, credsStore: 'desktop' }, 'localhost:5000', undefined],
  ['another registry', { auths: { 'ghcr.io': { auth: b64('a:b') } } }, 'localhost:5000', undefined],
  ['no config', undefined, 'localhost:5000', undefined],
])('credentialsFromConfig: %s', (_name, config, registry, expected) => {
  expect(credentialsFromConfig(config, registry)).toEqual(expected);
});

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

test('the private config is 0700, seeded from the user config, links client state, and removal leaves the user dir intact', async () => {
  const root = await mkdtemp(join(tmpdir(), 'image-config-test-'));
  roots.push(root);
  const user = join(root, 'user');
  await mkdir(join(user, 'cli-plugins'), { recursive: true });
  await writeFile(join(user, 'cli-plugins', 'docker-buildx'), 'plugin');
  const userConfig = JSON.stringify({ auths: { 'localhost:5000': { auth: b64('u:old') }, 'ghcr.io': { auth: b64('g:p') } } });
  await writeFile(join(user, 'config.json'), userConfig);
  const temp = join(root, 'tmp');
  await mkdir(temp);

  const config = await createPrivateDockerConfig({ userConfigDir: user, registry: 'localhost:5000', tempRoot: temp });
  expect((await stat(config.dir)).mode & 0o777).toBe(0o700);
  expect((await stat(join(config.dir, 'config.json'))).mode & 0o777).toBe(0o600);
  expect(JSON.parse(await readFile(join(config.dir, 'config.json'), 'utf8'))).toEqual({ auths: { 'ghcr.io': { auth: b64('g:p') } } });
  expect((await lstat(join(config.dir, 'cli-plugins'))).isSymbolicLink()).toBe(true);
  expect(await lstat(join(config.dir, 'contexts')).catch(() => 'absent')).toBe('absent');
  expect(config.env).toEqual({ DOCKER_CONFIG: config.dir, REGISTRY_AUTH_FILE: join(config.dir, 'config.json') });

  await config.remove();
  expect(await readdir(temp)).toEqual([]);
  expect(await readFile(join(user, 'cli-plugins', 'docker-buildx'), 'utf8')).toBe('plugin');
  expect(await readFile(join(user, 'config.json'), 'utf8')).toBe(userConfig);
});
