// `continue` for the kinds ECS deploys itself (and Express services, whose deployments are ECS service
// deployments): ContinueServiceDeployment(CONTINUE) on the PAUSE hook that awaits action, then the deployment is
// followed by the kind's own watcher, as a deploy follows it.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import { familyRevision } from '../aws/names.js';
import type { RolloutTarget } from '../watch/contract.js';
import type { Watcher } from '../watch/context.js';
import { eventKey } from '../watch/snapshot.js';
import { continuedWatch, type ContinueRequest, type OperateDeps, type Operated } from './operate.js';
import { findPaused, type PausedDeployment } from './paused-deployment.js';

/** Reads after the continue until ECS no longer shows the hook awaiting action, so the watch does not stop at it. */
const HOOK_LEFT_READS = 10;

export async function continuePausedDeployment(deps: OperateDeps, request: ContinueRequest, kindName: string, watch: Watcher): Promise<Operated> {
  const { session, reporter, clock, cancel } = deps;
  const { inputs, service, given } = request;
  const paused = await findPaused(session.ecs, service, given);
  reporter.info(`Continuing service deployment ${paused.serviceDeploymentArn} at ${paused.stage}: ContinueServiceDeployment hook ${paused.hookId}, action CONTINUE (${kindName})`);
  await continueAtHook({ ecs: session.ecs, clock, cancel }, paused, inputs.pollIntervalMs);
  const target = await continuedTarget(session.ecs, inputs.cluster, inputs.service, session.region, paused);
  const outcome = await watch({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock, reporter }, target, continuedWatch(inputs, cancel));
  if (outcome.status !== 'CANCELLED' || !cancel.aborted || inputs.rollbackOnCancel) return { target, outcome };
  // The deployment this run let go on goes on without it: say so, and how to undo it.
  const leftRunning = `service deployment ${paused.serviceDeploymentArn} of ${familyRevision(target.taskDefinitionArn)} goes on in ECS, no longer followed; ecs-deliver rollback puts ${inputs.service} back`;
  reporter.warn(leftRunning);
  return { target, outcome: { ...outcome, message: `${outcome.message}; ${leftRunning}` } };
}

type AtHook = Pick<PausedDeployment, 'serviceDeploymentArn' | 'hookId'>;

/**
 * ContinueServiceDeployment(CONTINUE) at the hook, sent through sendChange (a lost answer is read back, never sent
 * twice), then read until ECS no longer shows the hook awaiting action, so a watch does not stop at it again.
 */
export async function continueAtHook(on: HookCalls, paused: AtHook, pollIntervalMs: number): Promise<void> {
  await on.ecs.continueServiceDeployment(paused.serviceDeploymentArn, paused.hookId, 'CONTINUE');
  await hookLeft(on, paused, pollIntervalMs);
}

/** What continuing at a hook calls and waits on. */
export interface HookCalls {
  ecs: Pick<EcsApi, 'continueServiceDeployment' | 'describeServiceDeployments'>;
  clock: Pick<Clock, 'sleep'>;
  cancel: AbortSignal;
}

/** ECS may still show the hook awaiting action in the first answers after the continue. */
async function hookLeft({ ecs, clock, cancel }: HookCalls, paused: AtHook, pollIntervalMs: number): Promise<void> {
  for (let read = 0; read < HOOK_LEFT_READS && !cancel.aborted; read++) {
    const answer = await ecs.describeServiceDeployments([paused.serviceDeploymentArn]);
    const hook = answer.serviceDeployments?.[0]?.lifecycleHookDetails?.find((detail) => detail.hookId === paused.hookId);
    if (hook?.status !== 'AWAITING_ACTION') return;
    await clock.sleep(Math.min(pollIntervalMs, 1_000), cancel);
  }
}

/** What the watcher follows: the paused deployment's revision, and the one a rollback goes back to. */
async function continuedTarget(ecs: EcsApi, cluster: string, name: string, region: string, paused: PausedDeployment): Promise<RolloutTarget> {
  const service: Service | undefined = (await ecs.describeServices(cluster, [name])).services?.[0];
  const deployments = service?.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  const previous = deployments.find((deployment) => deployment.status === 'ACTIVE') ?? primary;
  return {
    cluster,
    service: name,
    region,
    taskDefinitionArn: primary?.taskDefinition ?? service?.taskDefinition ?? '',
    ...(primary?.id ? { deploymentId: primary.id } : {}),
    serviceDeploymentArn: paused.serviceDeploymentArn,
    deploymentIdsBefore: deployments.flatMap((deployment) => (deployment !== primary && deployment.id ? [deployment.id] : [])),
    eventKeysBefore: (service?.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: previous?.taskDefinition ?? '', desiredCount: previous?.desiredCount ?? service?.desiredCount ?? 0 },
    ...(service?.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
  };
}
