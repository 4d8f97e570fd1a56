// Watches this run's rolling update to its end and says what happened; rolls back when asked to and ECS has not.
// Only what ECS answered decides an outcome: when it stops answering, the outcome is UNKNOWN and nothing is undone.
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { startDeployment } from './start-deployment.js';
import { errorMessage } from '../errors.js';
import { changeOutcome, describeError } from '../aws/errors.js';
import type { WatchContext, WatchDeps } from './context.js';
import type { FailureReport, RolloutTarget, WatchOptions, WatchOutcome } from './contract.js';
import { reportFailure } from './failure-report.js';
import { follow, followWith, type FollowResult } from './follow.js';
import { ecsRollbackJudge } from './ecs-rollback.js';
import { consoleUrl, familyRevision, formatDuration, sameRevision } from '../aws/names.js';
import { Observer } from './observe.js';
import { deploymentsOf, type Followed } from './snapshot.js';
import { followedOf, followsDeployment } from './tracking.js';
import { describeDeployment, stoppedFromOutside } from './verdict.js';
import { newerServiceDeployment } from './newer-service-deployment.js';
import { cancelledState, rollBackOnCancel, unknown, unknownMessage } from './endings.js';
import { watchServiceDeployment, type StagedFallback } from './watch-service-deployment.js';

export type { WatchDeps } from './context.js';


/** A blue/green, linear or canary deployment, followed through its service deployment's stages. */
export function watchStaged(deps: WatchDeps, target: RolloutTarget, options: WatchOptions): Promise<WatchOutcome> {
  return watchServiceDeployment(deps, target, options, watchRolling);
}

/** `staged` when it stands in for a blue/green, linear or canary watch: its deadline, and no UpdateService rollback. */
export async function watchRolling(deps: WatchDeps, target: RolloutTarget, options: WatchOptions, staged?: StagedFallback): Promise<WatchOutcome> {
  const ctx: WatchContext = {
    ...deps,
    target,
    options,
    observer: new Observer(deps.ecs, deps.reporter, target.cluster, target.service),
    seenEvents: new Set(target.eventKeysBefore),
  };
  const followed = followedOf(target);
  const deadline = staged?.deadline ?? deps.clock.now() + options.timeoutMs;
  const rollout = await deps.reporter.group(`Watching rollout of ${target.service}`, () => {
    deps.reporter.info(`${startLine(target.service, followed)}; timeout ${formatDuration(options.timeoutMs)}`);
    return follow(ctx, followed, deadline);
  });
  return conclude(ctx, rollout, staged, deadline);
}

/** Why a blue/green, linear or canary deployment followed without its service deployment is not rolled back. */
function notRolledBack(staged: StagedFallback): string {
  return `not rolled back: ECS named no service deployment to stop, and a ${staged.strategy} deployment is not rolled back by UpdateService`;
}

function startLine(service: string, followed: Followed): string {
  const revision = familyRevision(followed.taskDefinitionArn);
  if (followed.deploymentId) return `Following deployment ${followed.deploymentId} (${revision})`;
  if (followed.serviceDeploymentArn) return `Following service deployment ${followed.serviceDeploymentArn} (${revision})`;
  return `No new deployment to follow: waiting until ${service} runs ${revision} in one deployment with all its tasks`;
}

