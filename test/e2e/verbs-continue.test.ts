// `continue` from the built bundle on each host against the ECS stand-in: a deploy with wait-until paused ends
// PAUSED, then continue lets the deployment go on and follows it to COMPLETED, with the deploy's outputs; a
// second PAUSE hook ends it PAUSED again with wait-until paused; nothing paused, or a hook of another service, is
// refused with exit 2 and no change.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;
const pauseAt = (...stages: string[]) => ({
  strategy: 'BLUE_GREEN',
  lifecycleHooks: stages.map((stage) => ({ targetType: 'PAUSE', lifecycleStages: [stage] })),
});

async function standinWith(context: TestContext, config: Record<string, unknown> | undefined, name = 'web', stageMs = 200) {
  const standin = await startEcsStandin({ timing: { stageMs, hookMs: 200, rollbackMs: 400, rolloutMs: 400 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: name, containerDefinitions: [{ name, image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: name, taskDefinition: `${name}:1`, desiredCount: 2, ...(config ? { deploymentConfiguration: config as never } : {}) });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  return { standin, env };
}

const shell = (env: Record<string, string>, args: string[]): Promise<BundleRun> => runBundle({ args, env, timeoutMs: KILL_AFTER_MS });

async function deployPaused(env: Record<string, string>): Promise<Record<string, string>> {
  const run = await shell(env, ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-until', 'paused', '--json']);
  expect(run.code, run.log).toBe(0);
  const outputs = JSON.parse(run.stdout) as Record<string, string>;
  expect(outputs['deployment-status']).toBe('PAUSED');
  return outputs;
}

function latest(standin: EcsStandin, name = 'web'): Record<string, unknown> {
  return standin.serviceDeployments(name)[0] ?? {};
}

function changes(standin: EcsStandin): number {
  return ['UpdateService', 'RegisterTaskDefinition', 'ContinueServiceDeployment', 'StopServiceDeployment'].reduce((sum, op) => sum + (standin.calls[op] ?? 0), 0);
}

describe.concurrent('continue a paused deployment', () => {
  test('from a shell: ecs-deliver continue --cluster --service finds the pause itself and follows to COMPLETED', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT'));
    const paused = await deployPaused(env);

    const run = await shell(env, ['continue', '--cluster', 'default', '--service', 'web', '--poll-interval', '1s', '--json']);

    expect(run.code, run.log).toBe(0);
    expect(run.stderr).toContain(`Continuing service deployment ${paused['service-deployment-arn']} at POST_TEST_TRAFFIC_SHIFT: ContinueServiceDeployment hook ${paused['hook-id']}, action CONTINUE`);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    expect(outputs).toMatchObject({ 'deployment-status': 'COMPLETED', 'service-deployment-arn': paused['service-deployment-arn'], 'hook-id': '' });
    expect(outputs['task-definition-arn']).toMatch(/web:2$/);
    expect(latest(standin)['status']).toBe('SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:2$/);
    expect(standin.calls['ContinueServiceDeployment']).toBe(1);
  });

  test('on GitHub Actions: operation continue with the outputs of the paused deploy', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT'));
    const paused = await deployPaused(env);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-continue-gh-'));
    const outputFile = join(dir, 'output');
    writeFileSync(outputFile, '');

    const run = await runBundle({
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        INPUT_OPERATION: 'continue',
        INPUT_SERVICE: 'web',
        'INPUT_SERVICE-DEPLOYMENT-ARN': paused['service-deployment-arn'] ?? '',
        'INPUT_HOOK-ID': paused['hook-id'] ?? '',
        'INPUT_POLL-INTERVAL': '1s',
      },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'deployment-status': 'COMPLETED', 'service-deployment-arn': paused['service-deployment-arn'] });
    expect(latest(standin)['status']).toBe('SUCCESSFUL');
  });

  test('on GitLab: ECS_DELIVER_OPERATION continue, the dotenv report says COMPLETED', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT'));
    await deployPaused(env);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-continue-gl-'));

    const run = await runBundle({
      cwd: dir,
      env: { ...env, GITLAB_CI: 'true', ECS_DELIVER_HOST: 'gitlab', ECS_DELIVER_OPERATION: 'continue', ECS_DELIVER_SERVICE: 'web', ECS_DELIVER_POLL_INTERVAL: '1s' },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(readFileSync(join(dir, 'ecs-deliver.env'), 'utf8')).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED');
    expect(latest(standin)['status']).toBe('SUCCESSFUL');
  });

  test('with wait-until paused, a later PAUSE hook ends it PAUSED again; a second continue completes it', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'));
    const first = await deployPaused(env);

    const again = await shell(env, ['continue', '--service', 'web', '--poll-interval', '1s', '--wait-until', 'paused', '--json']);
    expect(again.code, again.log).toBe(0);
    const outputs = JSON.parse(again.stdout) as Record<string, string>;
    expect(outputs).toMatchObject({ 'deployment-status': 'PAUSED', 'paused-at': 'POST_PRODUCTION_TRAFFIC_SHIFT' });
    expect(outputs['hook-id']).not.toBe(first['hook-id']);

    const last = await shell(env, ['continue', '--service', 'web', '--hook-id', outputs['hook-id'] ?? '', '--poll-interval', '1s', '--json']);
    expect(last.code, last.log).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ 'deployment-status': 'COMPLETED' });
    expect(standin.calls['ContinueServiceDeployment']).toBe(2);
  });
});

