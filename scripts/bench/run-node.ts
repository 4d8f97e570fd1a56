// Runs node as a subprocess and notes when it started and when it exited, on this process's clock.
import { spawn } from 'node:child_process';

export interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  startedAt: number;
  exitedAt: number;
  /** When the output first contained `text` (this process's clock), or undefined when it never did. */
  printedAt(text: string): number | undefined;
}

export interface NodeRunOptions {
  env: Record<string, string>;
  cwd?: string;
  /** Run under this command, e.g. ['/usr/bin/time', '-v']. */
  wrapper?: readonly string[];
  timeoutMs?: number;
}

export function runNode(args: readonly string[], options: NodeRunOptions): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const [command = process.execPath, ...prefix] = options.wrapper ? [...options.wrapper, process.execPath] : [process.execPath];
    const startedAt = Date.now();
    const child = spawn(command, [...prefix, ...args], { env: options.env, cwd: options.cwd ?? process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exitedAt = 0;
    /** All output so far with when each chunk came, so a line's time can be found once the run ended. */
    const chunks: { at: number; upTo: string }[] = [];
    let all = '';
    const note = (chunk: Buffer): void => {
      all += chunk.toString();
      chunks.push({ at: Date.now(), upTo: all });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      note(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      note(chunk);
    });
    const printedAt = (text: string): number | undefined => chunks.find((chunk) => chunk.upTo.includes(text))?.at;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('exit', () => (exitedAt = Date.now()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, startedAt, exitedAt: exitedAt || Date.now(), printedAt });
    });
  });
}

/** The outputs a `--json` run printed on stdout, or undefined when stdout is not one JSON object. */
export function jsonOutputs(run: NodeRun): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(run.stdout);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** The end of a run's log, for a message that says why a measurement could not be made. */
export function tail(run: NodeRun, lines = 15): string {
  return `${run.stdout}${run.stderr}`.trimEnd().split('\n').slice(-lines).join('\n');
}
