// `rollback` for the kinds ECS deploys itself (and Express services): a service deployment in flight is rolled back
// by ECS (ContinueServiceDeployment ROLLBACK at a pause, else StopServiceDeployment ROLLBACK) and followed until ECS
// is done; with nothing in flight the kind deploys the earlier revision its own way (`redeploy`) and watches that
// with its own watcher: task-definition-arn when given, else the revision the service ran before its newest
// successful deployment. That new deployment stops at the service's PAUSE hooks like any other: asking for the
// rollback is the go-ahead, so each pause of the rollback's own deployment is continued.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { familyRevision, formatDuration } from '../aws/names.js';
import { PreflightError } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';
import type { PausedDeploymentAt, RolloutTarget, WatchOutcome } from '../watch/contract.js';
import type { Watcher } from '../watch/context.js';
import { continueAtHook } from './continue-paused.js';
import { rollbackWatch, type OperateDeps, type OperateRequest, type Operated } from './operate.js';
import { stoppableDeployment } from './paused-deployment.js';
import { eventKey } from '../watch/snapshot.js';
import { startDeployment } from '../watch/start-deployment.js';

const ROLLBACK_ENDS = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'SUCCESSFUL', 'STOPPED']);

/** How a kind deploys the earlier revision when nothing is in flight. */
export interface Redeploy {
  /** The call, as the log names it: `UpdateService`. */
  call: string;
  /** Starts the deployment of `to`; answers what to follow. */
  start(deps: OperateDeps, request: OperateRequest, to: string): Promise<RolloutTarget>;
}

export async function rollBackService(deps: OperateDeps, request: OperateRequest, watch: Watcher, redeploy: Redeploy): Promise<Operated> {
  const { session, reporter, clock, cancel } = deps;
  const { inputs, service } = request;
  const flying = inputs.taskDefinitionArn ? undefined : await stoppableDeployment(session.ecs, service);
  if (flying) return rollBackInFlight(deps, request, flying);
  const chosen = await earlierRevision(session.ecs, service, inputs);
  const to = familyRevision(chosen.taskDefinition);
  reporter.info(`Rolling back ${inputs.service} to ${to}: ${chosen.why}; ${redeploy.call}`);
  const target = await redeploy.start(deps, request, chosen.taskDefinition);
  const options = { ...rollbackWatch(inputs, cancel), continuePause: (paused: PausedDeploymentAt) => goAhead(deps, paused, inputs.pollIntervalMs) };
  const watched = await watch({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock, reporter }, target, options);
  if (watched.status === 'COMPLETED') return { target, outcome: { ...watched, status: 'ROLLED_BACK', rolledBackTo: to, message: `${inputs.service} is back on ${to}` } };
  if (watched.status === 'CANCELLED' && cancel.aborted) return { target, outcome: { ...watched, message: goesOn(to, target.serviceDeploymentArn ?? target.deploymentId) } };
  return { target, outcome: watched };
}

/** The deployment the rollback started waits at a PAUSE hook: asking for the rollback is the go-ahead to continue it. */
async function goAhead(deps: OperateDeps, paused: PausedDeploymentAt, pollIntervalMs: number): Promise<void> {
  deps.reporter.info(`The rollback's service deployment waits at PAUSE hook ${paused.hookId} (${paused.stage}): ContinueServiceDeployment, action CONTINUE; asking for the rollback is the go-ahead`);
  await continueAtHook({ ecs: deps.session.ecs, clock: deps.clock, cancel: deps.cancel }, paused, pollIntervalMs);
}

/** The service deployment in flight, rolled back by ECS and followed until it ends. */
async function rollBackInFlight(deps: OperateDeps, request: OperateRequest, flying: ServiceDeployment): Promise<Operated> {
  const { session } = deps;
  const { inputs, service } = request;
  const to = await sourceOf(session.ecs, flying);
  if (!to) throw new PreflightError(`nothing to go back to: service deployment ${flying.serviceDeploymentArn ?? '?'} of ${inputs.service} names no earlier revision.`);
  const target = rolledBackTarget(inputs, session.region, service, to, flying.serviceDeploymentArn);
  await stopInFlight(deps, inputs.service, flying, to);
  return { target, outcome: await followRollback(deps, flying.serviceDeploymentArn ?? '', to, inputs) };
}

/** The rollback goes on in ECS after a cancel: this run only stops following it. */
function goesOn(to: string, what: string | undefined): string {
  return `stopped following the rollback to ${to} on the cancel; the rollback goes on in ECS${what ? ` (${what})` : ''}`;
}

/** The task definition of the revision a service deployment started from. */
async function sourceOf(ecs: EcsApi, deployment: ServiceDeployment): Promise<string | undefined> {
  const arn = deployment.sourceServiceRevisions?.[0]?.arn;
  if (!arn) return undefined;
  return (await ecs.describeServiceRevisions([arn])).serviceRevisions?.[0]?.taskDefinition;
}

