// Watches a blue/green, linear or canary deployment through its service deployment (DescribeServiceDeployments):
// each lifecycle stage as it begins, traffic shares, bake time, hooks and pauses; then one verdict. A rollback of
// this run's asking (timeout, cancel) goes through StopServiceDeployment, never an UpdateService back.
import type { EcsApi } from '../aws/ecs.js';
import { changeOutcome, describeError, isNotSupported } from '../aws/errors.js';
import type { Reporter } from '../report.js';
import { familyRevision, formatDuration } from '../aws/names.js';
import { errorMessage } from '../errors.js';
import type { WatchContext, WatchDeps } from './context.js';
import type { FailureReport, RolloutTarget, WatchOptions, WatchOutcome } from './contract.js';
import { cancelledState, rollBackOnCancel, unknown, unknownMessage } from './endings.js';
import { reportFailure } from './failure-report.js';
import { followWith, type FollowResult, type Judge } from './follow.js';
import { Observer } from './observe.js';
import { StageProgress, type StageVerdict } from './stages.js';
import { followedOf } from './tracking.js';

/** Polls spent looking for the service deployment when the update's answer did not name it. */
const FIND_ATTEMPTS = 3;
/** Service deployments this much older than the watch are not this run's. */
const CREATED_MARGIN_MS = 60_000;

/**
 * How the rolling watcher follows a blue/green, linear or canary deployment whose service deployment is not known:
 * within the wait's own deadline, and never rolling back by UpdateService, which would break the traffic setup.
 */
export interface StagedFallback {
  /** When the wait ends, epoch ms: the fallback gets no second wait-timeout. */
  deadline: number;
  strategy: string;
}

type RollingWatch = (deps: WatchDeps, target: RolloutTarget, options: WatchOptions, fallback: StagedFallback) => Promise<WatchOutcome>;
type StageResult = FollowResult<StageVerdict>;

interface Followed {
  ctx: WatchContext;
  arn: string;
  progress: StageProgress;
  startedAt: number;
}

export async function watchServiceDeployment(
  deps: WatchDeps,
  target: RolloutTarget,
  options: WatchOptions,
  rolling: RollingWatch,
): Promise<WatchOutcome> {
  const { reporter, clock } = deps;
  const ctx: WatchContext = {
    ...deps,
    target,
    options,
    observer: new Observer(deps.ecs, deps.reporter, target.cluster, target.service),
    seenEvents: new Set(target.eventKeysBefore),
  };
  const strategy = target.strategy ?? 'BLUE_GREEN';
  const startedAt = clock.now();
  const watched = await reporter.group(`Watching ${strategy} deployment of ${target.service}`, async () => {
    const arn = target.serviceDeploymentArn ?? (await findServiceDeployment(ctx, startedAt));
    if (arn === undefined) return undefined;
    const pause = options.pauseTimeoutMs === undefined ? '' : `, pause-timeout ${formatDuration(options.pauseTimeoutMs)}`;
    reporter.info(
      `Following service deployment ${arn} (${familyRevision(target.taskDefinitionArn)}, ${strategy}); timeout ${formatDuration(options.timeoutMs)}${pause}`,
    );
    // Only the deployment the target names is continued: one found by looking could be someone else's.
    const continuePause = arn === target.serviceDeploymentArn ? options.continuePause : undefined;
    const progress = new StageProgress(arn, {
      region: target.region,
      revision: familyRevision(target.taskDefinitionArn),
      waitUntil: options.waitUntil ?? 'completed',
      ...(continuePause ? { continuesPauses: true } : {}),
      waitTimeoutMs: options.timeoutMs,
      ...(options.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: options.pauseTimeoutMs } : {}),
    });
    const followed: Followed = { ctx, arn, progress, startedAt };
    return { followed, result: await followContinuing(followed, continuePause) };
  });
  const { serviceDeploymentArn: _unused, ...withoutArn } = target;
  const fallback: StagedFallback = { deadline: startedAt + options.timeoutMs, strategy };
  if (!watched) {
    if (options.cancel.aborted) return cancelledBeforeFound(ctx, strategy);
    reporter.info(`No service deployment of this run found: following ${target.service}'s deployments list instead`);
    return rolling(deps, withoutArn, options, fallback);
  }
  if (watched.result.end.kind === 'no-service-deployments') return rolling(deps, withoutArn, options, fallback);
  const outcome = await conclude(watched.followed, watched.result);
  return { ...outcome, serviceDeploymentArn: watched.followed.arn, stages: watched.followed.progress.stages };
}

