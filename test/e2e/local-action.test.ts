// The action as GitHub's local runner for JavaScript actions sees it: `local-action run . src/action.ts .env`
// imports src/action.ts, calls run() with the inputs of the .env file and prints the outputs the action set.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEcsStandin } from '../standin/index.js';
import { awsEnv, createCluster, ecsClient, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { actionInputs, localAction } from '../support/local-action.js';

const skip = motoMissing();

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

  const inputs = actionInputs;

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
