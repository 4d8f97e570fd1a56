// A private DOCKER_CONFIG for one run: `docker login` writes the registry password there, never into the
// user's own config, and the directory is removed when the run ends, on failure too.
import { chmod, lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from '../exit-cleanup.js';
import { DOCKER_HUB } from './reference.js';

type JsonObject = Record<string, unknown>;

export interface BasicCredentials {
  username: string;
  password: string;
}

export interface PrivateDockerConfig {
  dir: string;
  /** Environment for every client command of the run: docker reads DOCKER_CONFIG, podman REGISTRY_AUTH_FILE. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

// Client state the build may need (plugins such as buildx, contexts, builders); linked, never copied or changed.
const LINKED_ENTRIES = ['cli-plugins', 'contexts', 'buildx'];
const DOCKER_HUB_KEYS = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/**
 * Where the private DOCKER_CONFIG goes: on a GitHub runner its own temporary directory, emptied after every job
 * (so a runner killed mid-push leaves nothing for the next job), elsewhere the system's. Either way in a 0700
 * directory of its own.
 */
export function privateConfigRoot(env: NodeJS.ProcessEnv = process.env): string {
  const runnerTemp = env['RUNNER_TEMP'];
  return runnerTemp !== undefined && runnerTemp !== '' ? runnerTemp : tmpdir();
}

export function userDockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['DOCKER_CONFIG'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(env['HOME'] || homedir(), '.docker');
}

export async function readDockerConfig(dir: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as unknown;
  } catch {
    return {};
  }
}

/** The registry host a config key names: keys may carry a scheme and a path ("https://index.docker.io/v1/"). */
export function configKeyRegistry(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  return DOCKER_HUB_KEYS.has(host) ? DOCKER_HUB : host;
}

/**
 * The user's config minus every way it has of storing credentials for `registry`, so `docker login` writes into
 * the private copy only. Logins to other registries stay usable (a build may pull its base image from one):
 * a credsStore is turned into per-registry credHelpers, since a credsStore would also receive the new login.
 */
export function privateConfigFrom(user: unknown, registry: string): JsonObject {
  const config: JsonObject = isObject(user) ? { ...user } : {};
  const target = configKeyRegistry(registry);
  const others = <T>(entries: [string, T][]): [string, T][] => entries.filter(([key]) => configKeyRegistry(key) !== target);
  const auths = others(Object.entries(isObject(config['auths']) ? config['auths'] : {}));
  const helpers = others(Object.entries(isObject(config['credHelpers']) ? config['credHelpers'] : {}));
  const store = typeof config['credsStore'] === 'string' && config['credsStore'] !== '' ? config['credsStore'] : undefined;

  const credHelpers: JsonObject = Object.fromEntries(helpers);
  if (store !== undefined) {
    for (const [key, value] of auths) {
      if (!hasInlineAuth(value) && !Object.hasOwn(credHelpers, key)) credHelpers[key] = store;
    }
  }
  delete config['credsStore'];
  delete config['credHelpers'];
  config['auths'] = Object.fromEntries(auths);
  if (Object.keys(credHelpers).length > 0) config['credHelpers'] = credHelpers;
  return config;
}

/** The login the docker client itself holds for `registry` in its config file, when it is stored there. */
export function credentialsFromConfig(config: unknown, registry: string): BasicCredentials | undefined {
  if (!isObject(config) || !isObject(config['auths'])) return undefined;
  const target = configKeyRegistry(registry);
  for (const [key, value] of Object.entries(config['auths'])) {
    if (configKeyRegistry(key) !== target || !isObject(value)) continue;
    const auth = value['auth'];
    if (typeof auth !== 'string' || auth === '') continue;
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return undefined;
}

export async function createPrivateDockerConfig(options: {
  userConfigDir: string;
  registry: string;
  tempRoot?: string;
}): Promise<PrivateDockerConfig> {
  const dir = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'ecs-deliver-docker-'));
  const forget = removeOnExit(dir);
  const remove = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  try {
    await chmod(dir, 0o700);
    const config = privateConfigFrom(await readDockerConfig(options.userConfigDir), options.registry);
    await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    for (const entry of LINKED_ENTRIES) {
      const source = join(options.userConfigDir, entry);
      if (await exists(source)) await symlink(source, join(dir, entry));
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: join(dir, 'config.json') }, remove };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasInlineAuth(value: unknown): boolean {
  return isObject(value) && typeof value['auth'] === 'string' && value['auth'] !== '';
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
