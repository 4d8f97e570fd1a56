// What one poll sees, and what the watcher knows about the deployment it follows.
import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';

export interface Snapshot {
  service: Service;
  /** This run's service deployment, when followed through DescribeServiceDeployments and answered. */
  serviceDeployment?: ServiceDeployment;
}

export interface Followed {
  /** The task definition this deployment puts on the service. */
  taskDefinitionArn: string;
  /** Our `ecs-svc/...` id, once known. */
  deploymentId?: string;
  /** True while a service deployment ARN is followed through DescribeServiceDeployments. */
  byServiceDeployment: boolean;
  deploymentIdsBefore: ReadonlySet<string>;
  /** Our deployment was in `service.deployments` at least once. */
  seen: boolean;
  /** Our deployment as last seen, kept for the report once ECS drops it from the list. */
  last?: Deployment;
}

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
