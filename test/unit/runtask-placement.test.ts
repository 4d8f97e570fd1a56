import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { describePlacement, resolvePlacement, type Placement, type PlacementOverrides } from '../../src/runtask/placement.js';

const none: PlacementOverrides = { subnets: [], securityGroups: [] };

const fargateService: Service = {
  launchType: 'FARGATE',
  platformVersion: '1.4.0',
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-web'], assignPublicIp: 'DISABLED' },
  },
};
const spotService: Service = {
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }],
  platformVersion: 'LATEST',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
};
const ec2Service: Service = { launchType: 'EC2' };

describe('resolvePlacement', () => {
  test.each<[string, Service | undefined, PlacementOverrides, string | undefined, Placement]>([
    [
      'copies a Fargate service',
      fargateService,
      none,
      'awsvpc',
      {
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-web'], assignPublicIp: 'DISABLED' } },
      },
    ],
    [
      'copies a service on a capacity provider strategy',
      spotService,
      none,
      'awsvpc',
      {
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 }],
        platformVersion: 'LATEST',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
      },
    ],
    ['copies an EC2 bridge service', ec2Service, none, 'bridge', { launchType: 'EC2' }],
    [
      'overrides each part of the network on its own',
      fargateService,
      { subnets: ['subnet-db'], securityGroups: [], assignPublicIp: 'ENABLED' },
      'awsvpc',
      {
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-db'], securityGroups: ['sg-web'], assignPublicIp: 'ENABLED' } },
      },
    ],
    [
      'a strategy override replaces the service launch type',
      fargateService,
      { ...none, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
      'awsvpc',
      {
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        platformVersion: '1.4.0',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-web'], assignPublicIp: 'DISABLED' } },
      },
    ],
    [
      'a launch type override replaces the service strategy; EC2 takes no platform version',
      spotService,
      { ...none, launchType: 'EC2' },
      'awsvpc',
      { launchType: 'EC2', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } } },
    ],
    ['without a service nor launch type: the cluster default strategy', undefined, none, 'bridge', {}],
    ['without a service, a network mode left unset is not awsvpc', undefined, none, undefined, {}],
    [
      'without a service: the subnets given',
      undefined,
      { subnets: ['subnet-x'], securityGroups: ['sg-x'], launchType: 'FARGATE' },
      'awsvpc',
      { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-x'], securityGroups: ['sg-x'] } } },
    ],
  ])('%s', (_, service, overrides, networkMode, expected) => {
    expect(resolvePlacement(service, overrides, networkMode)).toEqual(expected);
  });

  test.each<[string, Service | undefined]>([
    ['without a service', undefined],
    ['with a service that has no awsvpc configuration', ec2Service],
  ])('awsvpc without subnets is refused %s', (_, service) => {
    expect(() => resolvePlacement(service, none, 'awsvpc')).toThrow(InputError);
    expect(() => resolvePlacement(service, none, 'awsvpc')).toThrow(/^run-task-subnets: .*list the subnets/);
  });

  test('the service is never changed by an override', () => {
    const service = structuredClone(spotService);
    const placement = resolvePlacement(service, none, 'awsvpc');
    placement.capacityProviderStrategy?.push({ capacityProvider: 'X' });
    expect(service).toEqual(spotService);
  });
});

test.each<[string, Placement, string]>([
  ['the cluster default', {}, "the cluster's default capacity provider strategy"],
  [
    'a Fargate network',
    { launchType: 'FARGATE', platformVersion: 'LATEST', networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1', 's-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } } },
    'launch type FARGATE; platform LATEST; subnets s-1, s-2; security groups sg-1; public IP on',
  ],
  ['a strategy', { capacityProviderStrategy: [{ capacityProvider: 'SPOT', weight: 2, base: 1 }, { capacityProvider: 'ON' }] }, 'capacity providers SPOT weight 2 base 1, ON'],
])('describePlacement: %s', (_, placement, line) => {
  expect(describePlacement(placement)).toBe(line);
});
