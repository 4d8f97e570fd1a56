// ECS Express Mode services: an ordinary ECS service (canary deployments, circuit breaker with rollback) plus what
// CreateExpressGatewayService / UpdateExpressGatewayService / DescribeExpressGatewayService say about it: the
// infrastructure role, the status, and the active configurations with their ingress paths.
// Facts and the readings chosen where AWS is unclear: docs/express-notes.md.
import { randomBytes } from 'node:crypto';
import type { Account } from './arns.js';
import { EcsError, clientException, invalidParameter } from './errors.js';
import type { Body, Json } from './input.js';
import type { ServiceRecord, TaskDefinitionRecord } from './model.js';

export interface ExpressReadings {
  /** How long after an update DescribeExpressGatewayService still names the previous deployment. */
  currentDeploymentLagMs: number;
  /** serving: every configuration whose revision still has a deployment, newest first; latest: the PRIMARY's only. */
  activeConfigurations: 'serving' | 'latest';
  /** Whether DescribeServices shows taskDefinition for an Express service. */
  describeServicesTaskDefinition: boolean;
  /** The error that refuses a task definition without FARGATE compatibility. */
  fargateRefusal: 'InvalidParameterException' | 'PlatformTaskDefinitionIncompatibilityException';
  /** The canary ECS runs for an Express service (minutes may be fractions). AWS: 5%, 3 minutes, then 3 more. */
  canary: { canaryPercent: number; canaryBakeTimeInMinutes: number; bakeTimeInMinutes: number };
}

export const AWS_EXPRESS_READINGS: ExpressReadings = {
  currentDeploymentLagMs: 0,
  activeConfigurations: 'serving',
  describeServicesTaskDefinition: false,
  fargateRefusal: 'InvalidParameterException',
  canary: { canaryPercent: 5, canaryBakeTimeInMinutes: 3, bakeTimeInMinutes: 3 },
};

export const EXPRESS_DEFAULTS = { cpu: '256', memory: '512', containerPort: 80, healthCheckPath: '/ping', targetValue: 60 } as const;

/** One requested configuration: what a deployment runs. */
export interface ExpressConfiguration {
  /** The ECS deployment (and service revision) that runs it. */
  deploymentId: string;
  serviceRevisionArn: string;
  taskDefinitionArn: string;
  /** The request's own members that describe the configuration (primaryContainer, cpu, healthCheckPath...). */
  members: Body;
  createdAt: number;
}

export interface ExpressRecord {
  infrastructureRoleArn: string;
  endpoint: string;
  statusReason?: string;
  /** Newest first. */
  configurations: ExpressConfiguration[];
  updatedAt: number;
  /** When the last UpdateExpressGatewayService was answered. */
  lastUpdateAt?: number;
  /** Shared with the world, so readings changed later apply. */
  readings: ExpressReadings;
}

/** The configuration members that cannot come with taskDefinitionArn. */
const OWNED_BY_TASK_DEFINITION = ['primaryContainer', 'executionRoleArn', 'taskRoleArn', 'cpu', 'memory', 'cpuArchitecture'] as const;
/** Members a request carries that make up a configuration. */
const CONFIGURATION_MEMBERS = [...OWNED_BY_TASK_DEFINITION, 'networkConfiguration', 'healthCheckPath', 'scalingTarget', 'taskDefinitionArn'] as const;
const SCALING_METRICS = ['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'];
const ARCHITECTURES = ['X86_64', 'ARM64'];
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
export const MAIN_CONTAINER = 'Main';

export function newEndpoint(account: Account, serviceName: string): string {
  return `https://${serviceName.toLowerCase().replace(/_/g, '-')}-${randomBytes(4).toString('hex')}.ecs.${account.region}.on.aws`;
}

export function checkServiceName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw invalidParameter('Service name can contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.');
  }
}

/** The request members that make up a configuration, checked as the API checks them. */
export function configurationMembers(body: Body): Body {
  const members: Body = {};
  for (const key of CONFIGURATION_MEMBERS) if (body[key] !== undefined && body[key] !== null) members[key] = body[key];
  if (members['taskDefinitionArn'] !== undefined) {
    const conflicting = OWNED_BY_TASK_DEFINITION.filter((key) => members[key] !== undefined);
    if (conflicting.length > 0) {
      throw invalidParameter(
        `When taskDefinitionArn is specified, ${conflicting.join(', ')} cannot be specified. Set these in the task definition instead.`,
      );
    }
  }
  checkMembers(members);
  return members;
}

