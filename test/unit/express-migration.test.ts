// The Express Mode inputs: what they are read as, what is refused (one line naming the input), and the documented
// examples of aws-actions/amazon-ecs-deploy-express-service converted through the migration table and read by us.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { InputError } from '../../src/errors.js';
import { EXPRESS_MIGRATIONS, migrateExpressInputs } from '../../src/inputs/express-migration.js';
import { type Inputs, parseInputs } from '../../src/inputs/parse.js';
import { findInput } from '../../src/inputs/schema.js';
import { parseArgv, rawInputReader } from '../../src/inputs/sources.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

function read(inputs: Readonly<Record<string, string>>): Inputs {
  const argv = Object.entries(inputs).map(([name, value]) => `--${name}=${value}`);
  return parseInputs(rawInputReader(parseArgv(argv, {}), {}, new Map()));
}

function refusal(inputs: Readonly<Record<string, string>>): string {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(inputs)}`);
}

const express = { service: 'web', image: 'web:2', 'express-infrastructure-role-arn': ROLE };

describe('Express inputs', () => {
  test('none given: nothing for the Express calls, so nothing changes', () => {
    expect(read({ service: 'web', image: 'web:2' }).express).toEqual({
      infrastructureRoleArn: '',
      healthCheckPath: '',
      scalingTarget: undefined,
      subnets: [],
      securityGroups: [],
      serviceTags: [],
      mutateTagsOnUpdate: false,
    });
  });

  test('each is read into the typed model', () => {
    const inputs = read({
      ...express,
      'health-check-path': '/health?deep=1',
      'min-task-count': '2',
      'max-task-count': '10',
      'auto-scaling-metric': 'REQUEST_COUNT_PER_TARGET',
      'auto-scaling-target-value': '12.5',
      subnets: 'subnet-0a1b2c3d, subnet-0e1f2a3b\nsubnet-0a1b2c3d',
      'security-groups': 'sg-12345678',
      'service-tags': 'team=web\ntier=1',
      'mutate-tags-on-update': 'true',
    });
    expect(inputs.express).toEqual({
      infrastructureRoleArn: ROLE,
      healthCheckPath: '/health?deep=1',
      scalingTarget: { minTaskCount: 2, maxTaskCount: 10, autoScalingMetric: 'REQUEST_COUNT_PER_TARGET', autoScalingTargetValue: 12.5 },
      subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
      securityGroups: ['sg-12345678'],
      serviceTags: [{ key: 'team', value: 'web' }, { key: 'tier', value: '1' }],
      mutateTagsOnUpdate: true,
    });
  });

  test('one scaling input alone is sent alone', () => {
    expect(read({ ...express, 'max-task-count': '4' }).express.scalingTarget).toEqual({ maxTaskCount: 4 });
  });

  test("their spellings with the same meaning are aliases: service-name, infrastructure-role-arn, wait-for-deployment", () => {
    const inputs = read({ 'service-name': 'web', image: 'web:2', 'infrastructure-role-arn': ROLE, 'wait-for-deployment': 'false' });
    expect(inputs).toMatchObject({ service: 'web', wait: false, express: { infrastructureRoleArn: ROLE } });
  });

  test.each([
    ['express-infrastructure-role-arn', { 'express-infrastructure-role-arn': 'ecsInfrastructureRole' }, /^express-infrastructure-role-arn: .*not an IAM role ARN/],
    ['health-check-path', { 'health-check-path': 'health' }, /^health-check-path: "health" must start with \//],
    ['min-task-count', { 'min-task-count': '5', 'max-task-count': '2' }, /^min-task-count: 5 is more than max-task-count \(2\)/],
    ['max-task-count', { 'max-task-count': '0' }, /^max-task-count: "0" is not a whole number/],
    ['auto-scaling-metric', { 'auto-scaling-metric': 'CPU' }, /^auto-scaling-metric: "CPU" is not one of AVERAGE_CPU, AVERAGE_MEMORY, REQUEST_COUNT_PER_TARGET/],
    ['auto-scaling-target-value', { 'auto-scaling-target-value': '70%' }, /^auto-scaling-target-value: "70%" is not a number above zero/],
    ['auto-scaling-target-value zero', { 'auto-scaling-target-value': '0' }, /^auto-scaling-target-value: /],
    ['subnets', { subnets: 'subnet-1234,vpc-1234' }, /^subnets: "vpc-1234" is not an ID such as subnet-/],
    ['security-groups', { 'security-groups': 'default' }, /^security-groups: "default" is not an ID such as sg-/],
    ['service-tags', { 'service-tags': 'aws:team=web' }, /^service-tags: the tag key "aws:team" starts with "aws:"/],
    ['mutate-tags-on-update without tags', { 'mutate-tags-on-update': 'true' }, /^mutate-tags-on-update: true without service-tags would remove every tag/],
  ])('%s is refused, naming it', (_label, given, message) => {
    expect(refusal({ ...express, ...given })).toMatch(message);
  });

  test.each([
    ['environment-variables', 'environment', '[{"name":"NODE_ENV","value":"production"}]', /^environment: a JSON array is the form of aws-actions\/amazon-ecs-deploy-express-service; write one KEY=VALUE line/],
    ['secrets', 'secrets', '[{"name":"DB","valueFrom":"arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}]', /^secrets: a JSON array is .* NAME=valueFrom line/],
  ])('their JSON-array %s is not our lines: refused with the fix, never echoing the value', (given, _ours, value, message) => {
    const refused = refusal({ ...express, [given]: value });
    expect(refused).toMatch(message);
    expect(refused).not.toContain('production');
    expect(refused).not.toContain('secret:db');
  });

  test('their JSON-array tags given as our tags is refused, pointing at service-tags', () => {
    expect(refusal({ ...express, tags: '[{"key":"team","value":"web"}]' })).toMatch(/^tags: tags the task definition .* use service-tags\.$/);
  });

  test('their cpu, memory and tags are not aliased: ours mean container units, container MiB and task definition tags', () => {
    for (const name of ['cpu', 'memory', 'tags']) expect(findInput(name)?.aliases ?? []).toEqual([]);
    expect(findInput('environment')?.aliases).not.toContain('environment');
  });
});

interface Fixture {
  expressions: Record<string, string>;
  examples: { name: string; source: string; with: Record<string, string> }[];
}

const fixture = yaml.parse(readFileSync('test/fixtures/aws-actions/express-examples.yml', 'utf8')) as Fixture;

function filled(value: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expression: string) => {
    const known = fixture.expressions[expression];
    if (known === undefined) throw new Error(`no value for the expression ${expression}`);
    return known;
  });
}

function example(name: string): Inputs {
  const found = fixture.examples.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no example ${name}`);
  const theirs = Object.fromEntries(Object.entries(found.with).map(([key, value]) => [key, filled(String(value))]));
  return read(migrateExpressInputs(theirs));
}

