import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  formatReference,
  isLoopbackRegistry,
  parseImageReference,
  pushReference,
  registryApiBase,
  tagOrDigest,
  withDigest,
} from '../../src/image/reference.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  test.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', name: 'nginx' }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', name: 'nginx' }],
    ['acme/web:v1.2.3', { registry: 'docker.io', repository: 'acme/web', tag: 'v1.2.3', name: 'acme/web' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', name: 'docker.io/nginx' }],
    ['index.docker.io/acme/web:1', { registry: 'docker.io', repository: 'acme/web', tag: '1', name: 'index.docker.io/acme/web' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app', name: 'localhost:5000/app' }],
    ['localhost:5000/app:1.0.0-rc.1', { registry: 'localhost:5000', repository: 'app', tag: '1.0.0-rc.1', name: 'localhost:5000/app' }],
    ['localhost/app:2', { registry: 'localhost', repository: 'app', tag: '2', name: 'localhost/app' }],
    ['127.0.0.1:5000/team/app:x_y', { registry: '127.0.0.1:5000', repository: 'team/app', tag: 'x_y', name: '127.0.0.1:5000/team/app' }],
    ['[::1]:5000/app:1', { registry: '[::1]:5000', repository: 'app', tag: '1', name: '[::1]:5000/app' }],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:2024.06.01', {
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', repository: 'team/web', tag: '2024.06.01',
      name: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web',
    }],
    [`ghcr.io/acme/web@${DIGEST}`, { registry: 'ghcr.io', repository: 'acme/web', digest: DIGEST, name: 'ghcr.io/acme/web' }],
    [`ghcr.io/acme/web:1.2@${DIGEST}`, { registry: 'ghcr.io', repository: 'acme/web', tag: '1.2', digest: DIGEST, name: 'ghcr.io/acme/web' }],
    ['my-registry.example.com:8443/a/b/c:latest', { registry: 'my-registry.example.com:8443', repository: 'a/b/c', tag: 'latest', name: 'my-registry.example.com:8443/a/b/c' }],
    ['acme/web__x.y-z', { registry: 'docker.io', repository: 'acme/web__x.y-z', name: 'acme/web__x.y-z' }],
  ])('%s', (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  test.each([
    ['', /image: empty/],
    ['Nginx', /"Nginx" must be lowercase/],
    ['acme/Web:1', /"Web" must be lowercase/],
    ['nginx:bad tag', /tag "bad tag"/],
    ['nginx:-x', /tag "-x"/],
    ['nginx@sha256:abc', /digest must be sha256/],
    [`nginx@sha256:${'A'.repeat(64)}`, /digest must be sha256/],
    ['acme//web', /"" must be lowercase/],
    ['acme/web-', /"web-" must be lowercase/],
    ['bad_host.com:x/app', /not a registry host/],
  ])('rejects %j', (text, message) => {
    expect(() => parseImageReference(text)).toThrow(InputError);
    expect(() => parseImageReference(text)).toThrow(message);
  });

  test('names the input in its error', () => {
    expect(() => parseImageReference('UPPER', 'source-image')).toThrow(/^source-image: "UPPER"/);
  });
});

describe('formatting', () => {
  test.each([
    ['nginx', 'docker.io/library/nginx', 'docker.io/library/nginx:latest', 'latest'],
    ['localhost:5000/app:1.2', 'localhost:5000/app:1.2', 'localhost:5000/app:1.2', '1.2'],
    [`ghcr.io/a/b:1@${DIGEST}`, `ghcr.io/a/b:1@${DIGEST}`, 'ghcr.io/a/b:1', DIGEST],
  ])('%s', (text, formatted, pushed, asked) => {
    const ref = parseImageReference(text);
    expect(formatReference(ref)).toBe(formatted);
    expect(pushReference(ref)).toBe(pushed);
    expect(tagOrDigest(ref)).toBe(asked);
  });

  test.each([
    ['nginx:1', `nginx@${DIGEST}`],
    ['localhost:5000/app:1.2', `localhost:5000/app@${DIGEST}`],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web', `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}`],
    [`ghcr.io/a/b:1@sha256:${'b'.repeat(64)}`, `ghcr.io/a/b@${DIGEST}`],
  ])('withDigest(%s) keeps the name as written and drops the tag', (text, expected) => {
    expect(withDigest(text, DIGEST)).toBe(expected);
  });

  test.each([
    ['localhost:5000', true, 'http://localhost:5000'],
    ['localhost', true, 'http://localhost'],
    ['127.0.0.1:5000', true, 'http://127.0.0.1:5000'],
    ['[::1]:5000', true, 'http://[::1]:5000'],
    ['docker.io', false, 'https://registry-1.docker.io'],
    ['ghcr.io', false, 'https://ghcr.io'],
    ['localhost.example.com:5000', false, 'https://localhost.example.com:5000'],
    ['128.0.0.1:5000', false, 'https://128.0.0.1:5000'],
  ])('%s: loopback %s, API at %s', (registry, loopback, base) => {
    expect(isLoopbackRegistry(registry)).toBe(loopback);
    expect(registryApiBase(registry)).toBe(base);
  });
});
