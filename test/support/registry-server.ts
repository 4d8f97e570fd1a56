// A real registry for tests: Debian's `docker-registry` (CNCF distribution) on 127.0.0.1 with a free port,
// htpasswd logins, storage in a temp dir removed on stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../src/image/runner.js';
import { freePort, waitFor } from './servers.js';

export { freePort };

export interface RegistryUser {
  username: string;
  password: string;
}

export interface RegistryServer {
  /** Registry name for image references: localhost:PORT (podman treats 127.0.0.1 differently). */
  host: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** Why the registry cannot run here, with the fix; undefined when it can. */
export function missingRegistryTools(): string | undefined {
  const missing = ['docker-registry', 'htpasswd'].filter((tool) => findExecutable(tool) === undefined);
  return missing.length === 0 ? undefined : `${missing.join(' and ')} not found: apt-get install -y docker-registry apache2-utils`;
}

export async function startRegistry(users: readonly RegistryUser[]): Promise<RegistryServer> {
  const dir = await mkdtemp(join(tmpdir(), 'test-registry-'));
  const port = await freePort();
  // -i reads the password from stdin, so it is on no command line.
  const lines = users.map(({ username, password }) => {
    const out = spawnSync('htpasswd', ['-iBn', username], { input: password, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`htpasswd failed: ${out.stderr}`);
    return out.stdout.trim();
  });
  await writeFile(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
  const config = [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    ...(users.length > 0 ? ['auth:', '  htpasswd:', '    realm: test-registry', `    path: ${join(dir, 'htpasswd')}`] : []),
  ].join('\n');
  await writeFile(join(dir, 'config.yml'), `${config}\n`);

  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
      const response = await fetch(`http://127.0.0.1:${port}/v2/`).catch(() => undefined);
      return response !== undefined && (response.status === 200 || response.status === 401);
    }, 'docker-registry to answer');
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: `localhost:${port}`, port, dir, stop };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

