// Short names for what ECS identifies by ARN, so log lines stay readable.

/**
 * `web:5`: the one label for a revision, from a task definition ARN (`arn:aws:ecs:...:task-definition/web:5`),
 * from `web:5` itself, or from a described revision's family and number.
 */
export function familyRevision(taskDefinition: string | { family: string; revision: number }): string {
  if (typeof taskDefinition !== 'string') return `${taskDefinition.family}:${taskDefinition.revision}`;
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}

/** True when both name the same revision, whether written as an ARN or as `family:revision`. */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && familyRevision(a) === familyRevision(b);
}

/** The name at the end of a cluster, service or task ARN, or the name itself. */
export function resourceName(nameOrArn: string): string {
  return nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);
}

export function consoleUrl(region: string, cluster: string, service: string): string {
  const path = `clusters/${encodeURIComponent(resourceName(cluster))}/services/${encodeURIComponent(resourceName(service))}`;
  return `https://${region}.console.aws.amazon.com/ecs/v2/${path}/deployments?region=${region}`;
}

export { formatDuration } from '../duration.js';
