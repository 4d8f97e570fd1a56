// What runs now on one service, read-only: the revision, its images, the counts, the deployments in flight (with
// their lifecycle stage and hooks, where the service-deployment API answers) and the last events.
import type { Deployment, Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { resourceName } from '../aws/names.js';
import { PreflightError } from '../errors.js';

/** Events shown per service: enough to see the last rollout's end, few enough to read. */
const LAST_EVENTS = 5;
const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'] as const;

export interface ServiceStatus {
  cluster: string;
  service: string;
  status: string;
  taskDefinition: string;
  images: Record<string, string>;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  deploymentController: string;
  strategy?: string;
  deployments: DeploymentStatus[];
  inFlight: InFlightStatus[];
  events: { at: string; message: string }[];
}

export interface DeploymentStatus {
  id: string;
  status: string;
  rolloutState?: string;
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
}

export interface InFlightStatus {
  serviceDeploymentArn: string;
  status: string;
  stage?: string;
  targetRevision?: string;
  hooks: { hookId: string; type?: string; status?: string; expiresAt?: string }[];
}

export async function readServiceStatus(ecs: EcsApi, cluster: string, name: string): Promise<ServiceStatus> {
  const answer = await ecs.describeServices(cluster, [name]);
  const service = answer.services?.[0];
  if (!service || service.status === 'INACTIVE') {
    throw new PreflightError(`service ${name} not found in cluster ${resourceName(cluster)}; check service and cluster.`);
  }
  const taskDefinition = service.taskDefinition ?? service.deployments?.[0]?.taskDefinition ?? '';
  return {
    cluster: resourceName(cluster),
    service: service.serviceName ?? name,
    status: service.status ?? '',
    taskDefinition,
    images: taskDefinition ? await imagesOf(ecs, taskDefinition) : {},
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    deploymentController: service.deploymentController?.type ?? 'ECS',
    ...(service.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
    deployments: (service.deployments ?? []).map(deploymentStatus),
    inFlight: await inFlight(ecs, service),
    events: (service.events ?? []).slice(0, LAST_EVENTS).map((event) => ({ at: event.createdAt?.toISOString() ?? '', message: event.message ?? '' })),
  };
}

async function imagesOf(ecs: EcsApi, taskDefinition: string): Promise<Record<string, string>> {
  const described = await ecs.describeTaskDefinition(taskDefinition);
  const images: Record<string, string> = {};
  for (const container of described.taskDefinition?.containerDefinitions ?? []) images[container.name ?? ''] = container.image ?? '';
  return images;
}

function deploymentStatus(deployment: Deployment): DeploymentStatus {
  return {
    id: deployment.id ?? '',
    status: deployment.status ?? '',
    ...(deployment.rolloutState ? { rolloutState: deployment.rolloutState } : {}),
    taskDefinition: revisionName(deployment.taskDefinition ?? ''),
    desiredCount: deployment.desiredCount ?? 0,
    runningCount: deployment.runningCount ?? 0,
    pendingCount: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
  };
}

/**
 * The service deployments in flight, with their stage and hooks. A region or endpoint without the
 * service-deployment API answers nothing here: the deployments of DescribeServices still show what moves.
 */
async function inFlight(ecs: EcsApi, service: Service): Promise<InFlightStatus[]> {
  if ((service.deploymentController?.type ?? 'ECS') !== 'ECS') return [];
  let arns: string[];
  try {
    const listed = await ecs.listServiceDeployments({
      cluster: service.clusterArn,
      service: service.serviceName,
      status: [...IN_FLIGHT],
    });
    arns = (listed.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
  } catch {
    return [];
  }
  if (arns.length === 0) return [];
  const described = await ecs.describeServiceDeployments(arns);
  return (described.serviceDeployments ?? []).map(inFlightStatus);
}

function inFlightStatus(deployment: ServiceDeployment): InFlightStatus {
  return {
    serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
    status: deployment.status ?? '',
    ...(deployment.lifecycleStage ? { stage: deployment.lifecycleStage } : {}),
    ...(deployment.targetServiceRevision?.arn ? { targetRevision: deployment.targetServiceRevision.arn } : {}),
    hooks: (deployment.lifecycleHookDetails ?? []).map((hook) => ({
      hookId: hook.hookId ?? '',
      ...(hook.targetType ? { type: hook.targetType } : {}),
      ...(hook.status ? { status: hook.status } : {}),
      ...(hook.expiresAt ? { expiresAt: hook.expiresAt.toISOString() } : {}),
    })),
  };
}

/** `family:revision` of a task definition ARN. */
export function revisionName(arn: string): string {
  return arn.includes(':task-definition/') ? (arn.split(':task-definition/')[1] ?? arn) : arn;
}

/** The lines a person reads for one service. */
export function statusLines(status: ServiceStatus): string[] {
  const kind = status.deploymentController === 'ECS' ? (status.strategy ?? 'ROLLING').toLowerCase() : status.deploymentController;
  const lines = [
    `${status.cluster}/${status.service} (${kind}): runs ${revisionName(status.taskDefinition)}; ${status.runningCount} running, ${status.pendingCount} pending of ${status.desiredCount} desired`,
  ];
  for (const [container, image] of Object.entries(status.images)) lines.push(`  image ${container}: ${image}`);
  for (const deployment of status.deployments) {
    lines.push(
      `  deployment ${deployment.id} ${deployment.status}${deployment.rolloutState ? ` ${deployment.rolloutState}` : ''}: ${deployment.taskDefinition}, ${deployment.runningCount}/${deployment.desiredCount} running${deployment.failedTasks > 0 ? `, ${deployment.failedTasks} failed` : ''}`,
    );
  }
  if (status.inFlight.length === 0) lines.push('  nothing in flight');
  for (const flight of status.inFlight) {
    lines.push(`  in flight: ${flight.serviceDeploymentArn} ${flight.status}${flight.stage ? ` at ${flight.stage}` : ''}`);
    for (const hook of flight.hooks) {
      lines.push(`    hook ${hook.hookId}${hook.type ? ` (${hook.type})` : ''}: ${hook.status ?? 'unknown'}${hook.expiresAt ? `, expires ${hook.expiresAt}` : ''}`);
    }
  }
  for (const event of status.events) lines.push(`  ${event.at} ${event.message}`);
  return lines;
}
