import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { describeChanges, NO_CHANGES, REDACTED, renderTaskDefinitionJson } from '../../src/taskdef/diff.js';
import { parseTaskDefinitionText } from '../../src/taskdef/parse-file.js';
import type { ContainerDefinition, TaskDefinitionDocument } from '../../src/taskdef/types.js';

const fixture = (name: string): TaskDefinitionDocument =>
  parseTaskDefinitionText(readFileSync(new URL(`../fixtures/taskdef/${name}`, import.meta.url), 'utf8'), name, yaml);

const SECRET_VALUE = 'hunter2-do-not-print';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password-AbCdEf';

function running(): TaskDefinitionDocument {
  return {
    taskDefinition: {
      family: 'app',
      networkMode: 'bridge',
      executionRoleArn: 'arn:aws:iam::1:role/exec',
      containerDefinitions: [
        {
          name: 'web',
          image: 'web:1',
          cpu: 0,
          memory: 256,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          environment: [{ name: 'KEEP', value: 'same' }, { name: 'PASSWORD', value: SECRET_VALUE }, { name: 'GONE', value: SECRET_VALUE }],
          secrets: [{ name: 'DB', valueFrom: SECRET_ARN }],
          command: ['serve', `--token=${SECRET_VALUE}`],
          mountPoints: [],
        },
        { name: 'worker', image: 'worker:1', essential: false },
      ],
    },
    tags: [{ key: 'team', value: 'a' }],
  };
}

type Change = (doc: TaskDefinitionDocument, web: ContainerDefinition) => void;

