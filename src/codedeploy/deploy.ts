// The update step for a service CodeDeploy deploys: desired-count through UpdateService first (the only change ECS
// takes for such a service), then a CodeDeploy deployment of the revision, watched to its end.
import type { AwsSession } from '../aws/clients.js';
import { afterRefusal, pauseBefore } from '../aws/doubtful.js';
import type { EcsApi } from '../aws/ecs.js';
import { changeOutcome, describeError } from '../aws/errors.js';
import { familyRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import { DeployError } from '../errors.js';
import type { Reporter } from '../report.js';
import type { ServiceUpdate } from '../deploy/plan.js';
import type { Progress } from '../deploy/result.js';
import { appSpecContent, appSpecFor, describeAppSpec } from './appspec.js';
import { createDeployment, deploymentCreatedSince, type CreateRequest } from './create-deployment.js';
import type { CodeDeployApi } from './api.js';
import { CANCEL_ANSWER_CAP_MS, settleWithin } from '../watch/settle.js';
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
  done: Progress;
  /** Marks the step apply is in; throws when the run was cancelled. */
  step(name: Progress['step']): void;
}

/** 'completed' when the deployment was watched to its successful end (what keep-revisions waits for). */
export type CodeDeployEnd = 'completed' | 'traffic-shifted' | 'not-waited' | 'not-completed';

const DESIRED_COUNT_ATTEMPTS = 3;

export async function deployWithCodeDeploy(deps: CodeDeployStepDeps, request: CodeDeployStep): Promise<CodeDeployEnd> {
  const { session, reporter, clock } = deps;
  const { update, codeDeploy, taskDefinitionArn, done } = request;
  if (!session.codeDeploy) throw new Error('deployWithCodeDeploy: the session has no CodeDeploy clients');
  const { api, afterCancel } = await session.codeDeploy();

  if (update.desiredCount !== undefined) {
    reporter.info(`Setting the desired count of ${update.service} to ${update.desiredCount} before the CodeDeploy deployment.`);
    await setDesiredCount(session.ecs, update, update.desiredCount, { reporter, clock });
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
  const sentAt = clock.now();
  let deploymentId: string;
  try {
    deploymentId = await createDeployment(api, create, { reporter, clock });
  } catch (error) {
    if (deps.cancel.aborted) await stopWhatACancelCutShort(afterCancel, create, sentAt, error, { reporter, clock });
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
    },
  );
  const { trafficShiftedOnly, ...watched } = outcome;
  done.outcome = watched;
  if (outcome.status !== 'COMPLETED') return 'not-completed';
  return trafficShiftedOnly ? 'traffic-shifted' : 'completed';
}

/**
 * A cancel that lands while CreateDeployment is on its way may leave a deployment nobody follows: find it (on
 * clients the cancel does not abort, within the same cap as the cancel's StopDeployment) and stop it with rollback.
 */
async function stopWhatACancelCutShort(
  api: CodeDeployApi,
  create: CreateRequest,
  sentAt: number,
  lost: unknown,
  { reporter, clock }: { reporter: Reporter; clock: Clock },
): Promise<void> {
  const stop = async (): Promise<string> => {
    const found = await deploymentCreatedSince(api, create, sentAt, lost);
    if (!found) return 'the deployment group shows no deployment from it';
    await api.stopDeployment(found, true);
    return `stopped CodeDeploy deployment ${found} with rollback`;
  };
  const answer = await settleWithin(stop(), CANCEL_ANSWER_CAP_MS, clock);
  if (answer.state === 'fulfilled') reporter.warn(`Cancelled during CreateDeployment: ${answer.value}.`);
  else if (answer.state === 'rejected') reporter.warn(`Cancelled during CreateDeployment, and it could not be stopped: ${describeError(answer.error)}`);
  else reporter.warn(`Cancelled during CreateDeployment: CodeDeploy did not answer within ${CANCEL_ANSWER_CAP_MS / 1000} s; check ${create.application}/${create.deploymentGroup} for a deployment of this run.`);
}

/**
 * UpdateService with the desired count alone. Sending the same count again changes nothing, so a lost answer is
 * simply sent again; a refusal is not.
 */
export async function setDesiredCount(
  ecs: EcsApi,
  update: Pick<ServiceUpdate, 'cluster' | 'service'>,
  desiredCount: number,
  { reporter, clock }: { reporter: Pick<Reporter, 'info' | 'warn'>; clock: Pick<Clock, 'sleep'> },
): Promise<void> {
  const action = `UpdateService ${update.service} (desired count ${desiredCount})`;
  for (let attempt = 1; ; attempt++) {
    try {
      await ecs.updateService({ cluster: update.cluster, service: update.service, desiredCount });
      return;
    } catch (failure) {
      if (changeOutcome(failure) === 'not-applied') {
        await afterRefusal(action, failure, attempt, DESIRED_COUNT_ATTEMPTS, { reporter, clock });
        continue;
      }
      if (attempt >= DESIRED_COUNT_ATTEMPTS) throw new DeployError(`${action} failed ${attempt} times (last: ${describeError(failure)}).`);
      reporter.warn(`${action}: the answer was lost (${describeError(failure)}); sending it again (the same count changes nothing twice).`);
      await clock.sleep(pauseBefore(attempt + 1));
    }
  }
}
