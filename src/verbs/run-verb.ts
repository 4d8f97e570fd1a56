// A run of a verb other than deploy, on any host: bad input ends it with one line and exit 2 before any AWS call.
import { ChangeCancelledError } from '../aws/change.js';
import { endedBy, signalOf } from '../cancel.js';
import { CancelledError, EXIT, exitCodeFor, errorMessage } from '../errors.js';
import type { Host } from '../hosts/host.js';
import type { Invocation } from '../inputs/sources.js';
import { operationOf } from './operation.js';
import type { VerbRun } from './status.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The run's exit code, or undefined when the operation is deploy (the caller's usual run). */
export async function runOtherVerb(invocation: Invocation, env: Env, host: Host, cancel: AbortSignal, running: VerbRun): Promise<number | undefined> {
  try {
    const operation = operationOf(invocation, env);
    if (operation === 'deploy') return undefined;
    const context = { invocation, env, host, cancel, running };
    if (operation === 'rollback') return await (await import('./rollback.js')).runRollback(context);
    if (operation === 'continue') return await (await import('./continue.js')).runContinue(context);
    return await (await import('./status.js')).runStatus(context);
  } catch (caught) {
    // After a cancel whatever ended the verb is the cancel, saying what became of a change it cut short.
    const error = caught instanceof ChangeCancelledError && cancel.aborted ? new CancelledError(signalOf(cancel), caught.message) : endedBy(caught, cancel);
    host.fail(errorMessage(error));
    const code = exitCodeFor(error);
    return code === EXIT.ok ? EXIT.failed : code;
  }
}
