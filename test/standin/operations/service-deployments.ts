import { EcsError, clientException, invalidParameter, serviceNotFound } from '../errors.js';
import {
  type Body,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringList,
  pageSize,
  requiredString,
} from '../input.js';
import { nextToken, paginate } from '../pagination.js';
import type { ServiceDeploymentRecord, ServiceRecord } from '../model.js';
import { briefServiceDeployment, describeServiceDeployment, markStopped } from '../service-deployments.js';
import { stopRolling } from '../rollout.js';
import { continueAtHook, rollBackStages, stageReason, stagesInProgress } from '../strategies.js';
import type { World } from '../world.js';
import type { OperationContext } from './context.js';

const MAX_DESCRIBED = 20;

export function listServiceDeployments(body: Body, { world }: OperationContext): Body {
  const service = world.findService(optionalString(body, 'cluster'), requiredString(body, 'service'));
  if (!service) throw serviceNotFound();
  const statuses = optionalStringList(body, 'status');
  const createdAt = optionalObject(body, 'createdAt');
  const after = createdAt && optionalNumber(createdAt, 'after');
  const before = createdAt && optionalNumber(createdAt, 'before');
  const records = service.serviceDeployments.filter(
    (record) =>
      (statuses === undefined || statuses.includes(record.status)) &&
      (after === undefined || record.createdAt / 1000 >= after) &&
      (before === undefined || record.createdAt / 1000 <= before),
  );
  const page = paginate(records, pageSize(body, 20, 100), optionalString(body, 'nextToken'));
  return { serviceDeployments: page.items.map(briefServiceDeployment), ...nextToken(page.nextToken) };
}

export function describeServiceDeployments(body: Body, { world, now }: OperationContext): Body {
  const { visibleAfterMs, forgottenAfterMs } = world.options.serviceDeploymentsMissing;
  const answered = (record: ServiceDeploymentRecord): boolean =>
    (visibleAfterMs === undefined || now - record.createdAt >= visibleAfterMs) &&
    (forgottenAfterMs === undefined || now - record.createdAt < forgottenAfterMs);
  const arns = optionalStringList(body, 'serviceDeploymentArns') ?? [];
  if (arns.length === 0 || arns.length > MAX_DESCRIBED) {
    throw invalidParameter(`serviceDeploymentArns must have between 1 and ${MAX_DESCRIBED} items.`);
  }
  const serviceDeployments: Body[] = [];
  const failures: Body[] = [];
  for (const arn of arns) {
    const { service, record } = findServiceDeployment(world, arn);
    if (service && record && answered(record)) serviceDeployments.push(describeServiceDeployment(record, service));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

function findServiceDeployment(world: World, arn: string): { service?: ServiceRecord; record?: ServiceDeploymentRecord } {
  const [clusterName = '', serviceName = ''] = arn.split(':service-deployment/')[1]?.split('/') ?? [];
  const service = world.clusters.get(clusterName)?.services.get(serviceName);
  const record = service?.serviceDeployments.find((candidate) => candidate.arn === arn);
  return { ...(service ? { service } : {}), ...(record ? { record } : {}) };
}

const notFound = (): EcsError =>
  new EcsError('ServiceDeploymentNotFoundException', 'The service deployment does not exist. Use ListServiceDeployments to get the service deployment ARNs.');

/**
 * ROLLBACK (the default) puts the service back on the source revision; ABORT stops where it stands. A rolling
 * deployment rolls back as the circuit breaker's rollback does, to the last deployment that completed.
 */
export function stopServiceDeployment(body: Body, { world, now }: OperationContext): Body {
  const arn = requiredString(body, 'serviceDeploymentArn');
  const stopType = optionalString(body, 'stopType') ?? 'ROLLBACK';
  if (stopType !== 'ROLLBACK' && stopType !== 'ABORT') throw invalidParameter('stopType must be ROLLBACK or ABORT.');
  const { service, record } = findServiceDeployment(world, arn);
  if (!service || !record) throw notFound();
  if (record.status === 'ROLLBACK_REQUESTED' || record.status === 'ROLLBACK_IN_PROGRESS' || record.status === 'STOP_REQUESTED') {
    return { serviceDeploymentArn: arn };
  }
  if (record.status !== 'PENDING' && record.status !== 'IN_PROGRESS') {
    throw new EcsError('ConflictException', `The service deployment is ${record.status} and cannot be stopped.`);
  }
  if (!stagesInProgress(record)) {
    if (service.strategy.strategy !== 'ROLLING') throw clientException('The service deployment has not started its lifecycle stages.');
    stopRolling(world.rollout, service, record, stopType, now);
    return { serviceDeploymentArn: arn };
  }
  if (stopType === 'ABORT') markStopped(record, now, 'Service deployment stopped by a StopServiceDeployment request.');
  else rollBackStages(world.rollout, service, record, now, stageReason.stopRequested, true);
  return { serviceDeploymentArn: arn };
}

export function continueServiceDeployment(body: Body, { world, now }: OperationContext): Body {
  const arn = requiredString(body, 'serviceDeploymentArn');
  const hookId = requiredString(body, 'hookId');
  const action = optionalString(body, 'action') ?? 'CONTINUE';
  if (action !== 'CONTINUE' && action !== 'ROLLBACK') throw invalidParameter('action must be CONTINUE or ROLLBACK.');
  const { service, record } = findServiceDeployment(world, arn);
  if (!service || !record) throw notFound();
  const hook = record.stages?.hooks.find((candidate) => candidate.hookId === hookId);
  if (!stagesInProgress(record) || !hook || hook.status !== 'AWAITING_ACTION') {
    throw clientException(`No pause hook ${hookId} awaits action in this service deployment.`);
  }
  continueAtHook(world.rollout, service, record, hook, action, now);
  return { serviceDeploymentArn: arn };
}

/** DescribeServiceRevisions: each revision a deployment of any service ran or runs, with its task definition. */
export function describeServiceRevisions(body: Body, { world }: OperationContext): Body {
  const arns = optionalStringList(body, 'serviceRevisionArns') ?? [];
  if (arns.length === 0 || arns.length > MAX_DESCRIBED) {
    throw invalidParameter(`serviceRevisionArns must have between 1 and ${MAX_DESCRIBED} items.`);
  }
  const serviceRevisions: Body[] = [];
  const failures: Body[] = [];
  for (const arn of arns) {
    const found = findRevision(world, arn);
    if (found) serviceRevisions.push(found);
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceRevisions, failures };
}

function findRevision(world: World, arn: string): Body | undefined {
  for (const cluster of world.clusters.values()) {
    for (const service of cluster.services.values()) {
      const deployments = [...service.deployments, ...service.serviceDeployments.flatMap((record) => [record.target, ...record.sources])];
      const deployment = deployments.find((candidate) => candidate.revisionArn === arn);
      if (deployment) {
        return { serviceRevisionArn: arn, serviceArn: service.arn, clusterArn: cluster.arn, taskDefinition: deployment.taskDefinitionArn, createdAt: deployment.createdAt / 1000 };
      }
    }
  }
  return undefined;
}
