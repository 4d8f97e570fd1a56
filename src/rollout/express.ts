// An ECS Express Mode service: the revision is rendered and registered as for any service, then handed to
// UpdateExpressGatewayService (or CreateExpressGatewayService for a service that does not exist yet). ECS deploys it
// as a canary service deployment, watched stage by stage as the staged kinds are; a rollback is StopServiceDeployment
// (ContinueServiceDeployment ROLLBACK at a pause), and `rollback` after the deployment ended is an
// UpdateExpressGatewayService back to the earlier revision.
import type { ECSExpressGatewayService, ExpressGatewayServiceConfiguration, Service, UpdateExpressGatewayServiceCommandInput } from '@aws-sdk/client-ecs';
import type { ExpressApi } from '../aws/express-api.js';
import { CANCEL_ANSWER_WAIT_ROLLBACK_MS, ChangeCancelledError } from '../aws/change.js';
import { describeAwsError } from '../aws/errors.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import { signalOf, throwIfCancelled } from '../cancel.js';
import { CancelledError, PreflightError } from '../errors.js';
import { createExpressService, expressServiceByName, runsRevision, setServiceTags, updateExpressService, type ExpressChangeDeps } from '../express/changes.js';
import { checkExpressTaskDefinition, EXPRESS_CONTAINER } from '../express/task-definition-rules.js';
import {
  expressConfigurationChanges,
  expressCreateRequest,
  expressEndpoint,
  expressTagChanges,
  expressUpdateRequest,
  isExpressService,
} from '../express/requests.js';
import type { ExpressInputs } from '../inputs/express.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import { eventKey } from '../watch/snapshot.js';
import { watchStaged } from '../watch/watch-rollout.js';
import type { RolloutTarget } from '../watch/contract.js';
import { continuePausedDeployment } from './continue-paused.js';
import { expressBack } from './express-back.js';
import { pauseStages } from './paused-deployment.js';
import { rollBackService } from './roll-back.js';
import type { Delivered, Delivery, RolloutDeps, RolloutKind } from './kind.js';

/** What the preflight read of an Express service, and the inputs its calls carry. */
export interface ExpressPlan {
  inputs: ExpressInputs;
  /** undefined: the service does not exist, and is created. */
  described?: ECSExpressGatewayService;
}

/** The port name given to the single port mapping of the Main container when the render left it unnamed. */
const PORT_NAME = 'http';
/** How long the update's own service deployment may take to show in DescribeExpressGatewayService. */
const FIND_DEPLOYMENT_MS = 60_000;
const DEFAULT_POLL_MS = 2_000;

/** The configuration in force: the newest active one. */
export function activeConfiguration(described: ECSExpressGatewayService | undefined): ExpressGatewayServiceConfiguration | undefined {
  return described?.activeConfigurations?.[0];
}

/** A service the preflight found missing, to be created: what DescribeServices would have said of it. */
export function missingExpressService(serviceName: string): Service {
  return { serviceName, status: 'ACTIVE', resourceManagementType: 'ECS', desiredCount: 0, deployments: [] };
}

