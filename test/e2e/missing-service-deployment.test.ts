// The built bundle against a stand-in whose DescribeServiceDeployments answers this run's service deployment as
// MISSING (a `failures` entry): once it was described before, or polls in a row, the wait ends UNKNOWN naming it;
// missing only for the first moments after the update, it is waited for.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin, EcsStandinOptions } from '../standin/index.js';
import { deployWeb, outputsOf, seedWeb, standinForTest } from '../support/standin-e2e.js';

async function standinWith(context: TestContext, options: EcsStandinOptions, deploymentConfiguration?: Record<string, unknown>): Promise<EcsStandin> {
  const standin = await standinForTest(context, { ...options, timing: { rolloutMs: 8000, stageMs: 1500, ...options.timing } });
  seedWeb(standin, deploymentConfiguration ? { deploymentConfiguration: deploymentConfiguration as never } : {});
  return standin;
}

const ourArn = (standin: EcsStandin): string => String(standin.serviceDeployments('web')[0]?.['serviceDeploymentArn']);
const describeCalls = (standin: EcsStandin): number => standin.requests.filter((call) => call.operation === 'DescribeServiceDeployments').length;

describe.concurrent('a service deployment DescribeServiceDeployments answers as MISSING', () => {
  test('a rolling update whose service deployment was described, then MISSING: UNKNOWN at once, naming it', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { forgottenAfterMs: 2500 } });

    const run = await deployWeb(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answers service deployment ${ourArn(standin)} as MISSING, after describing it before`);
    // The rollout itself goes on: the run did not wait for it.
    expect(standin.serviceDeployments('web')[0]?.['status']).toBe('IN_PROGRESS');
  });

  test('a rolling update whose service deployment is never described: UNKNOWN after 3 polls in a row', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { visibleAfterMs: 120_000 } });

    const run = await deployWeb(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answered service deployment ${ourArn(standin)} as MISSING 3 polls in a row`);
    expect(describeCalls(standin)).toBe(3);
  });

  test('MISSING only in the moments after the update: waited for, and the rollout COMPLETES', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { visibleAfterMs: 1200 }, timing: { rolloutMs: 4000 } });

    const run = await deployWeb(standin);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(run.log).not.toContain('MISSING');
  });

  test('a blue/green deployment whose service deployment goes MISSING: UNKNOWN, not a wait to the timeout', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { forgottenAfterMs: 2500 } }, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.5 });

    const run = await deployWeb(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answers service deployment ${ourArn(standin)} as MISSING, after describing it before`);
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  });
});
