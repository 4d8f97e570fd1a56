// After a signal the run stops by itself: steps end, a change in flight is waited for, the watcher rolls back. The
// backstop ends it anyway, with what is known, when that takes longer than it may (a call that ignores the cancel).
import { CANCEL_ANSWER_WAIT_ROLLBACK_MS, CANCEL_FOLLOW_UP_MS, CANCEL_WITH_CHANGE_MS, changesUnderway } from './aws/change.js';
import { listenForCancel } from './cancel.js';
import { systemClock } from './clock.js';
import { CancelledError, errorMessage, exitCodeFor } from './errors.js';
import { endingOf, publish, type Ending } from './fleet/conclude.js';
import { rollsBackOnCancel, type RunState } from './fleet/state.js';
import type { Host } from './hosts/host.js';
import type { VerbRun } from './verbs/status.js';
import { CANCEL_ANSWER_CAP_MS } from './watch/settle.js';
import { UNDO_CAP_MS } from './watch/undo-cancelled-update.js';

/** How long a cancelled run may take to stop by itself before the outputs are written and it exits anyway. */
const CANCEL_BACKSTOP_MS = 1_800;
/**
 * With rollback-on-cancel: the watcher waits up to CANCEL_ANSWER_CAP_MS for the rollback's answer; an update the
 * cancel cut short is waited for, read back once and then undone within UNDO_CAP_MS. The longer of the two, and a
 * margin for the outputs.
 */
const CANCEL_BACKSTOP_ROLLBACK_MS =
  Math.max(CANCEL_ANSWER_CAP_MS, CANCEL_ANSWER_WAIT_ROLLBACK_MS + CANCEL_FOLLOW_UP_MS + UNDO_CAP_MS) + 1_500;

export interface Backstopped {
  host: Host;
  state: RunState;
  /** Set by a verb (continue, rollback) while it runs: whether its cancel rolls back. */
  verb: VerbRun;
  /** False once no verb runs and the deploy does. */
  verbRunning: () => boolean;
  published: { done: boolean };
}

/** Listens for SIGINT and SIGTERM: the first cancels the run and arms the backstop. Answers how to stop listening. */
export function listenWithBackstop(run: Backstopped, cancel: AbortController, warn: (line: string) => void): () => void {
  return listenForCancel(cancel, warn, (signal) => {
    // With rollback-on-cancel (and for CodeDeploy, always) a cancel during the update or the watch undoes what the
    // update started, also when its answer was lost; the answer to that one call is waited for too.
    const rollsBack = run.verbRunning() ? run.verb.rollsBackOnCancel : rollsBackOnCancel(run.state.runs);
    const wait = rollsBack ? CANCEL_BACKSTOP_ROLLBACK_MS : changesUnderway() > 0 ? CANCEL_WITH_CHANGE_MS : CANCEL_BACKSTOP_MS;
    return setTimeout(() => void (run.verbRunning() ? endCancelledVerb(run.host, signal) : endCancelledRun(run, signal)), wait);
  });
}

export async function publishOnce(host: Host, ending: Ending, published: { done: boolean }): Promise<string | undefined> {
  if (published.done) return undefined;
  published.done = true;
  return publish(host, ending);
}

/** The run did not stop in time: its outputs are written with what is known, and it exits. */
async function endCancelledRun({ host, state, published }: Backstopped, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const error = new CancelledError(signal);
  host.reporter.warn(`the run did not stop by itself after ${signal}: ending it with what is known.`);
  await publishOnce(host, endingOf(state, systemClock.now(), error), published);
  host.fail(errorMessage(error));
  process.exit(exitCodeFor(error));
}

/** A verb (continue, rollback) that did not stop in time after the signal. */
function endCancelledVerb(host: Host, signal: 'SIGINT' | 'SIGTERM'): void {
  const error = new CancelledError(signal);
  host.reporter.warn(`the run did not stop by itself after ${signal}: ending it without writing the outputs.`);
  host.fail(errorMessage(error));
  process.exit(exitCodeFor(error));
}
