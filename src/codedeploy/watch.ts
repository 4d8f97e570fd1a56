// Watches this run's CodeDeploy deployment to its end and says what happened, in the watcher contract's terms.
// A timeout and a cancel stop the deployment through StopDeployment with CodeDeploy's own rollback.
import type { EcsApi } from '../aws/ecs.js';
import { familyRevision, formatDuration } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import type { FailureReport, StoppedTaskReport, WatchOutcome } from '../watch/contract.js';
import { STOPPED_TASKS_WAIT_MS } from '../watch/failure-report.js';
import { describeReadError } from '../watch/read-errors.js';
import { settleWithin } from '../watch/settle.js';
import { rollBackOnCancel } from '../watch/endings.js';
import { stoppedTaskLines, stoppedTasksOf } from '../watch/stopped-tasks.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import { followDeployment, type FollowResult, type Seen } from './follow.js';
import { errorInformationLine, failedEventLines, failedEventOf, lifecycleEventLine, trafficShifted } from './progress.js';


export interface CodeDeployTarget {
  deploymentId: string;
  application: string;
  deploymentGroup: string;
  cluster: string;
  service: string;
  region: string;
  /** The task definition this run's AppSpec names. */
  taskDefinitionArn: string;
  /** What the service ran before: where a rollback goes. */
  previousTaskDefinitionArn: string;
  terminationWaitMinutes?: number;
  readyWaitMinutes?: number;
}

export interface CodeDeployWatchDeps {
  api: CodeDeployApi;
  /** CodeDeploy calls the run's cancel does not abort, for the StopDeployment a cancel makes. */
  afterCancel: CodeDeployApi;
  ecs: EcsApi;
  clock: Clock;
  reporter: Reporter;
}

export interface CodeDeployWatchOptions {
  timeoutMs: number;
  pollIntervalMs: number;
  /** On timeout, stop the deployment with CodeDeploy's rollback (a cancel always does). */
  rollback: boolean;
  cancel: AbortSignal;
  /** End once production traffic has moved, without the original task set's termination wait. */
  untilTrafficShifted?: boolean;
}

export interface CodeDeployOutcome extends WatchOutcome {
  /** The run ended once traffic moved: CodeDeploy was still in the termination wait. */
  trafficShiftedOnly?: boolean;
}

interface Context extends CodeDeployWatchDeps {
  target: CodeDeployTarget;
  options: CodeDeployWatchOptions;
}