describe('their documented examples, converted through the migration table', () => {
  test('every example converts and reads without a refusal', () => {
    expect(fixture.examples.length).toBeGreaterThanOrEqual(9);
    for (const { name } of fixture.examples) expect(() => example(name), name).not.toThrow();
  });

  test('every input of their action has a row, and every input a row names is one of ours', () => {
    const theirs = [
      'service-name', 'image', 'execution-role-arn', 'infrastructure-role-arn', 'cluster', 'container-port',
      'environment-variables', 'secrets', 'command', 'log-group', 'log-stream-prefix', 'repository-credentials',
      'tags', 'mutate-tags-on-update', 'cpu', 'memory', 'task-role-arn', 'subnets', 'security-groups',
      'health-check-path', 'min-task-count', 'max-task-count', 'auto-scaling-metric', 'auto-scaling-target-value',
    ];
    const rows = EXPRESS_MIGRATIONS.map((migration) => migration.theirs);
    expect(theirs.filter((name) => !rows.includes(name))).toEqual([]);
    const used = new Set(fixture.examples.flatMap((e) => Object.keys(e.with)));
    expect([...used].filter((name) => !rows.includes(name))).toEqual([]);
    expect(EXPRESS_MIGRATIONS.flatMap((migration) => migration.ours).filter((name) => !findInput(name))).toEqual([]);
  });

  test('the complete example means the same here: task size, JSON lists as lines, service tags, network, scaling', () => {
    const inputs = example('Complete Example with All Options');
    expect(inputs).toMatchObject({
      service: 'my-service',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:v1.2.3',
      cluster: 'my-cluster',
      containerPort: 8080,
      executionRoleArn: EXECUTION,
      taskRoleArn: 'arn:aws:iam::123456789012:role/myTaskRole',
      taskCpu: '1024',
      taskMemory: '2048',
      cpu: undefined,
      memory: undefined,
      tags: [],
      command: ['node', 'server.js'],
      environment: [
        { key: 'NODE_ENV', value: 'production' },
        { key: 'LOG_LEVEL', value: 'info' },
      ],
      secrets: [{ key: 'DB_PASSWORD', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password' }],
      express: {
        infrastructureRoleArn: ROLE,
        healthCheckPath: '/health',
        subnets: ['subnet-12345678', 'subnet-87654321'],
        securityGroups: ['sg-12345678'],
        scalingTarget: { minTaskCount: 2, maxTaskCount: 10, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 70 },
        serviceTags: [
          { key: 'Environment', value: 'production' },
          { key: 'Team', value: 'backend' },
          { key: 'CostCenter', value: 'engineering' },
        ],
        mutateTagsOnUpdate: false,
      },
    });
  });

  test('the ECR example fills in the workflow expressions', () => {
    expect(example('Deploy with ECR Image').image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:3f2a9c1');
  });

  test('tags in both of their forms become the same service tags', () => {
    expect(example('Deploy with tags (JSON format)').express.serviceTags).toEqual(example('Deploy with tags (multiline format)').express.serviceTags);
  });

  test('log group and stream prefix become awslogs options; the rest keeps its name', () => {
    const inputs = example('The inputs without a README example (values of our own)');
    expect(inputs).toMatchObject({
      logDriver: 'awslogs',
      logOptions: [
        { key: 'awslogs-group', value: '/ecs/api' },
        { key: 'awslogs-stream-prefix', value: 'api' },
      ],
      repositoryCredentials: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-login',
      wait: true,
      waitTimeoutMs: 20 * 60_000,
      express: { serviceTags: [{ key: 'team', value: 'api' }], mutateTagsOnUpdate: true },
    });
  });

  test('a task definition of their own deploys as it is', () => {
    expect(example('A task definition of one\'s own (values of our own)')).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:7',
      wait: false,
      express: { healthCheckPath: '/ready' },
    });
  });

  test('an input their action does not have, and two of theirs setting one of ours differently, are refused', () => {
    expect(() => migrateExpressInputs({ 'desired-count': '2' })).toThrow(/^desired-count: not an input of aws-actions/);
    expect(() => migrateExpressInputs({ 'service-name': 'a', service: 'b' })).toThrow(/^service: sets service, which another/);
  });

  test("the README's migration section names every row", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### From aws-actions/amazon-ecs-deploy-express-service'));
    const table = section.slice(0, section.indexOf('\n### ', 5) === -1 ? undefined : section.indexOf('\n### ', 5));
    for (const migration of EXPRESS_MIGRATIONS) {
      expect(table, migration.theirs).toContain(`\`${migration.theirs}\``);
      for (const ours of migration.ours) expect(table, `${migration.theirs} → ${ours}`).toContain(`\`${ours}\``);
    }
  });
});
