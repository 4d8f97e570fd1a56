// The service scheduler: starts deployments, launches and drains tasks, trips the circuit breaker, rolls back and
// completes. Everything happens at a given simulated time `at`; the Timeline calls back when something is due.
import { type Account, serviceRevisionArn } from './arns.js';
import { failureThreshold } from './circuit-breaker.js';
import { message, postEvent } from './events.js';
import { newDeploymentId, newServiceRevisionId } from './ids.js';
import { clientException } from './errors.js';
import type { DeploymentRecord, ServiceDeploymentRecord, ServiceRecord, TaskRecord } from './model.js';
import { DEFAULT_TIMING, type TaskPlan, type Timing, healthyPlan } from './scenarios.js';
import { reconcileStages, startStages, stagesInProgress } from './strategies.js';
import {
  markRollbackFailed,
  markRollingBack,
  markStarted,
  markStopped,
  markSucceeded,
  openServiceDeployment,
  statusReason,
} from './service-deployments.js';
import type { TaskDefinitionStore } from './task-definitions.js';
import { countsOf, isServing, launchTask, markRunning, stopAsFailed, stopByScheduler, tasksOf } from './tasks.js';
import type { Timeline } from './timeline.js';
import { deploymentConfigurationOf } from './wire.js';

export interface RolloutContext {
  readonly account: Account;
  readonly timeline: Timeline;
  readonly taskDefinitions: TaskDefinitionStore;
  /** Who registers the task definition revision that supersedes a deployment. */
  readonly someoneElse: string;
  readonly timing: Timing;
}

const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';
const ROLLBACK_FAILED_REASON = 'ECS deployment circuit breaker: the rollback could not reach a steady state.';
const inProgressReason = (id: string): string => `ECS deployment ${id} in progress.`;
const completedReason = (id: string): string => `ECS deployment ${id} completed.`;

/** A deployment that already completed, its tasks running: how a seeded service starts out. */
export function seedDeployment(context: RolloutContext, service: ServiceRecord, at: number): DeploymentRecord {
  const deployment = newDeployment(context, service, service.taskDefinitionArn, healthyPlan(DEFAULT_TIMING.rolloutMs), at);
  deployment.rolloutState = 'COMPLETED';
  deployment.rolloutStateReason = completedReason(deployment.id);
  service.deployments = [deployment];
  const record = openServiceDeployment(
    context.account,
    service,
    deployment,
    [],
    at,
    failureThreshold(service.desiredCount, service.circuitBreaker),
    deploymentConfigurationOf(service),
  );
  markSucceeded(record, at);
  deployment.serviceDeployment = record;
  const taskDefinition = context.taskDefinitions.find(service.taskDefinitionArn);
  if (taskDefinition) {
    for (let i = 0; i < service.desiredCount; i++) {
      markRunning(launchTask(context.account, service, deployment, taskDefinition, at), at, true);
    }
  }
  service.lastCompletedDeploymentId = deployment.id;
  service.steady = true;
  postEvent(service, at, message.steadyState(service.name));
  return deployment;
}

/** UpdateService with a new task definition or forceNewDeployment: a new PRIMARY, the old one drains. */
export function startDeployment(
  context: RolloutContext,
  service: ServiceRecord,
  taskDefinitionArn: string,
  plan: TaskPlan,
  at: number,
): DeploymentRecord {
  const sources = [...service.deployments];
  for (const previous of sources) {
    if (previous.status === 'PRIMARY') {
      previous.status = 'ACTIVE';
      previous.updatedAt = at;
    }
    const record = previous.serviceDeployment;
    if (record && (record.status === 'PENDING' || record.status.endsWith('IN_PROGRESS'))) {
      markStopped(record, at, statusReason.superseded);
    }
  }
  const deployment = newDeployment(context, service, taskDefinitionArn, plan, at);
  deployment.launchNotBefore = at + (plan.tasks === 'failing' ? plan.retryDelayMs : plan.rolloutMs * 0.1);
  deployment.completeNotBefore = at + (plan.tasks === 'failing' ? 0 : plan.rolloutMs);
  deployment.serviceDeployment = openServiceDeployment(
    context.account,
    service,
    deployment,
    sources,
    at,
    failureThreshold(service.desiredCount, service.circuitBreaker),
    deploymentConfigurationOf(service),
  );
  service.deployments = [deployment, ...sources];
  service.taskDefinitionArn = taskDefinitionArn;
  service.steady = false;
  if (service.strategy.strategy !== 'ROLLING') {
    startStages(context, service, deployment, sources, at);
    return deployment;
  }
  scheduleReconcile(context, service, deployment.launchNotBefore);
  scheduleReconcile(context, service, deployment.completeNotBefore);
  if (plan.tasks === 'healthy' && plan.supersedeAfterMs !== undefined) {
    context.timeline.schedule(at + plan.supersedeAfterMs, (when) => supersede(context, service, deployment, when));
  }
  return deployment;
}

