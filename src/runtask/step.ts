// The one-off task as apply runs it: after the revision is registered, before UpdateService. Apply calls
// runPlannedTask, sets the outputs, and goes on only when runTaskError gives nothing back.
import { randomUUID } from 'node:crypto';
import { signalOf } from '../cancel.js';
import { AwsUnavailableError, CancelledError, DeployError } from '../errors.js';
import { runTaskRequestFor, type RunTaskPlan } from './plan.js';
import { runOneOffTask, type RunOneOffTaskParams, type RunTaskResult } from './run-task.js';

export type RunPlannedTaskDeps = Pick<RunOneOffTaskParams, 'api' | 'openLogs' | 'region' | 'clock' | 'reporter' | 'signal'> & {
  clientToken?: string;
};

export function runPlannedTask(plan: RunTaskPlan, taskDefinitionArn: string, deps: RunPlannedTaskDeps): Promise<RunTaskResult> {
  return runOneOffTask({
    ...deps,
    request: runTaskRequestFor(plan, taskDefinitionArn, deps.clientToken ?? randomUUID()),
    container: plan.container,
    containerDefinitions: plan.containerDefinitions,
    wait: plan.options.wait,
    timeoutMs: plan.options.timeoutMs,
  });
}

/**
 * The one-off task as a step of apply: runs it, and answers the error that ends the run when it did not succeed.
 * @param untouched what is left as it was when the task fails, for the message, such as "service web".
 */
export async function runTaskStep(
  plan: RunTaskPlan,
  taskDefinitionArn: string,
  untouched: string | undefined,
  deps: RunPlannedTaskDeps,
): Promise<{ result: RunTaskResult; error?: Error }> {
  const result = await runPlannedTask(plan, taskDefinitionArn, deps);
  const error = runTaskError(result, untouched, deps.signal ? signalOf(deps.signal) : 'SIGTERM');
  return error ? { result, error } : { result };
}

/**
 * The error that ends the run when the task did not succeed (undefined when the deploy may go on).
 * @param untouched what was left as it was, for the message, such as "service web".
 */
export function runTaskError(result: RunTaskResult, untouched: string | undefined, cancelledBy: 'SIGINT' | 'SIGTERM' = 'SIGTERM'): Error | undefined {
  const left = untouched ? `; ${untouched} was left as it was` : '';
  switch (result.status) {
    case 'SUCCEEDED':
    case 'STARTED':
      return undefined;
    case 'CANCELLED':
      return new CancelledError(cancelledBy);
    case 'UNKNOWN':
      return new AwsUnavailableError(`one-off task: ${result.line}${left}`);
    case 'FAILED':
    case 'TIMED_OUT':
      return new DeployError(`one-off task: ${result.line}${left}`);
  }
}
