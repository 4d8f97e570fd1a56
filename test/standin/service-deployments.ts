// The lifecycle of service deployments (ListServiceDeployments / DescribeServiceDeployments): one per deployment
// started, carrying its rollback when the circuit breaker rolls it back.
import { type Account, serviceDeploymentArn } from './arns.js';
import { newServiceDeploymentId } from './ids.js';
import type { Body } from './input.js';
import type { DeploymentRecord, HookRecord, ServiceDeploymentRecord, ServiceRecord } from './model.js';
import { countsOf } from './tasks.js';

export const statusReason = {
  superseded: 'Service deployment stopped because a newer service deployment started.',
  breakerStopped: 'Service deployment failed: the deployment circuit breaker threshold was reached.',
  breakerRollback: 'Service deployment rolled back: the deployment circuit breaker threshold was reached.',
  rollbackReason: 'Circuit breaker threshold reached: tasks failed to start.',
  stopRequested: 'Service deployment stopped by a StopServiceDeployment request.',
  rollbackRequested: 'Service deployment rolled back by a StopServiceDeployment request.',
  rollbackFailed: 'Service deployment rollback failed: the previous service revision did not reach a steady state.',
} as const;

export function openServiceDeployment(
  account: Account,
  service: ServiceRecord,
  target: DeploymentRecord,
  sources: DeploymentRecord[],
  at: number,
  threshold: number,
  deploymentConfiguration: Body,
): ServiceDeploymentRecord {
  const record: ServiceDeploymentRecord = {
    arn: serviceDeploymentArn(account, service.clusterName, service.name, newServiceDeploymentId()),
    serviceArn: service.arn,
    clusterArn: service.clusterArn,
    status: 'PENDING',
    createdAt: at,
    updatedAt: at,
    target,
    sources,
    breakerStatus: service.circuitBreaker.enable ? 'MONITORING' : 'DISABLED',
    threshold,
    deploymentConfiguration,
  };
  service.serviceDeployments.unshift(record);
  return record;
}

export function markStarted(record: ServiceDeploymentRecord, at: number): void {
  record.status = 'IN_PROGRESS';
  record.startedAt = at;
  record.updatedAt = at;
}

export function markSucceeded(record: ServiceDeploymentRecord, at: number): void {
  record.status = record.status === 'ROLLBACK_IN_PROGRESS' ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
  record.startedAt ??= at;
  record.finishedAt = at;
  record.updatedAt = at;
  if (record.breakerStatus === 'MONITORING') record.breakerStatus = 'MONITORING_COMPLETE';
}

export function markRollingBack(record: ServiceDeploymentRecord, at: number, revisionArn: string): void {
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.statusReason = statusReason.breakerRollback;
  record.rollback = { reason: statusReason.rollbackReason, startedAt: at, serviceRevisionArn: revisionArn };
  record.breakerStatus = 'TRIGGERED';
  record.updatedAt = at;
}

export function markRollbackFailed(record: ServiceDeploymentRecord, at: number): void {
  record.status = 'ROLLBACK_FAILED';
  record.statusReason = statusReason.rollbackFailed;
  record.finishedAt = at;
  record.updatedAt = at;
}

export function markStopped(record: ServiceDeploymentRecord, at: number, reason: string): void {
  record.status = 'STOPPED';
  record.statusReason = reason;
  record.stoppedAt = at;
  record.finishedAt = at;
  record.updatedAt = at;
}

export function describeServiceDeployment(record: ServiceDeploymentRecord, service: ServiceRecord): Body {
  const stages = record.stages;
  return {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    createdAt: record.createdAt / 1000,
    ...seconds('startedAt', record.startedAt),
    ...seconds('finishedAt', record.finishedAt),
    ...seconds('stoppedAt', record.stoppedAt),
    updatedAt: record.updatedAt / 1000,
    sourceServiceRevisions: record.sources.map((source) => ({
      ...revisionSummary(source, service),
      ...(stages ? { requestedTestTrafficWeight: 100 - stages.testWeight, requestedProductionTrafficWeight: 100 - stages.productionWeight } : {}),
    })),
    targetServiceRevision: {
      ...revisionSummary(record.target, service),
      ...(stages ? { requestedTestTrafficWeight: stages.testWeight, requestedProductionTrafficWeight: stages.productionWeight } : {}),
    },
    status: record.status,
    ...(record.statusReason === undefined ? {} : { statusReason: record.statusReason }),
    ...(stages?.lifecycleStage === undefined ? {} : { lifecycleStage: stages.lifecycleStage }),
    ...(stages && stages.hooks.length > 0 ? { lifecycleHookDetails: stages.hooks.map(hookToWire) } : {}),
    deploymentConfiguration: record.deploymentConfiguration,
    ...(record.rollback === undefined
      ? {}
      : {
          rollback: {
            reason: record.rollback.reason,
            startedAt: record.rollback.startedAt / 1000,
            serviceRevisionArn: record.rollback.serviceRevisionArn,
          },
        }),
    deploymentCircuitBreaker: {
      status: record.breakerStatus,
      failureCount: record.target.failedTasks,
      threshold: record.threshold,
    },
    alarms: { status: 'DISABLED', alarmNames: [], triggeredAlarmNames: [] },
  };
}

export function briefServiceDeployment(record: ServiceDeploymentRecord): Body {
  return {
    serviceDeploymentArn: record.arn,
    serviceArn: record.serviceArn,
    clusterArn: record.clusterArn,
    ...seconds('startedAt', record.startedAt),
    createdAt: record.createdAt / 1000,
    ...seconds('finishedAt', record.finishedAt),
    targetServiceRevisionArn: record.target.revisionArn,
    status: record.status,
    ...(record.statusReason === undefined ? {} : { statusReason: record.statusReason }),
  };
}

function hookToWire(hook: HookRecord): Body {
  return {
    hookId: hook.hookId,
    targetType: hook.targetType,
    ...(hook.targetArn === undefined ? {} : { targetArn: hook.targetArn }),
    status: hook.status,
    expiresAt: hook.expiresAt / 1000,
    timeoutAction: hook.timeoutAction,
  };
}

function revisionSummary(deployment: DeploymentRecord, service: ServiceRecord): Body {
  const { running, pending } = countsOf(service, deployment.id);
  return {
    arn: deployment.revisionArn,
    requestedTaskCount: deployment.status === 'INACTIVE' ? 0 : deployment.desiredCount,
    runningTaskCount: running,
    pendingTaskCount: pending,
  };
}

function seconds(key: string, millis: number | undefined): Body {
  return millis === undefined ? {} : { [key]: millis / 1000 };
}
