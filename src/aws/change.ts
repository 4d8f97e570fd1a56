// The one way a change is sent to AWS (register, update, create, run, stop, deregister). Each send is one SDK
// attempt on a call the run's cancel does not abort. A refusal is final and reported with AWS's own words. A
// throttled or unsent call was not applied and is sent again after a jittered pause. Any other failure (a timeout, a
// reset, a 5xx, an answer that could not be read) leaves the change in doubt: what AWS shows is read back at growing
// intervals until the request can no longer be applied late, and only then is it sent again, unless sending again
// cannot double it. A cancel waits a few seconds for the answer in flight, then reads back once.
import type { Clock } from '../clock.js';
import { DeployError } from '../errors.js';
import type { Reporter } from '../report.js';
import { RESPONSE_TIMEOUT_MS } from './limits.js';
import { changeOutcome, classifyError, describeAwsError, describeError, isNotSent } from './errors.js';

/** `seen`: what AWS shows instead, for the message when the change never went through. */
export type ReadBack<T> = { applied: true; value: T } | { applied: false; seen?: string };

export interface Change<T> {
  /** How the log names it, e.g. "UpdateService web". */
  action: string;
  /** One attempt. `signal` is this module's own: it aborts a call only once nobody waits for its answer. */
  send(signal: AbortSignal): Promise<T>;
  /**
   * What AWS shows now: whether the change was applied, and what it made. Throws when it cannot be read. `signal`
   * aborts it once nobody waits for it.
   */
  readBack(signal?: AbortSignal): Promise<ReadBack<T>>;
  /**
   * True when a second send cannot double the change (a client token, a stop, the same count again): after a lost
   * answer it is read back once and sent again at once when not applied, without waiting out a late apply.
   */
  resendIsSafe: boolean;
  /** True when sending again is itself the read-back (RunTask: ECS answers the same client token with its task). */
  resendReadsBack?: boolean;
  /** What a user looks at when the outcome could not be settled. */
  whatToCheck: string;
}

export interface ChangeOptions {
  clock: Pick<Clock, 'now' | 'sleep'>;
  reporter?: Pick<Reporter, 'info' | 'warn'> | undefined;
  /** No pause, read-back or send starts past this time (epoch ms). Default: CHANGE_DEADLINE_MS after the first send. */
  deadlineAt?: number;
  /** The run's cancel. */
  cancel?: AbortSignal | undefined;
  /** How long a cancel waits for the answer in flight. Default CANCEL_ANSWER_WAIT_MS. */
  cancelWaitMs?: number;
  /** For tests: 0..1. */
  random?: () => number;
}

/** The longest a request may take to reach AWS and be applied after the client stopped waiting for it. */
export const LATE_APPLY_MARGIN_MS = 60_000;
export const CHANGE_DEADLINE_MS = 10 * 60_000;
/** A cancel waits this long for the answer to a change in flight, then reads back once. */
export const CANCEL_ANSWER_WAIT_MS = 5_000;
/** With rollback-on-cancel: what the update did must be known to undo it. */
export const CANCEL_ANSWER_WAIT_ROLLBACK_MS = 8_000;
/** The one read-back after a cancel, and a stop it leads to, each wait at most this long. */
export const CANCEL_FOLLOW_UP_MS = 2_000;
/** The longest a cancel with a change underway takes to end the run: the answer, one read-back, one stop. */
export const CANCEL_WITH_CHANGE_MS = CANCEL_ANSWER_WAIT_MS + 2 * CANCEL_FOLLOW_UP_MS + 500;
const FIRST_READ_BACK_MS = 1_000;
const LONGEST_READ_BACK_PAUSE_MS = 16_000;
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 20_000;

/** What a cancelled change was found to have done. */
export type CancelledChangeState<T> = { state: 'applied'; value: T } | { state: 'not-applied' } | { state: 'unsettled' };

export class ChangeCancelledError<T = unknown> extends Error {
  override readonly name = 'ChangeCancelledError';
  constructor(
    readonly action: string,
    readonly settled: CancelledChangeState<T>,
    readonly whatToCheck: string,
  ) {
    super(
      settled.state === 'applied'
        ? `cancelled during ${action}, which was applied`
        : settled.state === 'not-applied'
          ? `cancelled during ${action}, which was not applied`
          : `cancelled during ${action}, which may still be applied: check ${whatToCheck}`,
    );
  }
}

/** AWS refused the change (or kept throttling it past its deadline): it was not made. */
export class ChangeRefusedError extends DeployError {
  /** Read by changeOutcome: a refused change was not applied, whatever the message says. */
  readonly refusedByAws = true;
  constructor(
    message: string,
    readonly refusal: unknown,
  ) {
    super(message);
  }
}

export class MayHaveBeenAppliedError extends DeployError {
  /** What to look at (a console page, an AWS CLI command) to learn whether the change was made. */
  readonly whatToCheck: string;
  /** How the last answer was lost. */
  readonly lost: string;

