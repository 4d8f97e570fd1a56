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

/** Polls `ready` every 100 ms until it says yes; a server started by a test is ready when it answers. */
export async function waitFor(ready: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const answers = (): Promise<boolean> => fetch(url).then(() => true, () => false);
  return waitFor(answers, `${url} to answer`, timeoutMs);
}
