// Every ending leaves its trace: bad input and a failed preflight write the outputs (deployment-status
// NOT_STARTED), the job summary with the reason and the GitLab dotenv report; a signal ends a run with a call in
// flight, exit 143, with the outputs of what was done.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { type TestContext, afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { awsEnv, createCluster, ecsClient, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { runBundle, type BundleRun, whenPrinted } from '../support/run-bundle.js';
import { DEPLOY_WEB, seedWeb, standinEnv, standinForTest } from '../support/standin-e2e.js';

interface GithubFiles {
  dir: string;
  env: Record<string, string>;
  outputs(): Record<string, string>;
  summary(): string;
}

function githubFiles(): GithubFiles {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-endings-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    dir,
    env: { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
    outputs: () => parseGithubOutput(readFileSync(output, 'utf8')),
    summary: () => readFileSync(summary, 'utf8'),
  };
}

const jsonOutputs = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;

describe('bad input', () => {
  const args = ['--service', 'web', '--image', 'nginx:1', '--wait-timeout', 'soon'];
  const reason = /wait-timeout: "soon" is not a duration/;

  test('shell --json on a GitHub run: step: exit 2, one error line, outputs NOT_STARTED, a summary with the reason', async () => {
    const files = githubFiles();
    const run = await runBundle({ args: [...args, '--json'], env: { AWS_REGION: 'us-east-1', ...files.env } });

    expect(run.code, run.log).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('error: '))).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
    expect(jsonOutputs(run)).toMatchObject({ 'deployment-status': 'NOT_STARTED', 'task-definition-arn': '', registered: 'false' });
    expect(files.outputs()).toMatchObject({ 'deployment-status': 'NOT_STARTED', 'task-definition-arn': '' });
    expect(files.summary()).toMatch(/nothing was changed/);
    expect(files.summary()).toMatch(/wait-timeout: "soon" is not a duration/);
  });

  test('plain shell: the error line is the only line', async () => {
    const run = await runBundle({ args, env: { AWS_REGION: 'us-east-1' } });
    expect(run.code).toBe(2);
    expect(run.log.trim().split('\n')).toHaveLength(1);
    expect(run.log).toMatch(reason);
  });

  test('GitLab: the dotenv report says NOT_STARTED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-endings-gl-'));
    const run = await runBundle({ cwd: dir, args, env: { AWS_REGION: 'us-east-1', GITLAB_CI: 'true' } });
    expect(run.code, run.log).toBe(2);
    const dotenv = readFileSync(join(dir, 'ecs-deliver.env'), 'utf8');
    expect(dotenv).toMatch(/^ECS_DELIVERED_DEPLOYMENT_STATUS=NOT_STARTED$/m);
    expect(dotenv).toMatch(/^ECS_DELIVERED_TASK_DEFINITION_ARN=$/m);
  });

  test('GitHub Actions step: outputs and summary through the runner files, exit 2', async () => {
    const files = githubFiles();
    const run = await runBundle({
      env: { AWS_REGION: 'us-east-1', GITHUB_ACTIONS: 'true', ...files.env, INPUT_SERVICE: 'web', INPUT_IMAGE: 'nginx:1', 'INPUT_WAIT-TIMEOUT': 'soon' },
    });
    expect(run.code, run.log).toBe(2);
    expect(run.stdout.match(/^::error::/gm)).toHaveLength(1);
    expect(files.outputs()['deployment-status']).toBe('NOT_STARTED');
    expect(files.summary()).toMatch(reason);
  });
});

describe.skipIf(motoMissing())('a failed preflight against moto', () => {
  let moto: MotoServer;
  let ecs: ECSClient;
  beforeAll(async () => {
    moto = await startMoto();
    ecs = ecsClient(moto.url);
    await createCluster(ecs, 'default');
  });
  afterAll(async () => moto?.stop());

  const args = ['--service', 'missing', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'];

  test('shell --json with GitHub files: exit 2, NOT_STARTED, the summary says why, nothing registered', async () => {
    const files = githubFiles();
    const run = await runBundle({ args: [...args, '--json'], env: { ...awsEnv(moto.url), ...files.env } });

    expect(run.code, run.log).toBe(2);
    expect(run.stderr).toMatch(/service: "missing" was not found in cluster default/);
    expect(jsonOutputs(run)).toMatchObject({ 'deployment-status': 'NOT_STARTED', registered: 'false', 'task-definition-arn': '' });
    expect(files.outputs()['deployment-status']).toBe('NOT_STARTED');
    expect(files.summary()).toMatch(/nothing was changed on missing/);
    expect(files.summary()).toMatch(/service: "missing" was not found/);
    expect(await revisionsOf(ecs, 'web')).toHaveLength(0);
  });

  test('GitLab: the dotenv report says NOT_STARTED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-endings-gl-'));
    const run = await runBundle({ cwd: dir, args, env: { ...awsEnv(moto.url), GITLAB_CI: 'true' } });
    expect(run.code, run.log).toBe(2);
    expect(readFileSync(join(dir, 'ecs-deliver.env'), 'utf8')).toMatch(/^ECS_DELIVERED_DEPLOYMENT_STATUS=NOT_STARTED$/m);
  });
});

