import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { normalizeForCompare, sameDocument } from '../../src/taskdef/normalize.js';
import { parseTaskDefinitionText } from '../../src/taskdef/parse-file.js';
import type { ContainerDefinition, TaskDefinitionDocument } from '../../src/taskdef/types.js';

const fixture = (name: string): TaskDefinitionDocument =>
  parseTaskDefinitionText(readFileSync(new URL(`../fixtures/taskdef/${name}`, import.meta.url), 'utf8'), name, yaml);

const seed: TaskDefinitionDocument = {
  taskDefinition: {
    family: 'TaskDefinitionFamily',
    containerDefinitions: [{ name: 'ContainerName', image: 'ImageName:tag', memory: 300, portMappings: [{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }] }],
  },
  tags: [],
};

/** The seed as moto 5 describes it after registering. */
const seedDescribed: TaskDefinitionDocument = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/TaskDefinitionFamily:1',
    containerDefinitions: [
      {
        name: 'ContainerName',
        image: 'ImageName:tag',
        cpu: 0,
        memory: 300,
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
      },
    ],
    family: 'TaskDefinitionFamily',
    networkMode: 'bridge',
    revision: 1,
    volumes: [],
    status: 'ACTIVE',
    placementConstraints: [],
    compatibilities: ['EC2'],
  },
  tags: [],
};

const fargate: TaskDefinitionDocument = {
  taskDefinition: {
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE', 'EC2'],
    cpu: '0.25 vCPU',
    memory: '0.5 GB',
    containerDefinitions: [
      { name: 'sidecar', image: 's', essential: false },
      { name: 'api', image: 'a', portMappings: [{ containerPort: 443 }, { containerPort: 80 }], environment: [{ name: 'B', value: '2' }, { name: 'A', value: '' }] },
    ],
    enableFaultInjection: false,
  },
  tags: [{ key: 'z', value: '1' }, { key: 'a', value: '2' }],
};

/** The same definition the way ECS answers it: defaults filled in, lists in its own order. */
const fargateDescribed: TaskDefinitionDocument = {
  taskDefinition: {
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['EC2', 'FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '256',
    memory: '512',
    revision: 4,
    containerDefinitions: [
      {
        name: 'api',
        image: 'a',
        cpu: 0,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }, { containerPort: 443, hostPort: 443, protocol: 'tcp' }],
        environment: [{ name: 'A', value: '' }, { name: 'B', value: '2' }],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
      },
      { name: 'sidecar', image: 's', cpu: 0, essential: false, portMappings: [], environment: [], mountPoints: [], volumesFrom: [] },
    ],
    volumes: [],
    placementConstraints: [],
  },
  tags: [{ key: 'a', value: '2' }, { key: 'z', value: '1' }],
};

describe('sameDocument: what ECS fills in or reorders does not count', () => {
  test.each<[string, TaskDefinitionDocument, TaskDefinitionDocument]>([
    ['the seed and what moto answers for it', seed, seedDescribed],
    ['a file and the DescribeTaskDefinition output of the revision it made', fixture('register-input.json'), fixture('describe-output.json')],
    ['the YAML file too', fixture('register-input.yaml'), fixture('describe-output.json')],
    ['Fargate: hostPort, protocol, vCPU and GB, list orders, enableFaultInjection', fargate, fargateDescribed],
  ])('%s', (_name, rendered, described) => {
    expect(sameDocument(rendered, described)).toBe(true);
    expect(sameDocument(described, rendered)).toBe(true);
  });

  test('normalizeForCompare gives plain data that equal definitions share', () => {
    expect(normalizeForCompare(fargate)).toEqual(normalizeForCompare(fargateDescribed));
    expect(normalizeForCompare(seed)).not.toEqual(normalizeForCompare(fargate));
  });
});

type Change = (doc: TaskDefinitionDocument, web: ContainerDefinition) => void;

