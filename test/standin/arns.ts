export interface Account {
  readonly region: string;
  readonly accountId: string;
}

const prefix = (account: Account): string => `arn:aws:ecs:${account.region}:${account.accountId}`;

export const clusterArn = (account: Account, cluster: string): string => `${prefix(account)}:cluster/${cluster}`;
export const serviceArn = (account: Account, cluster: string, service: string): string =>
  `${prefix(account)}:service/${cluster}/${service}`;
export const taskArn = (account: Account, cluster: string, taskId: string): string =>
  `${prefix(account)}:task/${cluster}/${taskId}`;
export const containerArn = (account: Account, cluster: string, taskId: string, containerId: string): string =>
  `${prefix(account)}:container/${cluster}/${taskId}/${containerId}`;
export const taskDefinitionArn = (account: Account, family: string, revision: number): string =>
  `${prefix(account)}:task-definition/${family}:${revision}`;
export const serviceDeploymentArn = (account: Account, cluster: string, service: string, id: string): string =>
  `${prefix(account)}:service-deployment/${cluster}/${service}/${id}`;
export const serviceRevisionArn = (account: Account, cluster: string, service: string, id: string): string =>
  `${prefix(account)}:service-revision/${cluster}/${service}/${id}`;

/** The short name inside a name-or-ARN reference (`web`, `.../service/default/web`, `.../cluster/default`). */
export function shortName(reference: string): string {
  if (!reference.startsWith('arn:')) return reference;
  const resource = reference.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** The cluster named inside a service or task ARN, if the ARN carries one. */
export function clusterInArn(reference: string): string | undefined {
  if (!reference.startsWith('arn:')) return undefined;
  const parts = reference.split(':').slice(5).join(':').split('/');
  return parts.length >= 3 ? parts[1] : undefined;
}
