// The container client runs behind this interface: always an executable and an argument array, never a shell
// string, and a password only ever on stdin. Component tests hand in a fake that records every call.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { signalOf } from '../cancel.js';
import { CancelledError, InputError } from '../errors.js';

export interface RunOptions {
  /** Variables added to (or replacing) the runner's own environment for this command. */
  env?: Readonly<Record<string, string>>;
  stdin?: string;
  /** Each line of output as it comes, for live build and push logs. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  signal?: AbortSignal;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>;
}

// Build logs can run to megabytes; what follows a failure or a push digest is at the end.
const KEPT_OUTPUT = 256 * 1024;
// A cancel first asks the client's process group to stop, then kills what is left: the run must end within 2 s.
const STOP_GRACE_MS = 1000;
// Once a cancelled client has exited, helpers that escaped its group may still hold the pipes open.
const PIPE_DRAIN_MS = 200;

// Each client runs in a process group of its own (detached), so a cancel reaches the helpers it started too.
// Being detached, the group would outlive this process if it exited first: it is killed on exit as well.
const ownGroups = process.platform !== 'win32';
const runningGroups = new Set<number>();
let exitHookInstalled = false;

export function spawnRunner(baseEnv: NodeJS.ProcessEnv = process.env): CommandRunner {
  return {
    run: (command, args, options = {}) =>
      new Promise((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted) {
          reject(cancelledBy(signal));
          return;
        }
        const child = spawn(command, [...args], {
          env: { ...baseEnv, ...options.env },
          stdio: ['pipe', 'pipe', 'pipe'],
          shell: false,
          detached: ownGroups,
        });
        const stop = groupStopper(child);
        const stdout = lineCollector('stdout', options.onLine);
        const stderr = lineCollector('stderr', options.onLine);
        let killTimer: NodeJS.Timeout | undefined;
        let drainTimer: NodeJS.Timeout | undefined;
        let settled = false;
        const settle = (finish: () => void): void => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          clearTimeout(drainTimer);
          clearTimeout(killTimer);
          // Whatever the cancelled client left running in its group goes with it.
          if (signal?.aborted) stop('SIGKILL');
          stop.release();
          finish();
        };
        const onAbort = (): void => {
          stop('SIGTERM');
          killTimer = setTimeout(() => stop('SIGKILL'), STOP_GRACE_MS);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', stdout.push);
        child.stderr.setEncoding('utf8').on('data', stderr.push);
        child.on('error', (error: NodeJS.ErrnoException) => {
          settle(() => {
            if (error.code === 'ENOENT') {
              reject(new InputError(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`));
            } else {
              reject(error);
            }
          });
        });
        child.on('exit', () => {
          if (!signal?.aborted) return;
          drainTimer = setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            settle(() => reject(cancelledBy(signal)));
          }, PIPE_DRAIN_MS);
        });
        child.on('close', (code, exitSignal) => {
          const out = stdout.end();
          const err = stderr.end();
          settle(() => {
            if (signal?.aborted) reject(cancelledBy(signal));
            else resolve({ exitCode: code ?? (exitSignal ? 128 : 1), stdout: out, stderr: err });
          });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.stdin ?? '');
      }),
  };
}

/** Signals the child's process group (the child alone where there are no groups), until released. */
function groupStopper(child: ChildProcess): ((signal: NodeJS.Signals) => void) & { release(): void } {
  const group = ownGroups ? child.pid : undefined;
  if (group !== undefined) {
    runningGroups.add(group);
    installExitHook();
  }
  let released = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (released) return;
    try {
      if (group !== undefined) process.kill(-group, signal);
      else child.kill(signal);
    } catch {
      // Nothing of the group is left.
    }
  };
  return Object.assign(stop, {
    release: () => {
      released = true;
      if (group !== undefined) runningGroups.delete(group);
    },
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of runningGroups) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

function cancelledBy(signal: AbortSignal): CancelledError {
  return new CancelledError(signalOf(signal));
}

function lineCollector(stream: 'stdout' | 'stderr', onLine: RunOptions['onLine']) {
  let kept = '';
  let partial = '';
  return {
    push: (text: string): void => {
      kept = (kept + text).slice(-KEPT_OUTPUT);
      if (!onLine) return;
      const lines = (partial + text).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line, stream);
    },
    end: (): string => {
      if (onLine && partial !== '') onLine(partial, stream);
      partial = '';
      return kept;
    },
  };
}

/** The path `command` runs from, or undefined when it cannot be found (as the shell would look it up). */
export function findExecutable(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = command.includes('/') || isAbsolute(command)
    ? [command]
    : (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '').map((dir) => join(dir, command));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
