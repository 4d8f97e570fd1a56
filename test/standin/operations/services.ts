import { serviceArn, shortName } from '../arns.js';
import { clientException, invalidParameter, serviceNotActive, serviceNotFound } from '../errors.js';
import {
  type Body,
  includesTags,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringList,
  pageSize,
  requiredString,
} from '../input.js';
import type { ServiceRecord } from '../model.js';
import { applyDeploymentConfiguration } from '../deployment-configuration.js';
import { nextToken, paginate } from '../pagination.js';
import { reconcile, startDeployment } from '../rollout.js';
import { type TaskPlan, type Timing, healthyPlan } from '../scenarios.js';
import { serviceToWire } from '../wire.js';
import type { OperationContext } from './context.js';

const MAX_DESCRIBED_SERVICES = 10;

export function describeServices(body: Body, context: OperationContext): Body {
  const { world } = context;
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const references = optionalStringList(body, 'services') ?? [];
  if (references.length === 0) throw invalidParameter('Services cannot be empty.');
  if (references.length > MAX_DESCRIBED_SERVICES) {
    throw invalidParameter(`services can have at most ${MAX_DESCRIBED_SERVICES} items.`);
  }
  const withTags = includesTags(body);
  const services: Body[] = [];
  const failures: Body[] = [];
  for (const reference of references) {
    const service = cluster.services.get(shortName(reference));
    if (service) {
      const wire = serviceToWire(service, { withTags, currentServiceDeployment: context.serviceDeploymentApi });
      const lag = world.options.servicesLag;
      services.push(lag === undefined ? wire : lagging(wire, service, context.now - lag.ms, lag.currentServiceDeploymentToo === true));
    }
    else failures.push({ arn: serviceArn(world.account, cluster.name, shortName(reference)), reason: 'MISSING' });
  }
  return { services, failures };
}

export function listServices(body: Body, { world }: OperationContext): Body {
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const launchType = optionalString(body, 'launchType');
  const schedulingStrategy = optionalString(body, 'schedulingStrategy');
  const management = optionalString(body, 'resourceManagementType');
  const services = [...cluster.services.values()].filter(
    (service) =>
      service.status !== 'INACTIVE' &&
      (management === undefined || (management === 'ECS') === (service.express !== undefined)) &&
      (launchType === undefined || service.launchType === launchType) &&
      (schedulingStrategy === undefined || schedulingStrategy === 'REPLICA'),
  );
  const page = paginate(services, pageSize(body, 10, 100), optionalString(body, 'nextToken'));
  return { serviceArns: page.items.map((service) => service.arn), ...nextToken(page.nextToken) };
}

export function updateService(body: Body, context: OperationContext): Body {
  const { world, now } = context;
  const service = world.findService(optionalString(body, 'cluster'), requiredString(body, 'service'));
  if (!service) throw serviceNotFound();
  if (service.status !== 'ACTIVE') throw serviceNotActive();

  const desiredCount = optionalNumber(body, 'desiredCount');
  if (desiredCount !== undefined && (!Number.isInteger(desiredCount) || desiredCount < 0)) {
    throw invalidParameter('desiredCount must be a non-negative integer.');
  }
  const reference = optionalString(body, 'taskDefinition');
  const taskDefinition = reference === undefined ? undefined : world.taskDefinitions.find(reference);
  if (reference !== undefined && !taskDefinition) throw clientException('TaskDefinition not found.');
  if (taskDefinition && taskDefinition.status !== 'ACTIVE') throw invalidParameter('TaskDefinition is inactive');
  const changesTaskDefinition = taskDefinition !== undefined && taskDefinition.arn !== service.taskDefinitionArn;
  const forceNewDeployment = optionalBoolean(body, 'forceNewDeployment') ?? false;
  if (service.controller !== 'ECS' && (changesTaskDefinition || forceNewDeployment)) {
    throw invalidParameter(
      `Unable to update task definition on services with a ${service.controller} deployment controller.`,
    );
  }

  applyDeploymentConfiguration(service, optionalObject(body, 'deploymentConfiguration'), world.options.laterStrategies);
  const networkConfiguration = optionalObject(body, 'networkConfiguration');
  if (networkConfiguration) service.networkConfiguration = networkConfiguration;
  if (desiredCount !== undefined && desiredCount !== service.desiredCount) {
    service.desiredCount = desiredCount;
    const primary = service.deployments[0];
    if (primary) primary.desiredCount = desiredCount;
    service.steady = false;
  }
  if (changesTaskDefinition || forceNewDeployment) {
    const plan = takeNextPlan(service, context.timing);
    startDeployment(world.rollout, service, taskDefinition?.arn ?? service.taskDefinitionArn, plan, now);
  }
  reconcile(world.rollout, service, now);
  return {
    service: serviceToWire(service, { withTags: false, currentServiceDeployment: context.serviceDeploymentApi }),
  };
}

/** The plan setScenario left for the next deployment of the service; healthy once used up. */
export function takeNextPlan(service: ServiceRecord, timing: Timing): TaskPlan {
  const next = service.nextPlan;
  if (!next || next.remaining <= 0) return healthyPlan(timing.rolloutMs);
  next.remaining--;
  if (next.remaining <= 0) service.nextPlan = undefined;
  return next.plan;
}

/**
 * The service as DescribeServices shows it while its deployments list lags behind the service deployments:
 * deployments started after `seenUpTo` are not listed yet and the newest listed one reads PRIMARY. With
 * `currentLags`, currentServiceDeployment lags as well, naming the newest service deployment started by then.
 */
function lagging(wire: Body, service: ServiceRecord, seenUpTo: number, currentLags: boolean): Body {
  const listed = (wire['deployments'] as Body[]).filter((deployment) => Number(deployment['createdAt']) * 1000 <= seenUpTo);
  const primary = listed.find((deployment) => deployment['status'] === 'PRIMARY') ?? listed[0];
  const deployments = listed.map((deployment) => (deployment === primary ? { ...deployment, status: 'PRIMARY' } : deployment));
  const current = service.serviceDeployments.find((record) => record.createdAt <= seenUpTo);
  return {
    ...wire,
    deployments,
    ...(primary ? { taskDefinition: primary['taskDefinition'] as string } : {}),
    ...(currentLags && current && wire['currentServiceDeployment'] !== undefined ? { currentServiceDeployment: current.arn } : {}),
  };
}