export const express: RolloutKind = {
  name: 'Express',
  takes: (service) => isExpressService(service),
  forcesNewDeployment: false,
  plan: async ({ reads }, inputs, service) => {
    if (!service.serviceArn) return { express: { inputs: inputs.express } };
    const api = (await reads.express?.())?.api;
    if (!api) throw new Error('express.plan: reads.express is needed for an Express service');
    let described: ECSExpressGatewayService | undefined;
    try {
      described = await api.describe(service.serviceArn);
    } catch (error) {
      throw new PreflightError(describeAwsError(`DescribeExpressGatewayService ${inputs.service}`, error));
    }
    return { express: { inputs: inputs.express, ...(described ? { described } : {}) } };
  },
  finishRender: (rendered, source) => {
    // A revision named by task-definition-arn is deployed as it is: checked, never changed.
    const named = source === 'task-definition-arn' ? rendered : namePortMapping(rendered);
    checkExpressTaskDefinition(named.taskDefinition, source);
    return named;
  },
  dryRun: (update, deployed) => {
    const plan = update.express;
    const wait = update.watch ? ' and wait for its canary service deployment, stage by stage' : ', without waiting for the rollout';
    if (!plan?.described) {
      if (update.before === undefined) return [`Would create or update the Express service ${update.service} in ${update.cluster} with ${deployed}${wait}.`];
      return [`Would create the Express service ${update.service} in ${update.cluster} with ${deployed}${wait}.`];
    }
    const request = expressUpdateRequest(plan.described.serviceArn ?? '', deployed, plan.inputs);
    const changes = configurationChanges(activeConfiguration(plan.described), request);
    const tags = tagLines(plan);
    const unchanged = `Would not update the Express service ${update.service}: its configuration already runs ${deployed}, and nothing else changes`;
    if (changes.length === 0) return tags.length === 0 ? [`${unchanged}.`] : [`${unchanged}; its tags would change:`, ...tags];
    return [`Would update the Express service ${update.service} in ${update.cluster}${wait}:`, ...changes.map((line) => `  ${line}`), ...tags];
  },
  deliver: (deps, delivery) => deliverExpress(deps, delivery),
  undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
  pausesAt: pauseStages,
  putBack: ({ service, to }) => `a new Express service deployment puts ${service} back on ${to} and the configuration it had before, through its canary again.`,
  continuePaused: (deps, request) => continuePausedDeployment(deps, request, 'Express', watchStaged),
  rollBack: (deps, request) => rollBackService(deps, request, watchStaged, expressBack),
};

/**
 * What puts an Express service back as the run found it: the health check path, network and scaling target of the
 * configuration in force before this run's update, and, when the run changed them, its tags as they were.
 */
export function putBackInputs(plan: ExpressPlan): ExpressInputs {
  const before = activeConfiguration(plan.described);
  const scaling = before?.scalingTarget;
  const tagsBefore = (plan.described?.tags ?? []).flatMap((tag) => (tag.key === undefined || tag.key.toLowerCase().startsWith('aws:') ? [] : [{ key: tag.key, value: tag.value ?? '' }]));
  return {
    infrastructureRoleArn: '',
    healthCheckPath: before?.healthCheckPath ?? '',
    scalingTarget: scaling && {
      ...(scaling.minTaskCount !== undefined ? { minTaskCount: scaling.minTaskCount } : {}),
      ...(scaling.maxTaskCount !== undefined ? { maxTaskCount: scaling.maxTaskCount } : {}),
      ...(scaling.autoScalingMetric !== undefined ? { autoScalingMetric: scaling.autoScalingMetric } : {}),
      ...(scaling.autoScalingTargetValue !== undefined ? { autoScalingTargetValue: scaling.autoScalingTargetValue } : {}),
    },
    subnets: [...(before?.networkConfiguration?.subnets ?? [])],
    securityGroups: [...(before?.networkConfiguration?.securityGroups ?? [])],
    serviceTags: plan.inputs.mutateTagsOnUpdate ? tagsBefore : [],
    mutateTagsOnUpdate: plan.inputs.mutateTagsOnUpdate,
  };
}

/** The dry run's and the log's lines for what the update changes; the revision compared as family:revision. */
function configurationChanges(active: ExpressGatewayServiceConfiguration | undefined, request: UpdateExpressGatewayServiceCommandInput): string[] {
  return expressConfigurationChanges(active, request)
    .filter((change) => change.field !== 'taskDefinitionArn' || !sameRevision(change.from, change.to))
    .map((change) => (change.field === 'taskDefinitionArn' ? `task definition: ${familyRevision(change.from)} -> ${familyRevision(change.to)}` : `${change.field}: ${change.from} -> ${change.to}`));
}

function tagLines(plan: ExpressPlan): string[] {
  if (!plan.inputs.mutateTagsOnUpdate) return [];
  const { tag, untagKeys } = expressTagChanges(plan.described?.tags ?? [], plan.inputs.serviceTags);
  return [
    ...tag.map((item) => `  service tag ${item.key}: ${item.value}`),
    ...untagKeys.map((key) => `  service tag ${key}: removed`),
  ];
}

