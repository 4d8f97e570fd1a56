// What a new user has: a clone of the repository after `npm ci`, and a shell to type the README's commands into.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv } from './run-bundle.js';

/**
 * The files of the checkout at `root` that a commit would hold (tracked, or new and not ignored), as the working
 * tree has them, in a new temporary directory: no .tmp/, no build output beyond what is committed. The packages
 * `npm ci` installs are the checkout's own.
 */
export function freshClone(root: string): string {
  const clone = mkdtempSync(join(tmpdir(), 'ecs-deliver-clone-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  const tracked = listed.split('\0').filter((path) => path !== '');
  for (const path of tracked) {
    mkdirSync(dirname(join(clone, path)), { recursive: true });
    try {
      copyFileSync(join(root, path), join(clone, path));
    } catch {
      // A file deleted in the working tree is not part of the clone.
    }
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
  return clone;
}

/** A shell without AWS settings, CI variables or colours: a user's terminal on a machine with no AWS account. */
export function userEnv(): Record<string, string> {
  return { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' };
}

export interface ScriptRun {
  code: number | null;
  log: string;
}

/** Runs `script` with bash -e, stdout and stderr in one log as a terminal shows them. */
export function runScript(script: string, cwd: string, env: Record<string, string>, timeoutMs = 120_000): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}