/** followStages; with `continuePause`, each pause is continued and the following goes on within what is left of the wait. */
async function followContinuing(followed: Followed, continuePause: WatchOptions['continuePause']): Promise<StageResult> {
  const { clock, options } = followed.ctx;
  let result = await followStages(followed, options.timeoutMs);
  while (continuePause && result.end.kind === 'paused' && !options.cancel.aborted) {
    const { hookId, stage, expiresAt } = result.end;
    await continuePause({ serviceDeploymentArn: followed.arn, hookId, stage, ...(expiresAt ? { expiresAt } : {}) });
    result = await followStages(followed, Math.max(0, followed.startedAt + options.timeoutMs - clock.now()));
  }
  return result;
}

/** Polls until the service deployment ends; time at PAUSE hooks does not count when pause-timeout is set. */
function followStages({ ctx, arn, progress }: Followed, timeoutMs: number): Promise<StageResult> {
  const { clock, observer, options, target } = ctx;
  const begin = clock.now();
  const pausedBefore = progress.pausedMs(begin);
  const judge: Judge<StageVerdict> = {
    changed: (snapshot) => progress.changed(snapshot, clock.now()),
    decide: (snapshot) => progress.decide(snapshot, observer.supportsServiceDeployments, clock.now()),
    waitingFor: `${target.strategy ?? 'BLUE_GREEN'} deployment`,
  };
  const deadline = (): number =>
    begin + timeoutMs + (options.pauseTimeoutMs === undefined ? 0 : progress.pausedMs(clock.now()) - pausedBefore);
  return followWith(ctx, followedOf({ ...target, serviceDeploymentArn: arn }), deadline, judge);
}

/** The newest service deployment created since shortly before the watch: the update's, when its answer named none. */
async function findServiceDeployment(ctx: WatchContext, since: number): Promise<string | undefined> {
  const { ecs, clock, options, target, reporter } = ctx;
  for (let attempt = 1; attempt <= FIND_ATTEMPTS && !options.cancel.aborted; attempt++) {
    try {
      const answer = await ecs.listServiceDeployments({
        cluster: target.cluster,
        service: target.service,
        createdAt: { after: new Date(since - CREATED_MARGIN_MS) },
      });
      const newest = [...(answer.serviceDeployments ?? [])]
        .filter((listed) => listed.serviceDeploymentArn !== target.serviceDeploymentArnBefore)
        .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
      if (newest?.serviceDeploymentArn) return newest.serviceDeploymentArn;
    } catch (error) {
      if (isNotSupported(error, true)) return undefined;
      reporter.warn(`ListServiceDeployments: ${describeError(error).split('\n')[0] ?? ''}`);
    }
    await clock.sleep(options.pollIntervalMs, options.cancel);
  }
  return undefined;
}

/** Statuses of a service deployment ECS is rolling back by itself. */
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
/** Statuses after which a refused StopServiceDeployment is no failure: the deployment ended, or ECS rolls it back. */
const ENDED_OR_ROLLING_BACK = new Set(['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', ...ROLLING_BACK]);

/** A cancel before the service deployment was found: nothing to stop, and UpdateService must not roll it back. */
function cancelledBeforeFound(ctx: WatchContext, strategy: string): WatchOutcome {
  const { target, reporter, options } = ctx;
  const notRolledBack = options.rollbackOnCancel ? '; not rolled back: ECS had named no service deployment to stop' : '';
  const message = `cancelled while looking for the service deployment of the ${strategy} deployment of ${familyRevision(target.taskDefinitionArn)}${notRolledBack}`;
  reporter.warn(message);
  return { status: 'CANCELLED', message };
}