/** The Main container's single port mapping gets a name when it has none: ECS requires one for an Express service. */
function namePortMapping(rendered: TaskDefinitionDocument): TaskDefinitionDocument {
  const containers = rendered.taskDefinition.containerDefinitions ?? [];
  const main = containers.find((container) => container.name === EXPRESS_CONTAINER);
  const [mapping, ...others] = main?.portMappings ?? [];
  if (!main || !mapping || others.length > 0 || (typeof mapping['name'] === 'string' && mapping['name'] !== '')) return rendered;
  const named = { ...main, portMappings: [{ ...mapping, name: PORT_NAME }] };
  return {
    ...rendered,
    taskDefinition: { ...rendered.taskDefinition, containerDefinitions: containers.map((container) => (container === main ? named : container)) },
  };
}

async function deliverExpress(deps: RolloutDeps, delivery: Delivery): Promise<Delivered> {
  const { reporter } = deps;
  const { update, revision, done } = delivery;
  const plan = update.express;
  if (!plan) throw new Error('express.deliver: the plan has no Express part');
  delivery.step('update');
  const apis = await deps.session.express?.();
  if (!apis) throw new Error('express.deliver: the session has no Express calls');
  const rollbackOnCancel = update.watch?.rollbackOnCancel === true;
  const changes: ExpressChangeDeps = {
    apis,
    ecs: deps.session.ecsAfterCancel,
    clock: deps.clock,
    reporter,
    cancel: deps.cancel,
    ...(rollbackOnCancel ? { cancelWaitMs: CANCEL_ANSWER_WAIT_ROLLBACK_MS } : {}),
  };
  // With rollback-on-cancel the service is read on calls the cancel does not abort: what the update started is the one to undo.
  const api = rollbackOnCancel ? apis.afterCancel : apis.api;
  const found = plan.described ?? (await expressServiceByName(deps.session.ecs, api, update.cluster, update.service));
  const started = found ? await updateService(deps, delivery, changes, api, found, plan) : await createService(deps, delivery, changes, api, plan);
  if (!started) {
    done.express = { serviceArn: found?.serviceArn ?? '', ...endpointOf(found) };
    done.outcome = { status: 'COMPLETED', message: `${update.service} already runs ${familyRevision(revision.arn)} with this configuration: no update.` };
    reporter.info(done.outcome.message);
    return { keepRevisions: true };
  }
  const { service: described, target } = started;
  done.express = { serviceArn: described.serviceArn ?? '', ...endpointOf(described) };
  done.target = target;
  reporter.info(`Service deployment ${target.serviceDeploymentArn ?? '?'} started.`);
  if (done.express.endpoint) reporter.info(`Endpoint: ${done.express.endpoint}`);
  if (!update.watch) {
    reporter.info('wait is false: not waiting for the rollout.');
    return { keepRevisions: false, notRunBecause: 'the rollout was not waited for' };
  }
  if (!update.watch.rollbackOnCancel) delivery.step('watch');
  done.step = 'watch';
  done.outcome = await deps.watch(target, { ...update.watch, cancel: deps.cancel }, watchStaged);
  const after = await api.describe(described.serviceArn ?? '').catch(() => undefined);
  if (after) done.express = { serviceArn: after.serviceArn ?? done.express.serviceArn, ...endpointOf(after) };
  if (done.outcome.status !== 'COMPLETED') return { keepRevisions: false };
  if (done.outcome.bakeTimeRunning) return { keepRevisions: false, notRunBecause: 'the bake time was still running (wait-until: traffic-shifted)' };
  return { keepRevisions: true };
}

function endpointOf(described: ECSExpressGatewayService | undefined): { endpoint?: string } {
  const endpoint = described ? expressEndpoint(described) : undefined;
  return endpoint ? { endpoint } : {};
}

interface Started {
  service: ECSExpressGatewayService;
  target: RolloutTarget;
}

