// Pipelines as gitlab-ci-local runs them: a project directory made a git repository, the component a pipeline
// includes mapped to this checkout's templates/deploy.yml (gitlab-ci-local cannot fetch `include: component:`; a
// local include with `inputs:` goes through the same spec), and `ecs-deliver` on the PATH of the shell executor,
// as the job image has it.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { BUNDLE, BUNDLE_NODE, cleanEnv } from './run-bundle.js';
import { GITLAB_CI_LOCAL, NODE_24 } from './test-tools.js';

export const COMPONENT_TEMPLATE = fileURLToPath(new URL('../../templates/deploy.yml', import.meta.url));

export interface PipelineRun {
  code: number | null;
  log: string;
}

type Yaml = Record<string, unknown>;

/** A directory holding an `ecs-deliver` that runs the built bundle, for the PATH of gitlab-ci-local's jobs. */
export function ecsDeliverBin(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ecs-deliver'), `#!/bin/sh\nexec "${BUNDLE_NODE}" "${BUNDLE}" "$@"\n`);
  chmodSync(join(dir, 'ecs-deliver'), 0o755);
  return dir;
}

/**
 * Writes `pipeline` as the project's .gitlab-ci.yml next to the checkout's component (templates/deploy.yml), each
 * include of `component` made a local include of it with the same inputs; other includes stay as written.
 */
export function writePipeline(dir: string, pipeline: Yaml, component?: string): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  copyFileSync(COMPONENT_TEMPLATE, join(dir, 'templates', 'deploy.yml'));
  const includes = Array.isArray(pipeline['include']) ? (pipeline['include'] as Yaml[]) : [];
  const include = includes.map((entry) => {
    if (entry['component'] === undefined) return entry;
    if (component === undefined || entry['component'] !== component) throw new Error(`the pipeline includes ${String(entry['component'])}, not the component ${component}`);
    const { component: _component, ...rest } = entry;
    return { local: 'templates/deploy.yml', ...rest };
  });
  writeFileSync(join(dir, '.gitlab-ci.yml'), stringify({ ...pipeline, ...(includes.length > 0 ? { include } : {}) }));
}

export function git(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...cleanEnv(), HOME: dir } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`git ${args.join(' ')} exited ${code}: ${out}`))));
  });
}

/** Makes `dir` a repository on branch main with everything in it committed; answers the commit. */
export async function commitAll(dir: string, message = 'pipeline'): Promise<string> {
  await git(dir, ['init', '-q', '-b', 'main', '.']);
  await git(dir, ['add', '-A']);
  await git(dir, ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', message]);
  return git(dir, ['rev-parse', 'HEAD']);
}

export interface GitlabCiLocalOptions {
  /** Pipeline variables (`--variable`), as CI/CD variables of the project. */
  variables?: Record<string, string>;
  /** Put first on PATH, such as ecsDeliverBin's directory. */
  path?: string;
  timeoutMs?: number;
}

export function gitlabCiLocal(dir: string, args: string[], options: GitlabCiLocalOptions = {}): Promise<PipelineRun> {
  const variables = Object.entries(options.variables ?? {}).flatMap(([key, value]) => ['--variable', `${key}=${value}`]);
  const path = options.path === undefined ? (process.env['PATH'] ?? '') : `${options.path}:${process.env['PATH'] ?? ''}`;
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_24, [GITLAB_CI_LOCAL, ...args, ...variables], {
      cwd: dir,
      env: { ...cleanEnv(), HOME: dir, PATH: path, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

/** The ECS_DELIVERED_* outputs a job's dotenv report holds, by output name (deployment-status, ...). */
export function dotenvOutputs(report: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of report.matchAll(/^ECS_DELIVERED_(\w+)=(.*)$/gm)) outputs[(match[1] ?? '').toLowerCase().replace(/_/g, '-')] = match[2] ?? '';
  return outputs;
}

/** Where gitlab-ci-local keeps a job's artifacts. */
export function artifactsOf(dir: string, job: string): string {
  return join(dir, '.gitlab-ci-local', 'artifacts', job);
}
