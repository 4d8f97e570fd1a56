// What the Express end-to-end suites share: the stand-in with a short canary, the inputs a new Express service's
// first render needs, and the built bundle run against it from a shell.
import type { TestContext } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, runBundle } from './run-bundle.js';
import { standinEnv } from './standin-e2e.js';

export const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';
export const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
export const KILL_AFTER_MS = 90_000;
/** A canary of a little over a second per bake, so a run sees every stage in a few seconds. */
export const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.03, bakeTimeInMinutes: 0.03 };
/** A canary long enough for a cancel to land in it. */
export const SLOW_CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.5, bakeTimeInMinutes: 0.5 };

/** What a new Express service's first render needs, as inputs: the container Main on Fargate, its port and size. */
export function expressInputs(service = 'web'): Record<string, string> {
  return {
    family: service,
    'container-name': 'Main',
    'container-port': '8080',
    'requires-compatibilities': 'FARGATE',
    'network-mode': 'awsvpc',
    'task-cpu': '256',
    'task-memory': '512',
  };
}

/** What a new Express service's first render needs: the container Main on Fargate, its port, roles and size. */
export function expressArgs(service = 'web'): string[] {
  return [
    ...['--service', service, '--family', service, '--container-name', 'Main', '--container-port', '8080'],
    ...['--requires-compatibilities', 'FARGATE', '--network-mode', 'awsvpc', '--task-cpu', '256', '--task-memory', '512'],
    ...['--execution-role-arn', EXECUTION, '--verify-image', 'false'],
  ];
}

/** `canary`: longer bakes keep a deployment in flight for a while. */
export async function expressStandin(context: TestContext, canary: Partial<typeof CANARY> = {}): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { stageMs: 300, hookMs: 300, rollbackMs: 600, rolloutMs: 600 }, express: { canary: { ...CANARY, ...canary } } });
  context.onTestFinished(() => standin.close());
  standin.seedCluster('default');
  return standin;
}

export function envOf(standin: EcsStandin): Record<string, string> {
  return standinEnv(standin);
}

/** The bundle from a shell, deploying the Express service `service` (web) with `args` on top. */
export function deployExpress(standin: EcsStandin, args: string[], options: Omit<BundleOptions, 'args' | 'env'> & { service?: string } = {}): Promise<BundleRun> {
  const { service, ...rest } = options;
  return runBundle({
    args: [...expressArgs(service), '--json', '--poll-interval', '1s', '--wait-timeout', '60s', ...args],
    env: envOf(standin),
    timeoutMs: KILL_AFTER_MS,
    ...rest,
  });
}

/**
 * Creates the Express service `service` on `image`. `wait: false` does not wait for its first deployment (a canary
 * too slow to wait for); ECS then has no completed deployment to roll a failing one back to.
 */
export async function createExpressService(standin: EcsStandin, service: string, { wait = true }: { wait?: boolean } = {}): Promise<void> {
  const created = await deployExpress(standin, ['--image', 'nginx:1.25', '--express-infrastructure-role-arn', INFRASTRUCTURE, '--wait', String(wait)], { service });
  if (created.code !== 0) throw new Error(`creating ${service} failed:\n${created.log}`);
}

export { outputsOf } from './standin-e2e.js';
