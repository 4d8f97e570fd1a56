// The reference: what the most-used ECS deploy action does after UpdateService. It waits with the SDK's
// waitUntilServicesStable (15 s between polls at least), then checks that the PRIMARY deployment is still the one
// its update started.
import { DescribeServicesCommand, ECSClient, UpdateServiceCommand, waitUntilServicesStable } from '@aws-sdk/client-ecs';
import { errorMessage } from '../../src/errors.js';

export const REFERENCE_MIN_DELAY_S = 15;
const REFERENCE_MAX_WAIT_S = 600;

export interface ReferenceOutcome {
  outcome: 'completed' | 'failed';
  reason: string;
  /** When it knew the outcome, on this process's clock. */
  noticedAt: number;
}

export async function referenceDeploy(ecs: ECSClient, cluster: string, service: string, taskDefinition: string): Promise<ReferenceOutcome> {
  const update = await ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition }));
  const ours = update.service?.deployments?.find((deployment) => deployment.status === 'PRIMARY')?.id;
  try {
    await waitUntilServicesStable({ client: ecs, minDelay: REFERENCE_MIN_DELAY_S, maxWaitTime: REFERENCE_MAX_WAIT_S }, { cluster, services: [service] });
  } catch (error) {
    return { outcome: 'failed', reason: `waiter: ${errorMessage(error).split('\n')[0] ?? ''}`, noticedAt: Date.now() };
  }
  const after = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const noticedAt = Date.now();
  const primary = after.services?.[0]?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
  if (ours !== undefined && primary?.id === ours) return { outcome: 'completed', reason: 'steady on its deployment', noticedAt };
  return { outcome: 'failed', reason: `steady, but the primary deployment is ${primary?.id ?? 'none'}, not ${ours ?? 'unknown'}`, noticedAt };
}

export function standinClient(url: string, region: string): ECSClient {
  return new ECSClient({ endpoint: url, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}
