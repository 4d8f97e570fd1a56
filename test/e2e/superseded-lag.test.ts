// The built bundle on a stand-in whose DescribeServices deployments list lags behind the service deployments: this
// run's rolling service deployment goes STOPPED because someone else's update started, and the service already
// names the newer service deployment as its current one. That is SUPERSEDED, not FAILED.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import type { ServicesLag } from '../standin/world.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;

async function standinWith(context: TestContext, lag: ServicesLag = { ms: 4000 }): Promise<EcsStandin> {
  const standin = await startEcsStandin({ servicesLag: lag, timing: { rolloutMs: 8000 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
  standin.setScenario('web', { name: 'superseded', supersedeAfterMs: 4500, rolloutMs: 8000 });
  return standin;
}

function deploy(standin: EcsStandin): Promise<BundleRun> {
  return runBundle({
    args: [
      ...['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'],
      ...['--json', '--poll-interval', '1s', '--wait-timeout', '40s'],
    ],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    timeoutMs: KILL_AFTER_MS,
  });
}

describe('a rolling service deployment stopped by a newer one while DescribeServices lags', () => {
  test('SUPERSEDED, naming the service deployment that took over; no rollback', async (context) => {
    const standin = await standinWith(context);

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    expect(outputs['deployment-status']).toBe('SUPERSEDED');
    const [theirs, ours] = standin.serviceDeployments('web');
    expect(ours?.['status']).toBe('STOPPED');
    expect(run.log).toContain(`was superseded by service deployment ${String(theirs?.['serviceDeploymentArn'])}, which another update started`);
    expect(standin.requests.filter((call) => call.operation === 'UpdateService')).toHaveLength(1);
  });

  test('SUPERSEDED too while the service still names ours as its current service deployment; no rollback', async (context) => {
    const standin = await standinWith(context, { ms: 4000, currentServiceDeploymentToo: true });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    expect(outputs['deployment-status']).toBe('SUPERSEDED');
    const [theirs, ours] = standin.serviceDeployments('web');
    expect(ours?.['status']).toBe('STOPPED');
    expect(run.log).toContain(`was superseded by service deployment ${String(theirs?.['serviceDeploymentArn'])}, which another update started`);
    expect(standin.requests.filter((call) => call.operation === 'UpdateService')).toHaveLength(1);
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment')).toHaveLength(0);
  });
});
