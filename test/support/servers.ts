// Finding the real servers a suite needs. A missing one skips the suite with an install hint, unless
// ECS_DELIVER_REQUIRE_SERVERS=1 (set by .ci/run), where it fails instead.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export const serversRequired = process.env['ECS_DELIVER_REQUIRE_SERVERS'] === '1';

export function commandAvailable(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** undefined when every command is there; else the line to print when skipping. */
export function missingServers(needs: readonly { command: string; install: string }[]): string | undefined {
  const missing = needs.filter((need) => !commandAvailable(need.command));
  if (missing.length === 0) return undefined;
  const line = `skipped: ${missing.map((m) => m.command).join(', ')} not found; install with: ${missing.map((m) => m.install).join('; ')}`;
  if (serversRequired) throw new Error(`ECS_DELIVER_REQUIRE_SERVERS=1 but ${line}`);
  console.warn(line);
  return line;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
