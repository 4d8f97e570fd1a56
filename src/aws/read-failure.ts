// What a read that failed before any change means for the run: refused (bad target or access) or unanswered.
import { AwsUnavailableError, PreflightError } from '../errors.js';
import { classifyError, describeAwsError, describeError } from './errors.js';

/**
 * A read the SDK gave up on after its retries says nothing about the target: AWS is not answering (exit 1). Any
 * other refusal is something the preflight found wrong (exit 2).
 */
export function readFailure(action: string, error: unknown): Error {
  if (classifyError(error) === 'fatal') return new PreflightError(describeAwsError(action, error));
  return new AwsUnavailableError(
    `${action}: AWS is not answering (${describeError(error).split('\n')[0] ?? ''}), still after retries; nothing was changed, run the job again later.`,
  );
}
