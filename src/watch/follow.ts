// Following one ECS deployment on the one poll loop: observe, print the new service events and what changed, and
// decide. What is printed and decided is the judge's: a rolling update's deployments list, or a service
// deployment's stages.
import type { ServiceEvent } from '@aws-sdk/client-ecs';
import { pollLoop, type Poll } from './poll-loop.js';
import type { WatchContext } from './context.js';
import { ChangedLines } from './changed-lines.js';
import { deploymentLines, EventLog, eventLine, standingOf } from './progress.js';
import { describeReadError, readErrorKind } from './read-errors.js';
import type { Followed, Snapshot } from './snapshot.js';
import { track, withoutServiceDeployment } from './tracking.js';
import { decide, type Verdict } from './verdict.js';

/** What a poll loop prints and decides for one kind of deployment. */
export interface Judge<V extends { kind: string }> {
  /** Lines for what changed since the last answer. */
  changed(snapshot: Snapshot): string[];
  decide(snapshot: Snapshot, followed: Followed, eventsSinceStart: readonly ServiceEvent[]): V;
  /** What the progress line says is waited for (`rollout` by default). */
  waitingFor?: string;
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
    changed: (snapshot) => changedLines.changed(deploymentLines(snapshot.service, snapshot.serviceDeployment)),
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
  const { observer, reporter } = ctx;
  const eventLog = new EventLog(ctx.clock.now(), ctx.seenEvents);
  const events: ServiceEvent[] = [];
  let followed = observer.supportsServiceDeployments ? start : withoutServiceDeployment(start);
  const poll: Poll<Snapshot, Exclude<V, { kind: 'waiting' }>> = {
    answerer: 'ECS',
    waitingFor: `${judge.waitingFor ?? 'rollout'} of ${ctx.target.service}`,
    standing: (snapshot) => standingOf(snapshot, followed.deploymentId),
    read: async () => {
      try {
        return await observer.observe(followed.serviceDeploymentArn);
      } finally {
        if (followed.serviceDeploymentArn !== undefined && !observer.supportsServiceDeployments) followed = withoutServiceDeployment(followed);
      }
    },
    errorKind: readErrorKind,
    describeError: describeReadError,
    judge: (snapshot) => {
      followed = track(followed, snapshot);
      for (const event of eventLog.takeNew(snapshot.service.events ?? [])) {
        events.push(event);
        reporter.info(eventLine(event));
      }
      for (const line of judge.changed(snapshot)) reporter.info(line);
      const verdict = judge.decide(snapshot, followed, events);
      return verdict.kind === 'waiting' ? undefined : (verdict as Exclude<V, { kind: 'waiting' }>);
    },
  };
  const looped = await pollLoop(ctx, ctx.options, deadline, poll);
  const { end, last, lastAnsweredAt, problem, startedAt } = looped;
  return {
    end: end.kind === 'verdict' ? end.verdict : end,
    followed,
    events,
    startedAt,
    ...(last ? { last } : {}),
    ...(lastAnsweredAt !== undefined ? { lastAnsweredAt } : {}),
    ...(problem !== undefined ? { problem } : {}),
  };
}
