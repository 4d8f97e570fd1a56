// Reads one poll and says whether the rollout is over, and how. Pure: the poll loop does the calls and the printing.
import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { familyRevision, sameRevision } from '../aws/names.js';
import { deploymentsOf, primaryOf, type Followed, type Snapshot } from './snapshot.js';
import { followsDeployment } from './tracking.js';

export type Verdict =
  | { kind: 'waiting' }
  | { kind: 'completed' }
  | { kind: 'failed'; reason: string }
  /** ECS began rolling back by itself; `to` is the task definition it goes back to, when the poll shows it. */
  | { kind: 'rolling-back-by-ecs'; reason: string; to?: string }
  /** `by` is the deployment that took over once the deployments list shows it; `current` the service deployment. */
  | { kind: 'superseded'; by?: Deployment; current?: string };

const ROLLING_BACK = /rolling back to deployment (ecs-svc\/\d+)/;
const SERVICE_DEPLOYMENT_ROLLED_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
const SERVICE_DEPLOYMENT_STOPPED = new Set(['STOPPED', 'STOP_REQUESTED']);

/** ECS's own threshold when the service sets none: half the desired count, rounded up, within 3..200. */
export function defaultMaxFailedTasks(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}

/**
 * A service with one deployment, of the task definition this run deployed, that runs every task it wants. A
 * service steady on another revision is not done: ECS has not (yet) started what this run asked for.
 */
export function isSteady(service: Service, taskDefinitionArn: string): boolean {
  const deployments = deploymentsOf(service);
  return (
    deployments.length === 1 &&
    sameRevision(deployments[0]?.taskDefinition, taskDefinitionArn) &&
    service.runningCount === service.desiredCount
  );
}

export function decide(
  snapshot: Snapshot,
  followed: Followed,
  eventsSinceStart: readonly ServiceEvent[],
  maxFailedTasks?: number,
): Verdict {
  const { service, serviceDeployment } = snapshot;
  const primary = primaryOf(service);
  const isNew = (deployment: Deployment | undefined): deployment is Deployment =>
    deployment?.id !== undefined && deployment.id !== followed.deploymentId && !followed.deploymentIdsBefore.includes(deployment.id);

  if (!followsDeployment(followed)) {
    if (followed.deploymentIdsBefore.length > 0 && isNew(primary)) return { kind: 'superseded', by: primary };
    return isSteady(service, followed.taskDefinitionArn) ? { kind: 'completed' } : { kind: 'waiting' };
  }

  if ((followed.deploymentId !== undefined || followed.deploymentIdsBefore.length > 0) && isNew(primary)) {
    return { kind: 'superseded', by: primary };
  }
  const ours = followed.deploymentId
    ? deploymentsOf(service).find((deployment) => deployment.id === followed.deploymentId)
    : undefined;
  const failureReason = reasonOf(ours ?? followed.last, serviceDeployment);

  if (serviceDeployment?.status === 'ROLLBACK_FAILED') {
    return { kind: 'failed', reason: `ECS could not roll back: ${failureReason}` };
  }
  const rolledBack = ecsRollback(service, followed, serviceDeployment, eventsSinceStart);
  if (rolledBack) return { kind: 'rolling-back-by-ecs', reason: failureReason, ...rolledBack };

  if (ours?.rolloutState === 'FAILED') {
    if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true) {
      return { kind: 'rolling-back-by-ecs', reason: failureReason };
    }
    return { kind: 'failed', reason: failureReason };
  }
  if (serviceDeployment?.status && SERVICE_DEPLOYMENT_STOPPED.has(serviceDeployment.status)) {
    // The deployments list may lag behind: the service deployment the service now names tells a newer update.
    const current = service.currentServiceDeployment;
    if (!stoppedByItsChecks(serviceDeployment) && current !== undefined && followed.serviceDeploymentArn !== undefined && current !== followed.serviceDeploymentArn) {
      return { kind: 'superseded', current, ...(isNew(primary) ? { by: primary } : {}) };
    }
    return { kind: 'failed', reason: failureReason };
  }

  if (ours && !circuitBreakerOn(service, serviceDeployment)) {
    const limit = maxFailedTasks ?? thresholdOf(serviceDeployment) ?? defaultMaxFailedTasks(ours.desiredCount ?? service.desiredCount ?? 0);
    const failed = ours.failedTasks ?? 0;
    if (failed >= limit) {
      return { kind: 'failed', reason: `${failed} tasks failed to start or stay healthy (max-failed-tasks ${limit})` };
    }
  }

  if (serviceDeployment?.status === 'SUCCESSFUL') return { kind: 'completed' };
  if (ours?.rolloutState === 'COMPLETED') return { kind: 'completed' };
  // Behind a Classic Load Balancer ECS gives no rolloutState: the service's own steady state is the signal.
  if (ours && ours.rolloutState === undefined && deploymentsOf(service).length === 1 && ours.runningCount === ours.desiredCount) {
    return { kind: 'completed' };
  }
  return { kind: 'waiting' };
}

