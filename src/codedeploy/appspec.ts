// The AppSpec a CodeDeploy deployment of an ECS service is created with: the user's file with its TaskDefinition
// set to the revision this run deploys (everything else, Hooks included, kept as written), or, when there is no
// file, one made from the container name and port the service's load balancer names. Pure, apart from hashing.
import { createHash } from 'node:crypto';
import type { Service } from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';

export type YamlLibrary = Pick<typeof import('yaml'), 'parseDocument'>;

export type AppSpecData = Record<string, unknown>;

/** Where the AppSpec came from, for the log, the plan and the dry run. */
export type AppSpecSource =
  | { kind: 'file'; path: string; data: AppSpecData }
  | { kind: 'generated'; containerName: string; containerPort: number; fromService?: ServiceLaunch };

/**
 * What the replacement task set takes from the service, in the AppSpec's own key names. CodeDeploy does not read
 * them from the service: left out, a FARGATE_SPOT service's new tasks start as plain FARGATE.
 */
export interface ServiceLaunch {
  CapacityProviderStrategy?: { CapacityProvider: string; Base?: number; Weight?: number }[];
  PlatformVersion?: string;
  NetworkConfiguration?: { AwsvpcConfiguration: { Subnets: string[]; SecurityGroups?: string[]; AssignPublicIp?: string } };
}

/** The service's launch settings an AppSpec carries; empty when it has none. */
export function serviceLaunchOf(service: Service): ServiceLaunch {
  const strategy = service.capacityProviderStrategy ?? [];
  const awsvpc = service.networkConfiguration?.awsvpcConfiguration;
  return {
    ...(strategy.length > 0
      ? {
          CapacityProviderStrategy: strategy.map((item) => ({
            CapacityProvider: item.capacityProvider ?? '',
            ...(item.base !== undefined ? { Base: item.base } : {}),
            ...(item.weight !== undefined ? { Weight: item.weight } : {}),
          })),
        }
      : {}),
    ...(service.platformVersion ? { PlatformVersion: service.platformVersion } : {}),
    ...(awsvpc?.subnets
      ? {
          NetworkConfiguration: {
            AwsvpcConfiguration: {
              Subnets: awsvpc.subnets,
              ...(awsvpc.securityGroups ? { SecurityGroups: awsvpc.securityGroups } : {}),
              ...(awsvpc.assignPublicIp ? { AssignPublicIp: awsvpc.assignPublicIp } : {}),
            },
          },
        }
      : {}),
  };
}

export interface AppSpecContent {
  content: string;
  sha256: string;
}

/** Whether the text needs the YAML library: anything but a plain JSON document. */
export function appSpecNeedsYaml(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/** Reads an AppSpec file, JSON or YAML; `input` names the input in messages. */
export function parseAppSpec(text: string, path: string, yaml: YamlLibrary | undefined, input = 'codedeploy-appspec'): AppSpecData {
  const where = `${input}: ${path}`;
  let data: unknown;
  if (!appSpecNeedsYaml(text)) {
    data = JSON.parse(text) as unknown;
  } else {
    if (!yaml) throw new Error(`parseAppSpec: ${path} is not plain JSON and no YAML library was given`);
    const document = yaml.parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    const [error] = document.errors;
    if (error) {
      const at = error.linePos?.[0];
      throw new InputError(`${where}: invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}; fix the file.`);
    }
    data = document.toJS({ maxAliasCount: 100 }) as unknown;
  }
  if (!isObject(data)) throw new InputError(`${where}: an AppSpec is a mapping with version and Resources; the file holds something else.`);
  targetServicesOf(data, where);
  return data;
}

/** The AppSpec CodeDeploy's console documents for an ECS service, for a run without a file of its own. */
export function generatedAppSpec(taskDefinitionArn: string, containerName: string, containerPort: number, fromService: ServiceLaunch = {}): AppSpecData {
  return {
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: taskDefinitionArn,
            LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort },
            ...fromService,
          },
        },
      },
    ],
  };
}

