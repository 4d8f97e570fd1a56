// Registers rendered task definitions to moto through the real SDK and checks that what comes back
// (with the defaults moto fills in) compares equal to what was sent, and unequal after one change.
import { readFileSync } from 'node:fs';
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { parseKeyValueLines } from '../../src/inputs/kv-lines.js';
import { applyEdits } from '../../src/taskdef/apply-edits.js';
import { describeChanges, NO_CHANGES } from '../../src/taskdef/diff.js';
import { sameDocument } from '../../src/taskdef/normalize.js';
import { parseTaskDefinitionText, toTaskDefinitionDocument } from '../../src/taskdef/parse-file.js';
import { renderNewTaskDefinition } from '../../src/taskdef/render.js';
import type { ContainerDefinition, TaskDefinitionDocument, TaskDefinitionEdits } from '../../src/taskdef/types.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';

const missing = motoMissing();
const title = missing ? `task definitions registered to moto (${missing})` : 'task definitions registered to moto';

const fixture = (name: string): TaskDefinitionDocument =>
  parseTaskDefinitionText(readFileSync(new URL(`../fixtures/taskdef/${name}`, import.meta.url), 'utf8'), name, yaml);

function edits(change: Partial<TaskDefinitionEdits>): TaskDefinitionEdits {
  return { images: new Map(), environment: [], environmentMode: 'merge', secrets: [], secretsMode: 'merge', tags: [], ...change };
}

const seed = (family: string): TaskDefinitionDocument => ({
  taskDefinition: renderNewTaskDefinition({ family, containerName: 'ContainerName', image: 'ImageName:tag', memory: 300, containerPort: 8080, hostPort: 0, protocol: 'tcp' }),
  tags: [],
});

const fromFile = (family: string): TaskDefinitionDocument =>
  applyEdits(
    fixture('register-input.yaml'),
    edits({
      family,
      containerName: 'web',
      images: new Map([['', 'shop:2.0.0'], ['worker', 'shop-worker:2.0.0']]),
      environment: parseKeyValueLines('QUERY=a=b&c=d\nBLANK=\n-MODE', 'environment'),
      secrets: parseKeyValueLines('SIGNING_KEY=arn:aws:secretsmanager:us-east-1:123456789012:secret:signing', 'secrets'),
      tags: [{ key: 'env', value: 'prod' }],
    }),
  );

const fargate = (family: string): TaskDefinitionDocument =>
  applyEdits(
    fixture('fargate.yaml'),
    edits({
      family,
      images: new Map([['', 'public.ecr.aws/nginx/nginx:1.28']]),
      command: ['nginx', '-g', 'daemon off;'],
      taskCpu: '0.25 vCPU',
      tags: [{ key: 'team', value: 'edge' }],
    }),
  );

const newAwsvpc = (family: string): TaskDefinitionDocument =>
  applyEdits(
    {
      taskDefinition: renderNewTaskDefinition({ family, containerName: 'api', image: 'api:1', cpu: 256, memory: 512, containerPort: 80, hostPort: 0, protocol: 'tcp', networkMode: 'awsvpc' }),
      tags: [],
    },
    edits({ requiresCompatibilities: ['FARGATE'], taskCpu: '256', taskMemory: '1 GB', executionRoleArn: 'arn:aws:iam::123456789012:role/exec', environment: parseKeyValueLines('A=1\nEMPTY=', 'environment') }),
  );

type Change = (doc: TaskDefinitionDocument, first: ContainerDefinition) => void;

const changes: [string, Change][] = [
  ['the image', (_doc, first) => void (first.image = `${first.image ?? ''}-next`)],
  ['an environment value', (_doc, first) => void (first.environment = [...(first.environment ?? []), { name: 'ADDED', value: '' }])],
  ['container memory', (_doc, first) => void (first.memory = (first.memory ?? 128) + 1)],
  ['a tag', (doc) => void (doc.tags = [...doc.tags, { key: 'changed', value: 'yes' }])],
  ['the network mode', (doc) => void (doc.taskDefinition.networkMode = doc.taskDefinition.networkMode === 'host' ? 'bridge' : 'host')],
];

describe.skipIf(missing !== undefined)(title, () => {
  let moto: MotoServer | undefined;
  let ecs: ECSClient;
  let run = 0;

  beforeAll(async () => {
    moto = await startMoto();
    ecs = new ECSClient({ endpoint: moto.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });

  afterAll(async () => {
    ecs?.destroy();
    await moto?.stop();
  });

  async function registerAndDescribe(doc: TaskDefinitionDocument): Promise<TaskDefinitionDocument> {
    const input = { ...doc.taskDefinition, ...(doc.tags.length > 0 ? { tags: doc.tags } : {}) } as unknown as RegisterTaskDefinitionCommandInput;
    const registered = await ecs.send(new RegisterTaskDefinitionCommand(input));
    const arn = registered.taskDefinition?.taskDefinitionArn;
    if (!arn) throw new Error('moto answered no taskDefinitionArn');
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
    return toTaskDefinitionDocument(described, arn);
  }

  test.each<[string, (family: string) => TaskDefinitionDocument]>([
    ["the seed's register-task-definition call", seed],
    ['a YAML file with images, environment, secrets and tags applied', fromFile],
    ['a Fargate file with vCPU, command and tags', fargate],
    ['a new awsvpc task definition with task size in GB', newAwsvpc],
  ])('%s: equal to what moto describes, unequal after one change', async (_name, render) => {
    run += 1;
    const rendered = render(`moto-case-${run}`);
    const described = await registerAndDescribe(rendered);

    expect(described.taskDefinition).toHaveProperty('containerDefinitions');
    expect(sameDocument(rendered, described)).toBe(true);
    expect(describeChanges(described, rendered)).toEqual([NO_CHANGES]);

    for (const [what, change] of changes) {
      const changed = structuredClone(rendered);
      const first = changed.taskDefinition.containerDefinitions?.[0];
      if (!first) throw new Error('rendered task definition has no container');
      change(changed, first);
      expect(sameDocument(changed, described), `after changing ${what}`).toBe(false);
    }
  });
});
