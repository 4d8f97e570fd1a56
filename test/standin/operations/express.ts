// CreateExpressGatewayService, UpdateExpressGatewayService, DescribeExpressGatewayService and
// DeleteExpressGatewayService, and the tagging calls that change an Express service's tags after creation.
import { randomBytes } from 'node:crypto';
import { shortName } from '../arns.js';
import { EcsError, clusterNotFound, invalidParameter, serviceNotActive, serviceNotFound } from '../errors.js';
import {
  type ExpressConfiguration,
  type ExpressRecord,
  activeConfigurations,
  checkServiceName,
  checkTaskDefinition,
  configurationMembers,
  configurationToWire,
  currentDeploymentArn,
  mainImage,
  managedTaskDefinition,
  mergedMembers,
  needsManagedTaskDefinition,
  newEndpoint,
} from '../express.js';
import { type Body, type Json, includesTags, optionalObject, optionalObjectList, optionalString, optionalStringList, requiredString } from '../input.js';
import type { ServiceRecord, Tag, TaskDefinitionRecord } from '../model.js';
import { reconcile, startDeployment } from '../rollout.js';
import { planFor } from '../scenarios.js';
import { stopByScheduler } from '../tasks.js';
import { tagsToWire } from '../wire.js';
import type { OperationContext } from './context.js';
import { takeNextPlan } from './services.js';

const MAX_TAGS = 50;
const resourceNotFound = (): EcsError => new EcsError('ResourceNotFoundException', 'The specified resource could not be found.');

export function createExpressGatewayService(body: Body, context: OperationContext): Body {
  const { world, now } = context;
  const infrastructureRoleArn = requiredString(body, 'infrastructureRoleArn');
  const clusterReference = optionalString(body, 'cluster') ?? 'default';
  // Express creates the default cluster when it is missing; any other cluster must exist.
  const cluster = shortName(clusterReference) === 'default' ? world.seedCluster('default') : world.cluster(clusterReference);
  const name = optionalString(body, 'serviceName') ?? `express-${randomBytes(6).toString('hex')}`;
  checkServiceName(name);
  const existing = cluster.services.get(name);
  if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.');
  const members = configurationMembers(body);
  if (members['taskDefinitionArn'] === undefined) {
    if (members['primaryContainer'] === undefined) throw invalidParameter('Either primaryContainer or taskDefinitionArn must be specified.');
    if (members['executionRoleArn'] === undefined) throw invalidParameter('executionRoleArn is required when primaryContainer is specified.');
  }
  const tags = tagsOf(body);
  const taskDefinition = taskDefinitionFor(context, name, members, true);

  const service = world.newService(cluster, name, taskDefinition.arn, now);
  service.tags = tags;
  service.circuitBreaker = { enable: true, rollback: true };
  const canary = world.expressReadings.canary;
  service.strategy = {
    strategy: 'CANARY',
    bakeTimeInMinutes: canary.bakeTimeInMinutes,
    lifecycleHooks: [],
    canary: { canaryPercent: canary.canaryPercent, canaryBakeTimeInMinutes: canary.canaryBakeTimeInMinutes },
  };
  applyScaling(service, members);
  applyNetwork(service, members);
  const record: ExpressRecord = {
    infrastructureRoleArn,
    endpoint: newEndpoint(world.account, name),
    configurations: [],
    updatedAt: now,
    readings: world.expressReadings,
  };
  service.express = record;
  cluster.services.set(name, service);
  deploy(context, service, record, taskDefinition, members);
  return { service: expressServiceToWire(context, service, record, true) };
}

export function updateExpressGatewayService(body: Body, context: OperationContext): Body {
  const { now } = context;
  const service = serviceFor(context, requiredString(body, 'serviceArn'), serviceNotFound);
  const record = service.express;
  if (!record) throw invalidParameter('The service is not an Express service.');
  if (service.status !== 'ACTIVE') throw serviceNotActive();
  const given = configurationMembers(body);
  const previous = inForce(service, record);
  const merged = mergedMembers(previous?.members ?? {}, given);
  const taskDefinition = taskDefinitionFor(context, service.name, merged, needsManagedTaskDefinition(merged, given), previous?.taskDefinitionArn);
  applyScaling(service, given);
  applyNetwork(service, given);
  const configuration = deploy(context, service, record, taskDefinition, merged);
  record.lastUpdateAt = now;
  record.updatedAt = now;
  return {
    service: {
      serviceArn: service.arn,
      cluster: service.clusterArn,
      serviceName: service.name,
      status: { statusCode: service.status },
      targetConfiguration: configurationToWire(configuration, record, taskDefinition),
      createdAt: service.createdAt / 1000,
      updatedAt: now / 1000,
    },
  };
}

export function describeExpressGatewayService(body: Body, context: OperationContext): Body {
  const service = serviceFor(context, requiredString(body, 'serviceArn'), resourceNotFound);
  if (!service.express) throw resourceNotFound();
  return { service: expressServiceToWire(context, service, service.express, includesTags(body)) };
}

export function deleteExpressGatewayService(body: Body, context: OperationContext): Body {
  const { now, world } = context;
  const service = serviceFor(context, requiredString(body, 'serviceArn'), serviceNotFound);
  const record = service.express;
  if (!record) throw invalidParameter('The service is not an Express service.');
  if (service.status !== 'ACTIVE') throw serviceNotActive();
  service.status = 'DRAINING';
  service.desiredCount = 0;
  record.statusReason = 'The service is being deleted.';
  record.updatedAt = now;
  for (const task of service.tasks) if (task.desiredStatus === 'RUNNING') stopByScheduler(task, now, service.deployments[0]?.id ?? '');
  world.timeline.schedule(now + context.timing.rollbackMs, (when) => {
    service.status = 'INACTIVE';
    service.deployments = [];
    record.statusReason = 'The service was deleted.';
    record.updatedAt = when;
  });
  return { service: expressServiceToWire(context, service, record, false) };
}

