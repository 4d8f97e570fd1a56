// The built bundle on a stand-in whose DescribeServices deployments list lags behind the service deployments: this
// run's rolling service deployment goes STOPPED because someone else's update started, and the service already
// names the newer service deployment as its current one. That is SUPERSEDED, not FAILED.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import type { ServicesLag } from '../standin/world.js';
import type { BundleRun } from '../support/run-bundle.js';
import { deployWeb, seedWeb, standinForTest } from '../support/standin-e2e.js';

async function standinWith(context: TestContext, lag: ServicesLag = { ms: 4000 }): Promise<EcsStandin> {
  const standin = await standinForTest(context, { servicesLag: lag, timing: { rolloutMs: 8000 } });
  seedWeb(standin);
  standin.setScenario('web', { name: 'superseded', supersedeAfterMs: 4500, rolloutMs: 8000 });
  return standin;
}

/** Exit 1, SUPERSEDED, ours STOPPED, the newer service deployment named, and the run's one UpdateService only. */
function expectSuperseded(standin: EcsStandin, run: BundleRun): void {
  expect(run.code, run.log).toBe(1);
  const outputs = JSON.parse(run.stdout) as Record<string, string>;
  expect(outputs['deployment-status']).toBe('SUPERSEDED');
  const [theirs, ours] = standin.serviceDeployments('web');
  expect(ours?.['status']).toBe('STOPPED');
  expect(run.log).toContain(`was superseded by service deployment ${String(theirs?.['serviceDeploymentArn'])}, which another update started`);
  expect(standin.requests.filter((call) => call.operation === 'UpdateService')).toHaveLength(1);
}

describe('a rolling service deployment stopped by a newer one while DescribeServices lags', () => {
  test('SUPERSEDED, naming the service deployment that took over; no rollback', async (context) => {
    const standin = await standinWith(context);

    const run = await deployWeb(standin);

    expectSuperseded(standin, run);
  });

  test('SUPERSEDED too while the service still names ours as its current service deployment; no rollback', async (context) => {
    const standin = await standinWith(context, { ms: 4000, currentServiceDeploymentToo: true });

    const run = await deployWeb(standin);

    expectSuperseded(standin, run);
    expect(standin.requests.filter((call) => call.operation === 'StopServiceDeployment')).toHaveLength(0);
  });
});