describe('sameDocument: one field changed', () => {
  const base = (): TaskDefinitionDocument => ({
    taskDefinition: {
      family: 'app',
      containerDefinitions: [
        {
          name: 'web',
          image: 'web:1',
          memory: 256,
          portMappings: [{ containerPort: 80 }],
          environment: [{ name: 'A', value: '1' }, { name: 'EMPTY', value: '' }],
          secrets: [{ name: 'S', valueFrom: 'arn:s' }],
          command: ['run'],
        },
      ],
    },
    tags: [{ key: 'team', value: 'a' }],
  });

  test.each<[string, Change, boolean]>([
    ['nothing', () => undefined, true],
    ['image', (_doc, web) => void (web.image = 'web:2'), false],
    ['an environment value', (_doc, web) => void (web.environment = [{ name: 'A', value: '2' }, { name: 'EMPTY', value: '' }]), false],
    ['an empty environment value left out', (_doc, web) => void (web.environment = [{ name: 'A', value: '1' }, { name: 'EMPTY' }]), false],
    ['an environment key added', (_doc, web) => void web.environment?.push({ name: 'B', value: '' }), false],
    ['environment order', (_doc, web) => void web.environment?.reverse(), true],
    ['a secret reference', (_doc, web) => void (web.secrets = [{ name: 'S', valueFrom: 'arn:s2' }]), false],
    ['a tag value', (doc) => void (doc.tags = [{ key: 'team', value: 'b' }]), false],
    ['a tag added', (doc) => void doc.tags.push({ key: 'env', value: 'prod' }), false],
    ['tags removed', (doc) => void (doc.tags = []), false],
    ['container memory', (_doc, web) => void (web.memory = 512), false],
    ['container cpu 0 written out', (_doc, web) => void (web.cpu = 0), true],
    ['container cpu 10', (_doc, web) => void (web.cpu = 10), false],
    ['essential true written out', (_doc, web) => void (web['essential'] = true), true],
    ['essential false', (_doc, web) => void (web['essential'] = false), false],
    ['hostPort 0 under bridge written out', (_doc, web) => void (web.portMappings = [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }]), true],
    ['a fixed hostPort under bridge', (_doc, web) => void (web.portMappings = [{ containerPort: 80, hostPort: 8080 }]), false],
    ['protocol udp', (_doc, web) => void (web.portMappings = [{ containerPort: 80, protocol: 'udp' }]), false],
    ['networkMode bridge written out', (doc) => void (doc.taskDefinition.networkMode = 'bridge'), true],
    ['networkMode host', (doc) => void (doc.taskDefinition.networkMode = 'host'), false],
    ['command', (_doc, web) => void (web.command = ['run', '--fast']), false],
    ['empty lists written out', (doc, web) => void Object.assign(web, { mountPoints: [], volumesFrom: [], dnsServers: [], dockerLabels: {} }, (doc.taskDefinition.volumes = [])), true],
    ['a field this code does not know', (_doc, web) => void (web['restartPolicy'] = { enabled: true }), false],
    ['an empty string kept by the user', (_doc, web) => void (web['user'] = ''), false],
    ['task cpu', (doc) => void (doc.taskDefinition.cpu = '512'), false],
    ['a task role', (doc) => void (doc.taskDefinition.taskRoleArn = 'arn:role'), false],
    ['requiresCompatibilities EC2', (doc) => void (doc.taskDefinition.requiresCompatibilities = ['EC2']), false],
    ['enableFaultInjection true', (doc) => void (doc.taskDefinition['enableFaultInjection'] = true), false],
    ['read-only fields', (doc) => void Object.assign(doc.taskDefinition, { revision: 9, status: 'INACTIVE', registeredAt: new Date() }), true],
  ])('%s', (_name, change, same) => {
    const changed = base();
    const web = changed.taskDefinition.containerDefinitions?.[0];
    if (!web) throw new Error('fixture has no container');
    change(changed, web);
    expect(sameDocument(base(), changed)).toBe(same);
  });

  test.each<[string, TaskDefinitionDocument['taskDefinition'], TaskDefinitionDocument['taskDefinition'], boolean]>([
    ['Fargate without networkMode is not taken for bridge', { family: 'f', requiresCompatibilities: ['FARGATE'], containerDefinitions: [] }, { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'bridge', containerDefinitions: [] }, false],
    ['task cpu as a number and as a string', { family: 'f', cpu: 256 as unknown as string }, { family: 'f', cpu: '256' }, true],
    ['1 vCPU and 1024', { family: 'f', cpu: '1 vcpu' }, { family: 'f', cpu: '1024' }, true],
    ['2GB and 2048', { family: 'f', memory: '2GB' }, { family: 'f', memory: '2048' }, true],
    ['1 vCPU and 512', { family: 'f', cpu: '1 vCPU' }, { family: 'f', cpu: '512' }, false],
    ['hostPort filled under awsvpc', { family: 'f', networkMode: 'awsvpc', containerDefinitions: [{ name: 'c', portMappings: [{ containerPort: 80 }] }] }, { family: 'f', networkMode: 'awsvpc', containerDefinitions: [{ name: 'c', portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] }] }, true],
    ['container order', { family: 'f', containerDefinitions: [{ name: 'a' }, { name: 'b' }] }, { family: 'f', containerDefinitions: [{ name: 'b' }, { name: 'a' }] }, true],
  ])('%s', (_name, a, b, same) => {
    expect(sameDocument({ taskDefinition: a, tags: [] }, { taskDefinition: b, tags: [] })).toBe(same);
  });

  test('comparing does not change either side', () => {
    const a = base();
    const b = base();
    sameDocument(a, b);
    expect(a).toEqual(base());
  });
});