/** UpdateExpressGatewayService with the revision; undefined when nothing would change. */
async function updateService(
  deps: RolloutDeps,
  delivery: Delivery,
  changes: ExpressChangeDeps,
  api: ExpressApi,
  found: ECSExpressGatewayService,
  plan: ExpressPlan,
): Promise<Started | undefined> {
  const { reporter } = deps;
  const { update, revision } = delivery;
  const serviceArn = found.serviceArn ?? '';
  const active = activeConfiguration(found);
  await mutateTags(deps, changes, serviceArn, found, plan);
  const request = expressUpdateRequest(serviceArn, revision.arn, plan.inputs);
  const lines = configurationChanges(active, request);
  if (lines.length === 0) {
    if (!revision.registered && delivery.done.image?.pushedNewDigest) {
      reporter.warn(
        `The push gave ${delivery.done.image.image} a new digest under a tag ${familyRevision(revision.arn)} already names, and an Express service cannot be made to redeploy it: set pin-digest to deploy by digest.`,
      );
    }
    return undefined;
  }
  reporter.info(`Updating the Express service ${update.service} to ${familyRevision(revision.arn)}: ${lines.join('; ')}.`);
  const before = found.currentDeployment;
  let readBack: ECSExpressGatewayService | undefined;
  try {
    readBack = await updateExpressService(changes, request, before);
  } catch (error) {
    const settled = settledByCancel(deps, delivery, error, 'UpdateExpressGatewayService', update.watch?.rollbackOnCancel === true, (service) =>
      started(delivery, service, before, active),
    );
    return started(delivery, settled, before, active);
  }
  const settled = readBack ?? (await findNewDeployment(deps, delivery, api, serviceArn, before, FIND_DEPLOYMENT_MS));
  if (!settled) throw new Error(`UpdateExpressGatewayService ${update.service} was answered, but no service deployment of ${familyRevision(revision.arn)} showed within ${FIND_DEPLOYMENT_MS / 1000}s.`);
  return started(delivery, settled, before, active);
}

async function createService(deps: RolloutDeps, delivery: Delivery, changes: ExpressChangeDeps, api: ExpressApi, plan: ExpressPlan): Promise<Started> {
  const { reporter } = deps;
  const { update, revision } = delivery;
  const request = expressCreateRequest({ service: update.service, cluster: update.cluster, taskDefinitionArn: revision.arn }, plan.inputs);
  reporter.info(`Creating the Express service ${update.service} in ${update.cluster} with ${familyRevision(revision.arn)}.`);
  let created: ECSExpressGatewayService | undefined;
  try {
    created = await createExpressService(changes, request);
  } catch (error) {
    // A new service has no revision to roll back to: a create a cancel cut short is only reported.
    created = settledByCancel(deps, delivery, error, 'CreateExpressGatewayService', false, (service) => started(delivery, service, undefined, undefined));
  }
  const serviceArn = created?.serviceArn ?? '';
  const settled = created?.currentDeployment ? created : await findNewDeployment(deps, delivery, api, serviceArn, undefined, FIND_DEPLOYMENT_MS);
  if (!settled?.currentDeployment) throw new Error(`CreateExpressGatewayService ${update.service} was answered, but its service deployment did not show.`);
  return started(delivery, settled, undefined, undefined);
}

/**
 * A change a cancel cut short, as its read-back saw it. Applied, when `rollsBack`: the service showing what the
 * change started, handed to the watcher, which rolls it back. Otherwise the run ends, saying what was left; what
 * an applied change started is in the run's outputs (`startedBy`: the deployment it started).
 */
