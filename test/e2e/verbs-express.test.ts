// `continue` and `rollback` of an Express Mode service from the built bundle against the ECS stand-in: its
// deployments are ECS service deployments, so a PAUSE hook is continued (or rolled back) with
// ContinueServiceDeployment, one in flight is rolled back with StopServiceDeployment, and with nothing in flight the
// service goes back through UpdateExpressGatewayService, whose deployment the rollback continues at its PAUSE hook.
// Whether AWS lets a PAUSE hook be added to an Express service is not documented; the stand-in takes it through
// UpdateService, as for any service ECS deploys.
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { INFRASTRUCTURE, KILL_AFTER_MS, deployExpress, envOf, expressStandin } from '../support/express-e2e.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;
const latest = (standin: EcsStandin): Record<string, unknown> => standin.serviceDeployments('web')[0] ?? {};
const running = (standin: EcsStandin): string => String((standin.expressService('web')['activeConfigurations'] as Record<string, unknown>[])[0]?.['taskDefinitionArn'] ?? '');
const verb = (standin: EcsStandin, args: string[]): Promise<BundleRun> =>
  runBundle({ args: [...args, '--service', 'web', '--poll-interval', '1s', '--json'], env: envOf(standin), timeoutMs: KILL_AFTER_MS });

async function created(context: TestContext, canary: Parameters<typeof expressStandin>[1] = {}): Promise<EcsStandin> {
  const standin = await expressStandin(context, canary);
  const run = await deployExpress(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE]);
  expect(run.code, run.log).toBe(0);
  return standin;
}

async function pauseBeforeProduction(standin: EcsStandin, context: TestContext): Promise<void> {
  const ecs = new ECSClient({ endpoint: standin.url, region: standin.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  context.onTestFinished(() => ecs.destroy());
  const deploymentConfiguration = { lifecycleHooks: [{ targetType: 'PAUSE' as const, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT' as const] }] };
  await ecs.send(new UpdateServiceCommand({ cluster: 'default', service: 'web', deploymentConfiguration }));
}

async function deployPaused(standin: EcsStandin, image: string): Promise<Record<string, string>> {
  const run = await deployExpress(standin, ['--image', image, '--wait-until', 'paused']);
  expect(run.code, run.log).toBe(0);
  expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'PAUSED', 'paused-at': 'POST_TEST_TRAFFIC_SHIFT' });
  return outputsOf(run);
}

describe.concurrent('continue and rollback of an Express service', () => {
  test('paused at a PAUSE hook: continue follows its canary to COMPLETED; the next one rolled back, ROLLED_BACK; then back once more, continued at the pause', { timeout: 120_000 }, async (context) => {
    const standin = await created(context);
    await pauseBeforeProduction(standin, context);
    const first = await deployPaused(standin, 'nginx:1.26');

    const continued = await verb(standin, ['continue']);

    expect(continued.code, continued.log).toBe(0);
    expect(continued.stderr).toContain(`Continuing service deployment ${first['service-deployment-arn']} at POST_TEST_TRAFFIC_SHIFT: ContinueServiceDeployment hook ${first['hook-id']}, action CONTINUE (Express)`);
    expect(continued.stderr).toMatch(/Production traffic on the new revision \(web:2\): 100%/);
    expect(outputsOf(continued)).toMatchObject({ 'deployment-status': 'COMPLETED', 'service-deployment-arn': first['service-deployment-arn'] });
    expect(running(standin)).toMatch(/web:2$/);

    await deployPaused(standin, 'nginx:1.27');
    const rolledBack = await verb(standin, ['rollback']);

    expect(rolledBack.code, rolledBack.log).toBe(0);
    expect(rolledBack.stderr).toMatch(/Rolling back web to web:2, the revision its deployment in flight started from: it is paused at POST_TEST_TRAFFIC_SHIFT; ContinueServiceDeployment hook \S+, action ROLLBACK/);
    expect(outputsOf(rolledBack)).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    expect(latest(standin)['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(running(standin)).toMatch(/web:2$/);
    const actions = standin.requests.filter((call) => call.operation === 'ContinueServiceDeployment').map((call) => (call.input as Record<string, unknown>)['action']);
    expect(actions).toEqual(['CONTINUE', 'ROLLBACK']);

    // Nothing in flight now: back to web:1 through UpdateExpressGatewayService, whose deployment pauses too.
    const back = await verb(standin, ['rollback']);

    expect(back.code, back.log).toBe(0);
    expect(back.stderr).toMatch(/Rolling back web to web:1: the revision it ran before its newest successful deployment \(arn:\S+\); UpdateExpressGatewayService/);
    expect(back.stderr).toMatch(/The rollback's service deployment waits at PAUSE hook \S+ \(POST_TEST_TRAFFIC_SHIFT\): ContinueServiceDeployment, action CONTINUE; asking for the rollback is the go-ahead/);
    expect(outputsOf(back)).toMatchObject({ 'deployment-status': 'ROLLED_BACK', 'service-deployment-arn': latest(standin)['serviceDeploymentArn'] });
    expect(latest(standin)['status']).toBe('SUCCESSFUL');
    expect(running(standin)).toMatch(/web:1$/);
    const continues = standin.requests.filter((call) => call.operation === 'ContinueServiceDeployment').map((call) => call.input as Record<string, unknown>);
    expect(continues.slice(2)).toEqual([{ serviceDeploymentArn: latest(standin)['serviceDeploymentArn'], hookId: expect.stringMatching(/^ecs-pause-/) as unknown, action: 'CONTINUE' }]);
  });

  test('in flight: StopServiceDeployment ROLLBACK, ROLLED_BACK once ECS is done; once completed: UpdateExpressGatewayService back', { timeout: 120_000 }, async (context) => {
    // A canary bake of 6 s: the rollback finds the deployment still in flight.
    const standin = await created(context, { canaryBakeTimeInMinutes: 0.1 });
    const started = await deployExpress(standin, ['--image', 'nginx:1.26', '--wait', 'false']);
    expect(started.code, started.log).toBe(0);
    const inFlight = outputsOf(started)['service-deployment-arn'];

    const stopped = await verb(standin, ['rollback']);

    expect(stopped.code, stopped.log).toBe(0);
    expect(stopped.stderr).toContain(`Rolling back web to web:1, the revision its deployment in flight started from: StopServiceDeployment ${inFlight} (stopType ROLLBACK)`);
    expect(outputsOf(stopped)).toMatchObject({ 'deployment-status': 'ROLLED_BACK', 'service-deployment-arn': inFlight });
    expect(latest(standin)['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(running(standin)).toMatch(/web:1$/);

    const completed = await deployExpress(standin, ['--image', 'nginx:1.27']);
    expect(outputsOf(completed)['deployment-status'], completed.log).toBe('COMPLETED');
    const back = await verb(standin, ['rollback']);

    expect(back.code, back.log).toBe(0);
    expect(back.stderr).toMatch(/Rolling back web to web:1: the revision it ran before its newest successful deployment \(arn:\S+\); UpdateExpressGatewayService/);
    expect(outputsOf(back)).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    expect(running(standin)).toMatch(/web:1$/);
    const updates = standin.requests.filter((call) => call.operation === 'UpdateExpressGatewayService').map((call) => call.input);
    expect(updates.at(-1)).toEqual({ serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web', taskDefinitionArn: expect.stringMatching(/web:1$/) as unknown });
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });
});
