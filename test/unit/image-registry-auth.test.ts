import { expect, test } from 'vitest';
import { basicAuthorization, manifestUrl, parseAuthChallenge } from '../../src/image/registry-check.js';
import { parseImageReference } from '../../src/image/reference.js';

test.each([
  ['Basic realm="registry"', { scheme: 'basic', params: { realm: 'registry' } }],
  [
    'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
    { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } },
  ],
  ['bearer realm=http://127.0.0.1:1/t, service=local', { scheme: 'bearer', params: { realm: 'http://127.0.0.1:1/t', service: 'local' } }],
  ['Bearer scope="repository:a:pull,push"', { scheme: 'bearer', params: { scope: 'repository:a:pull,push' } }],
])('challenge %s', (header, expected) => {
  expect(parseAuthChallenge(header)).toEqual(expected);
});

test('no header, no challenge', () => {
  expect(parseAuthChallenge(null)).toBeUndefined();
});

test.each([
  ['nginx', 'https://registry-1.docker.io/v2/library/nginx/manifests/latest'],
  ['localhost:5000/app:1.2', 'http://localhost:5000/v2/app/manifests/1.2'],
  [`ghcr.io/a/b:1@sha256:${'c'.repeat(64)}`, `https://ghcr.io/v2/a/b/manifests/sha256:${'c'.repeat(64)}`],
])('manifest URL of %s', (ref, url) => {
  expect(manifestUrl(parseImageReference(ref))).toBe(url);
});

test('basic authorization header', () => {
  expect(basicAuthorization({ username: 'AWS', password: 'pw' })).toBe(`Basic ${Buffer.from('AWS:pw').toString('base64')}`);
});
