// How the one-off task reads AWS errors. Reads are retried until the task's own timeout; only an error that
// retrying cannot change (a denied permission, rejected credentials, a missing cluster) ends the wait early.
import { isThrottlingError } from '@smithy/service-error-classification';
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

export function awsErrorName(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : 'Error';
}

export function isDenied(error: unknown): boolean {
  return DENIED.has(awsErrorName(error)) || /not authorized/i.test(errorMessage(error));
}

/** True when asking again cannot help. Everything else (throttling, 5xx, resets, garbled answers) can. */
export function isPermanent(error: unknown): boolean {
  return PERMANENT.has(awsErrorName(error)) || isDenied(error);
}

export function isThrottled(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return isThrottlingError(error as Parameters<typeof isThrottlingError>[0]);
}

export function isNotFound(error: unknown): boolean {
  return awsErrorName(error) === 'ResourceNotFoundException';
}

export function describeAwsFailure(error: unknown): string {
  const name = awsErrorName(error);
  const message = errorMessage(error);
  return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`;
}
