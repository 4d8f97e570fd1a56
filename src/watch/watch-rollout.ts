// Watches this run's rollout to its end and says what happened; rolls back when asked to and ECS has not.
import type { Deployment } from '@aws-sdk/client-ecs';
import { describeError } from '../aws/errors.js';
import type { FollowTarget, WatchContext, WatchDeps } from './context.js';
import type { FailureReport, RolloutTarget, WatchOptions, WatchOutcome } from './contract.js';
import { reportFailure } from './failure-report.js';
import { follow, type FollowResult } from './follow.js';
import { familyRevision, formatDuration, sameRevision } from '../aws/names.js';
import { Observer } from './observe.js';
import { deploymentLine } from './progress.js';
import { followsDeployment } from './tracking.js';
import { describeDeployment } from './verdict.js';

export type { WatchDeps } from './context.js';

/** How long a cancelled job waits for the answer to the rollback it starts, within the 2 s it has to stop. */
export const CANCEL_ROLLBACK_WAIT_MS = 1_500;

export async function watchRollout(deps: WatchDeps, target: RolloutTarget, options: WatchOptions): Promise<WatchOutcome> {
  const ctx: WatchContext = {
    ...deps,
    target,
    options,
    observer: new Observer(deps.ecs, deps.reporter, target.cluster, target.service),
    seenEvents: new Set(target.eventKeysBefore),
  };
  const rollout = await deps.reporter.group(`Watching rollout of ${target.service}`, () => {
    deps.reporter.info(`${startLine(target)}; timeout ${formatDuration(options.timeoutMs)}`);
    return follow(ctx, rolloutFollowTarget(target), deps.clock.now() + options.timeoutMs);
  });
  return conclude(ctx, rollout);
}

function rolloutFollowTarget(target: RolloutTarget): FollowTarget {
  return {
    taskDefinitionArn: target.taskDefinitionArn,
    deploymentIdsBefore: target.deploymentIdsBefore,
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    ...(target.serviceDeploymentArn ? { serviceDeploymentArn: target.serviceDeploymentArn } : {}),
  };
}

function startLine(target: FollowTarget & { service: string }): string {
  const revision = familyRevision(target.taskDefinitionArn);
  if (target.deploymentId) return `Following deployment ${target.deploymentId} (${revision})`;
  if (target.serviceDeploymentArn) return `Following service deployment ${target.serviceDeploymentArn} (${revision})`;
  return `No new deployment to follow: waiting until ${target.service} runs one deployment with all its tasks`;
}

async function conclude(ctx: WatchContext, rollout: FollowResult): Promise<WatchOutcome> {
  const { target, reporter, options, clock } = ctx;
  const end = rollout.end;
  const what = describeDeployment(rollout.followed.deploymentId, target.taskDefinitionArn);
  switch (end.kind) {
    case 'completed': {
      const message = followsDeployment(rollout.followed)
        ? `${what} completed in ${formatDuration(clock.now() - rollout.startedAt)}`
        : `service ${target.service} is steady on ${familyRevision(rollout.last?.service.taskDefinition ?? target.taskDefinitionArn)}`;
      reporter.info(message);
      return { status: 'COMPLETED', message };
    }
    case 'superseded':
      return superseded(ctx, what, end.by);
    case 'watch-error': {
      const message = `could not follow the rollout of ${target.service}: ${end.message}`;
      reporter.error(message);
      return { status: 'FAILED', message, failure: { reason: end.message, events: [], stoppedTasks: [] } };
    }
    case 'cancelled':
      return cancelled(ctx, rollout, `cancelled while ${what} was in progress`);
    case 'rolled-back-by-ecs': {
      const to = familyRevision(end.to ?? target.previous.taskDefinitionArn);
      const message = `${what} failed: ${end.reason}; ECS rolled back to ${to}`;
      const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, end.reason, message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    case 'failed':
    case 'timed-out': {
      const reason = end.kind === 'failed' ? end.reason : `did not finish within ${formatDuration(options.timeoutMs)}`;
      const message = end.kind === 'failed' ? `${what} failed: ${reason}` : `${what} ${reason}`;
      const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, reason, message);
      const outcome: WatchOutcome = { status: end.kind === 'failed' ? 'FAILED' : 'TIMED_OUT', message, failure };
      if (options.cancel.aborted) return cancelled(ctx, rollout, `${message}; cancelled`);
      return options.rollback ? rollBack(ctx, rollout, outcome, failure) : outcome;
    }
  }
}

