import { newPrimaryDeployment } from './identify-deployment.js';
import type { RolloutTarget } from './contract.js';
import { deploymentsOf, type Followed, type Snapshot } from './snapshot.js';

/** What the watcher follows for a deployment the caller (or the rollback) started. */
export function followedOf(target: Pick<RolloutTarget, 'taskDefinitionArn' | 'deploymentId' | 'serviceDeploymentArn' | 'deploymentIdsBefore'>): Followed {
  return {
    taskDefinitionArn: target.taskDefinitionArn,
    deploymentIdsBefore: [...new Set(target.deploymentIdsBefore)],
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    ...(target.serviceDeploymentArn ? { serviceDeploymentArn: target.serviceDeploymentArn } : {}),
    seen: false,
  };
}

/** True when the watcher knows which deployment is this run's; otherwise it waits for a steady service. */
export function followsDeployment(followed: Followed): boolean {
  return followed.deploymentId !== undefined || followed.serviceDeploymentArn !== undefined;
}

/** Stops following the service deployment once the endpoint turned out not to answer DescribeServiceDeployments. */
export function withoutServiceDeployment(followed: Followed): Followed {
  const { serviceDeploymentArn: _dropped, ...rest } = followed;
  return rest;
}

/**
 * Updates what is known about our deployment from one poll. When its id is not known yet, the new PRIMARY
 * deployment of our task definition is ours (the update answer may not have listed it yet), as long as the watcher
 * knows which deployments were there before.
 */
export function track(followed: Followed, snapshot: Snapshot): Followed {
  let deploymentId = followed.deploymentId;
  const knowsWhatIsNew = followed.deploymentIdsBefore.length > 0 || followed.serviceDeploymentArn !== undefined;
  if (deploymentId === undefined && knowsWhatIsNew) {
    deploymentId = newPrimaryDeployment(snapshot.service, followed.deploymentIdsBefore, followed.taskDefinitionArn)?.id;
  }
  if (deploymentId === undefined) return followed;
  const ours = deploymentsOf(snapshot.service).find((deployment) => deployment.id === deploymentId);
  return {
    ...followed,
    deploymentId,
    seen: followed.seen || ours !== undefined,
    ...(ours ? { last: ours } : followed.last ? { last: followed.last } : {}),
  };
}
