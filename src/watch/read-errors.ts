// What a failed read while watching means for the watch. A read that fails says nothing about the deployment:
// only the answers ECS gives decide an outcome, so every fault of the connection or the answer is retried.
import { classifyError, describeError, type ErrorKind } from '../aws/errors.js';
import { ServiceGoneError } from './observe.js';

export function readErrorKind(error: unknown): ErrorKind {
  return error instanceof ServiceGoneError ? 'fatal' : classifyError(error);
}

/** One line about a failed read, without the SDK's multi-line hints. */
export function describeReadError(error: unknown): string {
  if (error instanceof ServiceGoneError) return error.message;
  return describeError(error).split('\n')[0] ?? '';
}
