// The built bundle deploying two CodeDeploy services from one services-file against the stand-in: both are watched
// on the run's shared poll tick, as ECS rollouts are, so their reads fall on one grid even when they started apart.
import { type TestContext, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';
import { appSpec, standinEnv, standinForTest, testDir } from '../support/standin-e2e.js';

/** web's entry sets the desired count: its UpdateService, answered 1.5 s late, starts its deployment 1.5 s after api's. */
const SERVICES_FILE = `
defaults:
  verify-image: false
  wait-timeout: 30s
services:
  - service: web
    family: web
    image: example/web:2
    desired-count: 2
  - service: api
    family: api
    image: example/api:2
`;
const UPDATE_LATENCY_MS = 1_500;

async function setUp(context: TestContext): Promise<{ standin: EcsStandin; dir: string }> {
  const standin = await standinForTest(context);
  for (const service of ['web', 'api']) {
    standin.seedTaskDefinition({ family: service, containerDefinitions: [{ name: 'app', image: `example/${service}:1`, memory: 256 }] });
    standin.seedService({ serviceName: service, taskDefinition: `${service}:1`, desiredCount: 2, deploymentController: 'CODE_DEPLOY' });
    standin.codeDeploy.seedDeploymentGroup({ application: `AppECS-default-${service}`, deploymentGroup: `DgpECS-default-${service}`, service });
  }
  // Deployments that last several polls: events slower than the poll interval, and a termination wait.
  standin.codeDeploy.script({ eventMs: 400, terminationWaitMs: 2_000 }, { eventMs: 400, terminationWaitMs: 2_000 });
  standin.setFaults({ latencyMs: UPDATE_LATENCY_MS, operations: ['UpdateService'] });
  return { standin, dir: testDir(context, 'ecs-deliver-codedeploy-many-', { 'appspec.yaml': appSpec('app'), 'services.yml': SERVICES_FILE }) };
}

function deploy(standin: EcsStandin, dir: string): Promise<BundleRun> {
  return runBundle({
    args: ['--services-file', 'services.yml', '--json', '--poll-interval', '1s'],
    env: standinEnv(standin, { codeDeploy: true }),
    cwd: dir,
    timeoutMs: 60_000,
  });
}

/** When each CodeDeploy deployment was read (GetDeployment), by deployment id, on the stand-in's clock. */
function readsByDeployment(standin: EcsStandin): Map<string, number[]> {
  const reads = new Map<string, number[]>();
  for (const call of standin.requests.filter((request) => request.operation === 'CodeDeploy_20141006.GetDeployment')) {
    const id = String(call.input?.['deploymentId'] ?? '?');
    reads.set(id, [...(reads.get(id) ?? []), call.at]);
  }
  return reads;
}

test('CodeDeploy services in a services-file are polled on the shared tick: their reads fall on one grid although their deployments started 1.5 s apart', async (context) => {
  const { standin, dir } = await setUp(context);

  const run = await deploy(standin, dir);

  expect(run.code, run.log).toBe(0);
  const results = JSON.parse((JSON.parse(run.stdout) as Record<string, string>)['results'] ?? '[]') as { service: string; 'deployment-status': string }[];
  expect(results.map((result) => [result.service, result['deployment-status']])).toEqual([
    ['web', 'COMPLETED'],
    ['api', 'COMPLETED'],
  ]);
  const creates = standin.requests.filter((request) => request.operation === 'CodeDeploy_20141006.CreateDeployment').map((request) => request.at);
  expect(creates).toHaveLength(2);
  expect(Math.abs((creates[1] ?? 0) - (creates[0] ?? 0))).toBeGreaterThan(UPDATE_LATENCY_MS / 2);

  const reads = [...readsByDeployment(standin).values()];
  expect(reads).toHaveLength(2);
  expect(reads.every((times) => times.length >= 3), JSON.stringify(reads)).toBe(true);
  // Every read of either deployment falls on the same 1 s grid (the run's tick), though they started 1.5 s apart:
  // the time within the second of all of them lies in one narrow window.
  expect(phaseSpread(reads.flat(), 1_000), JSON.stringify(reads)).toBeLessThanOrEqual(250);
});

/** How wide the narrowest window (on a circle of `period`) is that holds every time's phase. */
function phaseSpread(times: readonly number[], period: number): number {
  const phases = times.map((at) => at % period).sort((a, b) => a - b);
  let widestGap = period - ((phases.at(-1) ?? 0) - (phases[0] ?? 0));
  for (let i = 1; i < phases.length; i++) widestGap = Math.max(widestGap, (phases[i] ?? 0) - (phases[i - 1] ?? 0));
  return period - widestGap;
}
