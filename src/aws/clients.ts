// Builds the SDK clients once per run: the default credential chain (or a web-identity session), the
// endpoints from AWS_ENDPOINT_URL(_ECS/_ECR), and SDK retries on every call.
import { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { ecsApi, type EcsApi } from './ecs.js';

export interface AwsSession {
  region: string;
  ecs: EcsApi;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Resolves the credentials the clients will sign with (the SDK's default chain unless given). */
  resolveCredentials(): Promise<unknown>;
  /** The options the session was opened with, so other clients (ECR) match it. */
  options: SessionOptions;
}

export interface SessionOptions {
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Caps each HTTP attempt; a dry run uses it so an unreachable endpoint never hangs it. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

export const SDK_MAX_ATTEMPTS = 5;

export function clientConfig(options: SessionOptions): Record<string, unknown> {
  return {
    region: options.region,
    maxAttempts: options.maxAttempts ?? SDK_MAX_ATTEMPTS,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.requestTimeoutMs
      ? { requestHandler: { connectionTimeout: options.requestTimeoutMs, requestTimeout: options.requestTimeoutMs } }
      : {}),
  };
}

export function createSession(options: SessionOptions): AwsSession {
  const ecs = new ECSClient(clientConfig(options));
  return {
    region: options.region,
    ecs: ecsApi(ecs),
    resolveCredentials: () => ecs.config.credentials(),
    options,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
}
