import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { InputError } from '../../src/errors.js';
import { parseKeyValueLines } from '../../src/inputs/kv-lines.js';
import { applyEdits } from '../../src/taskdef/apply-edits.js';
import { parseTaskDefinitionText } from '../../src/taskdef/parse-file.js';
import type { ContainerDefinition, TaskDefinitionDocument, TaskDefinitionEdits } from '../../src/taskdef/types.js';

const fixture = (name: string): TaskDefinitionDocument =>
  deepFreeze(parseTaskDefinitionText(readFileSync(new URL(`../fixtures/taskdef/${name}`, import.meta.url), 'utf8'), name, yaml));

function edits(change: Partial<TaskDefinitionEdits> = {}): TaskDefinitionEdits {
  return { images: new Map(), environment: [], environmentMode: 'merge', secrets: [], secretsMode: 'merge', tags: [], ...change };
}

function doc(containers: ContainerDefinition[], extra: Partial<TaskDefinitionDocument['taskDefinition']> = {}): TaskDefinitionDocument {
  return deepFreeze({ taskDefinition: { family: 'app', containerDefinitions: containers, ...extra }, tags: [] });
}

const one = doc([{ name: 'web', image: 'web:1', environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }] }]);
const two = doc([
  { name: 'web', image: 'web:1' },
  { name: 'worker', image: 'worker:1' },
]);

function container(result: TaskDefinitionDocument, name: string): ContainerDefinition | undefined {
  return result.taskDefinition.containerDefinitions?.find((item) => item.name === name);
}

describe('applyEdits: images', () => {
  test.each<[string, TaskDefinitionDocument, Partial<TaskDefinitionEdits>, Record<string, string>]>([
    ['the only container gets image', one, { images: new Map([['', 'web:2']]) }, { web: 'web:2' }],
    ['container-name picks the container', two, { images: new Map([['', 'worker:2']]), containerName: 'worker' }, { web: 'web:1', worker: 'worker:2' }],
    ['images sets each container', two, { images: new Map([['web', 'web:2'], ['worker', 'worker:2']]) }, { web: 'web:2', worker: 'worker:2' }],
    ['image with container-name, and images for another', two, { images: new Map([['', 'web:2'], ['worker', 'worker:2']]), containerName: 'web' }, { web: 'web:2', worker: 'worker:2' }],
    ['no image input leaves images alone', two, {}, { web: 'web:1', worker: 'worker:1' }],
  ])('%s', (_name, base, change, expected) => {
    const result = applyEdits(base, edits(change));
    const images = Object.fromEntries((result.taskDefinition.containerDefinitions ?? []).map((item) => [item.name, item.image]));
    expect(images).toEqual(expected);
  });

  test.each<[string, TaskDefinitionDocument, Partial<TaskDefinitionEdits>, RegExp]>([
    ['several containers and no name', two, { images: new Map([['', 'x:2']]) }, /^image: the task definition has 2 containers \(web, worker\): set container-name to the one they apply to, or give each container its image with images$/],
    ['container-name names no container', two, { images: new Map([['', 'x:2']]), containerName: 'api' }, /^container-name: the task definition has no container named "api"; it has: web, worker$/],
    ['images names no container', two, { images: new Map([['api', 'x:2']]) }, /^images: the task definition has no container named "api"; it has: web, worker$/],
    ['image and images both name one container', two, { images: new Map([['', 'web:2'], ['web', 'web:3']]), containerName: 'web' }, /^image and images: both set the image of container "web": keep one/],
    ['image for the only container and images for it too', one, { images: new Map([['', 'web:2'], ['web', 'web:3']]) }, /both set the image of container "web"/],
    ['container-name alone must exist too', two, { containerName: 'api' }, /^container-name: the task definition has no container named "api"/],
  ])('rejects %s', (_name, base, change, message) => {
    expect(() => applyEdits(base, edits(change))).toThrow(InputError);
    expect(() => applyEdits(base, edits(change))).toThrow(message);
  });
});

