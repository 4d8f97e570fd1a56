// Image references as docker reads them: [registry/]repository[:tag][@algorithm:hex].
import { InputError } from '../errors.js';

export const DOCKER_HUB = 'docker.io';

export interface ImageReference {
  /** Registry host (with port, if any) as docker resolves it: docker.io when the reference names none. */
  registry: string;
  /** Repository path inside the registry; Docker Hub's official images get `library/`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** The reference as written, without tag and digest. */
  name: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z][a-z0-9]*(?:[-_+.][a-z][a-z0-9]*)*:[0-9a-f]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function parseImageReference(reference: string, input = 'image'): ImageReference {
  const invalid = (why: string): InputError =>
    new InputError(`${input}: "${reference}" is not an image reference (${why}); write [registry/]repository[:tag][@sha256:...]`);
  const text = reference.trim();
  if (text === '') throw new InputError(`${input}: empty; give an image reference such as registry/repository:tag`);

  const at = text.indexOf('@');
  const beforeDigest = at === -1 ? text : text.slice(0, at);
  const digest = at === -1 ? undefined : text.slice(at + 1);
  if (digest !== undefined && !(DIGEST.test(digest) && (!digest.startsWith('sha256:') || SHA256.test(digest)))) {
    throw invalid('the digest must be sha256: and 64 lowercase hex digits');
  }

  const lastSlash = beforeDigest.lastIndexOf('/');
  const lastColon = beforeDigest.lastIndexOf(':');
  const hasTag = lastColon > lastSlash;
  const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(lastColon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) throw invalid(`tag "${tag}" has characters a tag cannot have`);

  const parts = name.split('/');
  const first = parts[0] ?? '';
  const namesRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let registry = namesRegistry ? first : DOCKER_HUB;
  let path = namesRegistry ? parts.slice(1) : parts;
  if (namesRegistry && !HOST.test(registry)) throw invalid(`"${registry}" is not a registry host`);
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && path.length === 1) path = ['library', ...path];
  const bad = path.find((component) => !COMPONENT.test(component));
  if (bad !== undefined) throw invalid(`"${bad}" must be lowercase letters, digits and . _ - separators`);
  const repository = path.join('/');
  if (registry.length + 1 + repository.length > 255) throw invalid('the name is longer than 255 characters');

  return { registry, repository, name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** registry/repository, always with the registry: unambiguous for docker and podman alike. */
export function canonicalName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

export function formatReference(ref: ImageReference): string {
  return `${canonicalName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The tag to build, tag and push under: docker's own default when none is written. */
export function pushTag(ref: ImageReference): string {
  return ref.tag ?? 'latest';
}

export function pushReference(ref: ImageReference): string {
  return `${canonicalName(ref)}:${pushTag(ref)}`;
}

/** What to ask the registry for: the digest when the reference pins one, else the tag. */
export function tagOrDigest(ref: ImageReference): string {
  return ref.digest ?? pushTag(ref);
}

/** The name as the user wrote it, pinned to `digest` (the tag is dropped: the digest alone names the image). */
export function withDigest(reference: string | ImageReference, digest: string): string {
  const ref = typeof reference === 'string' ? parseImageReference(reference) : reference;
  return `${ref.name}@${digest}`;
}

export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Base URL of the registry's HTTP API: plain http only for loopback registries. */
export function registryApiBase(registry: string): string {
  if (registry === DOCKER_HUB) return 'https://registry-1.docker.io';
  return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`;
}
