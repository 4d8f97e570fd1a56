// Runs the built dist/index.js as a subprocess, the way a CI runner does.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BUNDLE = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/**
 * The node that runs the bundle: ECS_DELIVER_TEST_NODE when set (CI runs the end-to-end suites a second time
 * on Node 24, the runtime of the action, from scripts/install-test-tools.sh), else the one running the tests.
 */
export const BUNDLE_NODE = process.env['ECS_DELIVER_TEST_NODE'] || process.execPath;

/** The version of the node that runs the bundle, such as 24.21.0. */
export function bundleNodeVersion(): string {
  return spawnSync(BUNDLE_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
}

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as printed, without the Node version notice (the SDK's own, or the bundle's one line). */
  log: string;
}

export interface BundleOptions {
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Called once the process is running, e.g. to send it a signal. */
  onStart?(child: ChildProcess): void;
  timeoutMs?: number;
}

/** The parent's environment minus anything that would point the bundle at a real account or host. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|ECS_DELIVER|INPUT_|GITHUB_|GITLAB_CI|CI_)/.test(key)) continue;
    env[key] = value;
  }
  env['AWS_EC2_METADATA_DISABLED'] = 'true';
  env['HOME'] = env['HOME'] ?? '/tmp';
  return env;
}

export function runBundle(options: BundleOptions = {}): Promise<BundleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(BUNDLE_NODE, [BUNDLE, ...(options.args ?? [])], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...cleanEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      log += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      log += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, log: withoutSdkNotice(log) });
    });
    child.stdin.end(options.stdin ?? '');
    options.onStart?.(child);
  });
}

function withoutSdkNotice(text: string): string {
  return text
    .replace(/^\(node:\d+\) (?:Warning: )?NodeVersionSupportWarning[\s\S]*?More information can be found at: \S+\n/m, '')
    .replace(/^\(Use `node --trace-warnings[^\n]*\n/m, '')
    .replace(/^warning: Node \S+ is past AWS SDK support;[^\n]*\n/m, '');
}

/**
 * An `onStart` that calls `act` once, as soon as the output so far (stdout and stderr together) shows `ready` (a
 * text, or a test of that output); `done()` says whether it did.
 */
export function whenPrinted(ready: string | ((seen: string) => boolean), act: (child: ChildProcess) => void): Required<Pick<BundleOptions, 'onStart'>> & { done(): boolean } {
  const shows = typeof ready === 'string' ? (seen: string) => seen.includes(ready) : ready;
  let done = false;
  return {
    done: () => done,
    onStart: (child) => {
      let seen = '';
      const watch = (chunk: Buffer): void => {
        seen += chunk.toString();
        if (!done && shows(seen)) {
          done = true;
          act(child);
        }
      };
      child.stdout?.on('data', watch);
      child.stderr?.on('data', watch);
    },
  };
}

/** An `onStart` that sends `signal` once the output shows `text`; `sent()` says whether it was sent. */
export function signalWhenPrinted(text: string, signal: NodeJS.Signals = 'SIGTERM'): Required<Pick<BundleOptions, 'onStart'>> & { sent(): boolean } {
  const watcher = whenPrinted(text, (child) => child.kill(signal));
  return { sent: watcher.done, onStart: watcher.onStart };
}
