// A cancel (SIGINT or SIGTERM) as every step sees it: the run's AbortSignal, whose reason names the signal.
import { CancelledError, exitCodeFor } from './errors.js';

export type CancelSignalName = 'SIGINT' | 'SIGTERM';

export function signalOf(cancel: AbortSignal): CancelSignalName {
  return cancel.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
}

export function throwIfCancelled(cancel: AbortSignal): void {
  if (cancel.aborted) throw new CancelledError(signalOf(cancel));
}

/** What ended a step: after a cancel, whatever a step threw on its way out is the cancel. */
export function endedBy(caught: unknown, cancel: AbortSignal): unknown {
  return cancel.aborted && !(caught instanceof CancelledError) ? new CancelledError(signalOf(cancel)) : caught;
}

/**
 * The first signal cancels the run and arms the backstop; a second one exits at once, saying so.
 * `armBackstop` answers the timer, cleared when the run ends by itself. Answers the function that stops listening.
 */
export function listenForCancel(
  cancel: AbortController,
  warn: (line: string) => void,
  armBackstop: (signal: CancelSignalName) => NodeJS.Timeout,
): () => void {
  let backstop: NodeJS.Timeout | undefined;
  const onSignal = (signal: CancelSignalName) => () => {
    if (cancel.signal.aborted) {
      warn(`${signal} received again: exiting now, without writing the outputs.`);
      process.exit(exitCodeFor(new CancelledError(signal)));
    }
    warn(`${signal} received: stopping.`);
    cancel.abort(signal);
    backstop = armBackstop(signal);
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    clearTimeout(backstop);
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}