/** A stand-in with service web on web:1 (one task) whose `operation` answers only after `latencyMs`. */
async function slowStandin(context: TestContext, operation: string, latencyMs = 60_000): Promise<EcsStandin> {
  const standin = await standinForTest(context);
  seedWeb(standin, { desiredCount: 1 });
  standin.setFaults({ latencyMs, operations: [operation] });
  return standin;
}

/**
 * Deploys nginx:1.25 to web with `args` and, 300 ms after the output shows `text` (a call then on its way, and a
 * moment to be in flight), calls `act`. The run must end by itself: the 30 s kill only stops a run that hangs, and
 * then the test fails on `signal`.
 */
async function deployActingOn(
  standin: EcsStandin,
  args: string[],
  text: string,
  act: (child: ChildProcess) => void,
  env: Record<string, string> = {},
): Promise<BundleRun & { signalled: boolean }> {
  const watcher = whenPrinted(text, (child) => setTimeout(() => act(child), 300));
  const run = await runBundle({ args: [...DEPLOY_WEB, ...args], env: { ...standinEnv(standin), ...env }, timeoutMs: 30_000, onStart: watcher.onStart });
  return { ...run, signalled: watcher.done() };
}

describe('a signal with an AWS call in flight', () => {
  test('SIGTERM while RegisterTaskDefinition hangs: exit 143 with outputs CANCELLED, long before the call could answer', async (context) => {
    const standin = await slowStandin(context, 'RegisterTaskDefinition');
    const files = githubFiles();
    const run = await deployActingOn(
      standin,
      ['--json'],
      'Changes against web:1',
      (child) => {
        child.kill('SIGTERM');
        // A change in flight is waited for 5 s, then read back once (2 s at most): past that, the run hung.
        setTimeout(() => child.kill('SIGKILL'), 12_000).unref();
      },
      files.env,
    );

    expect(run.signalled, run.log).toBe(true);
    expect(run.signal, run.log).toBeNull();
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('SIGTERM received: stopping.');
    expect(jsonOutputs(run)['deployment-status']).toBe('CANCELLED');
    expect(files.outputs()['deployment-status']).toBe('CANCELLED');
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });

  test('a second signal exits at once, saying so', async (context) => {
    const standin = await slowStandin(context, 'RegisterTaskDefinition');
    const run = await deployActingOn(standin, [], 'Changes against web:1', (child) => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGINT'), 100);
    });

    expect(run.signal, run.log).toBeNull();
    expect(run.code, run.log).toBe(130);
    expect(run.log).toContain('SIGTERM received: stopping.');
    expect(run.log).toContain('SIGINT received again: exiting now, without writing the outputs.');
  });

  test('SIGTERM while UpdateService hangs with wait false: exit 143, not "Done", the outputs name the registered revision', async (context) => {
    const standin = await slowStandin(context, 'UpdateService');
    const run = await deployActingOn(standin, ['--wait', 'false', '--keep-revisions', '1', '--json'], 'Updating service web', (child) => child.kill('SIGTERM'));

    expect(run.signal, run.log).toBeNull();
    expect(run.code, run.log).toBe(143);
    expect(run.log).not.toMatch(/^Done/m);
    expect(jsonOutputs(run)).toMatchObject({ 'deployment-status': 'CANCELLED', 'task-definition-revision': '2', registered: 'true' });
    expect(standin.calls['DeregisterTaskDefinition'] ?? 0).toBe(0);
  });

  test('SIGTERM while a slow UpdateService is on its way, with rollback-on-cancel: the update it made is rolled back, exit 143', async (context) => {
    // ECS applies the update after 1.5 s, whether or not the caller still waits: a cancel must not leave it applied.
    const standin = await slowStandin(context, 'UpdateService', 1_500);
    const run = await deployActingOn(standin, ['--rollback-on-cancel', 'true', '--json'], 'Updating service web', (child) => child.kill('SIGTERM'));

    expect(run.signalled, run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(jsonOutputs(run)['deployment-status']).toBe('CANCELLED');
    const updates = standin.requests.filter((call) => call.operation === 'UpdateService').map((call) => String(call.input?.['taskDefinition'] ?? ''));
    expect(updates.map((arn) => arn.replace(/.*\//, ''))).toEqual(['web:2', 'web:1']);
    expect(run.log).toContain('the rollback to web:1 started');
  });
});
