// The deployments of a CodeDeploy group that have not ended, as continue and rollback look for them, and one line
// saying what the group does when nothing waits.
import type { DeploymentInfo } from '@aws-sdk/client-codedeploy';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import type { GroupName } from './previous-revision.js';

/** Every status CodeDeploy gives a deployment that has not ended. */
const NOT_ENDED = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'] as const;
/**
 * CodeDeploy promises no order in ListDeployments: this many of the first listed are read, newest first by their
 * createTime. A group has one deployment in flight at a time (two while CodeDeploy starts a rollback).
 */
const READ_AT_MOST = 10;

/** The first listed deployments read, newest first. */
export async function newestFirst(api: CodeDeployApi, ids: readonly string[]): Promise<DeploymentInfo[]> {
  const read = await Promise.all(ids.slice(0, READ_AT_MOST).map((id) => api.getDeployment(id)));
  return read
    .filter((info): info is DeploymentInfo => info !== undefined)
    .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0));
}

/** The group's deployments that have not ended, newest first. */
export async function deploymentsInFlight(api: CodeDeployApi, group: GroupName): Promise<DeploymentInfo[]> {
  const listed = await api.listDeployments({
    applicationName: group.application,
    deploymentGroupName: group.deploymentGroup,
    includeOnlyStatuses: [...NOT_ENDED],
  });
  return (await newestFirst(api, listed.deployments)).filter((info) => (NOT_ENDED as readonly string[]).includes(info.status ?? ''));
}

/** What the group does now, for a refusal: the deployment in flight and its status, or how the newest one ended. */
export async function whatTheGroupDoes(api: CodeDeployApi, group: GroupName, inFlight: readonly DeploymentInfo[]): Promise<string> {
  const [flying] = inFlight;
  if (flying) return `CodeDeploy deployment ${flying.deploymentId ?? '?'} is ${flying.status ?? '?'}`;
  const listed = await api.listDeployments({ applicationName: group.application, deploymentGroupName: group.deploymentGroup });
  const [newest] = await newestFirst(api, listed.deployments);
  if (!newest) return `CodeDeploy group ${group.application}/${group.deploymentGroup} has no deployment`;
  return `no CodeDeploy deployment is in flight; the newest, ${newest.deploymentId ?? '?'}, ended ${newest.status ?? '?'}`;
}
