// A service's tasks: launched PENDING, then RUNNING or STOPPED with the reasons ECS gives.
import { type Account, containerArn, taskArn } from './arns.js';
import { newContainerId, newTaskId } from './ids.js';
import { type Body, isBody } from './input.js';
import type { ContainerRecord, DeploymentRecord, ServiceRecord, TaskDefinitionRecord, TaskRecord } from './model.js';
import type { TaskFailure } from './scenarios.js';

/** Stopped tasks stay describable for at least an hour; a cap keeps endless failure loops small. */
const STOPPED_TASK_RETENTION_MS = 60 * 60_000;
const MAX_STOPPED_TASKS = 500;

export function launchTask(
  account: Account,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  taskDefinition: TaskDefinitionRecord,
  at: number,
): TaskRecord {
  const id = newTaskId();
  const task: TaskRecord = {
    id,
    arn: taskArn(account, service.clusterName, id),
    clusterArn: service.clusterArn,
    serviceName: service.name,
    deploymentId: deployment.id,
    taskDefinitionArn: taskDefinition.arn,
    family: taskDefinition.family,
    launchType: service.launchType,
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: at,
    containers: containersOf(account, service.clusterName, id, taskDefinition.body),
    version: 1,
  };
  const { cpu, memory } = taskDefinition.body;
  if (typeof cpu === 'string') task.cpu = cpu;
  if (typeof memory === 'string') task.memory = memory;
  service.tasks.push(task);
  return task;
}

export function markRunning(task: TaskRecord, at: number, healthy: boolean): void {
  task.lastStatus = 'RUNNING';
  task.startedAt = at;
  task.healthStatus = healthy ? 'HEALTHY' : 'UNKNOWN';
  task.version++;
  for (const container of task.containers) container.lastStatus = 'RUNNING';
}

/** The scheduler stops a task it no longer needs (draining, scaling in, after a rollback). */
export function stopByScheduler(task: TaskRecord, at: number, initiatingDeploymentId: string): void {
  stop(task, at, `Scaling activity initiated by (deployment ${initiatingDeploymentId})`, 'ServiceSchedulerInitiated');
  for (const container of task.containers) if (task.startedAt !== undefined) container.exitCode = 0;
}

export function stopAsFailed(task: TaskRecord, at: number, failure: TaskFailure): void {
  stop(task, at, failure.stoppedReason, failure.stopCode);
  if (failure.reachesRunning) task.healthStatus = 'UNHEALTHY';
  const culprit = task.containers.find((container) => container.essential) ?? task.containers[0];
  for (const container of task.containers) {
    if (container === culprit) {
      if (failure.exitCode !== undefined) container.exitCode = failure.exitCode;
      if (failure.containerReason !== undefined) container.reason = failure.containerReason;
    } else if (task.startedAt !== undefined) {
      container.exitCode = 0;
    }
  }
}

export function isLive(task: TaskRecord): boolean {
  return task.desiredStatus === 'RUNNING';
}

export function isServing(task: TaskRecord): boolean {
  return isLive(task) && task.lastStatus === 'RUNNING' && task.healthStatus === 'HEALTHY';
}

export function tasksOf(service: ServiceRecord, deploymentId: string): TaskRecord[] {
  return service.tasks.filter((task) => task.deploymentId === deploymentId && isLive(task));
}

/** Running tasks include those not yet healthy; only healthy ones count as serving (and let old tasks go). */
export function countsOf(
  service: ServiceRecord,
  deploymentId: string,
): { running: number; pending: number; serving: number } {
  let running = 0;
  let pending = 0;
  let serving = 0;
  for (const task of tasksOf(service, deploymentId)) {
    if (task.lastStatus !== 'RUNNING') pending++;
    else running++;
    if (isServing(task)) serving++;
  }
  return { running, pending, serving };
}

export function pruneStoppedTasks(service: ServiceRecord, now: number): void {
  const stopped = service.tasks.filter((task) => !isLive(task));
  const expired = new Set(
    stopped
      .filter((task, index) => (task.stoppedAt ?? now) < now - STOPPED_TASK_RETENTION_MS || index < stopped.length - MAX_STOPPED_TASKS)
      .map((task) => task.id),
  );
  if (expired.size > 0) service.tasks = service.tasks.filter((task) => !expired.has(task.id));
}

function stop(task: TaskRecord, at: number, reason: string, stopCode: string): void {
  task.desiredStatus = 'STOPPED';
  task.lastStatus = 'STOPPED';
  task.stoppingAt = at;
  task.stoppedAt = at;
  task.stoppedReason = reason;
  task.stopCode = stopCode;
  task.version++;
  for (const container of task.containers) container.lastStatus = 'STOPPED';
}

function containersOf(account: Account, cluster: string, taskId: string, body: Body): ContainerRecord[] {
  const definitions = Array.isArray(body['containerDefinitions']) ? body['containerDefinitions'] : [];
  return definitions.filter(isBody).map((fields, index) => ({
    arn: containerArn(account, cluster, taskId, newContainerId()),
    name: typeof fields['name'] === 'string' ? fields['name'] : `container-${index}`,
    image: typeof fields['image'] === 'string' ? fields['image'] : '',
    essential: fields['essential'] !== false,
    lastStatus: 'PENDING',
  }));
}