async function stopInFlight({ session, reporter }: OperateDeps, name: string, deployment: ServiceDeployment, to: string): Promise<void> {
  const arn = deployment.serviceDeploymentArn ?? '';
  const hook = deployment.status === 'IN_PROGRESS' ? deployment.lifecycleHookDetails?.find((detail) => detail.status === 'AWAITING_ACTION') : undefined;
  const why = `Rolling back ${name} to ${familyRevision(to)}, the revision its deployment in flight started from`;
  if (hook?.hookId) {
    reporter.info(`${why}: it is paused at ${deployment.lifecycleStage ?? '?'}; ContinueServiceDeployment hook ${hook.hookId}, action ROLLBACK`);
    await session.ecs.continueServiceDeployment(arn, hook.hookId, 'ROLLBACK');
    return;
  }
  reporter.info(`${why}: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
  await session.ecs.stopServiceDeployment(arn, 'ROLLBACK');
}

/** Follows the service deployment ECS rolls back until it ends, or wait-timeout; a cancel stops following only. */
async function followRollback({ session, reporter, clock, cancel }: OperateDeps, arn: string, to: string, inputs: Inputs): Promise<WatchOutcome> {
  const deadline = clock.now() + inputs.waitTimeoutMs;
  const back = familyRevision(to);
  let seen = '';
  while (!cancel.aborted) {
    const deployment = (await session.ecs.describeServiceDeployments([arn])).serviceDeployments?.[0];
    const status = deployment?.status ?? '?';
    const line = `Service deployment ${status}${deployment?.lifecycleStage ? ` at ${deployment.lifecycleStage}` : ''}`;
    if (line !== seen) reporter.info((seen = line));
    if (status === 'ROLLBACK_SUCCESSFUL') return { status: 'ROLLED_BACK', message: `rolled back to ${back}`, rolledBackTo: back, serviceDeploymentArn: arn };
    if (ROLLBACK_ENDS.has(status)) {
      const why = deployment?.statusReason ? `: ${deployment.statusReason}` : '';
      return { status: status === 'SUCCESSFUL' ? 'COMPLETED' : 'FAILED', message: `the rollback to ${back} did not happen; the service deployment ended ${status}${why}`, serviceDeploymentArn: arn };
    }
    if (clock.now() >= deadline) return { status: 'TIMED_OUT', message: `the rollback to ${back} did not finish within ${formatDuration(inputs.waitTimeoutMs)}`, serviceDeploymentArn: arn };
    await clock.sleep(inputs.pollIntervalMs, cancel);
  }
  reporter.warn(goesOn(back, arn));
  return { status: 'CANCELLED', message: goesOn(back, arn), serviceDeploymentArn: arn };
}

/** The revision the service runs: Express services may not name it at the top of DescribeServices. */
function runningRevision(service: Service): string | undefined {
  return service.taskDefinition ?? service.deployments?.find((deployment) => deployment.status === 'PRIMARY')?.taskDefinition;
}

/** The revision to go back to, and why that one; refused when there is none. */
async function earlierRevision(ecs: EcsApi, service: Service, inputs: Inputs): Promise<{ taskDefinition: string; why: string }> {
  const running = runningRevision(service);
  const now = familyRevision(running ?? '?');
  if (inputs.taskDefinitionArn) {
    const described = await ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
    const arn = described?.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new PreflightError(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
    if (arn === running) throw new PreflightError(`nothing to go back to: ${inputs.service} already runs ${now}, the task-definition-arn given.`);
    return { taskDefinition: arn, why: 'task-definition-arn names it' };
  }
  const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: ['SUCCESSFUL'] }).catch(() => undefined);
  if (!listed) throw new PreflightError(`nothing known to go back to: ECS does not list the service deployments of ${inputs.service} here; give task-definition-arn.`);
  const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
  const deployment = newest ? (await ecs.describeServiceDeployments([newest])).serviceDeployments?.[0] : undefined;
  const source = deployment ? await sourceOf(ecs, deployment) : undefined;
  if (!source || source === running) {
    throw new PreflightError(`nothing to go back to: ${inputs.service} runs ${now}, and no successful deployment of it started from another revision; give task-definition-arn to choose one.`);
  }
  return { taskDefinition: source, why: `the revision it ran before its newest successful deployment (${newest ?? '?'})` };
}

/** What a rollback follows: `after` is the service as the call that started it answered (default: as read before). */
export function rolledBackTarget(inputs: Inputs, region: string, before: Service, to: string, serviceDeploymentArn: string | undefined, after: Service = before): RolloutTarget {
  const primary = (after.deployments ?? []).find((deployment) => deployment.status === 'PRIMARY' && deployment.taskDefinition === to);
  const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    region,
    taskDefinitionArn: to,
    ...(primary?.id && !idsBefore.includes(primary.id) ? { deploymentId: primary.id } : {}),
    ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
    deploymentIdsBefore: after === before ? [] : idsBefore,
    ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
    eventKeysBefore: (before.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: runningRevision(before) ?? '', desiredCount: before.desiredCount ?? 0 },
    ...(after.deploymentConfiguration?.strategy ? { strategy: after.deploymentConfiguration.strategy } : {}),
  };
}

/** The kinds ECS deploys by UpdateService go back the same way. */
export const updateServiceBack: Redeploy = {
  call: 'UpdateService',
  start: async ({ session, reporter, clock, cancel }, { inputs, service }, to) => {
    const request = { cluster: inputs.cluster, region: session.region, taskDefinitionArn: to, forceNewDeployment: false };
    const started = await startDeployment(session.ecs, { ...service, serviceName: inputs.service }, request, { reporter, clock, cancel });
    return { ...started, previous: { taskDefinitionArn: runningRevision(service) ?? '', desiredCount: service.desiredCount ?? 0 } };
  },
};
