// Builds the SDK clients once per run: the default credential chain (or a web-identity session), the
// endpoints from AWS_ENDPOINT_URL(_ECS/_ECR/_CODEDEPLOY), timeouts on every attempt, SDK retries on reads, and one attempt
// for each change (a change whose answer is lost is read back before it is tried again, see deploy/register.ts).
import { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, DeserializeMiddleware } from '@smithy/types';
import type { CodeDeployApis } from '../codedeploy/api.js';
import { ecsApi, type EcsApi } from './ecs.js';
import { isGarbledAnswer } from './errors.js';

export interface AwsSession {
  region: string;
  ecs: EcsApi;
  /**
   * The same ECS calls, not aborted by the run's cancel: for the one call a cancel itself makes (the rollback of
   * rollback-on-cancel), which its caller caps on its own.
   */
  ecsAfterCancel: EcsApi;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Resolves the credentials the clients will sign with (the SDK's default chain unless given). */
  resolveCredentials(): Promise<unknown>;
  /** The options the session was opened with, so other clients (ECR) match it. */
  options: SessionOptions;
  /**
   * CodeDeploy clients configured as the ECS ones, made on the first call: the CodeDeploy SDK is loaded only for a
   * service whose deployment controller is CODE_DEPLOY.
   */
  codeDeploy?: () => Promise<CodeDeployApis>;
}

export interface SessionOptions {
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Caps the wait for each answer (and for the connection, up to CONNECT_TIMEOUT_MS); default RESPONSE_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** Aborts every call in flight, and the SDK's pause between retries, at once: the run's SIGTERM/SIGINT. */
  signal?: AbortSignal;
}

export const SDK_MAX_ATTEMPTS = 5;
/**
 * An ECS or ECR endpoint connects in well under a second and answers these small calls in one or two; a call
 * that takes longer has hung. Short caps let the SDK (reads) or the read-back (changes) try again within a few
 * seconds, so that even five hung attempts fit well inside a wait-timeout of minutes.
 */
export const CONNECT_TIMEOUT_MS = 3_000;
export const RESPONSE_TIMEOUT_MS = 10_000;

export function clientConfig(options: SessionOptions): Record<string, unknown> {
  const responseMs = options.requestTimeoutMs ?? RESPONSE_TIMEOUT_MS;
  return {
    region: options.region,
    maxAttempts: options.maxAttempts ?? SDK_MAX_ATTEMPTS,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: {
      connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, responseMs),
      requestTimeout: responseMs,
      // Without it the SDK only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      // Covers an answer whose headers came but whose body stalls.
      socketTimeout: responseMs,
    },
  };
}

export function createSession(options: SessionOptions): AwsSession {
  const reads = new ECSClient(clientConfig(options));
  reads.middlewareStack.add(retryGarbledAnswers(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
  const changes = new ECSClient(clientConfig({ ...options, maxAttempts: 1 }));
  return {
    region: options.region,
    ecs: ecsApi(reads, { changes, ...(options.signal ? { signal: options.signal } : {}) }),
    ecsAfterCancel: ecsApi(reads, { changes }),
    resolveCredentials: () => reads.config.credentials(),
    options,
    codeDeploy: once(async () => (await import('../codedeploy/api.js')).codeDeployApis(options)),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * A truncated or garbled answer to a read fails in the SDK's reader with a SyntaxError that its retry rules do not
 * cover; marking it retryable lets the SDK try the read again like any other transient fault.
 */
export function retryGarbledAnswers<I extends object, O extends object>(): DeserializeMiddleware<I, O> {
  return (next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (isGarbledAnswer(error) && Object.isExtensible(error)) {
        (error as { $retryable?: object }).$retryable = {};
      }
      throw error;
    }
  };
}
