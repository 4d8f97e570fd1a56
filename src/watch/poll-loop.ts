// The one poll loop every rollout kind is watched with: read, let the kind judge the answer, sleep until the next
// poll. It owns the pacing (slower under throttling), the retries of reads that got no answer, the deadline, the
// cancel, and the clock it sleeps on (a run of many services hands it the shared tick).
import type { ErrorKind } from '../aws/errors.js';
import { formatDuration } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import { nextPollInterval, sleepBeforeNextPoll } from './pacing.js';
import { settle } from './settle.js';

/** What one kind reads and how it judges an answer. */
export interface Poll<A, V> {
  /** Who answers the reads, for the log: `ECS`, `CodeDeploy`. */
  readonly answerer: string;
  /** What is waited for, for the progress line: `rollout of web`. */
  readonly waitingFor: string;
  /** Where the rollout stands in one answer, in a few words (counts, stage, hook), for the progress line. */
  standing(answer: A): string;
  read(): Promise<A>;
  /** What a failed read means: `fatal` ends the watch; the others are retried until the deadline. */
  errorKind(error: unknown): ErrorKind;
  /** One line about a failed read. */
  describeError(error: unknown): string;
  /** Takes one answer: prints what changed, and gives the verdict once the wait is over. */
  judge(answer: A, answeredAt: number): V | undefined;
}

export type LoopEnd<V> =
  | { kind: 'verdict'; verdict: V }
  /** The service kept answering, and the rollout had not finished at the deadline. */
  | { kind: 'timed-out' }
  /** The deadline came while the service was not answering: what happened since the last answer is not known. */
  | { kind: 'unobserved'; problem: string }
  | { kind: 'cancelled' }
  /** A read that no retry can fix (the service gone, access denied): the watch cannot go on. */
  | { kind: 'watch-error'; message: string };

export interface LoopResult<A, V> {
  end: LoopEnd<V>;
  /** The last answer, and when it came. */
  last?: A;
  lastAnsweredAt?: number;
  /** Why the latest poll got no answer; unset when it got one. */
  problem?: string;
  startedAt: number;
}

export interface LoopDeps {
  clock: Clock;
  reporter: Pick<Reporter, 'info' | 'warn' | 'waiting'>;
}

export interface LoopOptions {
  pollIntervalMs: number;
  cancel: AbortSignal;
}

/** `deadline` is asked again after every poll when it is a function: a wait whose pauses do not count moves it. */
export async function pollLoop<A, V>(
  deps: LoopDeps,
  options: LoopOptions,
  deadline: number | (() => number),
  poll: Poll<A, V>,
): Promise<LoopResult<A, V>> {
  const { clock, reporter } = deps;
  const startedAt = clock.now();
  const deadlineNow = typeof deadline === 'number' ? () => deadline : deadline;
  const progress = reporter.waiting?.(poll.waitingFor, () => deadlineNow() - clock.now());
  try {
    return await loop();
  } finally {
    progress?.end();
  }

  async function loop(): Promise<LoopResult<A, V>> {
  let last: A | undefined;
  let lastAnsweredAt: number | undefined;
  let interval = options.pollIntervalMs;
  let problem: string | undefined;
  /** When the service stopped answering (not counting throttling), for the line that says it answers again. */
  let silentSince: number | undefined;
  const result = (end: LoopEnd<V>): LoopResult<A, V> => ({
    end,
    startedAt,
    ...(last !== undefined ? { last } : {}),
    ...(lastAnsweredAt !== undefined ? { lastAnsweredAt } : {}),
    ...(problem !== undefined ? { problem } : {}),
  });

  for (;;) {
    if (options.cancel.aborted) return result({ kind: 'cancelled' });
    const pollStartedAt = clock.now();
    const read = await settle(poll.read(), options.cancel);
    if (read.state === 'aborted') return result({ kind: 'cancelled' });

    if (read.state === 'rejected') {
      // A failed read says nothing about the rollout: slow down, and try again until the deadline.
      const kind = poll.errorKind(read.error);
      const description = poll.describeError(read.error);
      if (kind === 'fatal') {
        problem = description;
        return result({ kind: 'watch-error', message: description });
      }
      const slower = nextPollInterval(interval, options.pollIntervalMs, true);
      if (kind === 'throttled' && slower > interval) {
        reporter.warn(`${poll.answerer} is throttling (${description}); polling every ${formatDuration(slower)}`);
      } else if (kind === 'transient' && description !== problem) {
        reporter.warn(`${poll.answerer} did not answer (${description}); retrying until the timeout`);
      }
      if (kind === 'transient') silentSince ??= pollStartedAt;
      problem = description;
      interval = slower;
    } else {
      if (silentSince !== undefined) {
        reporter.info(`${poll.answerer} answers again, after ${formatDuration(clock.now() - silentSince)} without an answer`);
        silentSince = undefined;
      }
      problem = undefined;
      interval = nextPollInterval(interval, options.pollIntervalMs, false);
      last = read.value;
      lastAnsweredAt = clock.now();
      progress?.stands(poll.standing(read.value));
      const verdict = poll.judge(read.value, lastAnsweredAt);
      if (verdict !== undefined) return result({ kind: 'verdict', verdict });
    }

    const now = clock.now();
    const until = deadlineNow();
    if (now >= until) return result(problem === undefined ? { kind: 'timed-out' } : { kind: 'unobserved', problem });
    await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, until), options.cancel);
  }
}
}
