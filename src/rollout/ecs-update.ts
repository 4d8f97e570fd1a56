// How the kinds ECS deploys itself (rolling, blue/green, linear, canary) start: one UpdateService to the revision,
// then the kind's watcher. A cancel during the update is undone the kind's way when rollback-on-cancel is set.
import type { Service } from '@aws-sdk/client-ecs';
import { CANCEL_ANSWER_WAIT_ROLLBACK_MS, ChangeCancelledError, type CancelledChangeState } from '../aws/change.js';
import { signalOf } from '../cancel.js';
import { CancelledError } from '../errors.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import { describeEbsVolume } from '../runtask/describe.js';
import { startDeployment } from '../watch/start-deployment.js';
import { undoCancelledUpdate } from '../watch/undo-cancelled-update.js';
import type { RolloutTarget } from '../watch/contract.js';
import type { Watcher } from '../watch/context.js';
import type { Delivered, Delivery, RolloutDeps, ServiceUpdate } from './kind.js';

export interface EcsUpdateKind {
  watch: Watcher;
  /** A cancelled update is undone by StopServiceDeployment of what it started, not by UpdateService back. */
  stopsServiceDeployment: boolean;
}

export async function deliverByUpdateService(deps: RolloutDeps, delivery: Delivery, kind: EcsUpdateKind): Promise<Delivered> {
  const { reporter } = deps;
  const { update, revision, done } = delivery;
  delivery.step('update');
  const force = update.forceNewDeployment || (!revision.registered && Boolean(done.image?.pushedNewDigest));
  if (force && !update.forceNewDeployment) {
    reporter.info(`The push gave ${done.image?.image ?? ''} a new digest under a tag ${familyRevision(revision.arn)} already names: forcing a new deployment.`);
  }
  if (!force && !revision.registered && sameRevision(update.before.taskDefinition, revision.arn)) {
    reporter.info(
      `${update.service} already runs ${familyRevision(revision.arn)}: ECS starts no new tasks. If a tag it names now points at new content pushed elsewhere, set force-new-deployment (or deploy by digest with pin-digest).`,
    );
  }
  reporter.info(
    `Updating service ${update.service} to ${familyRevision(revision.arn)}${update.desiredCount !== undefined ? `, desired count ${update.desiredCount}` : ''}${force ? ', forcing a new deployment' : ''}.`,
  );
  // The update goes on calls a cancel does not abort: a cancel waits a few seconds for its answer (longer with
  // rollback-on-cancel, which must know what to undo), then reads the service back once.
  const rollbackOnCancel = update.watch?.rollbackOnCancel === true;
  let target: RolloutTarget;
  try {
    target = await startDeployment(deps.session.ecsAfterCancel, update.before, {
      cluster: update.cluster,
      region: delivery.region,
      taskDefinitionArn: revision.arn,
      forceNewDeployment: force,
      ...(update.desiredCount !== undefined ? { desiredCount: update.desiredCount } : {}),
      ...(update.extra ? { extra: update.extra } : {}),
    }, { reporter, clock: deps.clock, cancel: deps.cancel, ...(rollbackOnCancel ? { cancelWaitMs: CANCEL_ANSWER_WAIT_ROLLBACK_MS } : {}) });
  } catch (error) {
    if (deps.cancel.aborted && rollbackOnCancel) {
      const cancelled = {
        cluster: update.cluster,
        region: delivery.region,
        service: update.service,
        before: update.before,
        taskDefinitionArn: revision.arn,
        stopsServiceDeployment: kind.stopsServiceDeployment,
      };
      await undoCancelledUpdate(deps.session.ecsAfterCancel, cancelled, { reporter, clock: deps.clock });
      throw new CancelledError(signalOf(deps.cancel));
    }
    if (error instanceof ChangeCancelledError) {
      const seen = error.settled as CancelledChangeState<RolloutTarget>;
      // What the update started goes to the outputs, though this run does not watch it.
      if (seen.state === 'applied') done.target = seen.value;
      throw cancelledUpdate(deps, seen, update.service, revision.arn, error.whatToCheck);
    }
    throw error;
  }
  done.target = target;
  reporter.info(target.deploymentId ? `Deployment ${target.deploymentId} started.` : 'The update started no new deployment; waiting for the service to be steady.');
  if (deps.cancel.aborted && !rollbackOnCancel) throw cancelledUpdate(deps, { state: 'applied', value: target }, update.service, revision.arn, '');

  if (!update.watch) {
    delivery.step('update');
    reporter.info('wait is false: not waiting for the rollout.');
    return { keepRevisions: false, notRunBecause: 'the rollout was not waited for' };
  }
  // A cancel that came while the update was answered still goes to the watcher when it rolls back on cancel: the
  // rollout the update started is the watcher's to undo.
  if (!update.watch.rollbackOnCancel) delivery.step('watch');
  done.step = 'watch';
  done.outcome = await deps.watch(target, { ...update.watch, cancel: deps.cancel }, kind.watch);
  if (done.outcome.status === 'PAUSED') return { keepRevisions: false, notRunBecause: 'the deployment is paused (wait-until: paused)' };
  if (done.outcome.status !== 'COMPLETED') return { keepRevisions: false };
  // The old revision still runs during the bake time and is where a rollback would go: nothing to tidy yet.
  if (done.outcome.bakeTimeRunning) return { keepRevisions: false, notRunBecause: 'the bake time was still running (wait-until: traffic-shifted)' };
  return { keepRevisions: true };
}

/** The dry run's line for an UpdateService to `deployed`, and what the wait follows. */
export function updateServiceLines(update: ServiceUpdate<Service | undefined>, deployed: string, waited: string): string[] {
  const parts = [
    `Would update service ${update.service} in ${update.cluster} to ${deployed}`,
    ...(update.desiredCount !== undefined ? [`desired count ${update.desiredCount}`] : []),
    ...(update.forceNewDeployment ? ['forcing a new deployment'] : []),
  ];
  return [`${parts.join(', ')}${update.watch ? ` and wait for ${waited}` : ', without waiting for the rollout'}.`, ...updateExtraLines(update.extra)];
}

/** The UpdateService fields sent beyond the revision and count; the service keeps its own setting of the others. */
function updateExtraLines(extra: ServiceUpdate<Service | undefined>['extra']): string[] {
  if (!extra) return [];
  return [
    ...(extra.enableECSManagedTags !== undefined ? [`  ECS managed tags: ${extra.enableECSManagedTags ? 'on' : 'off'}`] : []),
    ...(extra.propagateTags ? [`  propagate tags from: ${extra.propagateTags}`] : []),
    ...(extra.volumeConfigurations ?? []).map((volume) => `  EBS volume: ${describeEbsVolume(volume)}`),
  ];
}

/** A cancel during UpdateService, without rollback-on-cancel: says what the update did, as the read-back saw it. */
function cancelledUpdate(deps: RolloutDeps, seen: CancelledChangeState<RolloutTarget>, service: string, arn: string, whatToCheck: string): CancelledError {
  const revision = familyRevision(arn);
  const detail =
    seen.state === 'applied'
      ? `the update was applied: ${service} rolls out ${revision}${seen.value.deploymentId ? ` (deployment ${seen.value.deploymentId})` : ''}, not watched by this run`
      : seen.state === 'not-applied'
        ? `the update was not applied: ${service} stays as it was`
        : `UpdateService may still be applied to ${service}: check ${whatToCheck}`;
  deps.reporter.warn(`Cancelled during UpdateService: ${detail}.`);
  return new CancelledError(signalOf(deps.cancel), detail);
}