export function scheduleReconcile(context: RolloutContext, service: ServiceRecord, at: number): void {
  if (service.reconcileTimes.has(at)) return;
  service.reconcileTimes.add(at);
  context.timeline.schedule(at, (when) => {
    service.reconcileTimes.delete(at);
    reconcile(context, service, when);
  });
}

/** Brings the service one step closer to its desired state, as ECS's scheduler does on every change. */
export function reconcile(context: RolloutContext, service: ServiceRecord, at: number): void {
  if (service.controller !== 'ECS' || service.status !== 'ACTIVE') return;
  const [primary, ...others] = service.deployments;
  if (!primary) return;
  if (primary.serviceDeployment?.status === 'PENDING' && at >= primary.launchNotBefore) {
    markStarted(primary.serviceDeployment, at);
  }
  // Blue/green, linear and canary: the lifecycle stages decide when tasks start, traffic moves and old tasks go.
  if (stagesInProgress(primary.serviceDeployment)) {
    reconcileStages(context, service, primary, at);
    return;
  }
  if (primary.rolloutState !== 'FAILED') scalePrimary(context, service, primary, at);
  drainOthers(service, primary, others, at);

  // Steady means healthy: tasks still failing their health checks keep a rollout from completing.
  const { running, pending, serving } = countsOf(service, primary.id);
  const settled =
    serving === primary.desiredCount &&
    running === serving &&
    pending === 0 &&
    others.every((old) => tasksOf(service, old.id).length === 0);
  if (!settled) return;
  if (primary.rolloutState === 'IN_PROGRESS') {
    if (at >= primary.completeNotBefore) complete(service, primary, at);
    else scheduleReconcile(context, service, primary.completeNotBefore);
  } else if (primary.rolloutState === 'COMPLETED' && !service.steady) {
    service.steady = true;
    postEvent(service, at, message.steadyState(service.name));
  }
}

export function scalePrimary(context: RolloutContext, service: ServiceRecord, primary: DeploymentRecord, at: number): void {
  const live = tasksOf(service, primary.id);
  const missing = primary.desiredCount - live.length;
  if (missing > 0) {
    if (at >= primary.launchNotBefore) launch(context, service, primary, missing, at);
    else scheduleReconcile(context, service, primary.launchNotBefore);
  } else if (missing < 0) {
    const extras = [...live].sort((a, b) => Number(a.lastStatus === 'RUNNING') - Number(b.lastStatus === 'RUNNING'));
    stopAndReport(service, extras.slice(0, -missing), primary.id, at);
    primary.updatedAt = at;
  }
}

/** Older deployments give way: tasks not serving stop at once, serving ones as the primary's become healthy. */
function drainOthers(service: ServiceRecord, primary: DeploymentRecord, others: DeploymentRecord[], at: number): void {
  const stopped: TaskRecord[] = [];
  for (const old of others) {
    for (const task of tasksOf(service, old.id)) {
      if (!isServing(task)) stopped.push(task);
    }
  }
  const servingTotal = service.deployments.reduce((sum, d) => sum + countsOf(service, d.id).serving, 0);
  let excess = servingTotal - primary.desiredCount;
  for (const old of [...others].reverse()) {
    for (const task of tasksOf(service, old.id)) {
      if (excess <= 0) break;
      if (!isServing(task)) continue;
      stopped.push(task);
      excess--;
    }
  }
  stopAndReport(service, stopped, primary.id, at);
  for (const old of others) {
    const remaining = tasksOf(service, old.id).length;
    if (remaining !== old.desiredCount) {
      old.desiredCount = remaining;
      old.updatedAt = at;
    }
  }
}

export function stopAndReport(service: ServiceRecord, tasks: TaskRecord[], initiatingId: string, at: number): void {
  const wereRunning = tasks.filter((task) => task.lastStatus === 'RUNNING').map((task) => task.id);
  for (const task of tasks) stopByScheduler(task, at, initiatingId);
  if (wereRunning.length > 0) postEvent(service, at, message.stoppedTasks(service.name, wereRunning));
}

function launch(
  context: RolloutContext,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  count: number,
  at: number,
): void {
  const taskDefinition = context.taskDefinitions.find(deployment.taskDefinitionArn);
  if (!taskDefinition) return;
  const launched: TaskRecord[] = [];
  for (let k = 1; k <= count; k++) {
    const task = launchTask(context.account, service, deployment, taskDefinition, at);
    deployment.launched++;
    launched.push(task);
    planTask(context, service, deployment, task, at, k / count);
  }
  deployment.updatedAt = at;
  postEvent(service, at, message.startedTasks(service.name, launched.map((task) => task.id)));
}