async function conclude(followed: Followed, result: StageResult, followedEcsRollback = false): Promise<WatchOutcome> {
  const { ctx, progress } = followed;
  const { target, reporter, clock, options } = ctx;
  const what = `the ${target.strategy ?? 'BLUE_GREEN'} deployment of ${familyRevision(target.taskDefinitionArn)}`;
  const previous = familyRevision(target.previous.taskDefinitionArn);
  const took = formatDuration(clock.now() - followed.startedAt);
  const end = result.end;
  switch (end.kind) {
    case 'completed': {
      const message = `${what} completed in ${took}`;
      reporter.info(message);
      return { status: 'COMPLETED', message };
    }
    case 'traffic-shifted': {
      const message = `production traffic moved to ${familyRevision(target.taskDefinitionArn)} in ${took}; the bake time was still running when the wait ended (wait-until: traffic-shifted), and ECS may still roll back until it ends`;
      reporter.info(message);
      return { status: 'COMPLETED', message, bakeTimeRunning: true };
    }
    case 'paused': {
      const expires = end.expiresAt ? `; the hook expires at ${end.expiresAt}` : '';
      const message = `${what} is paused at ${end.stage}: PAUSE hook ${end.hookId} awaits action (wait-until: paused)${expires}`;
      reporter.info(message);
      const { expiresAt, hookId, stage } = end;
      return { status: 'PAUSED', message, paused: { hookId, stage, ...(expiresAt ? { expiresAt } : {}) } };
    }
    case 'rolled-back-by-ecs': {
      const message = `${what} failed: ${end.reason}; ECS rolled back to ${previous}`;
      const failure = await reportFailure(ctx, result, target.taskDefinitionArn, end.reason, message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: previous, failure };
    }
    case 'failed': {
      const message = `${what} failed: ${end.reason}`;
      const failure = await reportFailure(ctx, result, target.taskDefinitionArn, end.reason, message);
      return { status: 'FAILED', message, failure };
    }
    case 'superseded': {
      const by = end.by ? ` by deployment ${end.by.id ?? '?'} (${familyRevision(end.by.taskDefinition ?? '?')})` : ' by a newer service deployment';
      const message = `${what} was superseded${by}, which another update started`;
      reporter.warn(message);
      return { status: 'SUPERSEDED', message, ...(end.by?.taskDefinition ? { supersededBy: familyRevision(end.by.taskDefinition) } : {}) };
    }
    case 'stopped': {
      const message = `${what} was stopped outside this run: ${end.reason}`;
      reporter.warn(message);
      return { status: 'CANCELLED', message };
    }
    case 'cancelled':
      return cancelled(followed, result, `cancelled while ${what} was in progress`);
    case 'watch-error':
    case 'unobserved':
    case 'no-service-deployments':
      return unknown(ctx, result, `the outcome of ${what} is unknown`);
    case 'timed-out':
    case 'pause-timed-out': {
      if (end.kind === 'timed-out' && ROLLING_BACK.has(result.last?.serviceDeployment?.status ?? '') && !options.cancel.aborted) {
        // ECS began rolling back by itself as the time ran out: a stop now would hide why; its rollback says.
        if (!followedEcsRollback) {
          reporter.info(`The wait-timeout came while ECS was rolling back ${what} by itself: following that rollback`);
          const rollback = await reporter.group(`Watching the rollback ECS started for ${target.service}`, () => followStages(followed, options.timeoutMs));
          return conclude(followed, rollback, true);
        }
        const message = `${what} was still being rolled back by ECS ${formatDuration(options.timeoutMs)} after the wait-timeout`;
        const failure = await reportFailure(ctx, result, target.taskDefinitionArn, message, message);
        return { status: 'TIMED_OUT', message, failure };
      }
      const reason =
        end.kind === 'timed-out'
          ? `did not finish within ${formatDuration(options.timeoutMs)}${progress.stagesSeen.length > 0 ? ` (at ${progress.stagesSeen.at(-1) ?? '?'})` : ''}`
          : `waited longer than pause-timeout (${formatDuration(options.pauseTimeoutMs ?? 0)}) at the PAUSE hook ${end.hookId} (${end.stage})`;
      const message = `${what} ${reason}`;
      const failure = await reportFailure(ctx, result, target.taskDefinitionArn, reason, message);
      if (options.cancel.aborted) return cancelled(followed, result, `${message}; cancelled`);
      if (!options.rollback) return { status: 'TIMED_OUT', message, failure };
      return rollBack(followed, { status: 'TIMED_OUT', message, failure }, failure, end.kind === 'pause-timed-out' ? end.hookId : undefined);
    }
  }
}

/**
 * Asks ECS to roll the service deployment back: through the PAUSE hook it waits at (ContinueServiceDeployment with
 * action ROLLBACK), else, or when the hook no longer awaits action, StopServiceDeployment with stopType ROLLBACK.
 */
async function sendRollback(ecs: EcsApi, reporter: Reporter, arn: string, hookId: string | undefined): Promise<void> {
  if (hookId !== undefined) {
    try {
      await ecs.continueServiceDeployment(arn, hookId, 'ROLLBACK');
      return;
    } catch (error) {
      if (changeOutcome(error) !== 'not-applied') throw error;
      reporter.warn(`ContinueServiceDeployment was refused (${describeError(error).split('\n')[0] ?? ''}): the hook no longer awaits action; StopServiceDeployment ${arn} (stopType ROLLBACK)`);
    }
  }
  await ecs.stopServiceDeployment(arn, 'ROLLBACK');
}

