// The ECS stand-in ready for Express Mode services, and the bundle deploying one: what the Express suites share.
import type { TestContext } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, runBundle } from './run-bundle.js';

export const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';
export const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
export const KILL_AFTER_MS = 90_000;
/** A canary of a little over a second per bake, so a run sees every stage in a few seconds. */
const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.03, bakeTimeInMinutes: 0.03 };

/** What a new Express service's first render needs: the container Main on Fargate, its port, roles and size. */
export const EXPRESS_ARGS = [
  ...['--service', 'web', '--family', 'web', '--container-name', 'Main', '--container-port', '8080'],
  ...['--requires-compatibilities', 'FARGATE', '--network-mode', 'awsvpc', '--task-cpu', '256', '--task-memory', '512'],
  ...['--execution-role-arn', EXECUTION, '--verify-image', 'false'],
];

/** `canary`: longer bakes keep a deployment in flight for a while. */
export async function standinFor(context: TestContext, canary: Partial<typeof CANARY> = {}): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { stageMs: 300, hookMs: 300, rollbackMs: 600, rolloutMs: 600 }, express: { canary: { ...CANARY, ...canary } } });
  context.onTestFinished(() => standin.close());
  standin.seedCluster('default');
  return standin;
}

export function envOf(standin: EcsStandin): Record<string, string> {
  return { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
}

/** A deploy of the Express service web, with JSON outputs and quick polls. */
export function deployExpress(standin: EcsStandin, args: string[], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
  return runBundle({
    args: [...EXPRESS_ARGS, '--json', '--poll-interval', '1s', '--wait-timeout', '60s', ...args],
    env: envOf(standin),
    timeoutMs: KILL_AFTER_MS,
    ...options,
  });
}