export function tagResource(body: Body, context: OperationContext): Body {
  const service = serviceFor(context, requiredString(body, 'resourceArn'), resourceNotFound);
  const tags = tagsOf(body);
  const kept = service.tags.filter((tag) => !tags.some((next) => next.key === tag.key));
  if (kept.length + tags.length > MAX_TAGS) throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`);
  service.tags = [...kept, ...tags];
  return {};
}

export function untagResource(body: Body, context: OperationContext): Body {
  const service = serviceFor(context, requiredString(body, 'resourceArn'), resourceNotFound);
  const keys = optionalStringList(body, 'tagKeys');
  if (!keys) throw invalidParameter('tagKeys is required.');
  service.tags = service.tags.filter((tag) => !keys.includes(tag.key));
  return {};
}

export function listTagsForResource(body: Body, context: OperationContext): Body {
  const service = serviceFor(context, requiredString(body, 'resourceArn'), resourceNotFound);
  return { tags: tagsToWire(service.tags) };
}

/** A service by ARN; the cluster named in the ARN must exist. */
function serviceFor(context: OperationContext, arn: string, missing: () => EcsError): ServiceRecord {
  let service: ServiceRecord | undefined;
  try {
    service = context.world.findService(undefined, arn);
  } catch (error) {
    if (error instanceof EcsError && error.type === 'ClusterNotFoundException') throw clusterNotFound();
    throw error;
  }
  if (!service) throw missing();
  return service;
}

/** The configuration of the PRIMARY deployment: what an update starts from. */
function inForce(service: ServiceRecord, record: ExpressRecord): ExpressConfiguration | undefined {
  const primary = service.deployments[0]?.id;
  return record.configurations.find((configuration) => configuration.deploymentId === primary) ?? record.configurations[0];
}

function taskDefinitionFor(
  context: OperationContext,
  family: string,
  members: Body,
  managed: boolean,
  current?: string,
): TaskDefinitionRecord {
  const { world, now } = context;
  const arn = members['taskDefinitionArn'];
  if (typeof arn === 'string') return checkTaskDefinition(world.taskDefinitions.find(arn), world.expressReadings);
  if (!managed && current !== undefined) {
    const record = world.taskDefinitions.find(current);
    if (record) return record;
  }
  return world.taskDefinitions.register(managedTaskDefinition(family, members, world.account.region), [], now, world.options.registeredBy);
}

function deploy(
  context: OperationContext,
  service: ServiceRecord,
  record: ExpressRecord,
  taskDefinition: TaskDefinitionRecord,
  members: Body,
): ExpressConfiguration {
  const { world, now, timing } = context;
  const plan = world.failingImages.has(mainImage(taskDefinition))
    ? planFor({ name: 'circuit-breaker', failure: 'image-pull' }, timing)
    : takeNextPlan(service, timing);
  const deployment = startDeployment(world.rollout, service, taskDefinition.arn, plan, now);
  const configuration: ExpressConfiguration = {
    deploymentId: deployment.id,
    serviceRevisionArn: deployment.revisionArn,
    taskDefinitionArn: taskDefinition.arn,
    members,
    createdAt: now,
  };
  record.configurations.unshift(configuration);
  reconcile(world.rollout, service, now);
  return configuration;
}

function applyScaling(service: ServiceRecord, members: Body): void {
  const scaling = optionalObject(members, 'scalingTarget');
  if (!scaling) return;
  const min = scaling['minTaskCount'];
  const max = scaling['maxTaskCount'];
  if (typeof min === 'number' && service.desiredCount < min) service.desiredCount = min;
  if (typeof max === 'number' && service.desiredCount > max) service.desiredCount = max;
}

function applyNetwork(service: ServiceRecord, members: Body): void {
  const network = optionalObject(members, 'networkConfiguration');
  if (!network) return;
  const awsvpc: Body = { assignPublicIp: 'ENABLED' };
  for (const key of ['subnets', 'securityGroups']) {
    const list = optionalStringList(network, key);
    if (list) awsvpc[key] = list;
  }
  service.networkConfiguration = { awsvpcConfiguration: awsvpc };
}

function tagsOf(body: Body): Tag[] {
  const tags = (optionalObjectList(body, 'tags') ?? []).map((tag): Tag => ({
    key: typeof tag['key'] === 'string' ? tag['key'] : '',
    value: typeof tag['value'] === 'string' ? tag['value'] : '',
  }));
  if (tags.some((tag) => tag.key === '')) throw invalidParameter('Tag keys cannot be empty.');
  if (tags.length > MAX_TAGS) throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`);
  return tags;
}

function expressServiceToWire(context: OperationContext, service: ServiceRecord, record: ExpressRecord, withTags: boolean): Body {
  const { world, now } = context;
  const current = currentDeploymentArn(service, record, now);
  const configurations: Json[] = activeConfigurations(service, record).map((configuration) =>
    configurationToWire(configuration, record, world.taskDefinitions.find(configuration.taskDefinitionArn)),
  );
  return {
    cluster: service.clusterArn,
    serviceName: service.name,
    serviceArn: service.arn,
    infrastructureRoleArn: record.infrastructureRoleArn,
    status: { statusCode: service.status, ...(record.statusReason === undefined ? {} : { statusReason: record.statusReason }) },
    ...(current === undefined ? {} : { currentDeployment: current }),
    activeConfigurations: configurations,
    ...(withTags ? { tags: tagsToWire(service.tags) } : {}),
    createdAt: service.createdAt / 1000,
    updatedAt: record.updatedAt / 1000,
  };
}