/** Schedules what becomes of a task; `share` (0..1] staggers a batch so counts climb one by one. */
function planTask(
  context: RolloutContext,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  task: TaskRecord,
  at: number,
  share: number,
): void {
  const plan = deployment.plan;
  const startsHealthy = (after: number): void =>
    context.timeline.schedule(at + after, (when) => {
      if (task.desiredStatus !== 'RUNNING') return;
      markRunning(task, when, true);
      if (service.circuitBreaker.resetOnHealthyTask !== false) deployment.failedTasks = 0;
      deployment.updatedAt = when;
      reconcile(context, service, when);
    });
  switch (plan.tasks) {
    case 'healthy':
      startsHealthy(plan.rolloutMs * 0.7 * share);
      return;
    case 'stuck':
      if (deployment.launched <= (plan.runningTasks ?? Math.floor(deployment.desiredCount / 2))) {
        startsHealthy(plan.rolloutMs * 0.7 * share);
      }
      return;
    case 'failing':
      if (plan.failure.reachesRunning) {
        context.timeline.schedule(at + plan.taskLifetimeMs * 0.3, (when) => {
          if (task.desiredStatus !== 'RUNNING') return;
          markRunning(task, when, false);
          deployment.updatedAt = when;
          reconcile(context, service, when);
        });
      }
      context.timeline.schedule(at + plan.taskLifetimeMs * (0.5 + 0.5 * share), (when) =>
        failTask(context, service, deployment, task, when),
      );
  }
}

function failTask(
  context: RolloutContext,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  task: TaskRecord,
  at: number,
): void {
  const plan = deployment.plan;
  if (task.desiredStatus !== 'RUNNING' || plan.tasks !== 'failing') return;
  stopAsFailed(task, at, plan.failure);
  deployment.failedTasks++;
  deployment.updatedAt = at;
  if (plan.failure.healthCheckEvent) postEvent(service, at, message.failedHealthChecks(service.name, task.id));
  if (service.deployments[0] === deployment && deployment.rolloutState === 'IN_PROGRESS') {
    const threshold = failureThreshold(deployment.desiredCount, service.circuitBreaker);
    if (service.circuitBreaker.enable && deployment.failedTasks >= threshold) {
      trip(context, service, deployment, plan, at);
    } else {
      if (deployment.failedTasks >= threshold) {
        if (!deployment.unableToStartPosted) postEvent(service, at, message.unableToStart(service.name));
        deployment.unableToStartPosted = true;
        deployment.retryDelayMs = Math.min(deployment.retryDelayMs * 2, plan.maxRetryDelayMs);
      }
      deployment.launchNotBefore = at + deployment.retryDelayMs;
    }
  }
  reconcile(context, service, at);
}

/** StopServiceDeployment of a rolling deployment: ABORT stops it where it stands, ROLLBACK rolls it back. */
export function stopRolling(context: RolloutContext, service: ServiceRecord, record: ServiceDeploymentRecord, stopType: string, at: number): void {
  const stopped = service.deployments.find((deployment) => deployment.serviceDeployment === record);
  if (!stopped) throw clientException('The service deployment has no deployment to stop.');
  const target = service.deployments.find((d) => d.id === service.lastCompletedDeploymentId && d !== stopped);
  if (stopType === 'ABORT' || !target) {
    markStopped(record, at, statusReason.stopRequested);
    stopped.rolloutState = 'FAILED';
    stopped.rolloutStateReason = statusReason.stopRequested;
    stopped.updatedAt = at;
    return;
  }
  stopped.rolloutState = 'FAILED';
  stopped.rolloutStateReason = statusReason.stopRequested;
  rollBackTo(context, service, stopped, target, context.timing.rollbackMs, at);
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.statusReason = statusReason.rollbackRequested;
  record.rollback = { reason: statusReason.rollbackRequested, startedAt: at, serviceRevisionArn: target.revisionArn };
  record.updatedAt = at;
  scheduleReconcile(context, service, target.completeNotBefore);
}