describe('applyEdits: environment and secrets', () => {
  test.each<[string, string, 'merge' | 'replace', { name: string; value: string }[]]>([
    ['set replaces in place, new keys appended', 'B=two\nD=4', 'merge', [{ name: 'A', value: '1' }, { name: 'B', value: 'two' }, { name: 'C', value: '3' }, { name: 'D', value: '4' }]],
    ["'=' inside values and empty values survive", 'A=x=y==\nE=', 'merge', [{ name: 'A', value: 'x=y==' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }, { name: 'E', value: '' }]],
    ['-KEY removes', '-B\n-MISSING', 'merge', [{ name: 'A', value: '1' }, { name: 'C', value: '3' }]],
    ['replace: exactly the set lines', 'Z=26\nA=1', 'replace', [{ name: 'Z', value: '26' }, { name: 'A', value: '1' }]],
    ['replace with no lines empties the list', '', 'replace', []],
    ['merge with no lines changes nothing', '', 'merge', [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }]],
  ])('environment: %s', (_name, lines, mode, expected) => {
    const result = applyEdits(one, edits({ environment: parseKeyValueLines(lines, 'environment'), environmentMode: mode }));
    expect(container(result, 'web')?.environment).toEqual(expected);
  });

  test('a set collapses duplicates of the name in the base', () => {
    const base = doc([{ name: 'web', image: 'i', environment: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: 'dup' }] }]);
    const result = applyEdits(base, edits({ environment: parseKeyValueLines('A=new', 'environment') }));
    expect(container(result, 'web')?.environment).toEqual([{ name: 'A', value: 'new' }, { name: 'B', value: '2' }]);
  });

  test.each<[string, 'merge' | 'replace', { name: string; valueFrom: string }[]]>([
    ['merge', 'merge', [{ name: 'DB', valueFrom: 'arn:db:2' }, { name: 'KEEP', valueFrom: 'arn:keep' }, { name: 'NEW', valueFrom: 'arn:new' }]],
    ['replace', 'replace', [{ name: 'DB', valueFrom: 'arn:db:2' }, { name: 'NEW', valueFrom: 'arn:new' }]],
  ])('secrets: %s', (_name, mode, expected) => {
    const base = doc([{ name: 'web', image: 'i', secrets: [{ name: 'DB', valueFrom: 'arn:db:1' }, { name: 'KEEP', valueFrom: 'arn:keep' }, { name: 'OLD', valueFrom: 'arn:old' }] }]);
    const result = applyEdits(base, edits({ secrets: parseKeyValueLines('DB=arn:db:2\nNEW=arn:new\n-OLD', 'secrets'), secretsMode: mode }));
    expect(container(result, 'web')?.secrets).toEqual(expected);
  });

  test('a container without environment gets one', () => {
    const result = applyEdits(two, edits({ containerName: 'worker', environment: parseKeyValueLines('A=1', 'environment') }));
    expect(container(result, 'worker')?.environment).toEqual([{ name: 'A', value: '1' }]);
    expect(container(result, 'web')).not.toHaveProperty('environment');
  });

  test.each<[string, Partial<TaskDefinitionEdits>, RegExp]>([
    ['environment', { environment: [{ op: 'set', key: 'A', value: '1' }] }, /^environment: the task definition has 2 containers \(web, worker\): set container-name/],
    ['environment replace mode with no lines', { environmentMode: 'replace' }, /^environment: the task definition has 2 containers/],
    ['secrets and command', { secrets: [{ op: 'remove', key: 'A' }], command: ['run'] }, /^secrets, command: the task definition has 2 containers/],
    ['cpu, memory, repository-credentials', { cpu: 1, memory: 2, repositoryCredentials: 'arn' }, /^cpu, memory, repository-credentials: the task definition has 2 containers/],
  ])('%s on several containers without container-name is refused', (_name, change, message) => {
    expect(() => applyEdits(two, edits(change))).toThrow(message);
  });
});

describe('applyEdits: other container and task fields', () => {
  test('command, cpu, memory and repository credentials go to the default container', () => {
    const base = doc([{ name: 'web', image: 'i', command: ['old'], repositoryCredentials: { credentialsParameter: 'arn:old' } }, { name: 'worker', image: 'w' }]);
    const result = applyEdits(base, edits({ containerName: 'web', command: ['node', 'server.js'], cpu: 128, memory: 256, repositoryCredentials: 'arn:aws:secretsmanager:us-east-1:1:secret:hub' }));
    expect(container(result, 'web')).toEqual({
      name: 'web',
      image: 'i',
      command: ['node', 'server.js'],
      cpu: 128,
      memory: 256,
      repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:1:secret:hub' },
    });
    expect(container(result, 'worker')).toEqual({ name: 'worker', image: 'w' });
  });

  test('task-level fields', () => {
    const result = applyEdits(one, edits({
      family: 'renamed',
      executionRoleArn: 'arn:exec',
      taskRoleArn: 'arn:task',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      taskCpu: '1 vCPU',
      taskMemory: '2048',
    }));
    const { containerDefinitions: _containers, ...task } = result.taskDefinition;
    expect(task).toEqual({ family: 'renamed', executionRoleArn: 'arn:exec', taskRoleArn: 'arn:task', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '1 vCPU', memory: '2048' });
  });

  test('tags merge by key: changed in place, new ones appended', () => {
    const base = deepFreeze({ ...one, tags: [{ key: 'team', value: 'a' }, { key: 'env', value: 'prod' }] });
    const result = applyEdits(base, edits({ tags: [{ key: 'team', value: 'b' }, { key: 'cost', value: '' }] }));
    expect(result.tags).toEqual([{ key: 'team', value: 'b' }, { key: 'env', value: 'prod' }, { key: 'cost', value: '' }]);
  });

  test('the base is never changed', () => {
    const base = fixture('register-input.json');
    const before = structuredClone(base);
    const result = applyEdits(base, edits({
      containerName: 'web',
      images: new Map([['', 'x:2'], ['worker', 'y:2']]),
      environment: parseKeyValueLines('MODE=off\n-EMPTY', 'environment'),
      secrets: parseKeyValueLines('NEW=arn', 'secrets'),
      command: ['a'],
      tags: [{ key: 'team', value: 'z' }],
      networkMode: 'awsvpc',
    }));
    expect(base).toEqual(before);
    expect(result).not.toEqual(before);
  });
});

