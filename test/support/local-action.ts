// GitHub's local runner for JavaScript actions: `local-action run . src/action.ts .env` imports src/action.ts,
// calls run() with the inputs of the .env file and prints the outputs the action set.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './run-bundle.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCAL_ACTION = join(ROOT, 'node_modules', '.bin', 'local-action');
/** What the process running the action has on its command line (under local-action's tsx). */
export const LOCAL_ACTION_ENTRY = join('local-action', 'src', 'index.ts');

export interface LocalActionRun {
  code: number | null;
  log: string;
  /** The "Action Outputs" table local-action prints after run() returns. */
  outputs: Record<string, string>;
}

/** The action's inputs as the runner hands them over: INPUT_<NAME>. */
export function actionInputs(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
}

/** Runs local-action on this repository with `env` written to a .env file in `dir`, as a developer would. */
export function localAction(dir: string, env: Record<string, string>, options: { onStart?(child: ChildProcess): void } = {}): Promise<LocalActionRun> {
  const envFile = join(dir, '.env');
  writeFileSync(envFile, Object.entries(env).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join('\n') + '\n');
  return new Promise((resolve, reject) => {
    const child = spawn(LOCAL_ACTION, ['run', ROOT, 'src/action.ts', envFile], {
      cwd: ROOT,
      env: { ...cleanEnv(), NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log, outputs: outputTable(log) }));
    options.onStart?.(child);
  });
}

function outputTable(log: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const section = log.slice(log.lastIndexOf('Action Outputs'));
  for (const match of section.matchAll(/^│\s*\d+\s*│\s*'([^']*)'\s*│\s*'([^']*)'\s*│$/gm)) {
    outputs[match[1] ?? ''] = match[2] ?? '';
  }
  return outputs;
}