/** The rollback is sent (sendRollback), then followed to its end. `hookId`: the PAUSE hook the deployment waits at. */
async function rollBack(followed: Followed, failed: WatchOutcome, failure: FailureReport, hookId?: string): Promise<WatchOutcome> {
  const { ctx, arn } = followed;
  const { target, reporter, options, ecs, clock } = ctx;
  const to = familyRevision(target.previous.taskDefinitionArn);
  reporter.warn(
    hookId === undefined
      ? `Rolling back ${target.service} to ${to}: StopServiceDeployment ${arn} (stopType ROLLBACK)`
      : `Rolling back ${target.service} to ${to}: ContinueServiceDeployment ${arn} at the PAUSE hook ${hookId} (action ROLLBACK)`,
  );
  try {
    await sendRollback(ecs, reporter, arn, hookId);
  } catch (error) {
    if (changeOutcome(error) === 'not-applied' && !(await endedOrRollingBack(ctx, arn))) {
      const message = `${failed.message}; the rollback to ${to} failed: ${errorMessage(error)}`;
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
    // The answer was lost, not the request: what the service deployment says next tells whether it went through.
    reporter.warn(`StopServiceDeployment: the answer was lost (${describeError(error).split('\n')[0] ?? ''}); following the service deployment`);
  }
  followed.progress.endPause(clock.now());
  const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => followStages(followed, options.timeoutMs));
  const end = rollback.end;
  switch (end.kind) {
    case 'rolled-back-by-ecs': {
      const message = `${failed.message}; rolled back to ${to}`;
      reporter.warn(message);
      return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    case 'completed':
    case 'traffic-shifted': {
      const message = `${failed.message}; the rollback was asked for, but the deployment completed first`;
      reporter.warn(message);
      return { status: 'COMPLETED', message };
    }
    case 'cancelled':
      return cancelledState(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
    case 'superseded':
    case 'stopped': {
      const message = `${failed.message}; the rollback to ${to} was overtaken by another deployment`;
      reporter.warn(message);
      return { status: 'SUPERSEDED', message, failure };
    }
    case 'watch-error':
    case 'unobserved':
    case 'no-service-deployments': {
      const { message, lastSeen } = unknownMessage(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
      reporter.error(message);
      return { status: 'FAILED', message, failure, ...lastSeen };
    }
    case 'failed':
    case 'paused':
    case 'timed-out':
    case 'pause-timed-out': {
      const reason = end.kind === 'failed' ? end.reason : `did not finish within ${formatDuration(options.timeoutMs)}`;
      const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
      reporter.error(message);
      return { status: 'FAILED', message, failure };
    }
  }
}

/**
 * After a refused StopServiceDeployment: whether the service deployment has ended or ECS rolls it back already (the
 * refusal then raced its end), which following it will tell. One read; a failed read says no.
 */
async function endedOrRollingBack(ctx: WatchContext, arn: string): Promise<boolean> {
  try {
    const answer = await ctx.ecs.describeServiceDeployments([arn]);
    const status = answer.serviceDeployments?.[0]?.status;
    if (status === undefined || !ENDED_OR_ROLLING_BACK.has(status)) return false;
    ctx.reporter.info(`StopServiceDeployment was refused; the service deployment is ${status}: following it`);
    return true;
  } catch (error) {
    ctx.reporter.warn(`DescribeServiceDeployments: ${describeError(error).split('\n')[0] ?? ''}`);
    return false;
  }
}

/**
 * Stops at once; with rollback-on-cancel it first asks ECS to roll back (StopServiceDeployment, on the client the
 * cancel does not abort), waiting at most CANCEL_ANSWER_CAP_MS for the answer, not for the rollback.
 */
async function cancelled(followed: Followed, result: StageResult, headline: string): Promise<WatchOutcome> {
  const { ctx, arn } = followed;
  const { options, clock, target } = ctx;
  let message = headline;
  if (options.rollbackOnCancel) {
    const to = familyRevision(target.previous.taskDefinitionArn);
    const ecs = ctx.ecsAfterCancel ?? ctx.ecs;
    const hookId = followed.progress.pausedHookId;
    const call = hookId === undefined ? 'StopServiceDeployment' : 'ContinueServiceDeployment (action ROLLBACK)';
    message = `${headline}; ${await rollBackOnCancel(sendRollback(ecs, ctx.reporter, arn, hookId), { call, to }, clock)}`;
  }
  return cancelledState(ctx, result, message);
}