describe('applyEdits: ports under awsvpc and host', () => {
  const bridge = doc([{ name: 'web', image: 'i', portMappings: [{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }, { containerPort: 9090 }, { hostPort: 443, containerPort: 443 }] }]);

  test.each(['awsvpc', 'host'])('%s: hostPort 0 is dropped, an equal or absent one kept', (networkMode) => {
    const result = applyEdits(bridge, edits({ networkMode }));
    expect(container(result, 'web')?.portMappings).toEqual([{ containerPort: 8080, protocol: 'tcp' }, { containerPort: 9090 }, { hostPort: 443, containerPort: 443 }]);
  });

  test('bridge keeps hostPort 0', () => {
    expect(container(applyEdits(bridge, edits()), 'web')?.portMappings).toEqual(bridge.taskDefinition.containerDefinitions?.[0]?.portMappings);
  });

  test('another hostPort under awsvpc is refused, naming the container and the fix', () => {
    const base = doc([{ name: 'web', image: 'i', portMappings: [{ hostPort: 8080, containerPort: 80 }] }]);
    expect(() => applyEdits(base, edits({ networkMode: 'awsvpc' }))).toThrow(
      /^container "web": port mapping 8080:80 cannot work under network mode awsvpc, where the host port is the container port: remove hostPort from the task definition or set it to 80$/,
    );
  });

  test('a Fargate file with hostPort 0 comes out registrable', () => {
    const result = applyEdits(fixture('fargate.yaml'), edits({ images: new Map([['', 'public.ecr.aws/nginx/nginx:1.28']]) }));
    expect(result).toEqual({
      taskDefinition: {
        family: 'api',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '0.5 GB',
        executionRoleArn: 'arn:aws:iam::123456789012:role/api-exec',
        taskRoleArn: 'arn:aws:iam::123456789012:role/api-task',
        containerDefinitions: [
          {
            name: 'api',
            image: 'public.ecr.aws/nginx/nginx:1.28',
            portMappings: [{ containerPort: 80 }, { containerPort: 443, hostPort: 443 }],
            environment: [{ name: 'FEATURE_FLAGS', value: 'a=1,b=2' }],
          },
        ],
      },
      tags: [],
    });
  });
});

describe('applyEdits: bases', () => {
  test('the latest revision (DescribeTaskDefinition output) as base: only the image changes', () => {
    const base = fixture('describe-output.json');
    const result = applyEdits(base, edits({ containerName: 'web', images: new Map([['', 'shop:2.0.0']]) }));
    const expected = structuredClone(base);
    const web = expected.taskDefinition.containerDefinitions?.[0];
    if (web) web.image = 'shop:2.0.0';
    expect(result).toEqual(expected);
    expect(result.taskDefinition).not.toHaveProperty('revision');
    expect(result.taskDefinition).not.toHaveProperty('taskDefinitionArn');
  });

  test.each<[string, TaskDefinitionDocument, Partial<TaskDefinitionEdits>, RegExp]>([
    ['no family anywhere', deepFreeze({ taskDefinition: { containerDefinitions: [{ name: 'c', image: 'i' }] }, tags: [] }), {}, /^family: the task definition has no family: set family, or put family in the task definition file$/],
    ['a container left without image', doc([{ name: 'web' }]), {}, /^image: container "web" has no image: set image \(with container-name\) or images$/],
    ['a container without name', doc([{ image: 'i' }]), {}, /^task-definition: container #1 has no name/],
    ['no containers at all', doc([]), { images: new Map([['', 'i']]) }, /^image: the task definition has no containers to apply them to$/],
  ])('rejects %s', (_name, base, change, message) => {
    expect(() => applyEdits(base, edits(change))).toThrow(message);
  });

  test('family from the input fills a file without one', () => {
    const base = deepFreeze({ taskDefinition: { containerDefinitions: [{ name: 'c', image: 'i' }] }, tags: [] });
    expect(applyEdits(base, edits({ family: 'f' })).taskDefinition.family).toBe('f');
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