function ecsRollback(
  service: Service,
  followed: Followed,
  serviceDeployment: ServiceDeployment | undefined,
  events: readonly ServiceEvent[],
): { to?: string } | undefined {
  const primary = primaryOf(service);
  const taskDefinitionOf = (id: string | undefined): { to?: string } => {
    const taskDefinition = deploymentsOf(service).find((deployment) => deployment.id === id)?.taskDefinition;
    return taskDefinition ? { to: taskDefinition } : {};
  };
  const primaryIsOlder =
    primary?.id !== undefined && primary.id !== followed.deploymentId && followed.deploymentIdsBefore.includes(primary.id);
  if (serviceDeployment?.status && SERVICE_DEPLOYMENT_ROLLED_BACK.has(serviceDeployment.status)) {
    return primaryIsOlder ? taskDefinitionOf(primary.id) : {};
  }
  if (primaryIsOlder && followed.seen) return taskDefinitionOf(primary.id);
  for (const event of events) {
    const target = ROLLING_BACK.exec(event.message ?? '')?.[1];
    if (target !== undefined && target !== followed.deploymentId) return taskDefinitionOf(target);
  }
  return undefined;
}

/**
 * Stopped, and not by its circuit breaker or an alarm: a newer update may have stopped it, which DescribeServices
 * may not show yet.
 */
export function stoppedFromOutside(serviceDeployment: ServiceDeployment | undefined): serviceDeployment is ServiceDeployment {
  return serviceDeployment?.status !== undefined && SERVICE_DEPLOYMENT_STOPPED.has(serviceDeployment.status) && !stoppedByItsChecks(serviceDeployment);
}

/** Stopped by its circuit breaker or an alarm: a failure, whatever started since. */
function stoppedByItsChecks(serviceDeployment: ServiceDeployment): boolean {
  return serviceDeployment.deploymentCircuitBreaker?.status === 'TRIGGERED' || (serviceDeployment.alarms?.triggeredAlarmNames ?? []).length > 0;
}

function circuitBreakerOn(service: Service, serviceDeployment: ServiceDeployment | undefined): boolean {
  const status = serviceDeployment?.deploymentCircuitBreaker?.status;
  if (status !== undefined) return status !== 'DISABLED';
  return service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
}

function thresholdOf(serviceDeployment: ServiceDeployment | undefined): number | undefined {
  const threshold = serviceDeployment?.deploymentCircuitBreaker?.threshold;
  return threshold !== undefined && threshold > 0 ? threshold : undefined;
}

function reasonOf(ours: Deployment | undefined, serviceDeployment: ServiceDeployment | undefined): string {
  // Reasons end in a period; the caller's message goes on after them.
  return firstReason(ours, serviceDeployment).replace(/\.+$/, '');
}

function firstReason(ours: Deployment | undefined, serviceDeployment: ServiceDeployment | undefined): string {
  return (
    (ours?.rolloutState === 'FAILED' ? ours.rolloutStateReason : undefined) ??
    serviceDeployment?.rollback?.reason ??
    serviceDeployment?.statusReason ??
    ours?.rolloutStateReason ??
    (serviceDeployment?.status ? `service deployment ${serviceDeployment.status}` : 'ECS gave no reason')
  );
}

/** `ecs-svc/123 (web:5)`, or what is known of it. */
export function describeDeployment(id: string | undefined, taskDefinition: string): string {
  return id ? `deployment ${id} (${familyRevision(taskDefinition)})` : `deployment of ${familyRevision(taskDefinition)}`;
}