export function codeDeployConsoleUrl(region: string, deploymentId: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(deploymentId)}?region=${region}`;
}

export async function watchCodeDeployment(deps: CodeDeployWatchDeps, target: CodeDeployTarget, options: CodeDeployWatchOptions): Promise<CodeDeployOutcome> {
  const ctx: Context = { ...deps, target, options };
  const { reporter, clock } = deps;
  const result = await reporter.group(`Watching CodeDeploy deployment ${target.deploymentId} of ${target.service}`, () => {
    reporter.info(
      `Following CodeDeploy deployment ${target.deploymentId} (${familyRevision(target.taskDefinitionArn)}) in ${target.application}/${target.deploymentGroup}; timeout ${formatDuration(options.timeoutMs)}`,
    );
    return followDeployment(deps, target.deploymentId, clock.now() + options.timeoutMs, followOptions(ctx));
  });
  const outcome = await conclude(ctx, result);
  // The lifecycle events this deployment passed, in CodeDeploy's order: the stages the job summary lists.
  const passed = (result.last?.target?.lifecycleEvents ?? []).flatMap((event) =>
    event.status === 'Succeeded' && event.lifecycleEventName ? [event.lifecycleEventName] : [],
  );
  return passed.length > 0 ? { ...outcome, stages: passed } : outcome;
}

function followOptions(ctx: Context, untilTrafficShifted = ctx.options.untilTrafficShifted === true) {
  const { target, options } = ctx;
  return {
    pollIntervalMs: options.pollIntervalMs,
    cancel: options.cancel,
    untilTrafficShifted,
    ...(target.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: target.terminationWaitMinutes } : {}),
    ...(target.readyWaitMinutes !== undefined ? { readyWaitMinutes: target.readyWaitMinutes } : {}),
  };
}

function what(ctx: Context): string {
  return `CodeDeploy deployment ${ctx.target.deploymentId} (${familyRevision(ctx.target.taskDefinitionArn)})`;
}

async function conclude(ctx: Context, result: FollowResult): Promise<CodeDeployOutcome> {
  const { reporter, clock } = ctx;
  const end = result.end;
  switch (end.kind) {
    case 'traffic-shifted': {
      const message = `${what(ctx)} shifted all traffic in ${formatDuration(clock.now() - result.startedAt)}; the original task set is still in its termination wait, and CodeDeploy ends the deployment after it`;
      reporter.info(message);
      return { status: 'COMPLETED', message, trafficShiftedOnly: true };
    }
    case 'final':
      switch (end.seen.info.status) {
        case 'Succeeded': {
          const message = `${what(ctx)} succeeded in ${formatDuration(clock.now() - result.startedAt)}`;
          reporter.info(message);
          return { status: 'COMPLETED', message };
        }
        case 'Failed':
          return failed(ctx, end.seen);
        default:
          return stoppedElsewhere(ctx, end.seen);
      }
    case 'timed-out':
      return timedOut(ctx, result);
    case 'cancelled':
      return cancelled(ctx, `cancelled while ${what(ctx)} was in progress`);
    case 'unobserved':
    case 'watch-error':
      return unknown(ctx, result);
  }
}

/** Why it failed: the failed lifecycle event with its diagnostics, and CodeDeploy's error information. */
function failureReason(seen: Seen): string {
  const event = failedEventOf(seen.target);
  const diagnostics = event?.diagnostics;
  const eventPart = event
    ? `lifecycle event ${event.lifecycleEventName ?? '?'} failed${diagnostics?.errorCode || diagnostics?.message ? ` (${[diagnostics.errorCode, diagnostics.message].filter(Boolean).join(': ')})` : ''}`
    : undefined;
  return [eventPart, errorInformationLine(seen.info)].filter(Boolean).join('; ') || 'CodeDeploy gave no reason';
}

async function failed(ctx: Context, seen: Seen): Promise<CodeDeployOutcome> {
  const reason = failureReason(seen);
  const headline = `${what(ctx)} failed: ${reason}`;
  const failure = await reportFailure(ctx, seen, reason, headline);
  const rollbackId = seen.info.rollbackInfo?.rollbackDeploymentId;
  if (!rollbackId) return { status: 'FAILED', message: headline, failure };
  return followRollback(ctx, rollbackId, headline, failure, 'FAILED');
}

/** CodeDeploy's own rollback (a new deployment that moves traffic back): followed to its end. */
async function followRollback(
  ctx: Context,
  rollbackId: string,
  headline: string,
  failure: FailureReport,
  otherwise: 'FAILED' | 'TIMED_OUT',
): Promise<CodeDeployOutcome> {
  const { reporter, clock, target, options } = ctx;
  const to = familyRevision(target.previousTaskDefinitionArn);
  const rollback = await reporter.group(`Watching CodeDeploy's rollback ${rollbackId} to ${to}`, () =>
    followDeployment(ctx, rollbackId, clock.now() + options.timeoutMs, followOptions(ctx, false)),
  );
  const end = rollback.end;
  if (end.kind === 'final' && end.seen.info.status === 'Succeeded') {
    const message = `${headline}; CodeDeploy rolled back to ${to}`;
    reporter.warn(message);
    return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
  }
  if (end.kind === 'cancelled') {
    const message = `${headline}; cancelled while CodeDeploy rolled back to ${to} (rollback ${rollbackId})`;
    reporter.warn(message);
    return { status: 'CANCELLED', message, failure };
  }
  const how =
    end.kind === 'final'
      ? `ended ${end.seen.info.status ?? '?'}${errorInformationLine(end.seen.info) ? ` (${errorInformationLine(end.seen.info)})` : ''}`
      : end.kind === 'timed-out'
        ? `did not finish within ${formatDuration(options.timeoutMs)}`
        : `could not be observed (${end.kind === 'watch-error' ? end.message : end.kind === 'unobserved' ? end.problem : end.kind})`;
  const message = `${headline}; CodeDeploy's rollback ${rollbackId} to ${to} ${how}`;
  reporter.error(message);
  return { status: otherwise, message, failure };
}

