// Builds the SDK clients once per run: the default credential chain (or a web-identity session), the
// endpoints from AWS_ENDPOINT_URL(_ECS/_ECR/_CODEDEPLOY), timeouts on every attempt, SDK retries on reads, and one attempt
// for each change (a change whose answer is lost is read back before it is tried again, see aws/change.ts).
import { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { CodeDeployApis } from './codedeploy-api.js';
import type { ExpressApis } from './express-api.js';
import { endOfRun } from './change.js';
import { ecsApi, type EcsApi } from './ecs.js';
import { addAnswerRules, clientConfig, type SessionOptions } from './client-config.js';
import { withSettledStops } from './stops.js';

export { CONNECT_TIMEOUT_MS, RESPONSE_TIMEOUT_MS } from './limits.js';
export { SDK_MAX_ATTEMPTS, addAnswerRules, clientConfig, retryGarbledAnswers, wholeAnswerWithin, type SessionOptions } from './client-config.js';

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
  /** The Express Mode calls on the session's ECS clients, made on the first call: only for an Express service. */
  express?: () => Promise<ExpressApis>;
}

/** A stop a cancel asks for is tried again only this long: the run must end soon after. */
const AFTER_CANCEL_STOP_MS = 6_000;

export function createSession(options: SessionOptions): AwsSession {
  const reads = new ECSClient(clientConfig(options));
  addAnswerRules(reads, options, { retryGarbled: true });
  const changes = new ECSClient(clientConfig({ ...options, maxAttempts: 1 }));
  addAnswerRules(changes, options, { retryGarbled: false });
  const afterCancel = ecsApi(reads, { changes, signal: endOfRun });
  return {
    region: options.region,
    ecs: withSettledStops(ecsApi(reads, { changes, ...(options.signal ? { signal: options.signal } : {}) }), afterCancel, {
      ...(options.signal ? { cancel: options.signal } : {}),
    }),
    ecsAfterCancel: withSettledStops(afterCancel, afterCancel, { withinMs: AFTER_CANCEL_STOP_MS }),
    resolveCredentials: () => reads.config.credentials(),
    options,
    codeDeploy: once(async () => (await import('./codedeploy-clients.js')).codeDeployApis(options)),
    express: once(async () => (await import('./express-api.js')).expressApisOn(reads, changes, options.signal)),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

