// Carries out a plan against a real AWS session, step by step: image, register or reuse, the one-off task,
// update the service, watch, keep-revisions. A cancel is looked at between every two steps: no step starts after it.
import { CANCEL_ANSWER_WAIT_ROLLBACK_MS, ChangeCancelledError, type CancelledChangeState } from '../aws/change.js';
import type { AwsSession } from '../aws/clients.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import { CancelledError, errorMessage } from '../errors.js';
import type { PreparedImage } from '../image/prepare.js';
import type { Reporter } from '../report.js';
import type { RunTaskPlan } from '../runtask/plan.js';
import type { RunTaskResult } from '../runtask/run-task.js';
import { describeChanges } from '../taskdef/diff.js';
import type { RolloutTarget, WatchOptions, WatchOutcome } from '../watch/contract.js';
import type { ImageWork } from './image-work.js';
import type { KeepRevisionsRequest } from './keep-revisions.js';
import type { DeployPlan } from './plan.js';
import { reportChanges } from './plan-report.js';
import { registerRevision, reusableRevision, type RegisteredRevision } from './register.js';
import { deliveryResult, newProgress, type Progress } from './result.js';
import type { DeliveryResult } from './result.js';
import { startDeployment } from './start-deployment.js';
import { undoCancelledUpdate } from './undo-cancelled-update.js';

export interface ApplyDeps {
  session: AwsSession;
  reporter: Reporter;
  clock: Clock;
  cancel: AbortSignal;
  publishImage(work: ImageWork): Promise<PreparedImage>;
  watch(target: RolloutTarget, options: WatchOptions): Promise<WatchOutcome>;
  keepRevisions(request: KeepRevisionsRequest): Promise<string[]>;
  /**
   * Runs the plan's one-off task from the revision just registered or reused; answers how it ended and, when
   * the deploy must not go on, the error that ends the run.
   */
  runTask(plan: RunTaskPlan, taskDefinitionArn: string, untouched: string | undefined): Promise<{ result: RunTaskResult; error?: Error }>;
}

export interface Applied {
  result: DeliveryResult;
  /** What ended the run early (a failed step or a cancel); the result still names what was done. */
  error?: unknown;
}

/**
 * Which steps to take: all of them (one service), or, for a run of many services, `prepare` (image, register or
 * reuse) for every service before `deploy` (one-off task, update, watch, keep-revisions) for any, on one Progress.
 */
export type ApplyPart = 'all' | 'prepare' | 'deploy';

/** `progress` is the caller's to read while apply runs (what a cancel that cannot wait reports). */
export async function applyPlan(
  deps: ApplyDeps,
  plan: DeployPlan,
  startedAt: number,
  progress: Progress = newProgress(),
  part: ApplyPart = 'all',
): Promise<Applied> {
  try {
    if (part !== 'deploy') await prepareRevision(deps, plan, progress);
    if (part === 'prepare') return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
    await deployRevision(deps, plan, progress);
    progress.step = 'done';
    return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
  } catch (caught) {
    const error = deps.cancel.aborted && !(caught instanceof CancelledError) ? new CancelledError(signalOf(deps.cancel)) : caught;
    if (progress.revision?.registered) {
      deps.reporter.info(`${familyRevision(progress.revision.arn)} stays registered: deploy it again with task-definition-arn.`);
    }
    return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false, error }), error };
  }
}

function stepper(deps: ApplyDeps, done: Progress): (name: Progress['step']) => void {
  return (name) => {
    throwIfCancelled(deps.cancel);
    done.step = name;
  };
}