function superseded(ctx: WatchContext, what: string, by: Deployment): WatchOutcome {
  const supersededBy = familyRevision(by.taskDefinition ?? '?');
  const message = `${what} was superseded by deployment ${by.id ?? '?'} (${supersededBy}), which another update started`;
  ctx.reporter.warn(message);
  return { status: 'SUPERSEDED', message, supersededBy };
}

function canRollBack(ctx: WatchContext): boolean {
  const { target, reporter } = ctx;
  if (!sameRevision(target.previous.taskDefinitionArn, target.taskDefinitionArn)) return true;
  reporter.warn(`Not rolling back: ${target.service} already ran ${familyRevision(target.taskDefinitionArn)} before this run`);
  return false;
}

function requestRollback(ctx: WatchContext) {
  const { target, ecs } = ctx;
  return ecs.updateService({
    cluster: target.cluster,
    service: target.service,
    taskDefinition: target.previous.taskDefinitionArn,
    desiredCount: target.previous.desiredCount,
  });
}

async function rollBack(ctx: WatchContext, rollout: FollowResult, failed: WatchOutcome, failure: FailureReport): Promise<WatchOutcome> {
  const { target, reporter, clock, options } = ctx;
  if (!canRollBack(ctx)) return failed;
  const to = familyRevision(target.previous.taskDefinitionArn);
  reporter.warn(`Rolling back ${target.service} to ${to}`);
  const idsBefore = new Set(target.deploymentIdsBefore);
  for (const deployment of rollout.last?.service.deployments ?? []) if (deployment.id) idsBefore.add(deployment.id);
  if (rollout.followed.deploymentId) idsBefore.add(rollout.followed.deploymentId);

  let answer;
  try {
    answer = await requestRollback(ctx);
  } catch (error) {
    const message = `${failed.message}; the rollback to ${to} failed: ${describeError(error)}`;
    reporter.error(message);
    return { status: 'FAILED', message, failure };
  }
  const newPrimary = answer.service?.deployments?.find(
    (deployment) => deployment.status === 'PRIMARY' && deployment.id !== undefined && !idsBefore.has(deployment.id),
  );
  const serviceDeploymentArn = answer.service?.currentServiceDeployment;
  const rollbackTarget: FollowTarget = {
    taskDefinitionArn: target.previous.taskDefinitionArn,
    deploymentIdsBefore: [...idsBefore],
    ...(newPrimary?.id ? { deploymentId: newPrimary.id } : {}),
    ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
  };
  const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => {
    reporter.info(startLine({ ...rollbackTarget, service: target.service }));
    return follow(ctx, rollbackTarget, clock.now() + options.timeoutMs);
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
      return superseded(ctx, rollbackWhat, end.by);
    default: {
      const reason =
        end.kind === 'timed-out'
          ? `did not finish within ${formatDuration(options.timeoutMs)}`
          : end.kind === 'watch-error'
            ? end.message
            : end.reason;
      const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
      await reportFailure(ctx, rollback, target.previous.taskDefinitionArn, reason, `Rollback ${rollbackWhat}: ${reason}`);
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
  }
}

/** Stops at once; with rollback-on-cancel it first starts the rollback, waiting briefly for its answer only. */
async function cancelled(ctx: WatchContext, rollout: FollowResult, headline: string): Promise<WatchOutcome> {
  const { options, clock, target } = ctx;
  let message = headline;
  if (options.rollbackOnCancel && canRollBack(ctx)) {
    const to = familyRevision(target.previous.taskDefinitionArn);
    const answer = await Promise.race([
      requestRollback(ctx).then(
        () => `the rollback to ${to} started`,
        (error: unknown) => `the rollback to ${to} failed: ${describeError(error)}`,
      ),
      clock.sleep(CANCEL_ROLLBACK_WAIT_MS).then(() => `the rollback to ${to} was requested, with no answer yet`),
    ]);
    message = `${headline}; ${answer}`;
  }
  return cancelledState(ctx, rollout, message);
}

function cancelledState(ctx: WatchContext, result: FollowResult, message: string, failure?: FailureReport): WatchOutcome {
  const { reporter } = ctx;
  reporter.warn(message);
  const deployments = result.last?.service.deployments ?? [];
  if (deployments.length > 0) {
    reporter.info('Deployments when cancelled:');
    for (const deployment of deployments) reporter.info(`  ${deploymentLine(deployment)}`);
  }
  return { status: 'CANCELLED', message, ...(failure ? { failure } : {}) };
}
