// A cancel that lands while UpdateService is on its way may leave the update applied with nobody to watch it. With
// rollback-on-cancel, what the service shows now is read on calls the cancel does not abort, and what this run
// started is undone: UpdateService back for a rolling update, StopServiceDeployment for blue/green, linear, canary.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { describeError } from '../aws/errors.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import { newPrimaryDeployment } from './identify-deployment.js';
import { settleWithin } from './settle.js';
import { startDeployment } from './start-deployment.js';

/**
 * The read-back and the undo together, after the update's own answer was waited for: within the 12 s a cancel with
 * rollback-on-cancel may take.
 */
export const UNDO_CAP_MS = 3_500;

export interface CancelledUpdate {
  cluster: string;
  region: string;
  service: string;
  /** The service as the preflight read it, before this run's update. */
  before: Service;
  /** The revision the update asked for. */
  taskDefinitionArn: string;
  /** The rollout's kind undoes by StopServiceDeployment (blue/green, linear, canary), not by UpdateService back. */
  stopsServiceDeployment: boolean;
}

export async function undoCancelledUpdate(
  ecs: EcsApi,
  update: CancelledUpdate,
  { reporter, clock }: { reporter: Pick<Reporter, 'warn'>; clock: Clock },
): Promise<void> {
  const answer = await settleWithin(undo(ecs, update, clock), UNDO_CAP_MS, clock);
  const where = `${update.service} (aws ecs describe-services --cluster ${update.cluster} --services ${update.service})`;
  if (answer.state === 'fulfilled') reporter.warn(`Cancelled during UpdateService: ${answer.value}.`);
  else if (answer.state === 'rejected') reporter.warn(`Cancelled during UpdateService, and undoing it failed: ${describeError(answer.error)}; check ${where}.`);
  else reporter.warn(`Cancelled during UpdateService: ECS did not answer within ${UNDO_CAP_MS / 1000} s; check ${where}.`);
}

async function undo(ecs: EcsApi, update: CancelledUpdate, clock: Clock): Promise<string> {
  const { cluster, service, before, taskDefinitionArn } = update;
  const now = (await ecs.describeServices(cluster, [service])).services?.[0];
  if (!now) return `${service} could not be read, so nothing was undone`;
  const previous = before.taskDefinition ?? '';
  const to = familyRevision(previous);
  const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
  const startedServiceDeployment =
    now.currentServiceDeployment !== undefined && now.currentServiceDeployment !== before.currentServiceDeployment ? now.currentServiceDeployment : undefined;
  const moved = !sameRevision(now.taskDefinition, previous) && sameRevision(now.taskDefinition, taskDefinitionArn);
  if (!moved && !newPrimaryDeployment(now, idsBefore, taskDefinitionArn) && !startedServiceDeployment) {
    return `the update did not reach ${service}, so there is nothing to undo`;
  }
  if (sameRevision(previous, taskDefinitionArn)) return `${service} stays on ${to}, the revision it ran before`;
  if (update.stopsServiceDeployment && startedServiceDeployment) {
    await ecs.stopServiceDeployment(startedServiceDeployment, 'ROLLBACK');
    return `the update had started ${startedServiceDeployment}; stopped it with rollback to ${to}`;
  }
  await startDeployment(ecs, now, { cluster, region: update.region, taskDefinitionArn: previous, desiredCount: before.desiredCount ?? 0, forceNewDeployment: false }, { clock });
  return `the update had gone through; the rollback to ${to} started (ECS answered the UpdateService)`;
}
