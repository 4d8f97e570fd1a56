// What the end-to-end suites against the ECS stand-in share: a stand-in closed when its test ends, the service web
// running web:1 (nginx:1.24), rolling or behind CodeDeploy, the environment that points the bundle at it, and the
// deploy of nginx:1.25 to web from a shell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { type DeploymentGroupSeed, type EcsStandin, type EcsStandinOptions, type RecordedCall, type ServiceSeed, type Timing, startEcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, runBundle } from './run-bundle.js';

/** Short rollouts, retries and rollbacks, so a run ends in a few seconds. */
export const SHORT_TIMING: Partial<Timing> = { rolloutMs: 1500, taskLifetimeMs: 300, retryDelayMs: 100, maxRetryDelayMs: 600, rollbackMs: 800 };

/** Tests run concurrently: each starts, and closes, its own stand-in. */
export async function standinForTest(context: TestContext, options: EcsStandinOptions = {}): Promise<EcsStandin> {
  const standin = await startEcsStandin(options);
  context.onTestFinished(() => standin.close());
  return standin;
}

/** web:1 (container web, nginx:1.24) running steady as service web with 2 tasks; `service` adds to the seed. */
export function seedWeb(standin: EcsStandin, service: Partial<ServiceSeed> = {}): void {
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, ...service });
}

export const CODEDEPLOY_APPLICATION = 'AppECS-default-web';
export const CODEDEPLOY_GROUP = 'DgpECS-default-web';

/** web:1 as the CODE_DEPLOY service web; its application and group carry the names the ECS console gives. */
export function seedCodeDeployWeb(standin: EcsStandin, { service = {}, group = {} }: { service?: Partial<ServiceSeed>; group?: Partial<DeploymentGroupSeed> } = {}): void {
  seedWeb(standin, { deploymentController: 'CODE_DEPLOY', ...service });
  standin.codeDeploy.seedDeploymentGroup({ application: CODEDEPLOY_APPLICATION, deploymentGroup: CODEDEPLOY_GROUP, service: 'web', ...group });
}

/** An AppSpec whose TaskDefinition the run fills in, for a service behind a load balancer on `container`:80. */
export function appSpec(container: string, hooks: readonly string[] = []): string {
  const lines = [
    'version: 0.0',
    'Resources:',
    '  - TargetService:',
    '      Type: AWS::ECS::Service',
    '      Properties:',
    '        TaskDefinition: "<TASK_DEFINITION>"',
    '        LoadBalancerInfo:',
    `          ContainerName: ${container}`,
    '          ContainerPort: 80',
    ...(hooks.length > 0 ? ['Hooks:', ...hooks.map((hook) => `  - ${hook}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** A temporary directory, removed when the test ends; `files` are written into it by name. */
export function testDir(context: TestContext, prefix: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export interface Endpoint {
  /** Where the bundle sends its ECS calls, such as a fault proxy in front of the stand-in; default the stand-in. */
  url?: string | undefined;
  /** Send the CodeDeploy calls there too. */
  codeDeploy?: boolean | undefined;
}

/** The environment that points the bundle at the stand-in (or at `url`) with test credentials. */
export function standinEnv(standin: EcsStandin, { url = standin.url, codeDeploy = false }: Endpoint = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_ECS: url,
    ...(codeDeploy ? { AWS_ENDPOINT_URL_CODEDEPLOY: url } : {}),
    AWS_REGION: standin.region,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
}

/** What deploys nginx:1.25 to service web (family web), without checking the image in a registry. */
export const DEPLOY_WEB = ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'];

export interface DeployWebOptions extends Omit<BundleOptions, 'args'>, Endpoint {
  /** Default 40s. */
  waitTimeout?: string;
}

/**
 * Deploys nginx:1.25 to service web from a shell, with --json and 1 s polls; `args` come last and win, `env` adds to
 * the stand-in's. Unless `timeoutMs` says otherwise, a run still going after a minute has hung and is killed.
 */
export function deployWeb(standin: EcsStandin, args: string[] = [], options: DeployWebOptions = {}): Promise<BundleRun> {
  const { waitTimeout = '40s', url, codeDeploy, env = {}, timeoutMs = 60_000, ...rest } = options;
  return runBundle({
    args: [...DEPLOY_WEB, '--json', '--poll-interval', '1s', '--wait-timeout', waitTimeout, ...args],
    env: { ...standinEnv(standin, { url, codeDeploy }), ...env },
    timeoutMs,
    ...rest,
  });
}

/** The outputs a run with --json printed. */
export function outputsOf(run: BundleRun): Record<string, string> {
  try {
    return JSON.parse(run.stdout) as Record<string, string>;
  } catch {
    throw new Error(`no JSON outputs on stdout (exit ${run.code}, signal ${run.signal}):\n${run.log}`);
  }
}

export const arnOf = (standin: EcsStandin, revision: string): string => `arn:aws:ecs:${standin.region}:123456789012:task-definition/${revision}`;

/** The calls of `operation` the stand-in received, in order. */
export const callsOf = (standin: EcsStandin, operation: string): RecordedCall[] => standin.requests.filter((call) => call.operation === operation);

/** The inputs of the calls of `operation` that reached the stand-in and that it answered 200. */
export function applied(standin: EcsStandin, operation: string): Record<string, unknown>[] {
  return callsOf(standin, operation)
    .filter((call) => call.status === 200)
    .map((call) => call.input ?? {});
}

/** One ECS call straight to the stand-in, as the SDK would send it, past any proxy. */
export async function ecsCall(standin: EcsStandin, operation: string, input: object): Promise<Record<string, unknown>> {
  const response = await fetch(standin.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}
