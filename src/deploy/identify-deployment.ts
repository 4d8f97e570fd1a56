import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { sameRevision } from '../aws/names.js';
import type { RolloutTarget } from '../watch/contract.js';

/** Which deployment an update started: the part of a RolloutTarget the UpdateService answer tells. */
export type DeploymentIdentity = Pick<RolloutTarget, 'deploymentId' | 'serviceDeploymentArn'>;

/**
 * The one rule for "an update started this deployment": the service's PRIMARY deployment has an id that was not
 * there before, and (when given) runs the task definition the update asked for.
 */
export function newPrimaryDeployment(
  service: Service | undefined,
  idsBefore: Iterable<string>,
  taskDefinition?: string,
): Deployment | undefined {
  const primary = service?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
  if (primary?.id === undefined || new Set(idsBefore).has(primary.id)) return undefined;
  if (taskDefinition !== undefined && !sameRevision(primary.taskDefinition, taskDefinition)) return undefined;
  return primary;
}

/**
 * This run's deployment is the one the UpdateService answer names: its currentServiceDeployment where the
 * endpoint gives one, else the new PRIMARY deployment of this run's task definition.
 * An update that changed nothing on an endpoint without the service-deployment API (such as moto) yields neither.
 */
export function identifyDeployment(
  answer: Service | undefined,
  idsBefore: readonly string[],
  taskDefinitionArn: string,
): DeploymentIdentity {
  const fresh = newPrimaryDeployment(answer, idsBefore, taskDefinitionArn);
  const arn = answer?.currentServiceDeployment;
  return { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
}
