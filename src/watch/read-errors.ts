// What a failed read while watching means for the watch. A read that fails says nothing about the deployment:
// only the answers ECS gives decide an outcome, so every fault of the connection or the answer is retried.
import { classifyError, describeError, type ErrorKind } from '../aws/errors.js';
import { ServiceGoneError } from './observe.js';

/**
 * An answer the SDK could not read (cut short, not JSON): its deserializer throws the parser's error with the
 * HTTP response attached as `$response`. ECS has answered nothing about the deployment.
 */
export function isUnreadableAnswer(error: unknown): boolean {
  return error instanceof Error && '$response' in error && (error.name === 'SyntaxError' || !('$fault' in error));
}

export function readErrorKind(error: unknown): ErrorKind {
  if (error instanceof ServiceGoneError) return 'fatal';
  if (isUnreadableAnswer(error)) return 'transient';
  return classifyError(error);
}

/** One line about a failed read, without the SDK's multi-line hints. */
export function describeReadError(error: unknown): string {
  if (error instanceof ServiceGoneError) return error.message;
  const firstLine = describeError(error).split('\n')[0] ?? '';
  return isUnreadableAnswer(error) ? `an answer that could not be read: ${firstLine}` : firstLine;
}