async function timedOut(ctx: Context, result: FollowResult): Promise<CodeDeployOutcome> {
  const { reporter, options, target, clock } = ctx;
  const where = result.last ? `; last seen: ${lastSeenLine(result.last)}` : '';
  const headline = `${what(ctx)} did not finish within ${formatDuration(options.timeoutMs)}${where}`;
  if (result.last && trafficShifted(result.last.info, result.last.target)) {
    // Traffic already moved: stopping now would roll back a deployment that only waits to remove the original tasks.
    const message = `${headline}; production traffic had moved and the original task set was in its termination wait, so the deployment is left to finish`;
    reporter.error(message);
    reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
    return { status: 'TIMED_OUT', message };
  }
  const failure = await reportFailure(ctx, result.last, `did not finish within ${formatDuration(options.timeoutMs)}`, headline);
  // A cancel while the failure was read: the run's clients are aborted, and the cancel's stop is the one to send.
  if (options.cancel.aborted) return cancelled(ctx, `${headline}; cancelled`);
  reporter.warn(`Stopping ${target.deploymentId}${options.rollback ? ' with rollback' : ' (rollback is false: no rollback)'}`);
  try {
    const answer = await ctx.api.stopDeployment(target.deploymentId, options.rollback);
    reporter.info(`StopDeployment: ${answer.status ?? '?'}${answer.statusMessage ? ` (${answer.statusMessage})` : ''}`);
  } catch (error) {
    // The deployment may have ended between the last poll and the stop: what it says now is the outcome.
    const now = await readOnce(ctx);
    if (now?.status === 'Succeeded') {
      const message = `${what(ctx)} succeeded just as the wait timed out (StopDeployment was refused: ${describeReadError(error)})`;
      reporter.info(message);
      return { status: 'COMPLETED', message };
    }
    const message = `${headline}; stopping it failed: ${describeReadError(error)}`;
    reporter.error(message);
    return { status: 'TIMED_OUT', message, failure };
  }
  if (!options.rollback) return { status: 'TIMED_OUT', message: `${headline}; stopped`, failure };
  // The stopped deployment names its rollback once CodeDeploy has created it.
  const stopped = await followDeployment(ctx, target.deploymentId, clock.now() + options.timeoutMs, followOptions(ctx, false));
  const rollbackId = stopped.end.kind === 'final' ? stopped.end.seen.info.rollbackInfo?.rollbackDeploymentId : undefined;
  if (!rollbackId) {
    const message = `${headline}; stopped, and CodeDeploy started no rollback`;
    reporter.error(message);
    return { status: 'TIMED_OUT', message, failure };
  }
  return followRollback(ctx, rollbackId, `${headline}; stopped`, failure, 'TIMED_OUT');
}

/** The deployment as CodeDeploy tells it now; undefined when it does not answer. */
async function readOnce(ctx: Context): Promise<DeploymentInfo | undefined> {
  try {
    return await ctx.api.getDeployment(ctx.target.deploymentId);
  } catch {
    return undefined;
  }
}

/** Stops the deployment with rollback, waiting for CodeDeploy to answer that one call, not for the rollback. */
async function cancelled(ctx: Context, headline: string): Promise<CodeDeployOutcome> {
  const { clock, target, reporter } = ctx;
  const id = target.deploymentId;
  const said = await rollBackOnCancel(
    ctx.afterCancel.stopDeployment(id, true),
    {
      call: `StopDeployment of ${id}`,
      to: familyRevision(target.previousTaskDefinitionArn),
      answeredBy: 'CodeDeploy',
      byHand: `stop it with aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled`,
    },
    clock,
  );
  const message = `${headline}; ${said}`;
  reporter.warn(message);
  return { status: 'CANCELLED', message };
}

