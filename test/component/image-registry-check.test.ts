import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { MANIFEST_ACCEPT, checkManifest } from '../../src/image/registry-check.js';
import { parseImageReference } from '../../src/image/reference.js';

// A registry on loopback speaking just enough of the distribution API: a manifest endpoint behind no auth,
// basic auth, or bearer tokens from a realm (as Docker Hub does).
type Mode = 'open' | 'basic' | 'bearer' | 'broken' | 'no-digest-header';
const DIGEST = `sha256:${'e'.repeat(64)}`;
const MANIFEST = '{"schemaVersion":2}';
const USER = 'bob';
const PASSWORD = 'p@ss:word';
const TOKEN = 'token-123';

let server: Server;
let port = 0;
let mode: Mode = 'open';
let seen: { method: string; url: string; authorization?: string; accept?: string }[] = [];

function basicOk(req: IncomingMessage): boolean {
  return req.headers.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(req.headers.accept ? { accept: req.headers.accept } : {}) });
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    if (url.pathname === '/token') {
      const anonymousAllowed = url.searchParams.get('scope') === 'repository:library/public:pull';
      if (!basicOk(req) && !anonymousAllowed) return res.writeHead(401).end();
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: TOKEN }));
    }
    if (mode === 'broken') return res.writeHead(503).end();
    const authorized =
      mode === 'basic' ? basicOk(req) : mode === 'bearer' ? req.headers.authorization === `Bearer ${TOKEN}` : true;
    if (!authorized) {
      const challenge = mode === 'basic'
        ? 'Basic realm="test"'
        : `Bearer realm="http://localhost:${port}/token",service="test-registry",scope="repository:${url.pathname.split('/').slice(2, -2).join('/')}:pull"`;
      return res.writeHead(401, { 'WWW-Authenticate': challenge }).end();
    }
    const found = url.pathname.endsWith('/manifests/1') || url.pathname.endsWith(`/manifests/${DIGEST}`);
    if (!found) return res.writeHead(404).end();
    const headers: Record<string, string> = { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' };
    if (mode !== 'no-digest-header') headers['Docker-Content-Digest'] = DIGEST;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : MANIFEST);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const ref = (text: string) => parseImageReference(text.replace('PORT', String(port)));
const credentials = { username: USER, password: PASSWORD };

test.each<[string, Mode, string, typeof credentials | undefined, unknown]>([
  ['open registry, found', 'open', 'localhost:PORT/app:1', undefined, { status: 'found', digest: DIGEST }],
  ['open registry, by digest', 'open', `localhost:PORT/app@${DIGEST}`, undefined, { status: 'found', digest: DIGEST }],
  ['open registry, missing tag', 'open', 'localhost:PORT/app:2', undefined, { status: 'not-found', detail: expect.stringContaining('404') }],
  ['basic auth answered', 'basic', 'localhost:PORT/app:1', credentials, { status: 'found', digest: DIGEST }],
  ['basic auth, missing tag', 'basic', 'localhost:PORT/app:2', credentials, { status: 'not-found', detail: expect.stringContaining('404') }],
  ['basic auth without credentials', 'basic', 'localhost:PORT/app:1', undefined, { status: 'unreachable', detail: expect.stringContaining('refused access without credentials (HTTP 401)') }],
  ['basic auth, wrong password', 'basic', 'localhost:PORT/app:1', { username: USER, password: 'wrong' }, { status: 'unreachable', detail: expect.stringContaining('with the credentials given (HTTP 401)') }],
  ['bearer token with credentials', 'bearer', 'localhost:PORT/team/app:1', credentials, { status: 'found', digest: DIGEST }],
  ['bearer token, anonymous', 'bearer', 'localhost:PORT/library/public:1', undefined, { status: 'found', digest: DIGEST }],
  ['bearer token refused', 'bearer', 'localhost:PORT/private:1', undefined, { status: 'unreachable', detail: expect.stringContaining('HTTP 401') }],
  ['a server error', 'broken', 'localhost:PORT/app:1', undefined, { status: 'unreachable', detail: expect.stringContaining('HTTP 503') }],
  ['no digest header: digest of the body', 'no-digest-header', 'localhost:PORT/app:1', undefined, {
    status: 'found', digest: `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`,
  }],
])('%s', async (_name, serverMode, text, creds, expected) => {
  mode = serverMode;
  expect(await checkManifest(ref(text), creds ? { credentials: creds } : {})).toEqual(expected);
});

test('asks with HEAD and every manifest media type, then with the answer to the challenge', async () => {
  mode = 'bearer';
  await checkManifest(ref('localhost:PORT/team/app:1'), { credentials });
  expect(seen.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(['HEAD /v2/team/app/manifests/1', 'GET /token', 'HEAD /v2/team/app/manifests/1']);
  expect(seen[0]?.accept).toBe(MANIFEST_ACCEPT);
  expect(seen[0]?.authorization).toBeUndefined();
  expect(new URL(seen[1]?.url ?? '', 'http://x').searchParams.get('service')).toBe('test-registry');
  expect(new URL(seen[1]?.url ?? '', 'http://x').searchParams.get('scope')).toBe('repository:team/app:pull');
  expect(seen[2]?.authorization).toBe(`Bearer ${TOKEN}`);
});

test('an unreachable registry is unreachable, not an exception, and the detail holds no secret', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const result = await checkManifest(parseImageReference(`localhost:${closedPort}/app:1`), { credentials });
  expect(result).toEqual({ status: 'unreachable', detail: expect.stringMatching(/could not be reached: ECONNREFUSED/) });
  expect(JSON.stringify(result)).not.toContain(PASSWORD);
});

test('a registry that does not answer in time is unreachable', async () => {
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const silentPort = (silent.address() as AddressInfo).port;
  try {
    const result = await checkManifest(parseImageReference(`localhost:${silentPort}/app:1`), { timeoutMs: 200 });
    expect(result).toEqual({ status: 'unreachable', detail: expect.stringContaining('no answer in time') });
  } finally {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  }
});
