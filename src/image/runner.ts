// The container client runs behind this interface: always an executable and an argument array, never a shell
// string, and a password only ever on stdin. Component tests hand in a fake that records every call.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { InputError } from '../errors.js';

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

export function spawnRunner(baseEnv: NodeJS.ProcessEnv = process.env): CommandRunner {
  return {
    run: (command, args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
          env: { ...baseEnv, ...options.env },
          stdio: ['pipe', 'pipe', 'pipe'],
          shell: false,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const stdout = lineCollector('stdout', options.onLine);
        const stderr = lineCollector('stderr', options.onLine);
        child.stdout.setEncoding('utf8').on('data', stdout.push);
        child.stderr.setEncoding('utf8').on('data', stderr.push);
        child.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') {
            reject(new InputError(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`));
          } else {
            reject(error);
          }
        });
        child.on('close', (code, signal) => {
          resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: stdout.end(), stderr: stderr.end() });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.stdin ?? '');
      }),
  };
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
