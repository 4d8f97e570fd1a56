import { sameRevision } from '../aws/names.js';
import { deploymentsOf, primaryOf, type Followed, type Snapshot } from './snapshot.js';

/** True when the watcher knows which deployment is this run's; otherwise it waits for a steady service. */
export function followsDeployment(followed: Followed): boolean {
  return followed.deploymentId !== undefined || followed.byServiceDeployment;
}

/**
 * Updates what is known about our deployment from one poll. When its id is not known yet, a new PRIMARY
 * deployment running our task definition is ours: the update answer may not have listed it yet.
 */
export function track(followed: Followed, snapshot: Snapshot): Followed {
  let deploymentId = followed.deploymentId;
  if (deploymentId === undefined) {
    const primary = primaryOf(snapshot.service);
    const knowsWhatIsNew = followed.deploymentIdsBefore.size > 0 || followed.byServiceDeployment;
    if (
      knowsWhatIsNew &&
      primary?.id !== undefined &&
      !followed.deploymentIdsBefore.has(primary.id) &&
      sameRevision(primary.taskDefinition, followed.taskDefinitionArn)
    ) {
      deploymentId = primary.id;
    }
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
