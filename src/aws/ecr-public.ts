// public.ecr.aws takes tokens from ECR Public, a service of its own that answers only in us-east-1.
import { ECRPUBLICClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr-public';
import { addAnswerRules, clientConfig, type AwsSession } from './clients.js';
import { decodeAuthorization, type EcrAuthorization } from './ecr.js';

export const ECR_PUBLIC_REGION = 'us-east-1';

/** `signal` aborts the call in flight (the run's cancel). */
export async function ecrPublicToken(client: ECRPUBLICClient, signal?: AbortSignal): Promise<EcrAuthorization> {
  const out = await client.send(new GetAuthorizationTokenCommand({}), signal ? { abortSignal: signal } : {});
  const data = out.authorizationData;
  return decodeAuthorization('ECR Public', data?.authorizationToken, 'https://public.ecr.aws', data?.expiresAt);
}

export function ecrPublicClientFor(session: AwsSession): ECRPUBLICClient {
  const client = new ECRPUBLICClient(clientConfig({ ...session.options, region: ECR_PUBLIC_REGION }));
  addAnswerRules(client, session.options, { retryGarbled: false });
  return client;
}
