// Does an image exist in a registry? One manifest request over the registry HTTP API (OCI distribution),
// with the login challenge answered the way docker answers it: basic auth, or a bearer token from the realm.
import { createHash } from 'node:crypto';
import { errorMessage } from '../errors.js';
import type { BasicCredentials } from './docker-config.js';
import { isLoopbackRegistry, registryApiBase, tagOrDigest, type ImageReference } from './reference.js';

export type ManifestCheck =
  | { status: 'found'; digest?: string }
  | { status: 'not-found'; detail: string }
  /** Unreachable, refused, or not allowed to look: the check could not tell. */
  | { status: 'unreachable'; detail: string };

export interface ManifestCheckOptions {
  credentials?: BasicCredentials;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

export function parseAuthChallenge(header: string | null): AuthChallenge | undefined {
  const match = header ? /^\s*([A-Za-z]+)\s*(.*)$/.exec(header) : null;
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, key = '', quoted, bare] of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    params[key.toLowerCase()] = quoted ?? bare ?? '';
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

export function manifestUrl(ref: ImageReference): string {
  return `${registryApiBase(ref.registry)}/v2/${ref.repository}/manifests/${tagOrDigest(ref)}`;
}

export async function checkManifest(ref: ImageReference, options: ManifestCheckOptions = {}): Promise<ManifestCheck> {
  const doFetch = options.fetch ?? fetch;
  const url = manifestUrl(ref);
  const request = (method: 'HEAD' | 'GET', authorization?: string): Promise<Response> =>
    doFetch(url, {
      method,
      headers: { Accept: MANIFEST_ACCEPT, ...(authorization !== undefined ? { Authorization: authorization } : {}) },
      signal: timeoutSignal(options),
    });
  try {
    let authorization: string | undefined;
    let response = await request('HEAD');
    if (response.status === 401) {
      authorization = await answerChallenge(parseAuthChallenge(response.headers.get('www-authenticate')), ref, options, doFetch);
      if (authorization !== undefined) response = await request('HEAD', authorization);
    }
    if (response.ok) {
      const digest = response.headers.get('docker-content-digest') ?? (await digestOfBody(await request('GET', authorization)));
      return digest !== undefined ? { status: 'found', digest } : { status: 'found' };
    }
    if (response.status === 404) return { status: 'not-found', detail: `${ref.registry} answered 404 for ${ref.repository}:${tagOrDigest(ref)}` };
    if (response.status === 401 || response.status === 403) {
      const how = options.credentials ? 'with the credentials given' : 'without credentials';
      return { status: 'unreachable', detail: `${ref.registry} refused access ${how} (HTTP ${response.status})` };
    }
    return { status: 'unreachable', detail: `${ref.registry} answered HTTP ${response.status}` };
  } catch (error) {
    return { status: 'unreachable', detail: `${ref.registry} could not be reached: ${describeFetchError(error)}` };
  }
}

/** The Authorization header that answers the registry's challenge, or undefined when there is nothing to send. */
async function answerChallenge(
  challenge: AuthChallenge | undefined,
  ref: ImageReference,
  options: ManifestCheckOptions,
  doFetch: typeof fetch,
): Promise<string | undefined> {
  const basic = options.credentials ? basicAuthorization(options.credentials) : undefined;
  if (challenge?.scheme === 'basic') return basic;
  if (challenge?.scheme !== 'bearer') return undefined;
  const realm = challenge.params['realm'];
  if (realm === undefined || realm === '') return undefined;
  const tokenUrl = new URL(realm);
  if (challenge.params['service']) tokenUrl.searchParams.set('service', challenge.params['service']);
  tokenUrl.searchParams.set('scope', challenge.params['scope'] || `repository:${ref.repository}:pull`);
  // Credentials go to a token service only over https, or to one on this machine.
  const mayAuthenticate = tokenUrl.protocol === 'https:' || isLoopbackRegistry(tokenUrl.host);
  const response = await doFetch(tokenUrl, {
    headers: basic !== undefined && mayAuthenticate ? { Authorization: basic } : {},
    signal: timeoutSignal(options),
  });
  if (!response.ok) return undefined;
  const body = (await response.json()) as { token?: unknown; access_token?: unknown };
  const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
  return token !== undefined && token !== '' ? `Bearer ${token}` : undefined;
}

export function basicAuthorization(credentials: BasicCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

async function digestOfBody(response: Response): Promise<string | undefined> {
  if (!response.ok) return undefined;
  const body = Buffer.from(await response.arrayBuffer());
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

function timeoutSignal(options: ManifestCheckOptions): AbortSignal {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  return options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
}

function describeFetchError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return errorMessage(error);
}
