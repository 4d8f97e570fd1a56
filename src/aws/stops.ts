// StopTask, StopServiceDeployment, ContinueServiceDeployment and DeregisterTaskDefinition under the one discipline of change.ts: a throttled,
// 5xx or lost answer is sent again (stopping twice stops once) and what ECS shows is read back, so a stop or a
// rollback is reported failed only when ECS refused it.
import { systemClock, type Clock } from '../clock.js';
import { sendChange, type ChangeOptions } from './change.js';
import type { EcsApi } from './ecs.js';

/** Service deployment states that show a stop (or its rollback) was taken. */
const STOPPING = new Set(['STOP_REQUESTED', 'STOPPED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

const DEREGISTER_WITHIN_MS = 60_000;

export interface StopOptions {
  clock?: Pick<Clock, 'now' | 'sleep'>;
  /** The run's cancel, for the stops made before it. */
  cancel?: AbortSignal;
  /** How long from its first send each stop may go on. */
  withinMs?: number;
}

/**
 * `ecs` with its stops and deregistration made through sendChange; `reads` answers the read-backs and is not
 * aborted by the run's cancel.
 */
export function withSettledStops(ecs: EcsApi, reads: EcsApi, options: StopOptions = {}): EcsApi {
  const clock = options.clock ?? systemClock;
  const changeOptions = (longestMs?: number): ChangeOptions => {
    const withinMs = Math.min(options.withinMs ?? Infinity, longestMs ?? Infinity);
    return {
      clock,
      ...(options.cancel ? { cancel: options.cancel } : {}),
      ...(Number.isFinite(withinMs) ? { deadlineAt: clock.now() + withinMs } : {}),
    };
  };
  return {
    ...ecs,
    stopTask: (cluster, task, reason) =>
      sendChange(
        {
          action: `StopTask ${task}`,
          send: (signal) => ecs.stopTask(cluster, task, reason, signal),
          async readBack() {
            const [found] = await reads.describeTasks(cluster, [task]);
            return found?.desiredStatus === 'STOPPED' ? { applied: true, value: { task: found, $metadata: {} } } : { applied: false };
          },
          resendIsSafe: true,
          whatToCheck: `aws ecs describe-tasks --cluster ${cluster} --tasks ${task}`,
        },
        changeOptions(),
      ),
    stopServiceDeployment: (arn, stopType) =>
      sendChange(
        {
          action: `StopServiceDeployment ${arn}`,
          send: (signal) => ecs.stopServiceDeployment(arn, stopType, signal),
          async readBack() {
            const found = (await reads.describeServiceDeployments([arn])).serviceDeployments?.[0];
            return found?.status && STOPPING.has(found.status) ? { applied: true, value: { serviceDeploymentArn: arn, $metadata: {} } } : { applied: false };
          },
          resendIsSafe: true,
          whatToCheck: `aws ecs describe-service-deployments --service-deployment-arns ${arn}`,
        },
        changeOptions(),
      ),
    continueServiceDeployment: (arn, hookId, action) =>
      sendChange(
        {
          action: `ContinueServiceDeployment ${arn} (${action})`,
          send: (signal) => ecs.continueServiceDeployment(arn, hookId, action, signal),
          async readBack() {
            // Taken once the hook no longer awaits action (or the deployment left IN_PROGRESS altogether).
            const found = (await reads.describeServiceDeployments([arn])).serviceDeployments?.[0];
            const hook = found?.lifecycleHookDetails?.find((detail) => detail.hookId === hookId);
            const taken = found !== undefined && (found.status !== 'IN_PROGRESS' || (hook !== undefined && hook.status !== 'AWAITING_ACTION'));
            return taken ? { applied: true, value: { serviceDeploymentArn: arn, $metadata: {} } } : { applied: false };
          },
          resendIsSafe: true,
          whatToCheck: `aws ecs describe-service-deployments --service-deployment-arns ${arn}`,
        },
        changeOptions(),
      ),
    deregisterTaskDefinition: (taskDefinition) =>
      sendChange(
        {
          action: `DeregisterTaskDefinition ${taskDefinition}`,
          send: (signal) => ecs.deregisterTaskDefinition(taskDefinition, signal),
          async readBack() {
            const found = (await reads.describeTaskDefinition(taskDefinition)).taskDefinition;
            return found && found.status !== 'ACTIVE' ? { applied: true, value: found } : { applied: false };
          },
          resendIsSafe: true,
          whatToCheck: `aws ecs describe-task-definition --task-definition ${taskDefinition}`,
        },
        // Tidying up: not worth holding the run for long.
        changeOptions(DEREGISTER_WITHIN_MS),
      ),
  };
}