async function conclude(ctx: WatchContext, rollout: FollowResult, staged: StagedFallback | undefined, deadline: number): Promise<WatchOutcome> {
  const { target, reporter, options, clock } = ctx;
  const end = rollout.end;
  const what = describeDeployment(rollout.followed.deploymentId, target.taskDefinitionArn);
  switch (end.kind) {
    case 'completed': {
      const message = followsDeployment(rollout.followed)
        ? `${what} completed in ${formatDuration(clock.now() - rollout.startedAt)}`
        : `service ${target.service} is steady on ${familyRevision(target.taskDefinitionArn)}`;
      reporter.info(message);
      return { status: 'COMPLETED', message };
    }
    case 'superseded':
      return end.by ? superseded(ctx, what, end.by) : supersededByServiceDeployment(ctx, what, end.current ?? '?');
    case 'watch-error':
    case 'unobserved':
      return unknown(ctx, rollout, `the outcome of ${what} is unknown`);
    case 'cancelled':
      return cancelled(ctx, rollout, `cancelled while ${what} was in progress`, staged);
    case 'rolling-back-by-ecs':
      return followEcsRollback(ctx, rollout, { what, reason: end.reason, to: end.to ?? target.previous.taskDefinitionArn }, deadline);
    case 'failed':
    case 'timed-out': {
      const stopped = rollout.last?.serviceDeployment;
      if (end.kind === 'failed' && stoppedFromOutside(stopped)) {
        const newer = await newerServiceDeployment(ctx, stopped, rollout.startedAt);
        if (newer !== undefined) return supersededByServiceDeployment(ctx, what, newer);
      }
      const reason = end.kind === 'failed' ? end.reason : notFinished(ctx, rollout);
      const message = end.kind === 'failed' ? `${what} failed: ${reason}` : `${what} ${reason}`;
      const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, reason, message);
      const outcome: WatchOutcome = { status: end.kind === 'failed' ? 'FAILED' : 'TIMED_OUT', message, failure };
      if (options.cancel.aborted) return cancelled(ctx, rollout, `${message}; cancelled`, staged);
      if (options.rollback && staged) {
        const unsent = `${message}; ${notRolledBack(staged)}`;
        reporter.error(unsent);
        return { ...outcome, message: unsent };
      }
      return options.rollback ? rollBack(ctx, rollout, outcome, failure) : outcome;
    }
  }
}

/** Why a rollout ECS kept answering about is not done; names the revision the service runs when it is not ours. */
function notFinished(ctx: WatchContext, result: FollowResult): string {
  const { options, target } = ctx;
  const reason = `did not finish within ${formatDuration(options.timeoutMs)}`;
  const revisions = [...new Set(deploymentsOf(result.last?.service ?? {}).map((deployment) => deployment.taskDefinition ?? '?'))];
  if (revisions.length === 0 || revisions.some((revision) => sameRevision(revision, result.followed.taskDefinitionArn))) return reason;
  return `${reason}: service ${target.service} runs ${revisions.map(familyRevision).join(', ')} instead`;
}

function superseded(ctx: WatchContext, what: string, by: Deployment): WatchOutcome {
  const supersededBy = familyRevision(by.taskDefinition ?? '?');
  const message = `${what} was superseded by deployment ${by.id ?? '?'} (${supersededBy}), which another update started`;
  ctx.reporter.warn(message);
  return { status: 'SUPERSEDED', message, supersededBy };
}

/** Superseded, while the deployments list does not show the deployment that took over yet. */
function supersededByServiceDeployment(ctx: WatchContext, what: string, current: string): WatchOutcome {
  const message = `${what} was superseded by service deployment ${current}, which another update started`;
  ctx.reporter.warn(message);
  return { status: 'SUPERSEDED', message };
}

function canRollBack(ctx: WatchContext): boolean {
  const { target, reporter } = ctx;
  if (!sameRevision(target.previous.taskDefinitionArn, target.taskDefinitionArn)) return true;
  reporter.warn(`Not rolling back: ${target.service} already ran ${familyRevision(target.taskDefinitionArn)} before this run`);
  return false;
}

/** Puts the previous revision back, the way the deploy started this run's deployment. */
function requestRollback(ctx: WatchContext, last: Service | undefined, ecs = ctx.ecs): Promise<RolloutTarget> {
  const { target, reporter, clock } = ctx;
  return startDeployment(
    ecs,
    { ...last, serviceName: target.service },
    {
      cluster: target.cluster,
      region: target.region,
      taskDefinitionArn: target.previous.taskDefinitionArn,
      desiredCount: target.previous.desiredCount,
      forceNewDeployment: false,
    },
    { reporter, clock },
  );
}

