// moto_server on 127.0.0.1, one per suite, reset between tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, missingServers, waitForHttp } from './servers.js';

export const MOTO = { command: 'moto_server', install: "pip install 'moto[server]'" };

export interface MotoServer {
  url: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export function motoMissing(): string | undefined {
  return missingServers([MOTO]);
}

export async function startMoto(env: Record<string, string> = {}): Promise<MotoServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/moto-api/`);
  return {
    url,
    async reset() {
      await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
