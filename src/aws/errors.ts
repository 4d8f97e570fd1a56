// What a failed AWS call means: throttling slows the watcher's polling, transient faults are retried until
// the timeout, anything else ends the wait; and the one line a user reads about it.
import { errorMessage } from '../errors.js';

export type ErrorKind = 'throttled' | 'transient' | 'fatal';

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
]);

const TRANSIENT = new Set([
  'ServerException',
  'InternalFailure',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'NetworkingError',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function fields(error: unknown): ErrorFields {
  return typeof error === 'object' && error !== null ? (error as ErrorFields) : {};
}

function httpStatus(error: unknown): number | undefined {
  const status = fields(error).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

export function errorName(error: unknown): string {
  const name = fields(error).name;
  return typeof name === 'string' ? name : 'Error';
}

export function classifyError(error: unknown): ErrorKind {
  const name = errorName(error);
  const status = httpStatus(error);
  if (THROTTLING.has(name) || status === 429) return 'throttled';
  if (TRANSIENT.has(name) || (status !== undefined && status >= 500)) return 'transient';
  const code = fields(error).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'transient';
  return 'fatal';
}

const NOT_SUPPORTED = new Set([
  'UnknownOperationException',
  'InvalidParameterException',
  'UnsupportedFeatureException',
  'ServiceDeploymentNotFoundException',
  // Roles written for older tools often lack ecs:DescribeServiceDeployments; DescribeServices still answers.
  'AccessDeniedException',
]);

/**
 * True when DescribeServiceDeployments failed in a way that says this endpoint (or this role) does not offer it.
 * A server error on the very first call counts too: stand-ins that lack the operation answer HTTP 500.
 */
export function isNotSupported(error: unknown, firstCall: boolean): boolean {
  if (NOT_SUPPORTED.has(errorName(error))) return true;
  if (!firstCall) return false;
  const status = httpStatus(error);
  return errorName(error) === 'ServerException' || (status !== undefined && status >= 500);
}

export function describeError(error: unknown): string {
  const name = errorName(error);
  const message = errorMessage(error);
  return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`;
}

/** One line for a failed call, with the fix where the error says what it is. */
export function describeAwsError(action: string, error: unknown): string {
  const name = errorName(error);
  const message = errorMessage(error);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return `${action}: no AWS credentials found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or role-arn with web-identity-token.`;
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || /not authorized/i.test(message)) {
    return `${action}: access denied (${message}); grant the permission listed in the README's IAM policy.`;
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'ExpiredTokenException') {
    return `${action}: AWS rejected the credentials (${name}: ${message}); check the access key, or refresh the session.`;
  }
  return `${action}: ${describeError(error)}`;
}
