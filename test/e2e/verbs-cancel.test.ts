// SIGTERM to the built bundle while `continue` follows the deployment it let go on, and while `rollback` follows
// the rollback it asked for, against the ECS stand-in. A continue's cancel is a deploy's: with rollback-on-cancel
// the deployment is rolled back (StopServiceDeployment), without it the run says what it leaves running. A
// rollback's cancel only stops following: ECS goes on rolling back.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle, signalWhenPrinted } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;
/** Paused before production traffic moves; after the continue, a bake of 30 s to cancel in. */
const PAUSED = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.5, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] };

async function pausedDeployment(context: TestContext): Promise<{ standin: EcsStandin; env: Record<string, string> }> {
  const standin = await startEcsStandin({ timing: { stageMs: 200, hookMs: 200, rollbackMs: 3_000, rolloutMs: 400 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: PAUSED as never });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  const deploy = await runBundle({
    args: ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-until', 'paused'],
    env,
    timeoutMs: KILL_AFTER_MS,
  });
  expect(deploy.code, deploy.log).toBe(0);
  return { standin, env };
}

const latest = (standin: EcsStandin): Record<string, unknown> => standin.serviceDeployments('web')[0] ?? {};
const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;

async function statusBecomes(standin: EcsStandin, status: string, withinMs: number): Promise<string> {
  const deadline = Date.now() + withinMs;
  while (latest(standin)['status'] !== status && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return String(latest(standin)['status']);
}

describe.concurrent('a cancel during continue and rollback', () => {
  test('continue with rollback-on-cancel, SIGTERM while following: rolled back through StopServiceDeployment, exit 143', async (context) => {
    const { standin, env } = await pausedDeployment(context);
    const signal = signalWhenPrinted('Following service deployment');

    const run = await runBundle({ args: ['continue', '--service', 'web', '--poll-interval', '1s', '--rollback-on-cancel', 'true', '--json'], env, timeoutMs: KILL_AFTER_MS, ...signal });

    expect(signal.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('SIGTERM received: stopping.');
    expect(run.log).toContain('the rollback to web:1 started (ECS answered the StopServiceDeployment)');
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    const stops = standin.requests.filter((call) => call.operation === 'StopServiceDeployment');
    expect(stops.map((call) => call.input)).toEqual([{ serviceDeploymentArn: latest(standin)['serviceDeploymentArn'], stopType: 'ROLLBACK' }]);
    expect(await statusBecomes(standin, 'ROLLBACK_SUCCESSFUL', 10_000)).toBe('ROLLBACK_SUCCESSFUL');
  });

  test('continue without rollback-on-cancel, SIGTERM while following: exit 143, says what it leaves running, nothing stopped', async (context) => {
    const { standin, env } = await pausedDeployment(context);
    const signal = signalWhenPrinted('Following service deployment');

    const run = await runBundle({ args: ['continue', '--service', 'web', '--poll-interval', '1s', '--json'], env, timeoutMs: KILL_AFTER_MS, ...signal });

    expect(signal.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.log).toMatch(/cancelled while the BLUE_GREEN deployment of web:2 was in progress/);
    expect(run.log).toMatch(/error: deployment CANCELLED: cancelled while .*; service deployment arn:\S+ of web:2 goes on in ECS, no longer followed; ecs-deliver rollback puts web back/);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
    expect(latest(standin)['status']).toBe('IN_PROGRESS');
  });

  test('rollback, SIGTERM while following the rollback: exit 143, says the rollback goes on in ECS, which finishes it', async (context) => {
    const { standin, env } = await pausedDeployment(context);
    const signal = signalWhenPrinted('Service deployment ROLLBACK_');

    const run = await runBundle({ args: ['rollback', '--service', 'web', '--poll-interval', '1s', '--json'], env, timeoutMs: KILL_AFTER_MS, ...signal });

    expect(signal.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.log).toMatch(/stopped following the rollback to web:1 on the cancel; the rollback goes on in ECS \(arn:\S+\)/);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(standin.calls['ContinueServiceDeployment']).toBe(1);
    expect(latest(standin)['status']).toMatch(/^ROLLBACK_(REQUESTED|IN_PROGRESS)$/);
    expect(await statusBecomes(standin, 'ROLLBACK_SUCCESSFUL', 10_000)).toBe('ROLLBACK_SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
  });
});
