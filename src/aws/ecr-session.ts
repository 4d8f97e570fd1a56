import { ECRClient } from '@aws-sdk/client-ecr';
import { clientConfig, type AwsSession } from './clients.js';
import { ecrApi, type EcrApi } from './ecr.js';

/** ECR in the region a registry host names, with the run's credentials and endpoint settings. */
export function ecrApiFor(session: AwsSession, region: string): EcrApi {
  return ecrApi(new ECRClient(clientConfig({ ...session.options, region })), session.options.signal);
}
