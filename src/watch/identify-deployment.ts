import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { sameRevision } from '../aws/names.js';
import type { RolloutTarget } from './contract.js';

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
 * endpoint gives one that the service did not have before, else the new PRIMARY deployment of this run's task
 * definition. An update that started nothing (the revision the service already runs) yields neither: the
 * service deployment it still names is an earlier run's, whose ending is not this run's to report.
 */
export function identifyDeployment(
  answer: Service | undefined,
  before: { deploymentIds: readonly string[]; serviceDeploymentArn?: string | undefined },
  taskDefinitionArn: string,
): DeploymentIdentity {
  const fresh = newPrimaryDeployment(answer, before.deploymentIds, taskDefinitionArn);
  const named = answer?.currentServiceDeployment;
  const arn = named !== before.serviceDeploymentArn ? named : undefined;
  return { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
}
