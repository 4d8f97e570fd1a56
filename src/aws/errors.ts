// What a failed AWS call means: throttling slows the watcher's polling, transient faults are retried until
// the timeout, anything else ends the wait; whether a failed change may still have been made; and the one line a
// user reads about it. The SDK's own error classification decides throttling and transience.
import { isServerError, isThrottlingError, isTransientError } from '@smithy/service-error-classification';
import type { SdkError } from '@smithy/types';
import { errorMessage } from '../errors.js';

export type ErrorKind = 'throttled' | 'transient' | 'fatal';

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
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

function asSdkError(error: unknown): SdkError | undefined {
  return typeof error === 'object' && error !== null ? (error as SdkError) : undefined;
}

/**
 * An answer the SDK could not read (truncated, garbled, cut off mid-body): its reader fails with an error that
 * carries the raw `$response` but none of the fault fields an error ECS sent has.
 */
export function isGarbledAnswer(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$response' in error && fields(error).$fault === undefined;
}

/** The run's own cancel (or a caller's abort): never retried. */
export function isAborted(error: unknown): boolean {
  return errorName(error) === 'AbortError';
}

export function classifyError(error: unknown): ErrorKind {
  const sdkError = asSdkError(error);
  if (!sdkError || isAborted(error)) return 'fatal';
  if (isThrottlingError(sdkError)) return 'throttled';
  if (isTransientError(sdkError) || isServerError(sdkError) || fields(error).$fault === 'server' || isGarbledAnswer(error)) {
    return 'transient';
  }
  return 'fatal';
}

/** Faults that happen before a request leaves this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A connection fault that happened before the request left this machine. */
export function isNotSent(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}
const NOT_SENT_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
/** ECS's refusals, for errors that lost their fault fields on the way (wrapped or rebuilt by other code). */
const REFUSED_NAMES = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'ClientException',
  'InvalidParameterException',
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'ServiceNotActiveException',
  'UnsupportedFeatureException',
  'PlatformUnknownException',
  'PlatformTaskDefinitionIncompatibilityException',
  'LimitExceededException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
]);

/**
 * After a change (RegisterTaskDefinition, UpdateService, DeregisterTaskDefinition) failed: 'not-applied' when AWS
 * certainly did not make it (it refused the call with an error of its own, throttling included: ECS refuses a
 * throttled call before doing anything; or the request never left), 'doubtful' when it may have (a timeout, a
 * reset, a 5xx, an answer that could not be read, anything unknown). A doubtful change is read back before it is
 * tried again.
 */
export function changeOutcome(error: unknown): 'not-applied' | 'doubtful' {
  // A change the one way to send a change settled as refused (see change.ts).
  if ((error as { refusedByAws?: unknown } | null)?.refusedByAws === true) return 'not-applied';
  const { code, $fault } = fields(error);
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return 'not-applied';
  if (NOT_SENT_NAMES.has(errorName(error))) return 'not-applied';
  if (isGarbledAnswer(error)) return 'doubtful';
  const sdkError = asSdkError(error);
  if (sdkError && isThrottlingError(sdkError)) return 'not-applied';
  const status = httpStatus(error);
  if ($fault === 'client' || (status !== undefined && status >= 400 && status < 500)) return 'not-applied';
  if ($fault === undefined && status === undefined && REFUSED_NAMES.has(errorName(error))) return 'not-applied';
  return 'doubtful';
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
  // The SDK appends a hint about a hidden field to answers it could not read: not something a user can act on.
  const message = errorMessage(error).split('\n')[0] ?? '';
  if (isGarbledAnswer(error)) return `AWS sent an answer that could not be read: ${name}: ${message}`;
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
