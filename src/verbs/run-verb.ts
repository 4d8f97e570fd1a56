// A run of a verb other than deploy, on any host: bad input ends it with one line and exit 2 before any AWS call.
import { EXIT, exitCodeFor, errorMessage } from '../errors.js';
import type { Host } from '../hosts/host.js';
import type { Invocation } from '../inputs/sources.js';
import { operationOf } from './operation.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The run's exit code, or undefined when the operation is deploy (the caller's usual run). */
export async function runOtherVerb(invocation: Invocation, env: Env, host: Host, cancel: AbortSignal): Promise<number | undefined> {
  try {
    const operation = operationOf(invocation, env);
    if (operation === 'deploy') return undefined;
    if (operation === 'rollback') return await (await import('./rollback.js')).runRollback({ invocation, env, host, cancel });
    if (operation === 'continue') return await (await import('./continue.js')).runContinue({ invocation, env, host, cancel });
    return await (await import('./status.js')).runStatus({ invocation, env, host, cancel });
  } catch (error) {
    host.fail(errorMessage(error));
    const code = exitCodeFor(error);
    return code === EXIT.ok ? EXIT.failed : code;
  }
}
