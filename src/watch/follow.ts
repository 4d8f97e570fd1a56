// The poll loop for one deployment: observe, print what changed, decide; sleep until the next poll. What is
// printed and decided is the judge's: a rolling update's deployments list, or a service deployment's stages.
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

/** What a poll loop prints and decides for one kind of deployment. */
export interface Judge<V extends { kind: string }> {
  /** Lines for what changed since the last answer. */
  changed(snapshot: Snapshot): string[];
  decide(snapshot: Snapshot, followed: Followed, eventsSinceStart: readonly ServiceEvent[]): V;
}

export type FollowEnd<V extends { kind: string } = Verdict> =
  | Exclude<V, { kind: 'waiting' }>
  /** ECS kept answering, and the deployment had not finished at the deadline. */
  | { kind: 'timed-out' }
  /** The deadline came while ECS was not answering: what happened since the last answer is not known. */
  | { kind: 'unobserved'; problem: string }
  | { kind: 'cancelled' }
  /** A read that no retry can fix (the service gone, access denied): the watch cannot go on. */
  | { kind: 'watch-error'; message: string };

export interface FollowResult<V extends { kind: string } = Verdict> {
  end: FollowEnd<V>;
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

/** A result of any judge, for what every kind of watch reports the same way (unknown outcomes, failures). */
export type AnyFollowResult = FollowResult<{ kind: string }>;

/** The rolling update's judge: each deployment's line when it changed, and the verdict of verdict.ts. */
export function rollingJudge(options: WatchContext['options']): Judge<Verdict> {
  const changedLines = new ChangedLines();
  const maxFailedTasks = options.maxFailedTasks !== undefined && options.maxFailedTasks > 0 ? options.maxFailedTasks : undefined;
  return {
    changed: (snapshot) => changedLines.changed(snapshot.service, snapshot.serviceDeployment),
    decide: (snapshot, followed, events) => decide(snapshot, followed, events, maxFailedTasks),
  };
}

export function follow(ctx: WatchContext, start: Followed, deadline: number): Promise<FollowResult> {
  return followWith(ctx, start, deadline, rollingJudge(ctx.options));
}

/** `deadline` is asked again after every poll when it is a function: a wait whose pauses do not count moves it. */
export async function followWith<V extends { kind: string }>(
  ctx: WatchContext,
  start: Followed,
  deadline: number | (() => number),
  judge: Judge<V>,
): Promise<FollowResult<V>> {
  const { clock, reporter, observer, options } = ctx;
  const startedAt = clock.now();
  const eventLog = new EventLog(startedAt, ctx.seenEvents);
  const events: ServiceEvent[] = [];
  const deadlineNow = typeof deadline === 'number' ? () => deadline : deadline;
  let followed = observer.supportsServiceDeployments ? start : withoutServiceDeployment(start);
  let last: Snapshot | undefined;
  let lastAnsweredAt: number | undefined;
  let interval = options.pollIntervalMs;
  let problem: string | undefined;
  /** When ECS stopped answering (not counting throttling), for the line that says it answers again. */
  let silentSince: number | undefined;
  const result = (end: FollowEnd<V>): FollowResult<V> => ({
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
      for (const line of judge.changed(last)) reporter.info(line);
      const verdict = judge.decide(last, followed, events);
      if (verdict.kind !== 'waiting') return result(verdict as Exclude<V, { kind: 'waiting' }>);
    }

    const now = clock.now();
    const until = deadlineNow();
    if (now >= until) return result(problem === undefined ? { kind: 'timed-out' } : { kind: 'unobserved', problem });
    await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, until), options.cancel);
  }
}
