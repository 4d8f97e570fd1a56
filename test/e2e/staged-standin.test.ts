// The built bundle deploying to blue/green, linear and canary services on the ECS stand-in: the stages it prints,
// how each deployment ends, the outputs and the exit code, and the rollback through StopServiceDeployment.
import { ECSClient, StopServiceDeploymentCommand } from '@aws-sdk/client-ecs';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin, Scenario } from '../standin/index.js';
import { type BundleRun, runBundle, signalWhenPrinted, whenPrinted } from '../support/run-bundle.js';
import { deployWeb, outputsOf, seedWeb, standinEnv, standinForTest } from '../support/standin-e2e.js';

const CHECK = 'arn:aws:lambda:us-east-1:123456789012:function:check-canary';

/**
 * `stageMs`: least time in each stage. Polls come 1 s apart: a stage shorter than that may pass unseen, as a short
 * stage would in ECS.
 */
async function standinWith(
  context: TestContext,
  deploymentConfiguration: Record<string, unknown>,
  { scenario, stageMs = 300 }: { scenario?: Scenario; stageMs?: number } = {},
): Promise<EcsStandin> {
  const standin = await standinForTest(context, { timing: { stageMs, hookMs: 300, rollbackMs: 600, rolloutMs: 600 } });
  seedWeb(standin, { deploymentConfiguration: deploymentConfiguration as never });
  if (scenario) standin.setScenario('web', scenario);
  return standin;
}

const stageLines = (run: BundleRun): string[] => run.log.split('\n').filter((line) => /^\s*Stage [A-Z_]+:/.test(line)).map((line) => line.trim().split(':')[0] ?? '');
const lastServiceDeployment = (standin: EcsStandin) => standin.serviceDeployments('web')[0] ?? {};

describe.concurrent('blue/green, linear and canary services', () => {
  test('a blue/green deployment: every stage printed in order, COMPLETED, the service deployment ARN as output', async (context) => {
    const standin = await standinWith(context, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.05 }, { stageMs: 1_500 });

    const run = await deployWeb(standin);

    expect(run.code, run.log).toBe(0);
    expect(stageLines(run)).toEqual([
      'Stage PRE_SCALE_UP',
      'Stage SCALE_UP',
      'Stage POST_SCALE_UP',
      'Stage TEST_TRAFFIC_SHIFT',
      'Stage POST_TEST_TRAFFIC_SHIFT',
      'Stage PRE_PRODUCTION_TRAFFIC_SHIFT',
      'Stage PRODUCTION_TRAFFIC_SHIFT',
      'Stage POST_PRODUCTION_TRAFFIC_SHIFT',
      'Stage BAKE_TIME',
      'Stage CLEAN_UP',
    ]);
    expect(run.log).toContain('Production traffic on the new revision (web:2): 100%, old: 0%');
    expect(run.log).toContain('Bake time 3s');
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['service-deployment-arn']).toBe(lastServiceDeployment(standin)['serviceDeploymentArn']);
    expect(lastServiceDeployment(standin)['status']).toBe('SUCCESSFUL');
    expect(standin.calls['UpdateService']).toBe(1);
  });

  test('a canary whose post-traffic hook fails: ROLLED_BACK, exit 1, the hook named; nothing but ECS rolled back', async (context) => {
    const standin = await standinWith(
      context,
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0.05 },
        lifecycleHooks: [{ hookTargetArn: CHECK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT'] }],
      },
      { scenario: { name: 'healthy', hooks: { [CHECK]: 'fail' } } },
    );

    const run = await deployWeb(standin);

    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('Production traffic on the new revision (web:2): 10%, old: 90%; next step after 3s');
    expect(run.log).toContain(`Hook ${CHECK} at POST_PRODUCTION_TRAFFIC_SHIFT: FAILED`);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(run.log).toMatch(new RegExp(`failed: .*lifecycle hook ${CHECK} failed at POST_PRODUCTION_TRAFFIC_SHIFT; ECS rolled back to web:1`));
    expect(lastServiceDeployment(standin)['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
    expect(standin.calls['UpdateService']).toBe(1);
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);

    // The next run deploys the revision the service went back to: ECS starts nothing, and the rolled-back service
    // deployment the service still names is not this run's to report.
    const again = await runBundle({
      args: ['--service', 'web', '--task-definition-arn', 'web:1', '--json', '--poll-interval', '1s', '--wait-timeout', '20s'],
      env: standinEnv(standin),
      timeoutMs: 60_000,
    });
    expect(again.code, again.log).toBe(0);
    expect(outputsOf(again)['deployment-status']).toBe('COMPLETED');
    expect(outputsOf(again)['service-deployment-arn']).toBe('');
    expect(again.log).not.toContain('ROLLBACK');
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  });

  test('a linear rollout stopped by SIGTERM with rollback-on-cancel: exit 143, rolled back through StopServiceDeployment', async (context) => {
    const standin = await standinWith(context, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 0.1 } });
    const signal = signalWhenPrinted('Production traffic on the new revision (web:2): 20%');

    const run = await deployWeb(standin, ['--rollback-on-cancel', 'true'], signal);

    expect(signal.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('the rollback to web:1 started (ECS answered the StopServiceDeployment)');
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    const stops = standin.requests.filter((call) => call.operation === 'StopServiceDeployment');
    expect(stops.map((call) => call.input)).toEqual([{ serviceDeploymentArn: outputsOf(run)['service-deployment-arn'], stopType: 'ROLLBACK' }]);
    expect(standin.calls['UpdateService']).toBe(1);
    // ECS finishes the rollback on its own after the run ended.
    const deadline = Date.now() + 5_000;
    while (lastServiceDeployment(standin)['status'] !== 'ROLLBACK_SUCCESSFUL' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(lastServiceDeployment(standin)['status']).toBe('ROLLBACK_SUCCESSFUL');
  });
  test('a deployment someone stops outside the run: CANCELLED, exit 1 (no signal), nothing rolled back by the run', async (context) => {
    const standin = await standinWith(context, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.5 }, { stageMs: 800 });
    const ecs = new ECSClient({ endpoint: standin.url, region: standin.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    context.onTestFinished(() => ecs.destroy());
    const arn = (): string => String(lastServiceDeployment(standin)['serviceDeploymentArn'] ?? '');
    const stop = whenPrinted(
      (seen) => arn() !== '' && seen.includes('Stage PRE_SCALE_UP'),
      () => void ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn(), stopType: 'ABORT' })),
    );

    const run = await deployWeb(standin, [], stop);

    expect(stop.done(), run.log).toBe(true);
    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(run.log).toMatch(/was stopped outside this run/);
    // The only StopServiceDeployment is the one sent from outside.
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment')).toHaveLength(1);
  });
});
