// The update step for a service CodeDeploy deploys: desired-count through UpdateService first (the only change ECS
// takes for such a service), then a CodeDeploy deployment of the revision, watched to its end.
import type { AwsSession } from '../aws/clients.js';
import { ChangeCancelledError, sendChange } from '../aws/change.js';
import type { EcsApi } from '../aws/ecs.js';
import { familyRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import { signalOf } from '../cancel.js';
import { CancelledError } from '../errors.js';
import type { Reporter } from '../report.js';
import type { DeliveryStep, RolloutProgress, ServiceUpdate } from '../rollout/kind.js';

import { appSpecContent, appSpecFor, describeAppSpec } from './appspec.js';
import { createDeployment, settleCancelledCreate, type CreateRequest } from './create-deployment.js';
import type { CodeDeployPlan } from './plan.js';
import { watchCodeDeployment } from './watch.js';

export interface CodeDeployStepDeps {
  session: AwsSession;
  reporter: Reporter;
  clock: Clock;
  cancel: AbortSignal;
  /** The clock the watch polls on: a run of many services wakes every watcher on its shared tick. */
  watchClock?: Clock;
  /** Waited for before the watch begins: a run of many services starts its watchers on the shared tick. */
  beforeWatch?(cancel: AbortSignal): Promise<void>;
}

export interface CodeDeployStep {
  region: string;
  update: ServiceUpdate;
  codeDeploy: CodeDeployPlan;
  taskDefinitionArn: string;
  done: RolloutProgress;
  /** Marks the step apply is in; throws when the run was cancelled. */
  step(name: DeliveryStep): void;
}

/** 'completed' when the deployment was watched to its successful end (what keep-revisions waits for). */
export type CodeDeployEnd = 'completed' | 'traffic-shifted' | 'paused' | 'not-waited' | 'not-completed';


export async function deployWithCodeDeploy(deps: CodeDeployStepDeps, request: CodeDeployStep): Promise<CodeDeployEnd> {
  const { session, reporter, clock } = deps;
  const { update, codeDeploy, taskDefinitionArn, done } = request;
  if (!session.codeDeploy) throw new Error('deployWithCodeDeploy: the session has no CodeDeploy clients');
  const { api, afterCancel } = await session.codeDeploy();

  if (update.desiredCount !== undefined) {
    reporter.info(`Setting the desired count of ${update.service} to ${update.desiredCount} before the CodeDeploy deployment.`);
    await setDesiredCount(session.ecs, update, update.desiredCount, { reporter, clock, cancel: deps.cancel });
  }
  request.step('update');
  const appSpec = appSpecContent(appSpecFor(codeDeploy.appSpec, taskDefinitionArn));
  const config = codeDeploy.deploymentConfig ?? codeDeploy.groupDeploymentConfig;
  reporter.info(
    `Creating a CodeDeploy deployment of ${familyRevision(taskDefinitionArn)} in ${codeDeploy.application}/${codeDeploy.deploymentGroup}` +
      `${config ? ` (${config})` : ''}; AppSpec: ${describeAppSpec(codeDeploy.appSpec)}.`,
  );
  const create: CreateRequest = {
    application: codeDeploy.application,
    deploymentGroup: codeDeploy.deploymentGroup,
    appSpec,
    ...(codeDeploy.description ? { description: codeDeploy.description } : {}),
    ...(codeDeploy.deploymentConfig ? { deploymentConfig: codeDeploy.deploymentConfig } : {}),
  };
  let deploymentId: string;
  try {
    // On the calls a cancel does not abort: its read-back must still answer after a cancel.
    deploymentId = await createDeployment(afterCancel, create, { reporter, clock, cancel: deps.cancel });
  } catch (error) {
    if (error instanceof ChangeCancelledError) {
      const seen = (error as ChangeCancelledError<string>).settled;
      if (seen.state === 'applied') done.codeDeployDeploymentId = seen.value;
      throw new CancelledError(signalOf(deps.cancel), await settleCancelledCreate(afterCancel, error as ChangeCancelledError<string>, create, { reporter, clock }));
    }
    throw error;
  }
  done.codeDeployDeploymentId = deploymentId;
  done.target = {
    cluster: update.cluster,
    service: update.service,
    region: request.region,
    taskDefinitionArn,
    deploymentIdsBefore: (update.before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
    previous: { taskDefinitionArn: update.before.taskDefinition ?? '', desiredCount: update.before.desiredCount ?? 0 },
  };
  reporter.info(`CodeDeploy deployment ${deploymentId} started.`);

  if (!update.watch) {
    reporter.info('wait is false: not waiting for the CodeDeploy deployment.');
    return 'not-waited';
  }
  // Not request.step: a cancel from here on must reach the watcher, which stops the deployment it created.
  done.step = 'watch';
  // wait-until: traffic-shifted ends the wait once production traffic has moved.
  const waitUntil = update.watch.waitUntil;
  await deps.beforeWatch?.(deps.cancel);
  const outcome = await watchCodeDeployment(
    { api, afterCancel, ecs: session.ecs, clock: deps.watchClock ?? clock, reporter },
    {
      deploymentId,
      application: codeDeploy.application,
      deploymentGroup: codeDeploy.deploymentGroup,
      cluster: update.cluster,
      service: update.service,
      region: request.region,
      taskDefinitionArn,
      previousTaskDefinitionArn: update.before.taskDefinition ?? '',
      ...(codeDeploy.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: codeDeploy.terminationWaitMinutes } : {}),
      ...(codeDeploy.readyWaitMinutes !== undefined ? { readyWaitMinutes: codeDeploy.readyWaitMinutes } : {}),
    },
    {
      timeoutMs: codeDeploy.waitTimeoutMs ?? update.watch.timeoutMs,
      pollIntervalMs: update.watch.pollIntervalMs,
      rollback: update.watch.rollback,
      cancel: deps.cancel,
      untilTrafficShifted: waitUntil === 'traffic-shifted',
      untilReady: waitUntil === 'paused',
    },
  );
  const { trafficShiftedOnly, ...watched } = outcome;
  done.outcome = watched;
  if (outcome.status === 'PAUSED') return 'paused';
  if (outcome.status !== 'COMPLETED') return 'not-completed';
  return trafficShiftedOnly ? 'traffic-shifted' : 'completed';
}

/**
 * UpdateService with the desired count alone, through aws/change.ts. Sending the same count again changes nothing,
 * so a lost answer is simply sent again; a refusal is not.
 */
export async function setDesiredCount(
  ecs: EcsApi,
  update: Pick<ServiceUpdate, 'cluster' | 'service'>,
  desiredCount: number,
  { reporter, clock, cancel }: { reporter: Pick<Reporter, 'info' | 'warn'>; clock: Pick<Clock, 'sleep' | 'now'>; cancel?: AbortSignal },
): Promise<void> {
  await sendChange(
    {
      action: `UpdateService ${update.service} (desired count ${desiredCount})`,
      send: async (signal) => void (await ecs.updateService({ cluster: update.cluster, service: update.service, desiredCount }, signal)),
      async readBack() {
        const now = (await ecs.describeServices(update.cluster, [update.service])).services?.[0];
        return now?.desiredCount === desiredCount ? { applied: true, value: undefined } : { applied: false };
      },
      resendIsSafe: true,
      whatToCheck: `aws ecs describe-services --cluster ${update.cluster} --services ${update.service}`,
    },
    { clock, reporter, cancel },
  );
}
