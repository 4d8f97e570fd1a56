// What one poll sees, and what the watcher knows about the deployment it follows.
import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';
import type { RolloutTarget } from './contract.js';

export interface Snapshot {
  service: Service;
  /** This run's service deployment, when followed through DescribeServiceDeployments and answered. */
  serviceDeployment?: ServiceDeployment;
}

/**
 * The deployment one watch follows (the rollout's, or the rollback's), as known so far: what the caller handed in,
 * with the id filled in once a poll shows it. `serviceDeploymentArn` is kept only while the endpoint answers
 * DescribeServiceDeployments for it.
 */
export type Followed = Pick<RolloutTarget, 'taskDefinitionArn' | 'deploymentId' | 'serviceDeploymentArn' | 'deploymentIdsBefore'> & {
  /** Our deployment was in `service.deployments` at least once. */
  seen: boolean;
  /** Our deployment as last seen, kept for the report once ECS drops it from the list. */
  last?: Deployment;
};

export function deploymentsOf(service: Service): Deployment[] {
  return service.deployments ?? [];
}

export function primaryOf(service: Service): Deployment | undefined {
  return deploymentsOf(service).find((deployment) => deployment.status === 'PRIMARY');
}

/** Events come newest first; this is how their ids read when one is missing. */
export function eventKey(event: ServiceEvent): string {
  return event.id ?? `${event.createdAt?.getTime() ?? ''} ${event.message ?? ''}`;
}
