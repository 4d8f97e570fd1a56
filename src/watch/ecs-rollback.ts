// The rollback ECS starts by itself (the circuit breaker's, an alarm's), followed to its end: it is over only at
// ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED, or, where the endpoint has no service deployments, once the service is
// steady again on the revision it went back to. Until then ECS is rolling back, and may still fail to.
import type { Deployment } from '@aws-sdk/client-ecs';
import { sameRevision } from '../aws/names.js';
import type { WatchOptions } from './contract.js';
import { rollingJudge, type Judge } from './follow.js';
import { deploymentsOf, primaryOf, type Snapshot } from './snapshot.js';
import { isSteady } from './verdict.js';

export type RollbackVerdict =
  | { kind: 'waiting' }
  | { kind: 'rolled-back' }
  | { kind: 'rollback-failed'; reason: string }
  | { kind: 'superseded'; by: Deployment };

/** `to` is the task definition ECS goes back to; `known` the deployment ids seen before ECS began rolling back. */
export function ecsRollbackJudge(options: WatchOptions, to: string, known: readonly string[]): Judge<RollbackVerdict> {
  const lines = rollingJudge(options);
  return {
    changed: lines.changed,
    waitingFor: 'ECS rolling back',
    decide: (snapshot) => rollbackVerdict(snapshot, to, known),
  };
}

export function rollbackVerdict(snapshot: Snapshot, to: string, known: readonly string[]): RollbackVerdict {
  const { service, serviceDeployment } = snapshot;
  switch (serviceDeployment?.status) {
    case 'ROLLBACK_SUCCESSFUL':
      return { kind: 'rolled-back' };
    case 'ROLLBACK_FAILED':
      return { kind: 'rollback-failed', reason: trimmed(serviceDeployment.statusReason ?? serviceDeployment.rollback?.reason ?? 'ECS gave no reason') };
  }
  const primary = primaryOf(service);
  if (primary?.id !== undefined && !known.includes(primary.id) && !sameRevision(primary.taskDefinition, to)) {
    return { kind: 'superseded', by: primary };
  }
  if (serviceDeployment !== undefined) return { kind: 'waiting' };
  // No service deployment to read: the deployments list tells.
  const back = deploymentsOf(service).find((deployment) => deployment.status === 'PRIMARY' && sameRevision(deployment.taskDefinition, to));
  if (back?.rolloutState === 'FAILED') return { kind: 'rollback-failed', reason: trimmed(back.rolloutStateReason ?? 'ECS gave no reason') };
  return isSteady(service, to) ? { kind: 'rolled-back' } : { kind: 'waiting' };
}

function trimmed(reason: string): string {
  return reason.replace(/\.+$/, '');
}
