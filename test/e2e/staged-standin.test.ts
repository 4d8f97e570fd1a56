// The built bundle deploying to blue/green, linear and canary services on the ECS stand-in: the stages it prints,
// how each deployment ends, the outputs and the exit code, and the rollback through StopServiceDeployment.
import { ECSClient, StopServiceDeploymentCommand } from '@aws-sdk/client-ecs';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type Scenario, startEcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, runBundle } from '../support/run-bundle.js';

const CHECK = 'arn:aws:lambda:us-east-1:123456789012:function:check-canary';
/** Far longer than any run here: a run that hits it has hung, and the test fails on its exit code. */
const KILL_AFTER_MS = 60_000;

/**
 * `stageMs`: least time in each stage. Polls come 1 s apart: a stage shorter than that may pass unseen, as a short
 * stage would in ECS.
 */
async function standinWith(
  context: TestContext,
  deploymentConfiguration: Record<string, unknown>,
  { scenario, stageMs = 300 }: { scenario?: Scenario; stageMs?: number } = {},
): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { stageMs, hookMs: 300, rollbackMs: 600, rolloutMs: 600 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: deploymentConfiguration as never });
  if (scenario) standin.setScenario('web', scenario);
  return standin;
}

function deploy(standin: EcsStandin, args: string[] = [], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
  return runBundle({
    args: [
      ...['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'],
      ...['--json', '--poll-interval', '1s', '--wait-timeout', '40s', ...args],
    ],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    timeoutMs: KILL_AFTER_MS,
    ...options,
  });
}

const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;
const stageLines = (run: BundleRun): string[] => run.log.split('\n').filter((line) => /^\s*Stage [A-Z_]+:/.test(line)).map((line) => line.trim().split(':')[0] ?? '');
const lastServiceDeployment = (standin: EcsStandin) => standin.serviceDeployments('web')[0] ?? {};

describe.concurrent('blue/green, linear and canary services', () => {
  test('a blue/green deployment: every stage printed in order, COMPLETED, the service deployment ARN as output', async (context) => {
    const standin = await standinWith(context, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.05 }, { stageMs: 1_500 });

    const run = await deploy(standin);

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

    const run = await deploy(standin);

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
      env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
      timeoutMs: KILL_AFTER_MS,
    });
    expect(again.code, again.log).toBe(0);
    expect(outputsOf(again)['deployment-status']).toBe('COMPLETED');
    expect(outputsOf(again)['service-deployment-arn']).toBe('');
    expect(again.log).not.toContain('ROLLBACK');
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  });

  test('a linear rollout stopped by SIGTERM with rollback-on-cancel: exit 143, rolled back through StopServiceDeployment', async (context) => {
    const standin = await standinWith(context, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 20, stepBakeTimeInMinutes: 0.1 } });
    let signalled = false;

    const run = await deploy(standin, ['--rollback-on-cancel', 'true'], {
      onStart: (child) => {
        let seen = '';
        const watch = (chunk: Buffer): void => {
          seen += chunk.toString();
          if (!signalled && seen.includes('Production traffic on the new revision (web:2): 20%')) {
            signalled = true;
            child.kill('SIGTERM');
          }
        };
        child.stdout?.on('data', watch);
        child.stderr?.on('data', watch);
      },
    });

    expect(signalled, run.log).toBe(true);
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
    let stopped = false;

    const run = await deploy(standin, [], {
      onStart: (child) => {
        let seen = '';
        const watch = (chunk: Buffer): void => {
          seen += chunk.toString();
          const arn = String(lastServiceDeployment(standin)['serviceDeploymentArn'] ?? '');
          if (!stopped && arn && seen.includes('Stage PRE_SCALE_UP')) {
            stopped = true;
            void ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ABORT' }));
          }
        };
        child.stdout?.on('data', watch);
        child.stderr?.on('data', watch);
      },
    });

    expect(stopped, run.log).toBe(true);
    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(run.log).toMatch(/was stopped outside this run/);
    // The only StopServiceDeployment is the one sent from outside.
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment')).toHaveLength(1);
  });
});