function checkMembers(members: Body): void {
  const container = members['primaryContainer'];
  if (container !== undefined && (!isObject(container) || typeof container['image'] !== 'string' || container['image'] === '')) {
    throw invalidParameter('primaryContainer.image is required.');
  }
  for (const key of ['cpu', 'memory'] as const) {
    const value = members[key];
    if (value !== undefined && (typeof value !== 'string' || !/^\d+$/.test(value))) throw invalidParameter(`${key} must be a number of ${key === 'cpu' ? 'CPU units' : 'MiB'}.`);
  }
  const architecture = members['cpuArchitecture'];
  if (architecture !== undefined && !ARCHITECTURES.includes(String(architecture))) throw invalidParameter(`cpuArchitecture must be one of ${ARCHITECTURES.join(', ')}.`);
  const path = members['healthCheckPath'];
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) throw invalidParameter('healthCheckPath must start with a forward slash.');
  const scaling = members['scalingTarget'];
  if (scaling !== undefined) checkScaling(scaling);
}

function checkScaling(scaling: Json): void {
  if (!isObject(scaling)) throw invalidParameter('scalingTarget must be an object.');
  const metric = scaling['autoScalingMetric'];
  if (metric !== undefined && !SCALING_METRICS.includes(String(metric))) {
    throw invalidParameter(`autoScalingMetric must be one of ${SCALING_METRICS.join(', ')}.`);
  }
  const min = scaling['minTaskCount'];
  const max = scaling['maxTaskCount'];
  for (const [key, value] of [['minTaskCount', min], ['maxTaskCount', max]] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) throw invalidParameter(`${key} must be a non-negative integer.`);
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) throw invalidParameter('minTaskCount must be less than or equal to maxTaskCount.');
}

/** The documented rules for a task definition given by ARN. */
export function checkTaskDefinition(record: TaskDefinitionRecord | undefined, readings: ExpressReadings): TaskDefinitionRecord {
  if (!record) throw clientException('TaskDefinition not found.');
  if (record.status !== 'ACTIVE') throw invalidParameter('TaskDefinition is inactive');
  const compatibilities = record.body['requiresCompatibilities'];
  if (!Array.isArray(compatibilities) || !compatibilities.includes('FARGATE')) {
    throw new EcsError(readings.fargateRefusal, 'The task definition must have FARGATE compatibility to be used by an Express service.');
  }
  const containers = Array.isArray(record.body['containerDefinitions']) ? record.body['containerDefinitions'] : [];
  const main = containers.find((container) => isObject(container) && container['name'] === MAIN_CONTAINER);
  if (!isObject(main)) throw invalidParameter(`The task definition must have a container named ${MAIN_CONTAINER}.`);
  const mappings = Array.isArray(main['portMappings']) ? main['portMappings'] : [];
  const mapping = mappings[0];
  if (mappings.length !== 1 || !isObject(mapping)) {
    throw invalidParameter(`The container ${MAIN_CONTAINER} must have exactly one port mapping.`);
  }
  if ((mapping['protocol'] ?? 'tcp') !== 'tcp') throw invalidParameter(`The port mapping of the container ${MAIN_CONTAINER} must use TCP.`);
  if (typeof mapping['containerPort'] !== 'number' || typeof mapping['name'] !== 'string' || mapping['name'] === '') {
    throw invalidParameter(`The port mapping of the container ${MAIN_CONTAINER} must have a containerPort and a name.`);
  }
  return record;
}

/** The task definition Express registers for a configuration given as primaryContainer and the rest. */
export function managedTaskDefinition(family: string, members: Body, region: string): Body {
  const container = isObject(members['primaryContainer']) ? members['primaryContainer'] : {};
  const logs = isObject(container['awsLogsConfiguration']) ? container['awsLogsConfiguration'] : {};
  const credentials = isObject(container['repositoryCredentials']) ? container['repositoryCredentials'] : undefined;
  const main: Body = {
    name: MAIN_CONTAINER,
    image: container['image'] ?? '',
    essential: true,
    portMappings: [{ containerPort: container['containerPort'] ?? EXPRESS_DEFAULTS.containerPort, protocol: 'tcp', name: 'main' }],
    environment: container['environment'] ?? [],
    secrets: container['secrets'] ?? [],
    ...(container['command'] === undefined ? {} : { command: container['command'] }),
    ...(credentials ? { repositoryCredentials: credentials } : {}),
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': logs['logGroup'] ?? `/aws/ecs/${family}`,
        'awslogs-region': region,
        'awslogs-stream-prefix': logs['logStreamPrefix'] ?? 'ecs',
      },
    },
  };
  return {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: members['cpu'] ?? EXPRESS_DEFAULTS.cpu,
    memory: members['memory'] ?? EXPRESS_DEFAULTS.memory,
    runtimePlatform: { cpuArchitecture: members['cpuArchitecture'] ?? 'X86_64', operatingSystemFamily: 'LINUX' },
    ...(members['executionRoleArn'] === undefined ? {} : { executionRoleArn: members['executionRoleArn'] }),
    ...(members['taskRoleArn'] === undefined ? {} : { taskRoleArn: members['taskRoleArn'] }),
    containerDefinitions: [main],
  };
}

