// The container client runner against real processes: fake clients written as shell scripts, one of which
// ignores SIGTERM and leaves a helper holding its output pipes, as a stuck build or push can.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancelledError, InputError } from '../../src/errors.js';
import { spawnRunner } from '../../src/image/runner.js';
import { alive } from '../support/processes.js';

let dir = '';

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Resolves with the first line that matches, as the client prints it. */
function lineWatcher(pattern: RegExp) {
  const lines: string[] = [];
  let found: (line: string) => void = () => undefined;
  const seen = new Promise<string>((resolve) => (found = resolve));
  return {
    lines,
    seen,
    onLine: (line: string) => {
      lines.push(line);
      if (pattern.test(line)) found(line);
    },
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-runner-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('spawnRunner', () => {
  test('passes stdin, arguments and environment, and gives each output line as it comes', async () => {
    const client = script('login', 'read -r password; echo "login $1 as $USER_NAME with ${#password} characters"; echo warn >&2; exit 3');
    const seen: string[] = [];
    const result = await spawnRunner({ PATH: process.env['PATH'] ?? '' }).run(client, ['registry.example'], {
      env: { USER_NAME: 'ci' },
      stdin: 's3cret\n',
      onLine: (line, stream) => seen.push(`${stream}: ${line}`),
    });
    expect(result).toEqual({ exitCode: 3, stdout: 'login registry.example as ci with 6 characters\n', stderr: 'warn\n' });
    expect(seen).toEqual(['stdout: login registry.example as ci with 6 characters', 'stderr: warn']);
  });

  test('a client that is not there is an input error naming docker-command', async () => {
    await expect(spawnRunner().run(join(dir, 'no-such-client'), [])).rejects.toThrow(InputError);
  });

  test('a cancel ends a client that ignores SIGTERM, and the helper that holds its pipes', async () => {
    const pids = join(dir, 'stuck.pids');
    // Both ignore SIGTERM (the disposition is inherited); the helper keeps stdout and stderr open for a minute.
    const client = script('stuck', `trap '' TERM\nsleep 60 &\necho "$$ $!" > ${pids}\necho building\nwait`);
    const cancel = new AbortController();
    const watcher = lineWatcher(/^building$/);
    const run = spawnRunner().run(client, ['build', '.'], { signal: cancel.signal, onLine: watcher.onLine });
    await watcher.seen;
    const [clientPid = 0, helperPid = 0] = readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    expect(alive(clientPid) && alive(helperPid)).toBe(true);

    cancel.abort('SIGTERM');
    await expect(run).rejects.toEqual(new CancelledError('SIGTERM'));
    expect(alive(clientPid), 'the client is gone').toBe(false);
    expect(alive(helperPid), 'its helper is gone').toBe(false);
  }, 10_000);

  test('a cancel asks first: a client that stops on SIGTERM gets to say so', async () => {
    const client = script('polite', `trap 'echo stopping on TERM; exit 143' TERM\necho pushing\nwhile :; do sleep 0.05; done`);
    const cancel = new AbortController();
    const watcher = lineWatcher(/^pushing$/);
    const run = spawnRunner().run(client, ['push', 'x'], { signal: cancel.signal, onLine: watcher.onLine });
    await watcher.seen;
    cancel.abort('SIGINT');
    await expect(run).rejects.toEqual(new CancelledError('SIGINT'));
    expect(watcher.lines).toContain('stopping on TERM');
  }, 10_000);

  test('a cancel before the start runs nothing', async () => {
    const marker = join(dir, 'started');
    const client = script('marker', `touch ${marker}`);
    const cancel = new AbortController();
    cancel.abort('SIGTERM');
    await expect(spawnRunner().run(client, [], { signal: cancel.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(() => readFileSync(marker)).toThrow();
  });
});
