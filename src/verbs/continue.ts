// `continue`: lets the deployment paused at a PAUSE hook go on (ContinueServiceDeployment, CONTINUE), then follows
// it to its end as a deploy does: the same endings, outputs, summary and rollback rules. With wait-until paused it
// ends PAUSED again at the next PAUSE hook.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { consoleUrl, familyRevision } from '../aws/names.js';
import { systemClock } from '../clock.js';
import { preflightService } from '../deploy/preflight.js';
import { codeDeploy } from '../rollout/codedeploy.js';
import type { DeliveryResult } from '../deploy/result.js';
import { EXIT, InputError } from '../errors.js';
import type { Host } from '../hosts/host.js';
import { conclude, publish, type Ending } from '../fleet/conclude.js';
import { readRawInputs } from '../fleet/run.js';
import { parseInputs, type Inputs } from '../inputs/parse.js';
import { openSession } from '../session.js';
import type { RolloutTarget, WatchOutcome } from '../watch/contract.js';
import { eventKey } from '../watch/snapshot.js';
import { watchStaged } from '../watch/watch-rollout.js';
import { findPaused, type PausedDeployment } from './paused.js';
import type { VerbContext } from './status.js';

/** Reads after the continue until ECS no longer shows the hook awaiting action, so the watch does not stop at it. */
const HOOK_LEFT_READS = 10;

export async function runContinue({ invocation, env, host, cancel }: VerbContext): Promise<number> {
  const reporter = host.reporter;
  const raw = await readRawInputs({ invocation, env, reporter });
  const inputs = parseInputs(raw);
  if (inputs.services.file) throw new InputError('services-file: continue acts on one service; set service (and cluster) instead.');
  if (!inputs.service) throw new InputError('service: not set; continue needs the service (and cluster) whose deployment is paused.');
  const given = { serviceDeploymentArn: raw('service-deployment-arn').trim(), hookId: raw('hook-id').trim() };
  const givenCodeDeploy = raw('codedeploy-deployment-id').trim();
  if (inputs.dryRun) {
    const which = given.hookId ? `PAUSE hook ${given.hookId}` : `the PAUSE hook of ${inputs.cluster}/${inputs.service} that awaits action`;
    reporter.info(`Would call ContinueServiceDeployment (action CONTINUE) on ${which}, then follow the deployment to its end.`);
    reporter.info(`For a CodeDeploy service: ContinueDeployment (READY_WAIT) of ${givenCodeDeploy || 'the deployment that waits in Ready'} instead.`);
    reporter.info('Dry run: nothing was changed.');
    return EXIT.ok;
  }
  const startedAt = systemClock.now();
  const session = await openSession(inputs, env, reporter, cancel);
  const { service, kind } = await preflightService(session.ecs, inputs.cluster, inputs.service, session.region);
  if (kind === codeDeploy) {
    const ended = await (await import('../codedeploy/operate.js')).continueCodeDeployService({ session, inputs, service, reporter, cancel }, givenCodeDeploy);
    return finish(host, cancel, { ...(await resultOf(session.ecs, ended.target, ended.outcome, startedAt)), codeDeployDeploymentId: ended.codeDeployDeploymentId });
  }
  const paused = await findPaused(session.ecs, service, given);
  reporter.info(`Continuing service deployment ${paused.serviceDeploymentArn} at ${paused.stage}: ContinueServiceDeployment hook ${paused.hookId}, action CONTINUE (${kind.name})`);
  await session.ecs.continueServiceDeployment(paused.serviceDeploymentArn, paused.hookId, 'CONTINUE');
  await hookLeft(session.ecs, paused, inputs.pollIntervalMs);
  const target = await targetOf(session.ecs, inputs, session.region, paused);
  const outcome = await watchStaged({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock: systemClock, reporter }, target, {
    timeoutMs: inputs.waitTimeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
    rollback: inputs.rollback,
    rollbackOnCancel: inputs.rollbackOnCancel,
    waitUntil: inputs.waitUntil,
    ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
    cancel,
  });
  return finish(host, cancel, await resultOf(session.ecs, target, outcome, startedAt));
}

/** Outputs, summary and exit code, as a deploy ends. */
async function finish(host: Host, cancel: AbortSignal, result: DeliveryResult): Promise<number> {
  const ending: Ending = { result };
  const problem = await publish(host, ending);
  const code = conclude(host, ending, cancel, false);
  if (problem !== undefined && code === EXIT.ok) {
    host.fail(problem);
    return EXIT.failed;
  }
  return code;
}

/** ECS may still show the hook awaiting action in the first answers after the continue. */
async function hookLeft(ecs: EcsApi, paused: PausedDeployment, pollIntervalMs: number): Promise<void> {
  for (let read = 0; read < HOOK_LEFT_READS; read++) {
    const answer = await ecs.describeServiceDeployments([paused.serviceDeploymentArn]);
    const hook = answer.serviceDeployments?.[0]?.lifecycleHookDetails?.find((detail) => detail.hookId === paused.hookId);
    if (hook?.status !== 'AWAITING_ACTION') return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, 1_000)));
  }
}

/** What the watcher follows: the paused deployment's revision, and the one a rollback goes back to. */
async function targetOf(ecs: EcsApi, inputs: Inputs, region: string, paused: PausedDeployment): Promise<RolloutTarget> {
  const service: Service | undefined = (await ecs.describeServices(inputs.cluster, [inputs.service])).services?.[0];
  const deployments = service?.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  const previous = deployments.find((deployment) => deployment.status === 'ACTIVE') ?? primary;
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    region,
    taskDefinitionArn: primary?.taskDefinition ?? service?.taskDefinition ?? '',
    ...(primary?.id ? { deploymentId: primary.id } : {}),
    serviceDeploymentArn: paused.serviceDeploymentArn,
    deploymentIdsBefore: deployments.flatMap((deployment) => (deployment !== primary && deployment.id ? [deployment.id] : [])),
    eventKeysBefore: (service?.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: previous?.taskDefinition ?? '', desiredCount: previous?.desiredCount ?? service?.desiredCount ?? 0 },
    ...(service?.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
  };
}

export async function resultOf(ecs: EcsApi, target: RolloutTarget, outcome: WatchOutcome, startedAt: number): Promise<DeliveryResult> {
  const described = await ecs.describeTaskDefinition(target.taskDefinitionArn).catch(() => undefined);
  const taskDefinition = described?.taskDefinition;
  return {
    dryRun: false,
    region: target.region,
    cluster: target.cluster,
    service: target.service,
    image: taskDefinition?.containerDefinitions?.[0]?.image ?? '',
    taskDefinitionArn: target.taskDefinitionArn,
    revision: taskDefinition?.revision ?? Number(familyRevision(target.taskDefinitionArn).split(':')[1] ?? 0),
    registered: false,
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    serviceDeploymentArn: outcome.serviceDeploymentArn ?? target.serviceDeploymentArn ?? '',
    ...(outcome.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
    ...(outcome.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
    ...(outcome.paused ? { paused: outcome.paused } : {}),
    deploymentStatus: outcome.status,
    statusMessage: outcome.message,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
    consoleUrl: consoleUrl(target.region, target.cluster, target.service),
    diff: [],
    startedAt,
    finishedAt: systemClock.now(),
    deregistered: [],
  };
}
