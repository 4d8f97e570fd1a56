// The rollback ECS starts by itself, as the built bundle follows it on the stand-in: ROLLED_BACK only once ECS's
// rollback is over, FAILED when it fails or is still going at the end of the wait, and wait-for-rollback false.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type EcsStandinOptions, type Scenario, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

/** ECS's rollback takes as long as a rollout: long enough to tell a run that waits for it from one that does not. */
const ROLLBACK_MS = 4000;
const TIMING = { rolloutMs: 1500, taskLifetimeMs: 300, retryDelayMs: 100, maxRetryDelayMs: 600, rollbackMs: ROLLBACK_MS };
const KILL_AFTER_MS = 30_000;
const REASON = 'deployment ecs-svc/';

async function standinWith(context: TestContext, scenario: Scenario, options: EcsStandinOptions = {}): Promise<EcsStandin> {
  const standin = await startEcsStandin({ ...options, timing: { ...TIMING, ...options.timing } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, circuitBreaker: { enable: true, rollback: true } });
  standin.setScenario('web', scenario);
  return standin;
}

function deploy(standin: EcsStandin, args: string[] = []): Promise<BundleRun> {
  return runBundle({
    args: [
      ...['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'],
      ...['--json', '--poll-interval', '1s', '--wait-timeout', '25s', ...args],
    ],
    env: {
      AWS_ENDPOINT_URL_ECS: standin.url,
      AWS_REGION: standin.region,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
    timeoutMs: KILL_AFTER_MS,
  });
}

function outputsOf(run: BundleRun): Record<string, string> {
  return JSON.parse(run.stdout) as Record<string, string>;
}

function serviceDeploymentStatus(standin: EcsStandin): string {
  return String(standin.serviceDeployments('web')[0]?.['status']);
}

/** Where in the log a line containing `text` first appears; -1 when none does. */
function lineIndex(run: BundleRun, text: string): number {
  return run.log.split(/\r?\n/).findIndex((line) => line.includes(text));
}

describe.concurrent("ECS's own rollback", () => {
  test('ROLLED_BACK only once the service deployment is ROLLBACK_SUCCESSFUL; the reason printed before that', async (context) => {
    const standin = await standinWith(context, { name: 'circuit-breaker', failure: 'oom' });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    // The run ended after ECS's rollback did, not as it began.
    expect(serviceDeploymentStatus(standin)).toBe('ROLLBACK_SUCCESSFUL');
    const rollingBack = lineIndex(run, 'failed: ECS deployment circuit breaker: tasks failed to start; ECS is rolling back to web:1');
    const rolledBack = lineIndex(run, 'failed: ECS deployment circuit breaker: tasks failed to start; ECS rolled back to web:1');
    expect(rollingBack, run.log).toBeGreaterThanOrEqual(0);
    expect(rolledBack, run.log).toBeGreaterThan(rollingBack);
    expect(run.log).toMatch(/^error: deployment ecs-svc\/\d+ \(web:2\) failed: .*ECS is rolling back to web:1$/m);
    expect(run.log).toContain(REASON);
  });

  test('without DescribeServiceDeployments: ROLLED_BACK once the service is steady on web:1 again', async (context) => {
    const standin = await standinWith(context, { name: 'circuit-breaker' }, { serviceDeploymentApi: false });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    const deployments = standin.service('web')['deployments'] as { taskDefinition: string; rolloutState: string }[];
    expect(deployments).toHaveLength(1);
    expect(deployments[0]?.taskDefinition).toMatch(/task-definition\/web:1$/);
    expect(deployments[0]?.rolloutState).toBe('COMPLETED');
  });

  test('ROLLBACK_FAILED: FAILED, exit 1, with why ECS could not roll back', async (context) => {
    const standin = await standinWith(context, { name: 'circuit-breaker', rollbackFails: true });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('FAILED');
    expect(serviceDeploymentStatus(standin)).toBe('ROLLBACK_FAILED');
    expect(run.log).toContain(
      'ECS could not roll back to web:1: Service deployment rollback failed: the previous service revision did not reach a steady state',
    );
    expect(run.log).not.toContain('ECS rolled back to web:1');
  });

  test('the wait-timeout while ECS is still rolling back: FAILED, "ECS is still rolling back", exit 1', async (context) => {
    const standin = await standinWith(context, { name: 'circuit-breaker', rollbackMs: 60_000 });

    const run = await deploy(standin, ['--wait-timeout', '8s']);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('FAILED');
    expect(run.log).toContain('ECS is still rolling back to web:1 at the end of the 8s wait');
    expect(serviceDeploymentStatus(standin)).toBe('ROLLBACK_IN_PROGRESS');
    // ECS rolls back by itself: the run sends no rollback of its own.
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
    expect(standin.requests.filter((call) => call.operation === 'UpdateService')).toHaveLength(1);
  });

  test('wait-for-rollback false: FAILED at once, "ECS is rolling back"; the rollback still runs', async (context) => {
    const standin = await standinWith(context, { name: 'circuit-breaker' });

    const run = await deploy(standin, ['--wait-for-rollback', 'false']);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('FAILED');
    expect(run.log).toContain('ECS is rolling back to web:1');
    expect(serviceDeploymentStatus(standin)).toBe('ROLLBACK_IN_PROGRESS');
  });
});