async function rollBack(ctx: WatchContext, rollout: FollowResult, failed: WatchOutcome, failure: FailureReport): Promise<WatchOutcome> {
  const { target, reporter, clock, options } = ctx;
  if (!canRollBack(ctx)) return failed;
  const to = familyRevision(target.previous.taskDefinitionArn);
  const arn = rollout.followed.serviceDeploymentArn;
  if (arn !== undefined && IN_FLIGHT.has(rollout.last?.serviceDeployment?.status ?? '')) {
    reporter.warn(`Rolling back ${target.service} to ${to}: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
    if (await stopToRollBack(ctx, arn)) return followStopRollback(ctx, rollout, failed, failure);
  }
  reporter.warn(`Rolling back ${target.service} to ${to}`);

  let started: RolloutTarget;
  try {
    started = await requestRollback(ctx, rollout.last?.service);
  } catch (error) {
    const message = `${failed.message}; the rollback to ${to} failed: ${errorMessage(error)}`;
    reporter.error(message);
    return { status: 'FAILED', message, failure };
  }
  // Neither the failed deployment nor any deployment from before the run is the rollback's.
  const ours = rollout.followed.deploymentId;
  const followed = followedOf({
    ...started,
    deploymentIdsBefore: [...started.deploymentIdsBefore, ...rollout.followed.deploymentIdsBefore, ...(ours ? [ours] : [])],
  });
  const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => {
    reporter.info(startLine(target.service, followed));
    return follow(ctx, followed, clock.now() + options.timeoutMs);
  });
  const end = rollback.end;
  const rollbackWhat = describeDeployment(rollback.followed.deploymentId, target.previous.taskDefinitionArn);
  switch (end.kind) {
    case 'completed': {
      const message = `${failed.message}; rolled back to ${to}`;
      reporter.warn(message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    case 'cancelled':
      return cancelledState(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
    case 'superseded':
      return end.by ? superseded(ctx, rollbackWhat, end.by) : supersededByServiceDeployment(ctx, rollbackWhat, end.current ?? '?');
    case 'watch-error':
    case 'unobserved': {
      // The rollout did fail; only how the rollback ended is not known.
      const { message, lastSeen } = unknownMessage(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
      reporter.error(message);
      reporter.info(`Console: ${consoleUrl(target.region, target.cluster, target.service)}`);
      return { status: 'FAILED', message, failure, ...lastSeen };
    }
    case 'failed':
    case 'timed-out':
    case 'rolling-back-by-ecs': {
      const reason = end.kind === 'timed-out' ? notFinished(ctx, rollback) : end.reason;
      const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
      await reportFailure(ctx, rollback, target.previous.taskDefinitionArn, reason, `Rollback ${rollbackWhat}: ${reason}`);
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
  }
}

/**
 * Stops at once; with rollback-on-cancel it first starts the rollback, waiting for ECS to answer that one call
 * (at most CANCEL_ANSWER_CAP_MS), not for the rollback itself.
 */
async function cancelled(ctx: WatchContext, rollout: FollowResult, headline: string, staged: StagedFallback | undefined): Promise<WatchOutcome> {
  const { options, clock, target } = ctx;
  let message = headline;
  if (options.rollbackOnCancel && staged) {
    message = `${headline}; ${notRolledBack(staged)}`;
  } else if (options.rollbackOnCancel && canRollBack(ctx)) {
    const to = familyRevision(target.previous.taskDefinitionArn);
    message = `${headline}; ${await rollBackOnCancel(requestRollback(ctx, rollout.last?.service, ctx.ecsAfterCancel), { call: 'UpdateService', to }, clock)}`;
  }
  return cancelledState(ctx, rollout, message);
}

/**
 * ECS began rolling back by itself: the failure's reason is printed now, and the rollback is followed to its end
 * within what is left of the wait (unless wait-for-rollback is false). Only its end makes the run ROLLED_BACK.
 */
async function followEcsRollback(
  ctx: WatchContext,
  rollout: FollowResult,
  failed: { what: string; reason: string; to: string },
  deadline: number,
): Promise<WatchOutcome> {
  const { target, reporter, options } = ctx;
  const to = familyRevision(failed.to);
  const headline = `${failed.what} failed: ${failed.reason}`;
  const rollingBack = `${headline}; ECS is rolling back to ${to}`;
  const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, failed.reason, rollingBack);
  if (options.waitForRollback === false) return { status: 'FAILED', message: rollingBack, failure };
  if (options.cancel.aborted) return cancelledState(ctx, rollout, `${rollingBack}; cancelled`, failure);

  const known = [
    ...rollout.followed.deploymentIdsBefore,
    ...(rollout.followed.deploymentId ? [rollout.followed.deploymentId] : []),
    ...deploymentsOf(rollout.last?.service ?? {}).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
  ];
  const rollback = await reporter.group(`Watching the rollback ECS started for ${target.service}`, () => {
    reporter.info(`ECS is rolling back ${target.service} to ${to}; following it until it ends (wait-for-rollback)`);
    return followWith(ctx, rollout.followed, deadline, ecsRollbackJudge(options, failed.to, known));
  });
  const end = rollback.end;
  switch (end.kind) {
    case 'rolled-back': {
      const message = `${headline}; ECS rolled back to ${to}`;
      reporter.warn(message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    case 'rollback-failed': {
      const message = `${headline}; ECS could not roll back to ${to}: ${end.reason}`;
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
    case 'superseded':
      return superseded(ctx, failed.what, end.by);
    case 'cancelled':
      return cancelledState(ctx, rollback, `${rollingBack}; cancelled while ECS was rolling back`, failure);
    case 'timed-out': {
      const message = `${headline}; ECS is still rolling back to ${to} at the end of the ${formatDuration(options.timeoutMs)} wait`;
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
    case 'watch-error':
    case 'unobserved': {
      const { message, lastSeen } = unknownMessage(ctx, rollback, `${rollingBack}; how ECS's rollback ended is unknown`);
      reporter.error(message);
      return { status: 'FAILED', message, failure, ...lastSeen };
    }
  }
}

