// The built bundle against a stand-in whose DescribeServiceDeployments answers this run's service deployment as
// MISSING (a `failures` entry): once it was described before, or polls in a row, the wait ends UNKNOWN naming it;
// missing only for the first moments after the update, it is waited for.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type EcsStandinOptions, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;

async function standinWith(context: TestContext, options: EcsStandinOptions, deploymentConfiguration?: Record<string, unknown>): Promise<EcsStandin> {
  const standin = await startEcsStandin({ ...options, timing: { rolloutMs: 8000, stageMs: 1500, ...options.timing } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    ...(deploymentConfiguration ? { deploymentConfiguration: deploymentConfiguration as never } : {}),
  });
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

const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;
const ourArn = (standin: EcsStandin): string => String(standin.serviceDeployments('web')[0]?.['serviceDeploymentArn']);
const describeCalls = (standin: EcsStandin): number => standin.requests.filter((call) => call.operation === 'DescribeServiceDeployments').length;

describe.concurrent('a service deployment DescribeServiceDeployments answers as MISSING', () => {
  test('a rolling update whose service deployment was described, then MISSING: UNKNOWN at once, naming it', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { forgottenAfterMs: 2500 } });

    const run = await deploy(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answers service deployment ${ourArn(standin)} as MISSING, after describing it before`);
    // The rollout itself goes on: the run did not wait for it.
    expect(standin.serviceDeployments('web')[0]?.['status']).toBe('IN_PROGRESS');
  });

  test('a rolling update whose service deployment is never described: UNKNOWN after 3 polls in a row', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { visibleAfterMs: 120_000 } });

    const run = await deploy(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answered service deployment ${ourArn(standin)} as MISSING 3 polls in a row`);
    expect(describeCalls(standin)).toBe(3);
  });

  test('MISSING only in the moments after the update: waited for, and the rollout COMPLETES', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { visibleAfterMs: 1200 }, timing: { rolloutMs: 4000 } });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(run.log).not.toContain('MISSING');
  });

  test('a blue/green deployment whose service deployment goes MISSING: UNKNOWN, not a wait to the timeout', async (context) => {
    const standin = await standinWith(context, { serviceDeploymentsMissing: { forgottenAfterMs: 2500 } }, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.5 });

    const run = await deploy(standin);

    expect(run.code, run.log).not.toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('UNKNOWN');
    expect(run.log).toContain(`ECS answers service deployment ${ourArn(standin)} as MISSING, after describing it before`);
    expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  });
});