/** What an update asks for on top of the configuration in force: members not given keep their value. */
export function mergedMembers(previous: Body, given: Body): Body {
  const merged: Body = { ...previous, ...given };
  if (given['taskDefinitionArn'] !== undefined) {
    for (const key of OWNED_BY_TASK_DEFINITION) delete merged[key];
  } else if (OWNED_BY_TASK_DEFINITION.some((key) => given[key] !== undefined)) {
    delete merged['taskDefinitionArn'];
  }
  return merged;
}

/** Whether the merged members need a task definition Express registers itself. */
export function needsManagedTaskDefinition(merged: Body, given: Body): boolean {
  return merged['taskDefinitionArn'] === undefined && OWNED_BY_TASK_DEFINITION.some((key) => given[key] !== undefined);
}

/** The image of the Main container: what makes a deployment fail when it is a failing image. */
export function mainImage(record: TaskDefinitionRecord): string {
  const containers = Array.isArray(record.body['containerDefinitions']) ? record.body['containerDefinitions'] : [];
  const main = containers.find((container) => isObject(container) && container['name'] === MAIN_CONTAINER) ?? containers[0];
  return isObject(main) && typeof main['image'] === 'string' ? main['image'] : '';
}

export function configurationToWire(configuration: ExpressConfiguration, record: ExpressRecord, taskDefinition: TaskDefinitionRecord | undefined): Body {
  const members = configuration.members;
  const body = taskDefinition?.body ?? {};
  const fromTaskDefinition = (key: string): Json | undefined => members[key] ?? body[key];
  const scaling = isObject(members['scalingTarget']) ? members['scalingTarget'] : {};
  const runtime = isObject(body['runtimePlatform']) ? body['runtimePlatform'] : {};
  return withoutUndefined({
    serviceRevisionArn: configuration.serviceRevisionArn,
    executionRoleArn: fromTaskDefinition('executionRoleArn'),
    taskRoleArn: fromTaskDefinition('taskRoleArn'),
    taskDefinitionArn: configuration.taskDefinitionArn,
    cpu: fromTaskDefinition('cpu') ?? EXPRESS_DEFAULTS.cpu,
    memory: fromTaskDefinition('memory') ?? EXPRESS_DEFAULTS.memory,
    cpuArchitecture: members['cpuArchitecture'] ?? runtime['cpuArchitecture'] ?? 'X86_64',
    networkConfiguration: members['networkConfiguration'],
    healthCheckPath: members['healthCheckPath'] ?? EXPRESS_DEFAULTS.healthCheckPath,
    primaryContainer: members['primaryContainer'] ?? primaryContainerOf(body),
    scalingTarget: {
      minTaskCount: scaling['minTaskCount'] ?? 1,
      maxTaskCount: scaling['maxTaskCount'] ?? 20,
      autoScalingMetric: scaling['autoScalingMetric'] ?? 'AVERAGE_CPU',
      autoScalingTargetValue: scaling['autoScalingTargetValue'] ?? EXPRESS_DEFAULTS.targetValue,
    },
    ingressPaths: [{ accessType: 'PUBLIC', endpoint: record.endpoint }],
    createdAt: configuration.createdAt / 1000,
  });
}

/** The Main container of a task definition given by ARN, as primaryContainer reads. */
function primaryContainerOf(body: Body): Json | undefined {
  const containers = Array.isArray(body['containerDefinitions']) ? body['containerDefinitions'] : [];
  const main = containers.find((container) => isObject(container) && container['name'] === MAIN_CONTAINER);
  if (!isObject(main)) return undefined;
  const mapping = Array.isArray(main['portMappings']) && isObject(main['portMappings'][0]) ? main['portMappings'][0] : {};
  return withoutUndefined({ image: main['image'], containerPort: mapping['containerPort'], command: main['command'], environment: main['environment'], secrets: main['secrets'] });
}

/** The configurations DescribeExpressGatewayService lists as active, newest first. */
export function activeConfigurations(service: ServiceRecord, record: ExpressRecord): ExpressConfiguration[] {
  const live = service.deployments.map((deployment) => deployment.id);
  if (record.readings.activeConfigurations === 'latest') {
    const primary = record.configurations.find((configuration) => configuration.deploymentId === live[0]);
    return primary ? [primary] : [];
  }
  return record.configurations.filter((configuration) => live.includes(configuration.deploymentId));
}

/** The service deployment DescribeExpressGatewayService names as current at `now`. */
export function currentDeploymentArn(service: ServiceRecord, record: ExpressRecord, now: number): string | undefined {
  const lagging = record.lastUpdateAt !== undefined && now < record.lastUpdateAt + record.readings.currentDeploymentLagMs;
  return (lagging ? service.serviceDeployments[1] : service.serviceDeployments[0])?.arn;
}

function isObject(value: Json | undefined): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined(body: Record<string, Json | undefined>): Body {
  const out: Body = {};
  for (const [key, value] of Object.entries(body)) if (value !== undefined) out[key] = value;
  return out;
}