/** Service deployment statuses while it is in flight, when StopServiceDeployment can still roll it back. */
const IN_FLIGHT = new Set(['PENDING', 'IN_PROGRESS']);

/**
 * StopServiceDeployment with ROLLBACK: ECS puts back the whole previous service revision. False when it was
 * refused (access denied, or ECS would not stop it): the rollback is then an UpdateService, as without the API.
 */
async function stopToRollBack(ctx: WatchContext, arn: string): Promise<boolean> {
  const { ecs, reporter } = ctx;
  try {
    await ecs.stopServiceDeployment(arn, 'ROLLBACK');
    return true;
  } catch (error) {
    const why = describeError(error).split('\n')[0] ?? '';
    if (changeOutcome(error) === 'doubtful') {
      // The answer was lost, not the request: what the service deployment says next tells whether it went through.
      reporter.warn(`StopServiceDeployment: the answer was lost (${why}); following the service deployment`);
      return true;
    }
    reporter.warn(
      `StopServiceDeployment was refused (${why}): rolling back with UpdateService, which restores only the task definition and desired count; allow ecs:StopServiceDeployment to roll back the whole previous service revision`,
    );
    return false;
  }
}

/** Follows the rollback StopServiceDeployment asked for to its end: ROLLBACK_SUCCESSFUL, or the service steady on the previous revision. */
async function followStopRollback(ctx: WatchContext, rollout: FollowResult, failed: WatchOutcome, failure: FailureReport): Promise<WatchOutcome> {
  const { target, reporter, options, clock } = ctx;
  const to = familyRevision(target.previous.taskDefinitionArn);
  const known = [
    ...rollout.followed.deploymentIdsBefore,
    ...(rollout.followed.deploymentId ? [rollout.followed.deploymentId] : []),
    ...deploymentsOf(rollout.last?.service ?? {}).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
  ];
  const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () =>
    followWith(ctx, rollout.followed, clock.now() + options.timeoutMs, ecsRollbackJudge(options, target.previous.taskDefinitionArn, known)),
  );
  const end = rollback.end;
  switch (end.kind) {
    case 'rolled-back': {
      const message = `${failed.message}; rolled back to ${to}`;
      reporter.warn(message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    case 'superseded':
      return superseded(ctx, `the rollback to ${to}`, end.by);
    case 'cancelled':
      return cancelledState(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
    case 'watch-error':
    case 'unobserved': {
      const { message, lastSeen } = unknownMessage(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
      reporter.error(message);
      return { status: 'FAILED', message, failure, ...lastSeen };
    }
    case 'rollback-failed':
    case 'timed-out': {
      const reason = end.kind === 'timed-out' ? `did not finish within ${formatDuration(options.timeoutMs)}` : end.reason;
      const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
  }
}