/**
 * A copy of the user's AppSpec whose every TargetService names `taskDefinitionArn`. Keys are matched without regard
 * to case, as CodeDeploy reads them; the key the user wrote is kept.
 */
export function withTaskDefinition(data: AppSpecData, taskDefinitionArn: string): AppSpecData {
  const copy = structuredClone(data);
  for (const target of targetServicesOf(copy, 'codedeploy-appspec')) {
    const properties = ensureObject(target, 'Properties');
    properties[keyOf(properties, 'TaskDefinition') ?? 'TaskDefinition'] = taskDefinitionArn;
  }
  return copy;
}

/** The appspec for this run, from its source. */
export function appSpecFor(source: AppSpecSource, taskDefinitionArn: string): AppSpecData {
  return source.kind === 'file'
    ? withTaskDefinition(source.data, taskDefinitionArn)
    : generatedAppSpec(taskDefinitionArn, source.containerName, source.containerPort, source.fromService);
}

/** The revision CreateDeployment takes: the AppSpec as JSON, and its SHA-256, by which a lost answer is read back. */
export function appSpecContent(data: AppSpecData): AppSpecContent {
  const content = JSON.stringify(data);
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** The TaskDefinition the AppSpec's first TargetService names; undefined when it names none. */
export function taskDefinitionOfAppSpec(data: AppSpecData): string | undefined {
  const [target] = targetServicesOf(data, 'AppSpec');
  const propertiesKey = target ? keyOf(target, 'Properties') : undefined;
  const properties = propertiesKey && target ? target[propertiesKey] : undefined;
  if (!isObject(properties)) return undefined;
  const key = keyOf(properties, 'TaskDefinition');
  const value = key ? properties[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The names of the lifecycle hooks the AppSpec runs, in the order written. */
export function hookNames(data: AppSpecData): string[] {
  const hooksKey = keyOf(data, 'Hooks');
  const hooks = hooksKey ? data[hooksKey] : undefined;
  if (!Array.isArray(hooks)) return [];
  return hooks.flatMap((hook) => (isObject(hook) ? Object.keys(hook) : []));
}

/** One line for the log: where the AppSpec came from and what it keeps. */
export function describeAppSpec(source: AppSpecSource): string {
  if (source.kind === 'generated') {
    const carried = Object.keys(source.fromService ?? {}).map((key) => SERVICE_LAUNCH_NAMES[key as keyof ServiceLaunch]);
    const settings = carried.length > 0 ? `; ${carried.join(', ')} from the service` : '';
    return `generated (no appspec file): container ${source.containerName}, port ${source.containerPort} from the service's load balancer${settings}`;
  }
  const hooks = hookNames(source.data);
  return `${source.path}, TaskDefinition replaced${hooks.length > 0 ? `; hooks kept: ${hooks.join(', ')}` : ''}`;
}

const SERVICE_LAUNCH_NAMES: Record<keyof ServiceLaunch, string> = {
  CapacityProviderStrategy: 'capacity provider strategy',
  PlatformVersion: 'platform version',
  NetworkConfiguration: 'network configuration',
};

function targetServicesOf(data: AppSpecData, where: string): Record<string, unknown>[] {
  const resourcesKey = keyOf(data, 'Resources');
  const resources = resourcesKey ? data[resourcesKey] : undefined;
  const targets = Array.isArray(resources)
    ? resources.flatMap((resource) => {
        if (!isObject(resource)) return [];
        const key = keyOf(resource, 'TargetService');
        const target = key ? resource[key] : undefined;
        return isObject(target) ? [target] : [];
      })
    : [];
  if (targets.length === 0) {
    throw new InputError(`${where}: no Resources entry with a TargetService; an ECS AppSpec names its service under Resources: - TargetService.`);
  }
  return targets;
}

function ensureObject(parent: Record<string, unknown>, name: string): Record<string, unknown> {
  const key = keyOf(parent, name) ?? name;
  const value = parent[key];
  if (isObject(value)) return value;
  const made: Record<string, unknown> = {};
  parent[key] = made;
  return made;
}

function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
