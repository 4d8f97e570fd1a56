// What the Express calls carry, built from the typed inputs, and what their answers say. The task definition is
// always given by ARN, so the roles, task size and container live in it and never in these requests (ECS refuses
// them beside taskDefinitionArn).
import type {
  CreateExpressGatewayServiceCommandInput,
  ECSExpressGatewayService,
  ExpressGatewayServiceConfiguration,
  ExpressGatewayServiceNetworkConfiguration,
  UpdateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';
import type { ExpressInputs } from '../inputs/express.js';
import type { Tag } from '../taskdef/types.js';

/** Whether DescribeServices describes an Express service (resourceManagementType ECS). */
export function isExpressService(service: { resourceManagementType?: string | undefined }): boolean {
  return service.resourceManagementType === 'ECS';
}

/** UpdateExpressGatewayService: the new revision, plus only what the inputs give. */
export function expressUpdateRequest(serviceArn: string, taskDefinitionArn: string, express: ExpressInputs): UpdateExpressGatewayServiceCommandInput {
  const network = networkConfiguration(express);
  return {
    serviceArn,
    taskDefinitionArn,
    ...(express.healthCheckPath === '' ? {} : { healthCheckPath: express.healthCheckPath }),
    ...(network ? { networkConfiguration: network } : {}),
    ...(express.scalingTarget ? { scalingTarget: { ...express.scalingTarget } } : {}),
  };
}

/** CreateExpressGatewayService for a service that does not exist yet; needs the infrastructure role. */
export function expressCreateRequest(
  target: { service: string; cluster: string; taskDefinitionArn: string },
  express: ExpressInputs,
): CreateExpressGatewayServiceCommandInput {
  if (target.service === '') {
    throw new InputError('service: creating an Express service needs its name; set service (or service-name).');
  }
  if (express.infrastructureRoleArn === '') {
    throw new InputError(
      `express-infrastructure-role-arn: the service ${target.service} does not exist in the cluster ${target.cluster}; set express-infrastructure-role-arn to create it as an Express service, or check service and cluster.`,
    );
  }
  const network = networkConfiguration(express);
  return {
    serviceName: target.service,
    cluster: target.cluster,
    infrastructureRoleArn: express.infrastructureRoleArn,
    taskDefinitionArn: target.taskDefinitionArn,
    ...(express.healthCheckPath === '' ? {} : { healthCheckPath: express.healthCheckPath }),
    ...(network ? { networkConfiguration: network } : {}),
    ...(express.scalingTarget ? { scalingTarget: { ...express.scalingTarget } } : {}),
    ...(express.serviceTags.length === 0 ? {} : { tags: express.serviceTags.map((tag) => ({ ...tag })) }),
  };
}

function networkConfiguration(express: ExpressInputs): ExpressGatewayServiceNetworkConfiguration | undefined {
  if (express.subnets.length === 0 && express.securityGroups.length === 0) return undefined;
  return {
    ...(express.subnets.length === 0 ? {} : { subnets: [...express.subnets] }),
    ...(express.securityGroups.length === 0 ? {} : { securityGroups: [...express.securityGroups] }),
  };
}

/**
 * mutate-tags-on-update: TagResource for the tags new or changed, UntagResource for the keys no longer wanted.
 * Keys starting with aws: belong to AWS and are left alone.
 */
export function expressTagChanges(
  current: readonly { key?: string | undefined; value?: string | undefined }[],
  desired: readonly Tag[],
): { tag: Tag[]; untagKeys: string[] } {
  const known = current.flatMap((tag) => (tag.key === undefined ? [] : [{ key: tag.key, value: tag.value ?? '' }]));
  const now = new Map(known.map((tag) => [tag.key, tag.value]));
  const wanted = new Set(desired.map((tag) => tag.key));
  return {
    tag: desired.filter((tag) => now.get(tag.key) !== tag.value).map((tag) => ({ ...tag })),
    untagKeys: known.map((tag) => tag.key).filter((key) => !wanted.has(key) && !key.toLowerCase().startsWith('aws:')),
  };
}

/** The service's URL: the endpoint of its newest active configuration's first ingress path. */
export function expressEndpoint(service: ECSExpressGatewayService): string | undefined {
  for (const configuration of service.activeConfigurations ?? []) {
    const endpoint = configuration.ingressPaths?.find((path) => path.endpoint)?.endpoint;
    if (endpoint) return endpoint;
  }
  return undefined;
}

export interface ExpressChange {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

/** What an update request changes in the configuration in force, for the dry run and to skip an update that changes nothing. */
export function expressConfigurationChanges(
  active: ExpressGatewayServiceConfiguration | undefined,
  request: UpdateExpressGatewayServiceCommandInput,
): ExpressChange[] {
  const changes: ExpressChange[] = [];
  const compare = (field: string, from: string | undefined, to: string | undefined): void => {
    if (to !== undefined && to !== (from ?? '')) changes.push({ field, from: from ?? '(not set)', to });
  };
  compare('taskDefinitionArn', active?.taskDefinitionArn, request.taskDefinitionArn);
  compare('healthCheckPath', active?.healthCheckPath, request.healthCheckPath);
  const list = (values: readonly string[] | undefined): string | undefined => (values === undefined ? undefined : [...values].sort().join(', '));
  compare('subnets', list(active?.networkConfiguration?.subnets), list(request.networkConfiguration?.subnets));
  compare('securityGroups', list(active?.networkConfiguration?.securityGroups), list(request.networkConfiguration?.securityGroups));
  const scaling = request.scalingTarget ?? {};
  for (const key of ['minTaskCount', 'maxTaskCount', 'autoScalingMetric', 'autoScalingTargetValue'] as const) {
    const from = active?.scalingTarget?.[key];
    const to = scaling[key];
    compare(key, from === undefined ? undefined : String(from), to === undefined ? undefined : String(to));
  }
  return changes;
}