  /** `readBack`: why reading back failed; or, with `notShown`, what the last read-back showed instead. */
  constructor(change: string, lost: string, readBack: string, whatToCheck: string, notShown = false) {
    const after = notShown ? `it did not show before the deadline (${readBack})` : `reading it back failed (${readBack})`;
    super(`${change} may have been applied: its answer was lost (${lost}) and ${after}; check ${whatToCheck}`);
    this.whatToCheck = whatToCheck;
    this.lost = lost;
  }
}

const inFlight = new Set<AbortController>();
const runEnded = new AbortController();

/** Aborts the reads made after a cancel once the run has ended: nobody waits for them any more. */
export const endOfRun: AbortSignal = runEnded.signal;

/**
 * Ends every change call still open, at the end of the run: whoever waited for it gave up, and a call left open
 * would keep the process alive and print after its last line.
 */
export function abandonCallsInFlight(): void {
  for (const call of inFlight) call.abort(new Error('the run ended'));
  inFlight.clear();
  runEnded.abort(new Error('the run ended'));
}

let underway = 0;

/** How many changes are being sent or settled: a cancel waits longer for them. */
export function changesUnderway(): number {
  return underway;
}

/** Full jitter above half the exponential step: spreads runs that were throttled together. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const step = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** The pauses before each read-back of a doubtful change: 1, 2, 4, 8, 16, 16 … s. */
export function readBackPauseMs(read: number): number {
  return Math.min(LONGEST_READ_BACK_PAUSE_MS, FIRST_READ_BACK_MS * 2 ** Math.max(0, read - 1));
}

type Failure = 'refused' | 'not-applied' | 'doubtful';

function failureKind(error: unknown): Failure {
  if (changeOutcome(error) === 'doubtful') return 'doubtful';
  if (classifyError(error) === 'throttled' || isNotSent(error)) return 'not-applied';
  return 'refused';
}

export async function sendChange<T>(change: Change<T>, options: ChangeOptions): Promise<T> {
  underway += 1;
  try {
    return await settleChange(change, options);
  } finally {
    underway -= 1;
  }
}

async function settleChange<T>(change: Change<T>, options: ChangeOptions): Promise<T> {
  const { clock, reporter, cancel } = options;
  const random = options.random ?? Math.random;
  const deadlineAt = options.deadlineAt ?? clock.now() + CHANGE_DEADLINE_MS;
  const cancelWaitMs = options.cancelWaitMs ?? CANCEL_ANSWER_WAIT_MS;
  const { action } = change;
  let retries = 0;
  let doubtful = false;

  const cancelled = async (): Promise<never> => {
    throw new ChangeCancelledError(action, doubtful ? await readBackOnce(change, clock, true) : { state: 'not-applied' }, change.whatToCheck);
  };
  // A pause ends early on a cancel, and for good once the run has ended: nothing is sent after the run's last line.
  const wakeUp = cancel ? AbortSignal.any([cancel, endOfRun]) : endOfRun;
  const pause = async (ms: number): Promise<boolean> => {
    if (clock.now() + ms > deadlineAt) return false;
    await clock.sleep(ms, wakeUp);
    if (endOfRun.aborted) throw new Error(`${action}: the run ended first`);
    if (cancel?.aborted) await cancelled();
    return true;
  };

  for (;;) {
    if (cancel?.aborted) await cancelled();
    const sentAt = clock.now();
    const answer = await answerOf(change, clock, cancel, cancelWaitMs);
    if (answer.kind === 'value') return answer.value;
    if (answer.kind === 'no-answer') {
      doubtful = true;
      return cancelled();
    }
    const failure = answer.error;
    const kind = failureKind(failure);
    if (kind === 'refused') {
      // A refused second send may be refusing what the first, whose answer was lost, already did.
      const seen = retries > 0 ? await readBackOnce(change, clock, false) : undefined;
      if (seen?.state === 'applied') return seen.value;
      throw new ChangeRefusedError(describeAwsError(action, failure), failure);
    }
    if (cancel?.aborted) {
      doubtful ||= kind === 'doubtful';
      await cancelled();
    }
    retries += 1;
    const gaveUp = (seen: string | undefined): DeployError =>
      new ChangeRefusedError(`${action} did not go through before its deadline (last: ${describeError(failure)})${seen ? `; ${seen}` : ''}.`, failure);
    if (kind === 'not-applied' || change.resendReadsBack) {
      reporter?.info(`${action}: ${describeError(failure)}; sending it again.`);
      if (await pause(backoffMs(retries, random))) continue;
      if (kind === 'not-applied') throw gaveUp(undefined);
      throw new MayHaveBeenAppliedError(action, describeError(failure), 'no answer came before its deadline', change.whatToCheck);
    }

    doubtful = true;
    reporter?.warn(`${action}: the answer was lost (${describeError(failure)}); reading back what AWS shows.`);
    const found = change.resendIsSafe ? await readBackSoon(change, failure, pause) : await readBackUntilSettled(change, failure, sentAt, pause, clock);
    if (found.applied) return found.value;
    doubtful = false;
    reporter?.info(
      change.resendIsSafe ? `${action} was not applied: sending it again.` : `${action} was not applied, and can no longer be applied late: sending it again.`,
    );
    if (!(await pause(backoffMs(retries, random)))) throw gaveUp(found.seen);
  }
}

