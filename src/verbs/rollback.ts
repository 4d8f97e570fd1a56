// `rollback`: puts a service back on the revision it ran before, and follows that to its end. A deployment in flight
// is rolled back by ECS (ContinueServiceDeployment ROLLBACK at a pause, else StopServiceDeployment ROLLBACK); with
// nothing in flight, the service is updated to the earlier revision: task-definition-arn when given, else the
// revision the service ran before its newest successful deployment.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { familyRevision, formatDuration } from '../aws/names.js';
import { systemClock } from '../clock.js';
import { outputsOf } from '../deploy/outputs.js';
import { preflightService } from '../deploy/preflight.js';
import { codeDeploy } from '../rollout/codedeploy.js';
import type { DeliveryResult } from '../deploy/result.js';
import { EXIT, InputError, PreflightError } from '../errors.js';
import { readRawInputs } from '../fleet/run.js';
import type { Host } from '../hosts/host.js';
import { parseInputs, type Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import { openSession } from '../session.js';
import type { RolloutTarget, WatchOutcome } from '../watch/contract.js';
import { eventKey } from '../watch/snapshot.js';
import { watchRolling, watchStaged } from '../watch/watch-rollout.js';
import { resultOf } from './continue.js';
import type { VerbContext } from './status.js';

const IN_FLIGHT = ['PENDING', 'IN_PROGRESS'] as const;
const STAGED = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
const ROLLBACK_ENDS = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'SUCCESSFUL', 'STOPPED']);

export async function runRollback({ invocation, env, host, cancel }: VerbContext): Promise<number> {
  const reporter = host.reporter;
  const inputs = parseInputs(await readRawInputs({ invocation, env, reporter }));
  if (inputs.services.file) throw new InputError('services-file: rollback acts on one service; set service (and cluster) instead.');
  if (!inputs.service) throw new InputError('service: not set; rollback needs the service (and cluster) to put back.');
  if (inputs.dryRun) {
    reporter.info(
      `Would roll back ${inputs.cluster}/${inputs.service}: a deployment in flight through ECS (ContinueServiceDeployment or StopServiceDeployment, ROLLBACK); otherwise UpdateService to ${inputs.taskDefinitionArn || 'the revision it ran before its newest successful deployment'}. A CodeDeploy service: StopDeployment with rollback of a deployment in flight; otherwise CreateDeployment of ${inputs.taskDefinitionArn || "the newest successful deployment's previousRevision"}.`,
    );
    reporter.info('Dry run: nothing was changed.');
    return EXIT.ok;
  }
  const startedAt = systemClock.now();
  const session = await openSession(inputs, env, reporter, cancel);
  const { service, kind } = await preflightService(session.ecs, inputs.cluster, inputs.service, session.region);
  if (kind === codeDeploy) {
    const ended = await (await import('../codedeploy/operate.js')).rollBackCodeDeployService({ session, inputs, service, reporter, cancel });
    return end(host, { ...(await resultOf(session.ecs, ended.target, ended.outcome, startedAt)), codeDeployDeploymentId: ended.codeDeployDeploymentId, rollbackAsked: true });
  }
  const ecs = session.ecs;
  const flying = inputs.taskDefinitionArn ? undefined : await inFlight(ecs, service);
  let outcome: WatchOutcome;
  let target: RolloutTarget;
  if (flying) {
    const to = await sourceOf(ecs, flying);
    if (!to) throw new PreflightError(`nothing to go back to: service deployment ${flying.serviceDeploymentArn ?? '?'} of ${inputs.service} names no earlier revision.`);
    target = targetOf(inputs, session.region, service, to, flying.serviceDeploymentArn);
    await stopInFlight(ecs, reporter, inputs.service, flying, to);
    outcome = await followRollback(ecs, reporter, flying.serviceDeploymentArn ?? '', to, inputs, cancel);
  } else {
    const chosen = await earlierRevision(ecs, service, inputs);
    reporter.info(`Rolling back ${inputs.service} to ${familyRevision(chosen.taskDefinition)}: ${chosen.why}; UpdateService`);
    const answer = await ecs.updateService({ cluster: inputs.cluster, service: inputs.service, taskDefinition: chosen.taskDefinition });
    target = targetOf(inputs, session.region, answer.service ?? service, chosen.taskDefinition, answer.service?.currentServiceDeployment, service);
    const watch = STAGED.has(service.deploymentConfiguration?.strategy ?? '') ? watchStaged : watchRolling;
    const watched = await watch({ ecs, ecsAfterCancel: session.ecsAfterCancel, clock: systemClock, reporter }, target, {
      timeoutMs: inputs.waitTimeoutMs,
      pollIntervalMs: inputs.pollIntervalMs,
      rollback: false,
      rollbackOnCancel: false,
      cancel,
    });
    outcome = watched.status === 'COMPLETED' ? { ...watched, status: 'ROLLED_BACK', rolledBackTo: familyRevision(chosen.taskDefinition), message: `${inputs.service} is back on ${familyRevision(chosen.taskDefinition)}` } : watched;
  }
  return end(host, { ...(await resultOf(ecs, target, outcome, startedAt)), rollbackAsked: true });
}

async function end(host: Host, result: DeliveryResult): Promise<number> {
  await host.finish(result, outputsOf(result));
  if (result.deploymentStatus === 'ROLLED_BACK') {
    host.reporter.info(`Done in ${formatDuration(result.finishedAt - result.startedAt)}: ${result.service ?? '?'} runs ${familyRevision(result.taskDefinitionArn)} again.`);
    return EXIT.ok;
  }
  host.fail(`rollback ${result.deploymentStatus}: ${result.statusMessage ?? ''}`);
  return EXIT.failed;
}