function settledByCancel(
  deps: RolloutDeps,
  delivery: Delivery,
  error: unknown,
  call: string,
  rollsBack: boolean,
  startedBy: (service: ECSExpressGatewayService) => Started,
): ECSExpressGatewayService {
  if (!(error instanceof ChangeCancelledError)) throw error;
  const { update, revision, done } = delivery;
  const seen = (error as ChangeCancelledError<ECSExpressGatewayService | undefined>).settled;
  if (seen.state === 'applied' && seen.value?.currentDeployment && rollsBack) return seen.value;
  if (seen.state === 'applied' && seen.value?.currentDeployment) {
    done.target = startedBy(seen.value).target;
    done.express = { serviceArn: seen.value.serviceArn ?? '', ...endpointOf(seen.value) };
  }
  const detail =
    seen.state === 'applied'
      ? `${call} was applied: ${update.service} deploys ${familyRevision(revision.arn)}${seen.value?.currentDeployment ? ` (${seen.value.currentDeployment})` : ''}, not watched by this run`
      : seen.state === 'not-applied'
        ? `${call} was not applied: ${update.service} stays as it was`
        : `${call} may still be applied to ${update.service}: check ${error.whatToCheck}`;
  deps.reporter.warn(`Cancelled during ${call}: ${detail}.`);
  throw new CancelledError(signalOf(deps.cancel), detail);
}

/**
 * The service once `currentDeployment` names the deployment this run started: another than the one named before,
 * whose configuration runs the revision. ECS may name the previous one for a while after the update.
 */
async function findNewDeployment(
  deps: RolloutDeps,
  delivery: Delivery,
  api: ExpressApi,
  serviceArn: string,
  before: string | undefined,
  withinMs: number,
): Promise<ECSExpressGatewayService | undefined> {
  const until = deps.clock.now() + withinMs;
  // With rollback-on-cancel the deployment is looked for also after a cancel: it is the one to roll back.
  const keepLooking = delivery.update.watch?.rollbackOnCancel === true;
  const ecs = keepLooking ? deps.session.ecsAfterCancel : deps.session.ecs;
  for (;;) {
    const described = await api.describe(serviceArn);
    const current = described?.currentDeployment;
    if (described && current && current !== before && (await runsRevision(ecs, described, current, delivery.revision.arn))) return described;
    if (deps.clock.now() >= until) return undefined;
    if (!keepLooking) throwIfCancelled(deps.cancel);
    await deps.clock.sleep(pollMs(delivery), keepLooking ? undefined : deps.cancel);
  }
}

function pollMs(delivery: Delivery): number {
  return delivery.update.watch?.pollIntervalMs ?? DEFAULT_POLL_MS;
}

function started(
  delivery: Delivery,
  service: ECSExpressGatewayService,
  before: string | undefined,
  active: ExpressGatewayServiceConfiguration | undefined,
): Started {
  const { update, revision } = delivery;
  const deploymentIdsBefore = (update.before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
  return {
    service,
    target: {
      cluster: update.cluster,
      service: update.service,
      region: delivery.region,
      taskDefinitionArn: revision.arn,
      ...(service.currentDeployment ? { serviceDeploymentArn: service.currentDeployment } : {}),
      deploymentIdsBefore,
      // Events ECS listed before the update are an earlier deployment's: not this run's to print.
      eventKeysBefore: (update.before.events ?? []).map(eventKey),
      ...(before ? { serviceDeploymentArnBefore: before } : {}),
      previous: { taskDefinitionArn: active?.taskDefinitionArn ?? '', desiredCount: update.before.desiredCount ?? 0 },
      strategy: 'CANARY',
    },
  };
}

/** mutate-tags-on-update: the service's tags made what service-tags says, before the update. */
async function mutateTags(deps: RolloutDeps, changes: ExpressChangeDeps, serviceArn: string, found: ECSExpressGatewayService, plan: ExpressPlan): Promise<void> {
  if (!plan.inputs.mutateTagsOnUpdate) return;
  const { tag, untagKeys } = expressTagChanges(found.tags ?? [], plan.inputs.serviceTags);
  if (tag.length + untagKeys.length === 0) return;
  await setServiceTags(changes, serviceArn, tag, untagKeys);
  deps.reporter.info(`Service tags of ${found.serviceName ?? serviceArn}: ${[...tag.map((item) => `${item.key} set`), ...untagKeys.map((key) => `${key} removed`)].join(', ')}.`);
}
