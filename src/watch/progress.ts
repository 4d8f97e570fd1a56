// What the watcher prints while it waits: each new service event once, and a deployment's line only when it changed.
import type { Deployment, Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';
import { familyRevision } from '../aws/names.js';
import type { KeyedLine } from './changed-lines.js';
import { hookName } from './stages.js';
import { deploymentsOf, eventKey, primaryOf, type Snapshot } from './snapshot.js';

/** Events this close before the watch began still belong to it: the update came first, and clocks drift. */
export const EVENT_MARGIN_MS = 10_000;

export function deploymentLine(deployment: Deployment): string {
  const counts =
    `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ` +
    `${deployment.pendingCount ?? 0} pending, ${deployment.failedTasks ?? 0} failed`;
  const state = deployment.rolloutState ? `, ${deployment.rolloutState}` : '';
  const taskDefinition = deployment.taskDefinition ? ` ${familyRevision(deployment.taskDefinition)}` : '';
  return `${deployment.status ?? '?'} ${deployment.id ?? '?'}${taskDefinition}: ${counts}${state}`;
}

/**
 * Where a deployment stood in one answer, in a few words: `1/2 running on web:3, IN_PROGRESS; 2 deployments`.
 * `deploymentId` picks the deployment; the PRIMARY one otherwise.
 */
export function stateLine(service: Service, deploymentId: string | undefined): string {
  const deployments = deploymentsOf(service);
  const shown = deployments.find((deployment) => deploymentId !== undefined && deployment.id === deploymentId) ?? primaryOf(service);
  const more = deployments.length > 1 ? `; ${deployments.length} deployments` : '';
  const running = shown ?? service;
  const taskDefinition = shown ? shown.taskDefinition : service.taskDefinition;
  const state = shown?.rolloutState ? `, ${shown.rolloutState}` : '';
  const on = taskDefinition ? ` on ${familyRevision(taskDefinition)}` : '';
  return `${running.runningCount ?? 0}/${running.desiredCount ?? 0} running${on}${state}${more}`;
}

export function serviceDeploymentLine(serviceDeployment: ServiceDeployment): string {
  const breaker = serviceDeployment.deploymentCircuitBreaker;
  const failures =
    breaker?.status && breaker.status !== 'DISABLED'
      ? `, circuit breaker ${breaker.failureCount ?? 0}/${breaker.threshold ?? '?'} failed tasks`
      : '';
  const reason = serviceDeployment.statusReason ? ` (${serviceDeployment.statusReason})` : '';
  return `Service deployment ${serviceDeployment.status ?? '?'}${failures}${reason}`;
}

export function eventLine(event: ServiceEvent): string {
  const time = event.createdAt ? `${event.createdAt.toISOString().slice(11, 19)}Z ` : '';
  return `${time}${event.message ?? ''}`;
}

/**
 * Picks the events not printed yet and newer than the watch, oldest first. `seen` is shared by every watch of one
 * run, so the rollback's watch does not repeat what the rollout's printed.
 */
export class EventLog {
  constructor(
    private readonly since: number,
    private readonly seen: Set<string>,
  ) {}

  takeNew(events: readonly ServiceEvent[]): ServiceEvent[] {
    const fresh = events.filter(
      (event) => !this.seen.has(eventKey(event)) && (event.createdAt === undefined || event.createdAt.getTime() >= this.since - EVENT_MARGIN_MS),
    );
    for (const event of fresh) this.seen.add(eventKey(event));
    return fresh.reverse();
  }
}

/** The lines one answer gives, keyed: each deployment's, and the service deployment's. */
export function deploymentLines(service: Service, serviceDeployment: ServiceDeployment | undefined): KeyedLine[] {
  const lines: KeyedLine[] = (service.deployments ?? []).map((deployment) => [deployment.id ?? '?', deploymentLine(deployment)]);
  if (serviceDeployment) lines.push(['service-deployment', serviceDeploymentLine(serviceDeployment)]);
  return lines;
}

/**
 * Where a rollout stands in one answer, for the progress line: the counts, and for a service deployment its stage
 * and the hooks running or waiting: `stage SCALE_UP, hook check running; 1/2 running on web:3, IN_PROGRESS`.
 */
export function standingOf(snapshot: Snapshot, deploymentId: string | undefined): string {
  const counts = stateLine(snapshot.service, deploymentId);
  const sd = snapshot.serviceDeployment;
  if (sd?.lifecycleStage === undefined) return counts;
  const hooks = (sd.lifecycleHookDetails ?? [])
    .filter((hook) => hook.status === 'IN_PROGRESS' || hook.status === 'AWAITING_ACTION')
    .map((hook) => `hook ${hookName(hook)} ${hook.status === 'IN_PROGRESS' ? 'running' : 'waiting for a go-ahead'}`);
  return [[`stage ${sd.lifecycleStage ?? '?'}`, ...hooks].join(', '), counts].join('; ');
}
