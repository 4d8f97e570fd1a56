// What the verbs that operate a deployment already started (`continue`, `rollback`) hand a rollout kind, and what
// it answers: the kind finds what its deployments wait at or have in flight, makes the calls, and watches the
// result its own way. A verb never tells the kinds apart itself.
import type { Service } from '@aws-sdk/client-ecs';
import type { Inputs } from '../inputs/parse.js';
import type { RolloutDeps } from './kind.js';
import type { RolloutTarget, WatchOptions, WatchOutcome } from '../watch/contract.js';

/** What an operation needs of the run: a deploy's rollout needs, without the watcher a run of many services sets. */
export type OperateDeps = Pick<RolloutDeps, 'session' | 'reporter' | 'clock' | 'cancel'>;

export interface OperateRequest {
  inputs: Inputs;
  /** The service as the preflight read it. */
  service: Service;
}

export interface ContinueRequest extends OperateRequest {
  /** The outputs of the deploy that ended PAUSED, when given: checked against the service; empty: found. */
  given: GivenPause;
}

export interface GivenPause {
  serviceDeploymentArn: string;
  hookId: string;
  /** A CodeDeploy deployment that waits in Ready. */
  codeDeployDeploymentId: string;
}

/** What the operation followed, and how it ended. */
export interface Operated {
  target: RolloutTarget;
  outcome: WatchOutcome;
  /** The CodeDeploy deployment followed, for a CodeDeploy service. */
  codeDeployDeploymentId?: string;
}

/** The watch of a continued deployment as the inputs ask for it: the same rules as a deploy's watch. */
export function continuedWatch(inputs: Inputs, cancel: AbortSignal): WatchOptions {
  return {
    timeoutMs: inputs.waitTimeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
    rollback: inputs.rollback,
    rollbackOnCancel: inputs.rollbackOnCancel,
    waitForRollback: inputs.waitForRollback,
    waitUntil: inputs.waitUntil,
    ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
    cancel,
  };
}

/** The watch of a rollback: nothing to roll back in turn, and a cancel only stops following it. */
export function rollbackWatch(inputs: Inputs, cancel: AbortSignal): WatchOptions {
  return { timeoutMs: inputs.waitTimeoutMs, pollIntervalMs: inputs.pollIntervalMs, rollback: false, rollbackOnCancel: false, cancel };
}
