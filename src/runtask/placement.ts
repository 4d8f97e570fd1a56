// Where a one-off task runs: by default exactly where the service runs (network, launch type or capacity provider
// strategy, platform version); the run-task-* inputs override each part. Without a service, what is not given is
// left to the cluster: no launch type and no strategy means the cluster's default capacity provider strategy.
import type {
  AwsVpcConfiguration,
  CapacityProviderStrategyItem,
  LaunchType,
  NetworkConfiguration,
  RunTaskCommandInput,
  Service,
} from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';
import type { RunTaskOptions } from './options.js';

export interface Placement {
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
}

export type PlacementOverrides = Pick<
  RunTaskOptions,
  'subnets' | 'securityGroups' | 'assignPublicIp' | 'launchType' | 'capacityProviderStrategy'
>;

type ServicePlacement = Pick<Service, 'networkConfiguration' | 'launchType' | 'capacityProviderStrategy' | 'platformVersion'>;

export function resolvePlacement(
  service: ServicePlacement | undefined,
  overrides: PlacementOverrides,
  networkMode: string | undefined,
): Placement {
  const placement: Placement = launch(service, overrides);
  const platformVersion = service?.platformVersion;
  if (platformVersion && placement.launchType !== 'EC2' && placement.launchType !== 'EXTERNAL' && placement.launchType !== 'MANAGED_INSTANCES') {
    placement.platformVersion = platformVersion;
  }
  if (networkMode === 'awsvpc') placement.networkConfiguration = { awsvpcConfiguration: awsvpc(service, overrides) };
  return placement;
}

function launch(service: ServicePlacement | undefined, overrides: PlacementOverrides): Placement {
  if (overrides.launchType) return { launchType: overrides.launchType };
  if (overrides.capacityProviderStrategy) return { capacityProviderStrategy: [...overrides.capacityProviderStrategy] };
  if (service?.capacityProviderStrategy && service.capacityProviderStrategy.length > 0) {
    return { capacityProviderStrategy: service.capacityProviderStrategy.map((item) => ({ ...item })) };
  }
  if (service?.launchType) return { launchType: service.launchType };
  return {};
}

function awsvpc(service: ServicePlacement | undefined, overrides: PlacementOverrides): AwsVpcConfiguration {
  const base = service?.networkConfiguration?.awsvpcConfiguration;
  const subnets = overrides.subnets.length > 0 ? [...overrides.subnets] : base?.subnets ?? [];
  if (subnets.length === 0) {
    throw new InputError(
      service
        ? 'run-task-subnets: the task definition uses awsvpc but the service has no awsvpc network configuration to copy: list the subnets the task runs in'
        : 'run-task-subnets: the task definition uses awsvpc and there is no service to copy the network from: list the subnets the task runs in',
    );
  }
  const configuration: AwsVpcConfiguration = { subnets };
  const securityGroups = overrides.securityGroups.length > 0 ? [...overrides.securityGroups] : base?.securityGroups;
  if (securityGroups && securityGroups.length > 0) configuration.securityGroups = securityGroups;
  const assignPublicIp = overrides.assignPublicIp ?? base?.assignPublicIp;
  if (assignPublicIp) configuration.assignPublicIp = assignPublicIp;
  return configuration;
}

/** One line for logs and dry runs: where the task runs. */
export function describePlacement(
  placement: Pick<RunTaskCommandInput, 'launchType' | 'capacityProviderStrategy' | 'platformVersion' | 'networkConfiguration'>,
): string {
  const parts: string[] = [];
  if (placement.launchType) parts.push(`launch type ${placement.launchType}`);
  else if (placement.capacityProviderStrategy) {
    const items = placement.capacityProviderStrategy.map(
      (item) => `${item.capacityProvider}${item.weight !== undefined ? ` weight ${item.weight}` : ''}${item.base ? ` base ${item.base}` : ''}`,
    );
    parts.push(`capacity providers ${items.join(', ')}`);
  } else parts.push("the cluster's default capacity provider strategy");
  if (placement.platformVersion) parts.push(`platform ${placement.platformVersion}`);
  const vpc = placement.networkConfiguration?.awsvpcConfiguration;
  if (vpc) {
    parts.push(`subnets ${(vpc.subnets ?? []).join(', ')}`);
    if (vpc.securityGroups?.length) parts.push(`security groups ${vpc.securityGroups.join(', ')}`);
    parts.push(`public IP ${vpc.assignPublicIp === 'ENABLED' ? 'on' : 'off'}`);
  }
  return parts.join('; ');
}