type Answer<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'no-answer' };

/** One send. After a cancel its answer is waited for at most `cancelWaitMs`; then the call is abandoned. */
async function answerOf<T>(change: Change<T>, clock: Pick<Clock, 'sleep'>, cancel: AbortSignal | undefined, cancelWaitMs: number): Promise<Answer<T>> {
  const call = new AbortController();
  inFlight.add(call);
  const answer: Promise<Answer<T>> = Promise.resolve().then(() => change.send(call.signal)).then(
    (value) => ({ kind: 'value', value }),
    (error: unknown) => ({ kind: 'error', error }),
  );
  try {
    if (!cancel) return await answer;
    const beforeCancel = await Promise.race([answer, untilAborted(cancel, answer)]);
    if (beforeCancel) return beforeCancel;
    const stopWaiting = new AbortController();
    const afterCancel = await Promise.race([answer, clock.sleep(cancelWaitMs, stopWaiting.signal).then((): Answer<T> => ({ kind: 'no-answer' }))]);
    stopWaiting.abort();
    if (afterCancel.kind === 'no-answer') call.abort(new Error('cancelled'));
    return afterCancel;
  } finally {
    inFlight.delete(call);
  }
}

/** Resolves undefined when `signal` aborts; settles silently once `done` has. */
function untilAborted(signal: AbortSignal, done: Promise<unknown>): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    void done.finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Reads back at growing intervals until the change shows, or until the request could no longer be applied late
 * (LATE_APPLY_MARGIN_MS past the call's own deadline). A read that fails is tried again at the next interval.
 */
async function readBackUntilSettled<T>(
  change: Change<T>,
  lost: unknown,
  sentAt: number,
  pause: (ms: number) => Promise<boolean>,
  clock: Pick<Clock, 'now'>,
): Promise<ReadBack<T>> {
  const settledAt = sentAt + RESPONSE_TIMEOUT_MS + LATE_APPLY_MARGIN_MS;
  let lastProblem: unknown;
  let lastSeen: string | undefined;
  for (let read = 1; ; read++) {
    const lastRead = clock.now() >= settledAt;
    if (!(await pause(lastRead ? 0 : Math.min(readBackPauseMs(read), settledAt - clock.now())))) break;
    try {
      const found = await change.readBack();
      lastProblem = undefined;
      if (found.applied || lastRead) return found;
      lastSeen = found.seen ?? 'not applied yet';
    } catch (error) {
      lastProblem = error;
      if (lastRead) break;
    }
  }
  if (lastProblem === undefined && lastSeen !== undefined) {
    throw new MayHaveBeenAppliedError(change.action, describeError(lost), lastSeen, change.whatToCheck, true);
  }
  const problem = lastProblem === undefined ? 'the deadline came first' : describeError(lastProblem);
  throw new MayHaveBeenAppliedError(change.action, describeError(lost), problem, change.whatToCheck);
}

/** One read-back after a pause, for a change a second send cannot double. */
async function readBackSoon<T>(change: Change<T>, lost: unknown, pause: (ms: number) => Promise<boolean>): Promise<ReadBack<T>> {
  let problem: unknown;
  if (await pause(readBackPauseMs(1))) {
    try {
      return await change.readBack();
    } catch (error) {
      problem = error;
    }
  }
  throw new MayHaveBeenAppliedError(change.action, describeError(lost), problem === undefined ? 'the deadline came first' : describeError(problem), change.whatToCheck);
}

/**
 * One read-back, within CANCEL_FOLLOW_UP_MS. `mayLandLate`: the request may still reach AWS after this read (its
 * answer was lost just now), so not seeing it settles nothing, unless sending again is the read-back.
 */
async function readBackOnce<T>(change: Change<T>, clock: Pick<Clock, 'sleep'>, mayLandLate: boolean): Promise<CancelledChangeState<T>> {
  const stopWaiting = new AbortController();
  const call = new AbortController();
  inFlight.add(call);
  try {
    const found = await Promise.race([
      Promise.resolve().then(() => change.readBack(call.signal)).catch(() => undefined),
      clock.sleep(CANCEL_FOLLOW_UP_MS, stopWaiting.signal).then(() => undefined),
    ]);
    if (found?.applied) return { state: 'applied', value: found.value };
    return found && (!mayLandLate || change.resendReadsBack) ? { state: 'not-applied' } : { state: 'unsettled' };
  } finally {
    stopWaiting.abort();
    call.abort(new Error('the read-back was given up'));
    inFlight.delete(call);
  }
}