describe('describeChanges', () => {
  test.each<[string, Change, string[]]>([
    ['nothing', () => undefined, [NO_CHANGES]],
    ['only what ECS fills in', (_doc, web) => void Object.assign(web, { volumesFrom: [], environment: [...(web.environment ?? [])].reverse() }), [NO_CHANGES]],
    ['image', (_doc, web) => void (web.image = 'web:2'), ['container web: image web:1 → web:2']],
    [
      'environment added, changed, removed',
      (_doc, web) => void (web.environment = [{ name: 'KEEP', value: 'same' }, { name: 'PASSWORD', value: `${SECRET_VALUE}-rotated` }, { name: 'NEW', value: SECRET_VALUE }]),
      ['container web: environment added NEW; changed PASSWORD; removed GONE (values not shown)'],
    ],
    ['secret reference changed', (_doc, web) => void (web.secrets = [{ name: 'DB', valueFrom: `${SECRET_ARN}-2` }]), ['container web: secrets changed DB (values not shown)']],
    ['secrets added and removed', (_doc, web) => void (web.secrets = [{ name: 'API', valueFrom: SECRET_ARN }]), ['container web: secrets added API; removed DB (values not shown)']],
    ['container cpu and memory', (_doc, web) => void Object.assign(web, { cpu: 128, memory: 512 }), ['container web: cpu 0 → 128', 'container web: memory 256 → 512']],
    ['task cpu and memory', (doc) => void Object.assign(doc.taskDefinition, { cpu: '1 vCPU', memory: '2048' }), ['task cpu: (not set) → 1024', 'task memory: (not set) → 2048']],
    ['ports', (_doc, web) => void (web.portMappings = [{ containerPort: 8080, hostPort: 80 }, { containerPort: 53, protocol: 'udp' }]), ['container web: ports 80/tcp → 53/udp, 80:8080/tcp']],
    ['port settings beyond numbers', (_doc, web) => void (web.portMappings = [{ containerPort: 80, name: 'http' }]), ['container web: port mapping settings changed (80/tcp)']],
    ['roles', (doc) => void Object.assign(doc.taskDefinition, { executionRoleArn: 'arn:aws:iam::1:role/exec2', taskRoleArn: 'arn:aws:iam::1:role/task' }), ['execution role: arn:aws:iam::1:role/exec → arn:aws:iam::1:role/exec2', 'task role: (not set) → arn:aws:iam::1:role/task']],
    ['network mode and compatibilities', (doc) => void Object.assign(doc.taskDefinition, { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] }), ['network mode: bridge → awsvpc', 'requires compatibilities: (not set) → FARGATE']],
    ['command', (_doc, web) => void (web.command = ['serve', `--token=${SECRET_VALUE}x`]), ['container web: command changed (not shown)']],
    ['repository credentials', (_doc, web) => void (web.repositoryCredentials = { credentialsParameter: SECRET_ARN }), [`container web: repository credentials (not set) → ${SECRET_ARN}`]],
    ['essential', (_doc, web) => void (web['essential'] = false), ['container web: essential true → false']],
    ['a field without its own wording', (_doc, web) => void (web['logConfiguration'] = { logDriver: 'awslogs', options: { token: SECRET_VALUE } }), ['container web: logConfiguration changed']],
    ['a task field without its own wording', (doc) => void (doc.taskDefinition['volumes'] = [{ name: 'data' }]), ['volumes changed']],
    ['tags', (doc) => void (doc.tags = [{ key: 'team', value: 'b' }, { key: 'env', value: SECRET_VALUE }]), ['tags added env; changed team']],
    ['a container added', (doc) => void doc.taskDefinition.containerDefinitions?.push({ name: 'proxy', image: 'envoy:1' }), ['container proxy: added (image envoy:1)']],
    ['a container removed', (doc) => void doc.taskDefinition.containerDefinitions?.pop(), ['container worker: removed']],
  ])('%s', (_name, change, expected) => {
    const after = running();
    const web = after.taskDefinition.containerDefinitions?.[0];
    if (!web) throw new Error('fixture has no container');
    change(after, web);
    const lines = describeChanges(running(), after);
    expect(lines).toEqual(expected);
    expect(lines.join('\n')).not.toContain(SECRET_VALUE);
  });

  test('no values anywhere, whatever changes at once', () => {
    const after = running();
    after.taskDefinition.containerDefinitions = [
      { name: 'web', image: 'web:2', environment: [{ name: 'PASSWORD', value: 'x' }, { name: 'OTHER', value: SECRET_VALUE }], secrets: [{ name: 'DB', valueFrom: 'arn:other' }], command: [SECRET_VALUE] },
    ];
    const text = describeChanges(running(), after).join('\n');
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain('arn:other');
    expect(text).toContain('container web: image web:1 → web:2');
  });

  test('against the revision a file made: no changes', () => {
    expect(describeChanges(fixture('describe-output.json'), fixture('register-input.yaml'))).toEqual([NO_CHANGES]);
  });

  test('no revision to compare with', () => {
    expect(describeChanges(undefined, fixture('register-input.json'))).toEqual([
      'new task definition for family shop: no earlier revision to compare with',
      'container web: image 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.0.0',
      'container worker: image 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-worker:1.0.0',
    ]);
  });
});

describe('renderTaskDefinitionJson', () => {
  test('the RegisterTaskDefinition input with tags inside, pretty', () => {
    const doc: TaskDefinitionDocument = { taskDefinition: { family: 'f', containerDefinitions: [{ name: 'c', image: 'i', environment: [{ name: 'A', value: '' }] }] }, tags: [{ key: 'k', value: 'v' }] };
    const text = renderTaskDefinitionJson(doc);
    expect(JSON.parse(text)).toEqual({ ...doc.taskDefinition, tags: doc.tags });
    expect(text).toContain('\n  "family": "f",\n');
  });

  test('no tags key when there are no tags', () => {
    expect(JSON.parse(renderTaskDefinitionJson({ taskDefinition: { family: 'f' }, tags: [] }))).toEqual({ family: 'f' });
  });

  test.each([
    [false, SECRET_VALUE],
    [true, REDACTED],
  ])('redactEnvironment %s', (redactEnvironment, shownValue) => {
    const doc = running();
    const parsed = JSON.parse(renderTaskDefinitionJson(doc, { redactEnvironment })) as TaskDefinitionDocument['taskDefinition'];
    expect(parsed.containerDefinitions?.[0]?.environment?.[1]).toEqual({ name: 'PASSWORD', value: shownValue });
    expect(parsed.containerDefinitions?.[0]?.secrets).toEqual([{ name: 'DB', valueFrom: SECRET_ARN }]);
    expect(doc).toEqual(running());
  });
});
