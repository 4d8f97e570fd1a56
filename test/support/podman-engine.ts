// A container engine for the real docker CLI: `podman system service` on a unix socket in a temp dir, with
// its own image storage there, and the test registries listed as insecure (plain http on localhost).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../src/image/runner.js';
import { stopChild } from './registry-server.js';
import { waitFor } from './servers.js';

export interface PodmanEngine {
  dir: string;
  socket: string;
  /** Environment for the docker CLI: DOCKER_HOST pointing at the engine. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Why the engine cannot run here, with the fix; undefined when it can. */
export function missingEngineTools(): string | undefined {
  if (findExecutable('podman') === undefined) return 'podman not found: apt-get install -y podman';
  if (findExecutable('docker') === undefined) return 'docker CLI not found: install the docker client (the engine is not needed)';
  return undefined;
}

export async function startPodmanEngine(insecureRegistries: readonly string[]): Promise<PodmanEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'test-podman-'));
  const socket = join(dir, 'podman.sock');
  const registriesConf = join(dir, 'registries.conf');
  await writeFile(registriesConf, insecureRegistries.map((host) => `[[registry]]\nlocation = "${host}"\ninsecure = true\n`).join('\n'));
  const child: ChildProcess = spawn(
    'podman',
    // vfs: no overlay mounts that would outlive the engine and keep its directory from being removed.
    ['--root', join(dir, 'storage'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs', 'system', 'service', '--time=0', `unix://${socket}`],
    { env: { ...process.env, CONTAINERS_REGISTRIES_CONF: registriesConf }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`podman system service exited: ${stderr}`);
      return existsSync(socket) && (await ping(socket));
    }, 'podman system service to answer');
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, socket, env: { DOCKER_HOST: `unix://${socket}` }, stop };
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}
