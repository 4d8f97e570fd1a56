// The poll loop for one deployment: observe, print what changed, decide; sleep until the next poll.
import type { ServiceEvent } from '@aws-sdk/client-ecs';
import type { WatchContext } from './context.js';
import { formatDuration } from '../aws/names.js';
import { nextPollInterval, sleepBeforeNextPoll } from './pacing.js';
import { ChangedLines, EventLog, eventLine } from './progress.js';
import { describeReadError, readErrorKind } from './read-errors.js';
import { settle } from './settle.js';
import type { Followed, Snapshot } from './snapshot.js';
import { track, withoutServiceDeployment } from './tracking.js';
import { decide, type Verdict } from './verdict.js';

export type FollowEnd =
  | Exclude<Verdict, { kind: 'waiting' }>
  /** ECS kept answering, and the deployment had not finished at the deadline. */
  | { kind: 'timed-out' }
  /** The deadline came while ECS was not answering: what happened since the last answer is not known. */
  | { kind: 'unobserved'; problem: string }
  | { kind: 'cancelled' }
  /** A read that no retry can fix (the service gone, access denied): the watch cannot go on. */
  | { kind: 'watch-error'; message: string };

export interface FollowResult {
  end: FollowEnd;
  followed: Followed;
  /** The last poll that got an answer. */
  last?: Snapshot;
  /** When that answer came. */
  lastAnsweredAt?: number;
  /** Why the latest poll got no answer; unset when it got one. */
  problem?: string;
  /** Service events printed during this watch, oldest first. */
  events: ServiceEvent[];
  startedAt: number;
}

export async function follow(ctx: WatchContext, start: Followed, deadline: number): Promise<FollowResult> {
  const { clock, reporter, observer, options } = ctx;
  const startedAt = clock.now();
  const eventLog = new EventLog(startedAt, ctx.seenEvents);
  const changedLines = new ChangedLines();
  const events: ServiceEvent[] = [];
  const maxFailedTasks = options.maxFailedTasks !== undefined && options.maxFailedTasks > 0 ? options.maxFailedTasks : undefined;
  let followed = observer.supportsServiceDeployments ? start : withoutServiceDeployment(start);
  let last: Snapshot | undefined;
  let lastAnsweredAt: number | undefined;
  let interval = options.pollIntervalMs;
  let problem: string | undefined;
  /** When ECS stopped answering (not counting throttling), for the line that says it answers again. */
  let silentSince: number | undefined;
  const result = (end: FollowEnd): FollowResult => ({
    end,
    followed,
    events,
    startedAt,
    ...(last ? { last } : {}),
    ...(lastAnsweredAt !== undefined ? { lastAnsweredAt } : {}),
    ...(problem !== undefined ? { problem } : {}),
  });

  for (;;) {
    if (options.cancel.aborted) return result({ kind: 'cancelled' });
    const pollStartedAt = clock.now();
    const poll = await settle(observer.observe(followed.serviceDeploymentArn), options.cancel);
    if (poll.state === 'aborted') return result({ kind: 'cancelled' });
    if (followed.serviceDeploymentArn !== undefined && !observer.supportsServiceDeployments) {
      followed = withoutServiceDeployment(followed);
    }

    if (poll.state === 'rejected') {
      // A failed read says nothing about the deployment: slow down, and try again until the deadline.
      const kind = readErrorKind(poll.error);
      const description = describeReadError(poll.error);
      if (kind === 'fatal') {
        problem = description;
        return result({ kind: 'watch-error', message: description });
      }
      const slower = nextPollInterval(interval, options.pollIntervalMs, true);
      if (kind === 'throttled' && slower > interval) {
        reporter.warn(`ECS is throttling (${description}); polling every ${formatDuration(slower)}`);
      } else if (kind === 'transient' && description !== problem) {
        reporter.warn(`ECS did not answer (${description}); retrying until the timeout`);
      }
      if (kind === 'transient') silentSince ??= pollStartedAt;
      problem = description;
      interval = slower;
    } else {
      if (silentSince !== undefined) {
        reporter.info(`ECS answers again, after ${formatDuration(clock.now() - silentSince)} without an answer`);
        silentSince = undefined;
      }
      problem = undefined;
      interval = nextPollInterval(interval, options.pollIntervalMs, false);
      last = poll.value;
      lastAnsweredAt = clock.now();
      followed = track(followed, last);
      for (const event of eventLog.takeNew(last.service.events ?? [])) {
        events.push(event);
        reporter.info(eventLine(event));
      }
      for (const line of changedLines.changed(last.service, last.serviceDeployment)) reporter.info(line);
      const verdict = decide(last, followed, events, maxFailedTasks);
      if (verdict.kind !== 'waiting') return result(verdict);
    }

    const now = clock.now();
    if (now >= deadline) return result(problem === undefined ? { kind: 'timed-out' } : { kind: 'unobserved', problem });
    await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, deadline), options.cancel);
  }
}