/** Stopped by someone else: by a later deployment of the group, or by hand. */
async function stoppedElsewhere(ctx: Context, seen: Seen): Promise<CodeDeployOutcome> {
  const { api, target, reporter } = ctx;
  const reason = errorInformationLine(seen.info) ?? 'no reason given';
  const rollbackId = seen.info.rollbackInfo?.rollbackDeploymentId;
  let later: string | undefined;
  try {
    const since = seen.info.createTime;
    const listed = await api.listDeployments({
      applicationName: target.application,
      deploymentGroupName: target.deploymentGroup,
      ...(since ? { createTimeRange: { start: since } } : {}),
    });
    later = listed.deployments.find((id) => id !== target.deploymentId && id !== rollbackId);
  } catch (error) {
    reporter.warn(`Could not list the deployment group's deployments: ${describeReadError(error)}`);
  }
  if (later) {
    const message = `${what(ctx)} was stopped (${reason}); deployment ${later}, started after it, took over`;
    reporter.warn(message);
    return { status: 'SUPERSEDED', message };
  }
  const headline = `${what(ctx)} was stopped outside this run (${reason})`;
  const failure = await reportFailure(ctx, seen, reason, headline);
  if (rollbackId) return followRollback(ctx, rollbackId, headline, failure, 'FAILED');
  return { status: 'FAILED', message: headline, failure };
}

function unknown(ctx: Context, result: FollowResult): CodeDeployOutcome {
  const { reporter, clock, options, target } = ctx;
  const end = result.end;
  const why =
    end.kind === 'watch-error'
      ? `could not follow it: ${end.message}`
      : `CodeDeploy did not answer${result.last ? ` in the last ${formatDuration(clock.now() - result.last.at)}` : ''} of the ${formatDuration(options.timeoutMs)} wait (${end.kind === 'unobserved' ? end.problem : 'no answer'})`;
  const seen = result.last ? lastSeenLine(result.last) : undefined;
  const message = `the outcome of ${what(ctx)} is unknown: ${why}${seen ? `; last seen: ${seen}` : ''}`;
  reporter.error(message);
  reporter.info('Not stopping it: the outcome is not known.');
  reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
  return {
    status: 'UNKNOWN',
    message,
    ...(seen && result.last ? { lastSeen: seen, lastSeenAt: new Date(result.last.at).toISOString() } : {}),
  };
}

/** `InProgress; AllowTraffic: InProgress`: the status and the lifecycle event running or last done. */
export function lastSeenLine(seen: Seen): string {
  const events = (seen.target?.lifecycleEvents ?? []).filter((event) => event.status && event.status !== 'Pending');
  const current = events.at(-1);
  return `${seen.info.status ?? '?'}${current ? `; ${lifecycleEventLine(current)}` : ''}`;
}

/** Prints the headline as an error, then the failed event's diagnostics and the stopped tasks of the new revision. */
async function reportFailure(ctx: Context, seen: Seen | undefined, reason: string, headline: string): Promise<FailureReport> {
  const { reporter, target } = ctx;
  const event = failedEventOf(seen?.target);
  const eventLines = event ? failedEventLines(event) : [];
  const { tasks, unread } = await stoppedTasks(ctx);
  reporter.error(headline);
  for (const line of eventLines) reporter.info(line);
  const error = errorInformationLine(seen?.info);
  if (error) reporter.info(`CodeDeploy: ${error}`);
  if (tasks.length > 0) {
    reporter.info(`Stopped tasks of ${familyRevision(target.taskDefinitionArn)}, newest first:`);
    for (const line of tasks.flatMap(stoppedTaskLines)) reporter.info(`  ${line}`);
  } else {
    reporter.info(unread ? `The stopped tasks could not be read (${unread}).` : `No stopped tasks of ${familyRevision(target.taskDefinitionArn)}.`);
  }
  reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
  return { reason, events: eventLines, stoppedTasks: tasks };
}

async function stoppedTasks(ctx: Context): Promise<{ tasks: StoppedTaskReport[]; unread?: string }> {
  const { ecs, target, options, clock } = ctx;
  if (options.cancel.aborted) return { tasks: [], unread: 'cancelled' };
  const query = { cluster: target.cluster, service: target.service, taskDefinitionArn: target.taskDefinitionArn };
  const answer = await settleWithin(stoppedTasksOf(ecs, query), STOPPED_TASKS_WAIT_MS, clock, options.cancel);
  if (answer.state === 'fulfilled') return { tasks: answer.value };
  return { tasks: [], unread: answer.state === 'rejected' ? describeReadError(answer.error) : `no answer within ${formatDuration(STOPPED_TASKS_WAIT_MS)}` };
}
