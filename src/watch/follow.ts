// The poll loop for one deployment: observe, print what changed, decide; sleep until the next poll.
import type { ServiceEvent } from '@aws-sdk/client-ecs';
import { classifyError, describeError } from '../aws/errors.js';
import type { FollowTarget, WatchContext } from './context.js';
import { formatDuration } from '../aws/names.js';
import { ServiceGoneError } from './observe.js';
import { nextPollInterval, sleepBeforeNextPoll } from './pacing.js';
import { ChangedLines, EventLog, eventLine } from './progress.js';
import { settle } from './settle.js';
import type { Followed, Snapshot } from './snapshot.js';
import { track } from './tracking.js';
import { decide, type Verdict } from './verdict.js';

export type FollowEnd =
  | Exclude<Verdict, { kind: 'waiting' }>
  | { kind: 'timed-out' }
  | { kind: 'cancelled' }
  | { kind: 'watch-error'; message: string };

export interface FollowResult {
  end: FollowEnd;
  followed: Followed;
  /** The last poll that got an answer. */
  last?: Snapshot;
  /** Service events printed during this watch, oldest first. */
  events: ServiceEvent[];
  startedAt: number;
}

export async function follow(ctx: WatchContext, target: FollowTarget, deadline: number): Promise<FollowResult> {
  const { clock, reporter, observer, options } = ctx;
  const startedAt = clock.now();
  const eventLog = new EventLog(startedAt, ctx.seenEvents);
  const changedLines = new ChangedLines();
  const events: ServiceEvent[] = [];
  const maxFailedTasks = options.maxFailedTasks !== undefined && options.maxFailedTasks > 0 ? options.maxFailedTasks : undefined;
  let followed: Followed = {
    taskDefinitionArn: target.taskDefinitionArn,
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    byServiceDeployment: target.serviceDeploymentArn !== undefined,
    deploymentIdsBefore: new Set(target.deploymentIdsBefore),
    seen: false,
  };
  let last: Snapshot | undefined;
  let interval = options.pollIntervalMs;
  let lastProblem: string | undefined;
  const result = (end: FollowEnd): FollowResult => ({ end, followed, events, startedAt, ...(last ? { last } : {}) });

  for (;;) {
    if (options.cancel.aborted) return result({ kind: 'cancelled' });
    const pollStartedAt = clock.now();
    const serviceDeploymentArn = observer.supportsServiceDeployments ? target.serviceDeploymentArn : undefined;
    const poll = await settle(observer.observe(serviceDeploymentArn), options.cancel);
    if (poll.state === 'aborted') return result({ kind: 'cancelled' });

    if (poll.state === 'rejected') {
      const kind = classifyError(poll.error);
      const problem = poll.error instanceof ServiceGoneError ? poll.error.message : describeError(poll.error);
      if (kind === 'fatal') return result({ kind: 'watch-error', message: problem });
      const slower = nextPollInterval(interval, options.pollIntervalMs, kind === 'throttled');
      if (kind === 'throttled' && slower > interval) {
        reporter.warn(`ECS is throttling (${problem}); polling every ${formatDuration(slower)}`);
      } else if (kind === 'transient' && problem !== lastProblem) {
        reporter.warn(`ECS did not answer (${problem}); retrying until the timeout`);
      }
      lastProblem = problem;
      interval = slower;
    } else {
      lastProblem = undefined;
      interval = nextPollInterval(interval, options.pollIntervalMs, false);
      last = poll.value;
      followed = track({ ...followed, byServiceDeployment: serviceDeploymentArn !== undefined && observer.supportsServiceDeployments }, last);
      for (const event of eventLog.takeNew(last.service.events ?? [])) {
        events.push(event);
        reporter.info(eventLine(event));
      }
      for (const line of changedLines.changed(last.service, last.serviceDeployment)) reporter.info(line);
      const verdict = decide(last, followed, events, maxFailedTasks);
      if (verdict.kind !== 'waiting') return result(verdict);
    }

    const now = clock.now();
    if (now >= deadline) return result({ kind: 'timed-out' });
    await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, deadline), options.cancel);
  }
}
