// How every kind of watch ends when the outcome is not known or the job was cancelled: said the same way for a
// rolling update and for a blue/green, linear or canary service deployment.
import type { WatchContext } from './context.js';
import type { FailureReport, WatchOutcome } from './contract.js';
import type { AnyFollowResult } from './follow.js';
import { consoleUrl, formatDuration } from '../aws/names.js';
import { deploymentLine, stateLine } from './progress.js';
import { deploymentsOf } from './snapshot.js';
import { CANCEL_ANSWER_CAP_MS, settleWithin } from './settle.js';
import type { Clock } from '../clock.js';
import { errorMessage } from '../errors.js';

/**
 * ECS stopped answering, or answered in a way no retry can fix: say what was last seen, and when. Nothing is
 * rolled back and no stopped tasks are read: the deployment may well have completed.
 */
export function unknown(ctx: WatchContext, result: AnyFollowResult, headline: string): WatchOutcome {
  const { reporter, target, options } = ctx;
  const { message, lastSeen } = unknownMessage(ctx, result, headline);
  reporter.error(message);
  const deployments = deploymentsOf(result.last?.service ?? {});
  if (deployments.length > 0) reporter.info('Deployments in the last answer:');
  for (const deployment of deployments) reporter.info(`  ${deploymentLine(deployment)}`);
  if (options.rollback) reporter.info('Not rolling back: the outcome is not known.');
  reporter.info(`Console: ${consoleUrl(target.region, target.cluster, target.service)}`);
  return { status: 'UNKNOWN', message, ...lastSeen };
}

export function unknownMessage(
  ctx: WatchContext,
  result: AnyFollowResult,
  headline: string,
): { message: string; lastSeen: Pick<WatchOutcome, 'lastSeen' | 'lastSeenAt'> } {
  const { clock, options, target } = ctx;
  const now = clock.now();
  const end = result.end;
  const answeredAt = result.lastAnsweredAt;
  const why =
    end.kind === 'watch-error' && 'message' in end
      ? `could not follow the rollout of ${target.service}: ${String(end.message)}`
      : answeredAt === undefined
        ? `ECS did not answer during the ${formatDuration(options.timeoutMs)} wait (${result.problem ?? 'no answer'})`
        : `ECS did not answer in the last ${formatDuration(now - answeredAt)} of the ${formatDuration(options.timeoutMs)} wait (${result.problem ?? 'no answer'})`;
  if (result.last === undefined || answeredAt === undefined) {
    const nothingSeen = end.kind === 'watch-error' ? 'nothing seen of the deployment before that' : 'no answer from ECS since the watch began';
    return { message: `${headline}: ${why}; ${nothingSeen}`, lastSeen: {} };
  }
  const seen = stateLine(result.last.service, result.followed.deploymentId);
  const at = new Date(answeredAt).toISOString().slice(11, 19);
  return {
    message: `${headline}: ${why}; last seen at ${at} UTC (${formatDuration(now - answeredAt)} ago): ${seen}`,
    lastSeen: { lastSeen: seen, lastSeenAt: new Date(answeredAt).toISOString() },
  };
}


export function cancelledState(ctx: WatchContext, result: AnyFollowResult, message: string, failure?: FailureReport): WatchOutcome {
  const { reporter, clock } = ctx;
  reporter.warn(message);
  const deployments = deploymentsOf(result.last?.service ?? {});
  if (deployments.length > 0) {
    const age = result.problem !== undefined && result.lastAnsweredAt !== undefined ? clock.now() - result.lastAnsweredAt : undefined;
    reporter.info(age === undefined ? 'Deployments when cancelled:' : `Deployments in the last answer, ${formatDuration(age)} before the cancel:`);
    for (const deployment of deployments) reporter.info(`  ${deploymentLine(deployment)}`);
  }
  return { status: 'CANCELLED', message, ...(failure ? { failure } : {}) };
}

/** Who is asked for a rollback on cancel, and what to run by hand when the call fails. */
export interface CancelRollback {
  /** The call, such as `UpdateService` or `StopDeployment of d-1`. */
  call: string;
  /** `family:revision` the service goes back to. */
  to: string;
  /** The service that answers the call: ECS unless said. */
  answeredBy?: 'ECS' | 'CodeDeploy';
  /** The command that does the same by hand, said when the call failed or went unanswered. */
  byHand?: string;
}

/**
 * Sends the rollback a cancel asks for (`request`, on a client the cancel does not abort) and says how it went,
 * waiting at most CANCEL_ANSWER_CAP_MS for the answer to that one call, not for the rollback itself.
 */
export async function rollBackOnCancel(request: Promise<unknown>, rollback: CancelRollback, clock: Clock): Promise<string> {
  const { call, to, answeredBy = 'ECS', byHand } = rollback;
  const answer = await settleWithin(request, CANCEL_ANSWER_CAP_MS, clock);
  const orByHand = byHand ? `; ${byHand}` : '';
  if (answer.state === 'fulfilled') return `the rollback to ${to} started (${answeredBy} answered the ${call})`;
  if (answer.state === 'rejected') return `the rollback to ${to} failed: ${errorMessage(answer.error)}${orByHand}`;
  return `the rollback to ${to} was requested, but ${answeredBy} did not answer the ${call} within ${formatDuration(CANCEL_ANSWER_CAP_MS)}: it may not have started${orByHand}`;
}
