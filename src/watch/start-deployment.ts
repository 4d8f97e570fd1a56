// UpdateService, and which deployment it started, sent through aws/change.ts: when its answer is lost, the service
// is read back before anything is sent again, so one run starts at most one deployment (with force-new-deployment
// every UpdateService that goes through starts another).
import type { Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { sendChange } from '../aws/change.js';
import type { EcsApi } from '../aws/ecs.js';
import { consoleUrl, familyRevision, sameRevision } from '../aws/names.js';
import { systemClock, type Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import type { RolloutTarget } from './contract.js';
import { eventKey } from './snapshot.js';
import { identifyDeployment, newPrimaryDeployment, type DeploymentIdentity } from './identify-deployment.js';

export interface DeploymentRequest {
  cluster: string;
  region: string;
  taskDefinitionArn: string;
  desiredCount?: number;
  forceNewDeployment: boolean;
  /** Further UpdateService fields, each present only when its input was given. */
  extra?: UpdateServiceExtra;
}

export type UpdateServiceExtra = Pick<UpdateServiceCommandInput, 'enableECSManagedTags' | 'propagateTags' | 'volumeConfigurations'>;

export interface StartDeploymentOptions {
  reporter?: Pick<Reporter, 'info' | 'warn'>;
  clock?: Pick<Clock, 'sleep' | 'now'>;
  /** The run's cancel: the update in flight is waited for `cancelWaitMs`, then read back (see aws/change.ts). */
  cancel?: AbortSignal;
  cancelWaitMs?: number;
}

export async function startDeployment(
  ecs: EcsApi,
  before: Service,
  request: DeploymentRequest,
  options: StartDeploymentOptions = {},
): Promise<RolloutTarget> {
  const serviceName = before.serviceName ?? '';
  const idsBefore = (before.deployments ?? []).flatMap((d) => (d.id ? [d.id] : []));
  const clock = options.clock ?? systemClock;
  const action = `UpdateService ${serviceName}`;
  const target = (identity: DeploymentIdentity): RolloutTarget => ({
    cluster: request.cluster,
    service: serviceName,
    region: request.region,
    taskDefinitionArn: request.taskDefinitionArn,
    deploymentIdsBefore: idsBefore,
    ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
    eventKeysBefore: (before.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
    ...strategyOf(before),
    ...identity,
  });

  const input: UpdateServiceCommandInput = {
    cluster: request.cluster,
    service: serviceName,
    taskDefinition: request.taskDefinitionArn,
    ...(request.desiredCount !== undefined ? { desiredCount: request.desiredCount } : {}),
    ...(request.forceNewDeployment ? { forceNewDeployment: true } : {}),
    ...request.extra,
  };
  return sendChange<RolloutTarget>(
    {
      action,
      async send(signal) {
        const out = await ecs.updateService(input, signal);
        const identity = identifyDeployment(out.service, { deploymentIds: idsBefore, serviceDeploymentArn: before.currentServiceDeployment }, request.taskDefinitionArn);
        return { ...target(identity), ...strategyOf(out.service) };
      },
      async readBack() {
        const answer = await ecs.describeServices(request.cluster, [serviceName]);
        const now = answer.services?.[0];
        if (!now) throw new Error(`DescribeServices did not list ${serviceName} (${answer.failures?.[0]?.reason ?? 'MISSING'})`);
        const applied = appliedIdentity(now, before, idsBefore, request);
        if (!applied) return { applied: false };
        options.reporter?.info(
          applied.deploymentId
            ? `The update went through: deployment ${applied.deploymentId} of ${familyRevision(request.taskDefinitionArn)} started.`
            : `The update went through: ${serviceName} is on ${familyRevision(request.taskDefinitionArn)}.`,
        );
        return { applied: true, value: { ...target(applied), ...strategyOf(now) } };
      },
      // Without force-new-deployment the same update sent twice starts one deployment; with it, each starts one.
      resendIsSafe: !request.forceNewDeployment,
      whatToCheck:
        `the deployments of service ${serviceName} in cluster ${request.cluster} ` +
        `(aws ecs describe-services --cluster ${request.cluster} --services ${serviceName}, or ${consoleUrl(request.region, request.cluster, serviceName)}) ` +
        `for one of ${familyRevision(request.taskDefinitionArn)}`,
    },
    {
      clock,
      reporter: options.reporter,
      cancel: options.cancel,
      ...(options.cancelWaitMs !== undefined ? { cancelWaitMs: options.cancelWaitMs } : {}),
    },
  );
}

/** The service's deployment strategy, which chooses the watcher; the update's answer wins when it names one. */
function strategyOf(service: Service | undefined): Pick<RolloutTarget, 'strategy'> {
  const strategy = service?.deploymentConfiguration?.strategy;
  return strategy ? { strategy } : {};
}

/**
 * What the service shows after a lost answer. A new PRIMARY deployment of the requested revision means the update
 * went through. So does the service now naming the requested revision (and desired count) when that is a change
 * from before, or when no new deployment was asked for: sending the same update again would start nothing new.
 * With force-new-deployment and an unchanged revision only a new deployment proves it: a second one must not start.
 */
function appliedIdentity(
  now: Service,
  before: Service,
  idsBefore: readonly string[],
  request: DeploymentRequest,
): DeploymentIdentity | undefined {
  const fresh = newPrimaryDeployment(now, idsBefore, request.taskDefinitionArn);
  const arn = now.currentServiceDeployment !== before.currentServiceDeployment ? now.currentServiceDeployment : undefined;
  const identity = { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
  if (fresh) return identity;
  const onRequested =
    sameRevision(now.taskDefinition, request.taskDefinitionArn) &&
    (request.desiredCount === undefined || now.desiredCount === request.desiredCount);
  const revisionChanged = !sameRevision(before.taskDefinition, request.taskDefinitionArn);
  return onRequested && (revisionChanged || !request.forceNewDeployment) ? identity : undefined;
}