describe.concurrent('continue refuses', () => {
  test('with nothing paused: exit 2, says what happens instead, no change', async (context) => {
    const { standin, env } = await standinWith(context, undefined);
    const before = changes(standin);

    const run = await shell(env, ['continue', '--service', 'web']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(/error: nothing of service web is paused: no deployment is in flight, it runs web:1; continue only lets a deployment that waits at a PAUSE hook go on\./);
    expect(changes(standin)).toBe(before);
  });

  test('a deployment in flight but not paused: exit 2 naming its stage', async (context) => {
    // Stages slow enough that the deployment is still on its way to the pause when continue reads it.
    const { standin, env } = await standinWith(context, pauseAt('POST_PRODUCTION_TRAFFIC_SHIFT'), 'web', 5_000);
    const deploy = shell(env, ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--wait', 'false']);
    expect((await deploy).code).toBe(0);
    const before = changes(standin);

    const run = await shell(env, ['continue', '--service', 'web']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(/nothing of service web is paused: service deployment arn:\S+ is (PENDING|IN_PROGRESS)( at [A-Z_]+)?; continue only/);
    expect(changes(standin)).toBe(before);
  });

  test('a hook id of another service: exit 2, no change', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT'));
    standin.seedTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1, deploymentConfiguration: pauseAt('POST_TEST_TRAFFIC_SHIFT') as never });
    const paused = await deployPaused(env);
    const before = changes(standin);

    const byHook = await shell(env, ['continue', '--service', 'api', '--hook-id', paused['hook-id'] ?? '']);
    const byArn = await shell(env, ['continue', '--service', 'api', '--service-deployment-arn', paused['service-deployment-arn'] ?? '']);

    expect(byHook.code, byHook.log).toBe(2);
    expect(byHook.log).toContain(`hook-id: "${paused['hook-id']}" is not a PAUSE hook of service api that awaits action`);
    expect(byArn.code, byArn.log).toBe(2);
    expect(byArn.log).toMatch(/service-deployment-arn: "\S+" is a deployment of \S+service\/default\/web, not of service api/);
    expect(changes(standin)).toBe(before);
    expect((latest(standin)['lifecycleHookDetails'] as { status: string }[])[0]?.status).toBe('AWAITING_ACTION');
  });

  test('a dry run says what it would call and changes nothing', async (context) => {
    const { standin, env } = await standinWith(context, pauseAt('POST_TEST_TRAFFIC_SHIFT'));
    await deployPaused(env);
    const before = changes(standin);

    const run = await shell(env, ['continue', '--service', 'web', '--dry-run']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Would call ContinueServiceDeployment (action CONTINUE) on the PAUSE hook of default/web that awaits action, then follow the deployment to its end.');
    expect(changes(standin)).toBe(before);
  });
});
