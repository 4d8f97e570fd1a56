import type { Service } from '@aws-sdk/client-ecs';

export interface DeploymentIdentity {
  deploymentId?: string;
  serviceDeploymentArn?: string;
}

/**
 * This run's deployment is the one the UpdateService answer names: its currentServiceDeployment where the
 * endpoint gives one, else the PRIMARY deployment of this run's task definition whose id was not there before.
 * An update that changed nothing on an endpoint without the service-deployment API (such as moto) yields neither.
 */
export function identifyDeployment(
  answer: Service | undefined,
  idsBefore: readonly string[],
  taskDefinitionArn: string,
): DeploymentIdentity {
  const primary = answer?.deployments?.find((d) => d.status === 'PRIMARY');
  const isNew = primary?.id !== undefined && !idsBefore.includes(primary.id);
  const fresh = isNew && primary?.taskDefinition === taskDefinitionArn ? primary : undefined;
  const arn = answer?.currentServiceDeployment;
  return { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
}