async function prepareRevision(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<void> {
  const step = stepper(deps, done);
  step('image');
  if (plan.image) done.image = await deps.publishImage(plan.image);

  step('register');
  done.revision = await registerOrReuse(deps, plan, done);
}

async function deployRevision(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<void> {
  const { reporter } = deps;
  const step = stepper(deps, done);
  const revision = done.revision;
  if (!revision) throw new Error('deployRevision needs the revision prepareRevision registered or reused');

  const update = plan.update;
  if (plan.runTask) {
    step('run-task');
    const { result, error } = await deps.runTask(plan.runTask, revision.arn, update ? `service ${update.service}` : undefined);
    done.runTask = result;
    // The service is updated only after the task succeeded: a failed or cancelled task leaves it as it was.
    if (error) throw error;
  }

  if (!update) {
    reporter.info(plan.runTask ? 'No service given: registered and ran the task only.' : 'No service given: registered only.');
    await keepRevisions(deps, plan, done, revision, undefined);
    return;
  }

  step('update');
  if (update.codeDeploy) {
    // Loaded only for a service CodeDeploy deploys.
    const { deployWithCodeDeploy } = await import('../codedeploy/deploy.js');
    const end = await deployWithCodeDeploy(deps, {
      region: plan.region,
      update,
      codeDeploy: update.codeDeploy,
      taskDefinitionArn: revision.arn,
      done,
      step,
    });
    if (end === 'completed') await keepRevisions(deps, plan, done, revision, update.before.taskDefinition);
    else if (plan.keepRevisions && end !== 'not-completed') reporter.info('keep-revisions: not run, as the CodeDeploy deployment was not waited for to its end.');
    return;
  }
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
      region: plan.region,
      taskDefinitionArn: revision.arn,
      forceNewDeployment: force,
      ...(update.desiredCount !== undefined ? { desiredCount: update.desiredCount } : {}),
      ...(update.extra ? { extra: update.extra } : {}),
    }, { reporter, clock: deps.clock, cancel: deps.cancel, ...(rollbackOnCancel ? { cancelWaitMs: CANCEL_ANSWER_WAIT_ROLLBACK_MS } : {}) });
  } catch (error) {
    if (deps.cancel.aborted && rollbackOnCancel) {
      const cancelled = { cluster: update.cluster, service: update.service, before: update.before, taskDefinitionArn: revision.arn };
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
    throwIfCancelled(deps.cancel);
    reporter.info('wait is false: not waiting for the rollout.');
    if (plan.keepRevisions) reporter.info('keep-revisions: not run, as the rollout was not waited for.');
    return;
  }
  // A cancel that came while the update was answered still goes to the watcher when it rolls back on cancel: the
  // rollout the update started is the watcher's to undo.
  if (!update.watch.rollbackOnCancel) throwIfCancelled(deps.cancel);
  done.step = 'watch';
  done.outcome = await deps.watch(target, { ...update.watch, cancel: deps.cancel });
  if (done.outcome.status !== 'COMPLETED') return;
  if (done.outcome.bakeTimeRunning) {
    // The old revision still runs during the bake time and is where a rollback would go: nothing to tidy yet.
    if (plan.keepRevisions) reporter.info('keep-revisions: not run, as the bake time was still running (wait-until: traffic-shifted).');
    return;
  }
  await keepRevisions(deps, plan, done, revision, update.before.taskDefinition);
}

async function registerOrReuse(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<RegisteredRevision> {
  const td = plan.taskDefinition;
  if (td.kind === 'existing') {
    await reportChanges(deps.reporter, plan);
    return { arn: td.arn, revision: td.revision, registered: false };
  }
  // A pushed digest under pin-digest changes the image reference: render, compare and decide again.
  const pushed = done.image?.image;
  const rendered = pushed && pushed !== plan.image?.main?.options.image ? td.renderWith(pushed) : td.rendered;
  const reuse = rendered === td.rendered ? td.reuse : reusableRevision(rendered, td.latest, td.register);
  if (rendered !== td.rendered) {
    done.rendered = rendered;
    done.changes = describeChanges(plan.comparedWith?.document, rendered);
  }
  await reportChanges(deps.reporter, plan, done.changes);
  throwIfCancelled(deps.cancel);
  if (reuse) {
    deps.reporter.info(`Task definition unchanged: reusing ${familyRevision(reuse)}, registering nothing.`);
    return { arn: reuse.arn, revision: reuse.revision, registered: false };
  }
  // What a lost answer is read back against: only revisions newer than the family's latest can be this run's.
  const latest = td.latest && td.latest.family === rendered.taskDefinition.family ? td.latest.revision : 0;
  const registered = await registerRevision(deps.session.ecsAfterCancel, rendered, { latestRevision: latest, reporter: deps.reporter, clock: deps.clock, cancel: deps.cancel });
  deps.reporter.info(`Registered ${familyRevision(registered.arn)}.`);
  return registered;
}

/**
 * Only after a register-only run or a rollout this run waited for and saw COMPLETED, and never after a cancel.
 * `rollbackTarget`: the revision the service ran before this run, kept so a later rollback can still reach it.
 */
async function keepRevisions(
  deps: ApplyDeps,
  plan: DeployPlan,
  done: Progress,
  revision: RegisteredRevision,
  rollbackTarget: string | undefined,
): Promise<void> {
  if (!plan.keepRevisions) return;
  throwIfCancelled(deps.cancel);
  done.step = 'keep-revisions';
  const { family, keep } = plan.keepRevisions;
  try {
    done.deregistered = await deps.keepRevisions({
      family,
      keep,
      protect: [revision.arn, ...(rollbackTarget ? [rollbackTarget] : [])],
    });
    deps.reporter.info(
      done.deregistered.length > 0
        ? `Deregistered ${done.deregistered.join(', ')}.`
        : `keep-revisions: nothing to deregister beyond the newest ${keep} and the revisions in use.`,
    );
  } catch (error) {
    if (deps.cancel.aborted) throw error;
    // The deploy itself succeeded; tidying up is not worth failing it for.
    deps.reporter.warn(`keep-revisions: ${errorMessage(error)}; no revision was deregistered by this step.`);
  }
}

/** A cancel during UpdateService, without rollback-on-cancel: says what the update did, as the read-back saw it. */
function cancelledUpdate(deps: ApplyDeps, seen: CancelledChangeState<RolloutTarget>, service: string, arn: string, whatToCheck: string): CancelledError {
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

export function throwIfCancelled(cancel: AbortSignal): void {
  if (cancel.aborted) throw new CancelledError(signalOf(cancel));
}

export function signalOf(cancel: AbortSignal): 'SIGINT' | 'SIGTERM' {
  return cancel.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
}
