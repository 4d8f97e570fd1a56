// How the one-off task reads AWS errors, on top of the project's own classification (aws/errors.ts). Reads are
// retried until the task's own timeout; only an error that retrying cannot change (a denied permission, rejected
// credentials, a missing cluster) ends the wait early.
import { classifyError, errorName } from '../aws/errors.js';
import { errorMessage } from '../errors.js';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const PERMANENT = new Set([
  ...DENIED,
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'CredentialsProviderError',
  'ClusterNotFoundException',
  'InvalidParameterException',
]);

export function isDenied(error: unknown): boolean {
  return DENIED.has(errorName(error)) || /not authorized/i.test(errorMessage(error));
}

/** True when asking again cannot help. Everything else (throttling, 5xx, resets, garbled answers) can. */
export function isPermanent(error: unknown): boolean {
  return PERMANENT.has(errorName(error)) || isDenied(error);
}

export function isThrottled(error: unknown): boolean {
  return classifyError(error) === 'throttled';
}

export function isNotFound(error: unknown): boolean {
  return errorName(error) === 'ResourceNotFoundException';
}

