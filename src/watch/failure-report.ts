// What the log says when a rollout did not complete: the reason, the service events, why tasks stopped, where to look.
import type { ServiceEvent } from '@aws-sdk/client-ecs';
import type { FailureReport } from './contract.js';
import type { WatchContext } from './context.js';
import type { AnyFollowResult } from './follow.js';
import { consoleUrl, formatDuration } from '../aws/names.js';
import { describeReadError } from './read-errors.js';
import { deploymentLine, eventLine } from './progress.js';
import { settleWithin } from './settle.js';
import { stoppedTaskLines, stoppedTasksOf } from './stopped-tasks.js';
import { eventKey } from './snapshot.js';

export const EVENTS_SHOWN = 20;
/** How long the report waits for the stopped tasks: ECS may be the reason the rollout could not finish. */
export const STOPPED_TASKS_WAIT_MS = 10_000;

/** The report, and why the stopped tasks are missing from it when they could not be read. */
export interface CollectedFailure {
  report: FailureReport;
  stoppedTasksUnread?: string;
}

/** Service events of this watch, and any older ones that name the deployment, oldest first. */
export function eventsOfDeployment(result: AnyFollowResult): ServiceEvent[] {
  const id = result.followed.deploymentId;
  const printed = new Set(result.events.map(eventKey));
  const naming = (result.last?.service.events ?? []).filter(
    (event) => id !== undefined && !printed.has(eventKey(event)) && (event.message ?? '').includes(id),
  );
  const all = [...naming, ...result.events];
  return all.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0)).slice(-EVENTS_SHOWN);
}

export async function collectFailure(
  ctx: WatchContext,
  result: AnyFollowResult,
  taskDefinitionArn: string,
  reason: string,
): Promise<CollectedFailure> {
  const { target, ecs, options, clock } = ctx;
  const query = {
    cluster: target.cluster,
    service: target.service,
    taskDefinitionArn,
    ...(result.followed.deploymentId ? { deploymentId: result.followed.deploymentId } : {}),
  };
  const report: FailureReport = { reason, events: eventsOfDeployment(result).map(eventLine), stoppedTasks: [] };
  if (options.cancel.aborted) return { report, stoppedTasksUnread: 'cancelled' };
  const stopped = await settleWithin(stoppedTasksOf(ecs, query), STOPPED_TASKS_WAIT_MS, clock, options.cancel);
  if (stopped.state === 'fulfilled') return { report: { ...report, stoppedTasks: stopped.value } };
  const why =
    stopped.state === 'rejected'
      ? describeReadError(stopped.error)
      : options.cancel.aborted
        ? 'cancelled'
        : `no answer within ${formatDuration(STOPPED_TASKS_WAIT_MS)}`;
  ctx.reporter.warn(`Could not read the stopped tasks: ${why}`);
  return { report, stoppedTasksUnread: why };
}

export function failureLines({ report, stoppedTasksUnread }: CollectedFailure, result: AnyFollowResult, url: string): string[] {
  const lines: string[] = [];
  const deployments = result.last?.service.deployments ?? [];
  if (deployments.length > 0) lines.push('Deployments at the end:', ...deployments.map((d) => `  ${deploymentLine(d)}`));
  if (report.events.length > 0) lines.push('Service events of this deployment:', ...report.events.map((line) => `  ${line}`));
  else lines.push('No service events for this deployment.');
  if (report.stoppedTasks.length > 0) {
    lines.push(
      'Stopped tasks of this deployment, newest first:',
      ...report.stoppedTasks.flatMap(stoppedTaskLines).map((line) => `  ${line}`),
    );
  } else if (stoppedTasksUnread !== undefined) {
    lines.push(`The stopped tasks of this deployment could not be read (${stoppedTasksUnread}).`);
  } else {
    lines.push('No stopped tasks of this deployment.');
  }
  lines.push(`Console: ${url}`);
  return lines;
}

/** Prints the headline as an error and the details after it; answers the report for `WatchOutcome.failure`. */
export async function reportFailure(
  ctx: WatchContext,
  result: AnyFollowResult,
  taskDefinitionArn: string,
  reason: string,
  headline: string,
): Promise<FailureReport> {
  const collected = await collectFailure(ctx, result, taskDefinitionArn, reason);
  ctx.reporter.error(headline);
  const url = consoleUrl(ctx.target.region, ctx.target.cluster, ctx.target.service);
  for (const line of failureLines(collected, result, url)) ctx.reporter.info(line);
  return collected.report;
}