async function inFlight(ecs: EcsApi, service: Service): Promise<ServiceDeployment | undefined> {
  const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...IN_FLIGHT] }).catch(() => undefined);
  const arns = (listed?.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
  if (arns.length === 0) return undefined;
  return (await ecs.describeServiceDeployments(arns)).serviceDeployments?.[0];
}

/** The task definition of the revision a service deployment started from. */
async function sourceOf(ecs: EcsApi, deployment: ServiceDeployment): Promise<string | undefined> {
  const arn = deployment.sourceServiceRevisions?.[0]?.arn;
  if (!arn) return undefined;
  return (await ecs.describeServiceRevisions([arn])).serviceRevisions?.[0]?.taskDefinition;
}

async function stopInFlight(ecs: EcsApi, reporter: Reporter, name: string, deployment: ServiceDeployment, to: string): Promise<void> {
  const arn = deployment.serviceDeploymentArn ?? '';
  const hook = deployment.status === 'IN_PROGRESS' ? deployment.lifecycleHookDetails?.find((detail) => detail.status === 'AWAITING_ACTION') : undefined;
  if (hook?.hookId) {
    reporter.info(`Rolling back ${name} to ${familyRevision(to)}, the revision its deployment in flight started from: it is paused at ${deployment.lifecycleStage ?? '?'}; ContinueServiceDeployment hook ${hook.hookId}, action ROLLBACK`);
    await ecs.continueServiceDeployment(arn, hook.hookId, 'ROLLBACK');
    return;
  }
  reporter.info(`Rolling back ${name} to ${familyRevision(to)}, the revision its deployment in flight started from: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
  await ecs.stopServiceDeployment(arn, 'ROLLBACK');
}

/** Follows the service deployment ECS rolls back until it ends, or wait-timeout. */
async function followRollback(ecs: EcsApi, reporter: Reporter, arn: string, to: string, inputs: Inputs, cancel: AbortSignal): Promise<WatchOutcome> {
  const deadline = systemClock.now() + inputs.waitTimeoutMs;
  let seen = '';
  while (!cancel.aborted) {
    const deployment = (await ecs.describeServiceDeployments([arn])).serviceDeployments?.[0];
    const status = deployment?.status ?? '?';
    const line = `Service deployment ${status}${deployment?.lifecycleStage ? ` at ${deployment.lifecycleStage}` : ''}`;
    if (line !== seen) reporter.info((seen = line));
    if (status === 'ROLLBACK_SUCCESSFUL') return { status: 'ROLLED_BACK', message: `rolled back to ${familyRevision(to)}`, rolledBackTo: familyRevision(to), serviceDeploymentArn: arn };
    if (ROLLBACK_ENDS.has(status)) {
      const why = deployment?.statusReason ? `: ${deployment.statusReason}` : '';
      return { status: status === 'SUCCESSFUL' ? 'COMPLETED' : 'FAILED', message: `the rollback to ${familyRevision(to)} did not happen; the service deployment ended ${status}${why}`, serviceDeploymentArn: arn };
    }
    if (systemClock.now() >= deadline) return { status: 'TIMED_OUT', message: `the rollback to ${familyRevision(to)} did not finish within ${formatDuration(inputs.waitTimeoutMs)}`, serviceDeploymentArn: arn };
    await new Promise((resolve) => setTimeout(resolve, inputs.pollIntervalMs));
  }
  return { status: 'CANCELLED', message: `cancelled while rolling back to ${familyRevision(to)}`, serviceDeploymentArn: arn };
}

/** The revision to go back to, and why that one; refused when there is none. */
async function earlierRevision(ecs: EcsApi, service: Service, inputs: Inputs): Promise<{ taskDefinition: string; why: string }> {
  const now = familyRevision(service.taskDefinition ?? '?');
  if (inputs.taskDefinitionArn) {
    const described = await ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
    const arn = described?.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new PreflightError(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
    if (arn === service.taskDefinition) throw new PreflightError(`nothing to go back to: ${inputs.service} already runs ${now}, the task-definition-arn given.`);
    return { taskDefinition: arn, why: 'task-definition-arn names it' };
  }
  const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: ['SUCCESSFUL'] }).catch(() => undefined);
  if (!listed) throw new PreflightError(`nothing known to go back to: ECS does not list the service deployments of ${inputs.service} here; give task-definition-arn.`);
  const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
  const deployment = newest ? (await ecs.describeServiceDeployments([newest])).serviceDeployments?.[0] : undefined;
  const source = deployment ? await sourceOf(ecs, deployment) : undefined;
  if (!source || source === service.taskDefinition) {
    throw new PreflightError(`nothing to go back to: ${inputs.service} runs ${now}, and no successful deployment of it started from another revision; give task-definition-arn to choose one.`);
  }
  return { taskDefinition: source, why: `the revision it ran before its newest successful deployment (${newest ?? '?'})` };
}

function targetOf(inputs: Inputs, region: string, service: Service, to: string, serviceDeploymentArn: string | undefined, before: Service = service): RolloutTarget {
  const deployments = service.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY' && deployment.taskDefinition === to);
  const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    region,
    taskDefinitionArn: to,
    ...(primary?.id && !idsBefore.includes(primary.id) ? { deploymentId: primary.id } : {}),
    ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
    deploymentIdsBefore: before === service ? [] : idsBefore,
    ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
    eventKeysBefore: (before.events ?? []).map(eventKey),
    previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
    ...(service.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
  };
}