/** The previous deployment becomes PRIMARY again and replaces the failed one's tasks within `rollbackMs`. */
function rollBackTo(context: RolloutContext, service: ServiceRecord, failed: DeploymentRecord, target: DeploymentRecord, rollbackMs: number, at: number): void {
  postEvent(service, at, message.rollingBack(service.name, target.id));
  for (const task of tasksOf(service, failed.id)) stopByScheduler(task, at, target.id);
  failed.status = 'ACTIVE';
  failed.updatedAt = at;
  target.status = 'PRIMARY';
  target.rolloutState = 'IN_PROGRESS';
  target.rolloutStateReason = inProgressReason(target.id);
  target.failedTasks = 0;
  target.desiredCount = service.desiredCount;
  target.plan = healthyPlan(rollbackMs);
  target.launchNotBefore = at;
  target.completeNotBefore = at + rollbackMs;
  target.updatedAt = at;
  target.serviceDeployment = failed.serviceDeployment;
  service.deployments = [target, ...service.deployments.filter((d) => d !== target)];
  service.taskDefinitionArn = target.taskDefinitionArn;
  service.steady = false;
}

function trip(
  context: RolloutContext,
  service: ServiceRecord,
  failed: DeploymentRecord,
  { rollbackMs, rollbackFails }: { rollbackMs: number; rollbackFails: boolean },
  at: number,
): void {
  failed.rolloutState = 'FAILED';
  failed.rolloutStateReason = BREAKER_REASON;
  failed.updatedAt = at;
  postEvent(service, at, message.deploymentFailed(service.name, failed.id));
  const record = failed.serviceDeployment;
  if (record) record.breakerStatus = 'TRIGGERED';
  const target = service.circuitBreaker.rollback
    ? service.deployments.find((d) => d.id === service.lastCompletedDeploymentId && d !== failed)
    : undefined;
  if (!target) {
    for (const task of tasksOf(service, failed.id)) stopByScheduler(task, at, failed.id);
    if (record) markStopped(record, at, statusReason.breakerStopped);
    return;
  }
  rollBackTo(context, service, failed, target, rollbackMs, at);
  if (record) markRollingBack(record, at, target.revisionArn);
  if (rollbackFails) {
    // The previous revision's tasks do not come back either: the rollback ends ROLLBACK_FAILED and never completes.
    target.completeNotBefore = at + rollbackMs + 1;
    context.timeline.schedule(at + rollbackMs, (when) => failRollback(service, target, when));
  }
  scheduleReconcile(context, service, target.completeNotBefore);
}

function failRollback(service: ServiceRecord, target: DeploymentRecord, at: number): void {
  const record = target.serviceDeployment;
  if (service.deployments[0] !== target || record?.status !== 'ROLLBACK_IN_PROGRESS') return;
  target.rolloutState = 'FAILED';
  target.rolloutStateReason = ROLLBACK_FAILED_REASON;
  target.updatedAt = at;
  postEvent(service, at, message.deploymentFailed(service.name, target.id));
  markRollbackFailed(record, at);
}

export function complete(service: ServiceRecord, primary: DeploymentRecord, at: number): void {
  for (const old of service.deployments.slice(1)) {
    old.status = 'INACTIVE';
    old.updatedAt = at;
  }
  service.deployments = [primary];
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = completedReason(primary.id);
  primary.updatedAt = at;
  service.lastCompletedDeploymentId = primary.id;
  service.steady = true;
  postEvent(service, at, message.deploymentCompleted(service.name, primary.id));
  postEvent(service, at, message.steadyState(service.name));
  if (primary.serviceDeployment) markSucceeded(primary.serviceDeployment, at);
}

/** Someone else registers a revision of the same family and deploys it while ours is still rolling out. */
function supersede(context: RolloutContext, service: ServiceRecord, ours: DeploymentRecord, at: number): void {
  if (service.deployments[0] !== ours || ours.rolloutState !== 'IN_PROGRESS') return;
  const current = context.taskDefinitions.find(ours.taskDefinitionArn);
  if (!current) return;
  const theirs = context.taskDefinitions.register(structuredClone(current.body), current.tags, at, context.someoneElse);
  const rolloutMs = ours.plan.tasks === 'failing' ? DEFAULT_TIMING.rolloutMs : ours.plan.rolloutMs;
  startDeployment(context, service, theirs.arn, healthyPlan(rolloutMs), at);
  reconcile(context, service, at);
}

function newDeployment(
  context: RolloutContext,
  service: ServiceRecord,
  taskDefinitionArn: string,
  plan: TaskPlan,
  at: number,
): DeploymentRecord {
  const id = newDeploymentId();
  return {
    id,
    status: 'PRIMARY',
    taskDefinitionArn,
    desiredCount: service.desiredCount,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: inProgressReason(id),
    createdAt: at,
    updatedAt: at,
    revisionArn: serviceRevisionArn(context.account, service.clusterName, service.name, newServiceRevisionId()),
    serviceDeployment: undefined,
    plan,
    launchNotBefore: at,
    completeNotBefore: at,
    retryDelayMs: plan.tasks === 'failing' ? plan.retryDelayMs : DEFAULT_TIMING.retryDelayMs,
    launched: 0,
    unableToStartPosted: false,
  };
}
