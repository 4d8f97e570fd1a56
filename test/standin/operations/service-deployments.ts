import { invalidParameter, serviceNotFound } from '../errors.js';
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
import { briefServiceDeployment, describeServiceDeployment } from '../service-deployments.js';
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

export function describeServiceDeployments(body: Body, { world }: OperationContext): Body {
  const arns = optionalStringList(body, 'serviceDeploymentArns') ?? [];
  if (arns.length === 0 || arns.length > MAX_DESCRIBED) {
    throw invalidParameter(`serviceDeploymentArns must have between 1 and ${MAX_DESCRIBED} items.`);
  }
  const serviceDeployments: Body[] = [];
  const failures: Body[] = [];
  for (const arn of arns) {
    const [clusterName = '', serviceName = ''] = arn.split(':service-deployment/')[1]?.split('/') ?? [];
    const service = world.clusters.get(clusterName)?.services.get(serviceName);
    const record = service?.serviceDeployments.find((candidate) => candidate.arn === arn);
    if (service && record) serviceDeployments.push(describeServiceDeployment(record, service));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}
