import { ECRClient } from '@aws-sdk/client-ecr';
import { addAnswerRules, clientConfig, type AwsSession } from './clients.js';
import { ecrApi, type EcrApi } from './ecr.js';

/** ECR in the region a registry host names, with the run's credentials and endpoint settings. */
export function ecrApiFor(session: AwsSession, region: string): EcrApi {
  const client = new ECRClient(clientConfig({ ...session.options, region }));
  addAnswerRules(client, session.options, { retryGarbled: false });
  return ecrApi(client, session.options.signal);
}
