// The action as GitHub's local runner for JavaScript actions sees it: `local-action run . src/action.ts .env`
// imports src/action.ts, calls run() with the inputs of the .env file and prints the outputs the action set.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEcsStandin } from '../standin/index.js';
import { awsEnv, createCluster, ecsClient, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { cleanEnv } from '../support/run-bundle.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCAL_ACTION = join(ROOT, 'node_modules', '.bin', 'local-action');
const skip = motoMissing();

interface LocalActionRun {
  code: number | null;
  log: string;
  /** The "Action Outputs" table local-action prints after run() returns. */
  outputs: Record<string, string>;
}

/** Runs local-action on this repository with `inputs` written to a .env file, as a developer would. */
function localAction(dir: string, env: Record<string, string>): Promise<LocalActionRun> {
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

describe.skipIf(skip)('local-action runs the action', () => {
  let moto: MotoServer;
  let ecs: ECSClient;
  let dir = '';

  beforeAll(async () => {
    moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
    ecs = ecsClient(moto.url);
    dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-local-action-'));
  });
  afterAll(async () => {
    await moto?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await moto.reset();
    await createCluster(ecs, 'default');
  });

  const inputs = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));

  test('registers a family from its inputs and prints the outputs run() set', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const run = await localAction(dir, {
      ...awsEnv(moto.url),
      GITHUB_STEP_SUMMARY: summary,
      ...inputs({ family: 'web', image: 'nginx:1.27', memory: '128', 'verify-image': 'false' }),
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Registered web:1.');
    expect(run.outputs).toEqual({
      'task-definition-arn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
      'task-definition-revision': '1',
      registered: 'true',
      image: 'nginx:1.27',
      'image-digest': '',
      'deployment-id': '',
      'codedeploy-deployment-id': '',
      'deployment-status': 'SKIPPED',
      deregistered: '',
      'run-task-arn': '',
      'run-task-exit-code': '',
      'service-deployment-arn': '',
      endpoint: '',
      'service-arn': '',
      'hook-id': '',
      'paused-at': '',
      'expires-at': '',
    });
    expect(readFileSync(summary, 'utf8')).toContain('web:1');
  }, 120_000);

  // moto's UpdateService starts no deployment on the new revision, so a wait against it can only time out: ECS is
  // the project's stand-in here, which plays the rollout to COMPLETED; moto still answers anything outside ECS.
  test('updates a service and waits for its rollout', async (context) => {
    const standin = await startEcsStandin({ timing: { rolloutMs: 1500, taskLifetimeMs: 300 } });
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 });
    const run = await localAction(dir, {
      ...awsEnv(moto.url),
      AWS_ENDPOINT_URL_ECS: standin.url,
      ...inputs({ cluster: 'default', service: 'web', family: 'web', image: 'nginx:1.27', 'verify-image': 'false', 'poll-interval': '1s', 'wait-timeout': '20s' }),
    });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'task-definition-revision': '2', registered: 'true', 'deployment-status': 'COMPLETED' });
    const service = standin.service('web');
    expect(service['taskDefinition']).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:2');
    expect(service['deployments']).toEqual([expect.objectContaining({ status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: service['taskDefinition'] })]);
  }, 120_000);

  test('bad input fails the step with exit 2 and one line naming the input, and registers nothing', async () => {
    const run = await localAction(dir, { ...awsEnv(moto.url), ...inputs({ family: 'web', image: 'nginx:1.27', 'desired-count': 'two' }) });
    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(/^::error::desired-count: "two" is not a whole number/m);
    expect(await revisionsOf(ecs, 'web')).toEqual([]);
  }, 120_000);
});
