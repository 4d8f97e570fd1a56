// What the Express calls carry, built from the typed inputs; the rules for the task definition; what the answers
// say. The requests are also sent to the stand-in with the real SDK, so builder and stand-in agree on the API.
import {
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, test } from 'vitest';
import { InputError, PreflightError } from '../../src/errors.js';
import {
  expressConfigurationChanges,
  expressCreateRequest,
  expressEndpoint,
  expressTagChanges,
  expressUpdateRequest,
  isExpressService,
} from '../../src/express/requests.js';
import { checkExpressTaskDefinition, expressTaskDefinitionProblem } from '../../src/express/task-definition-rules.js';
import { type Inputs, parseInputs } from '../../src/inputs/parse.js';
import { parseArgv, rawInputReader } from '../../src/inputs/sources.js';
import type { TaskDefinition } from '../../src/taskdef/types.js';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

function read(inputs: Readonly<Record<string, string>>): Inputs {
  const argv = Object.entries(inputs).map(([name, value]) => `--${name}=${value}`);
  return parseInputs(rawInputReader(parseArgv(argv, {}), {}, new Map()));
}

function expressDocument(change: (document: TaskDefinition) => void = () => {}): TaskDefinition {
  const document: TaskDefinition = {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: EXECUTION,
    containerDefinitions: [
      { name: 'Main', image: 'web:2', portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http' }] },
      { name: 'log-router', image: 'fluent-bit:3' },
    ],
  };
  change(document);
  return document;
}

const main = (document: TaskDefinition) => document.containerDefinitions?.[0] ?? {};

describe('the task definition rules', () => {
  test('a document with Main, one named TCP mapping and FARGATE passes', () => {
    expect(expressTaskDefinitionProblem(expressDocument(), 'task-definition')).toBeUndefined();
  });

  test.each<[string, (document: TaskDefinition) => void, RegExp]>([
    ['EC2 only', (d) => (d.requiresCompatibilities = ['EC2']), /^requires-compatibilities: an Express service runs on Fargate, and the task definition is for EC2; add FARGATE\.$/],
    ['no launch type', (d) => delete d.requiresCompatibilities, /^requires-compatibilities: .* names no launch type/],
    ['no Main', (d) => (main(d).name = 'app'), /^task-definition: an Express service runs the container named Main, and the task definition has app, log-router; rename/],
    ['no port', (d) => delete main(d).portMappings, /^container-port: the container Main maps no port.*set container-port, such as 8080\.$/],
    ['two ports', (d) => main(d).portMappings?.push({ containerPort: 9090, name: 'admin' }), /^task-definition: the container Main maps 2 ports \(8080\/tcp, 9090\/tcp\)/],
    ['udp', (d) => (main(d).portMappings = [{ containerPort: 53, protocol: 'udp', name: 'dns' }]), /^protocol: .* is udp, and an Express service needs tcp/],
    ['a port range', (d) => (main(d).portMappings = [{ containerPortRange: '8000-8010', name: 'r' }]), /^container-port: .* has no container port/],
    ['no port name', (d) => (main(d).portMappings = [{ containerPort: 8080 }]), /^task-definition: the port mapping 8080\/tcp of the container Main has no name.*add "name"/],
  ])('%s is refused, naming the input', (_label, change, message) => {
    const document = expressDocument(change);
    expect(expressTaskDefinitionProblem(document, 'task-definition')).toMatch(message);
    expect(() => checkExpressTaskDefinition(document, 'task-definition')).toThrow(PreflightError);
  });
});

describe('the requests', () => {
  const arn = 'arn:aws:ecs:us-east-1:123456789012:service/default/web';
  const td = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3';

  test('an update without Express inputs carries the task definition alone, and never roles, size or container', () => {
    expect(expressUpdateRequest(arn, td, read({ service: 'web' }).express)).toEqual({ serviceArn: arn, taskDefinitionArn: td });
  });

  test('an update carries the health check path, network and scaling target when given', () => {
    const inputs = read({ service: 'web', 'health-check-path': '/health', subnets: 'subnet-1a,subnet-2b', 'max-task-count': '6', 'auto-scaling-metric': 'AVERAGE_MEMORY' });
    expect(expressUpdateRequest(arn, td, inputs.express)).toEqual({
      serviceArn: arn,
      taskDefinitionArn: td,
      healthCheckPath: '/health',
      networkConfiguration: { subnets: ['subnet-1a', 'subnet-2b'] },
      scalingTarget: { maxTaskCount: 6, autoScalingMetric: 'AVERAGE_MEMORY' },
    });
  });

  test('a create needs the infrastructure role, naming the input, and carries the service tags', () => {
    expect(() => expressCreateRequest({ service: 'web', cluster: 'prod', taskDefinitionArn: td }, read({ service: 'web' }).express)).toThrow(
      new InputError(
        'express-infrastructure-role-arn: the service web does not exist in the cluster prod; set express-infrastructure-role-arn to create it as an Express service, or check service and cluster.',
      ),
    );
    const inputs = read({ service: 'web', 'express-infrastructure-role-arn': ROLE, 'service-tags': 'team=web' });
    expect(expressCreateRequest({ service: 'web', cluster: 'prod', taskDefinitionArn: td }, inputs.express)).toEqual({
      serviceName: 'web',
      cluster: 'prod',
      infrastructureRoleArn: ROLE,
      taskDefinitionArn: td,
      tags: [{ key: 'team', value: 'web' }],
    });
  });

  test('tag changes: new and changed tags are tagged, keys no longer wanted untagged, aws: keys left alone', () => {
    expect(
      expressTagChanges(
        [{ key: 'team', value: 'web' }, { key: 'tier', value: '1' }, { key: 'old', value: 'x' }, { key: 'aws:cloudformation:stack-name', value: 's' }],
        [{ key: 'team', value: 'web' }, { key: 'tier', value: '2' }, { key: 'owner', value: 'ana' }],
      ),
    ).toEqual({ tag: [{ key: 'tier', value: '2' }, { key: 'owner', value: 'ana' }], untagKeys: ['old'] });
  });

  test('configuration changes name what the update changes, and nothing when it changes nothing', () => {
    const active = { taskDefinitionArn: td, healthCheckPath: '/ping', scalingTarget: { minTaskCount: 1, maxTaskCount: 20 }, networkConfiguration: { subnets: ['subnet-2b', 'subnet-1a'] } };
    expect(expressConfigurationChanges(active, { serviceArn: arn, taskDefinitionArn: td, networkConfiguration: { subnets: ['subnet-1a', 'subnet-2b'] } })).toEqual([]);
    expect(expressConfigurationChanges(active, { serviceArn: arn, taskDefinitionArn: `${td.slice(0, -1)}4`, healthCheckPath: '/health', scalingTarget: { maxTaskCount: 6 } })).toEqual([
      { field: 'taskDefinitionArn', from: td, to: `${td.slice(0, -1)}4` },
      { field: 'healthCheckPath', from: '/ping', to: '/health' },
      { field: 'maxTaskCount', from: '20', to: '6' },
    ]);
  });
});

describe('against the stand-in, with the real SDK', () => {
  let standin: EcsStandin | undefined;
  afterEach(async () => {
    await standin?.close();
    standin = undefined;
  });

  test('create, then update from the inputs; the answers give the endpoint, the service reads as Express, tags follow', async () => {
    const s = await startEcsStandin({ timing: { rolloutMs: 200, stageMs: 20 }, express: { canary: { canaryPercent: 5, canaryBakeTimeInMinutes: 0.001, bakeTimeInMinutes: 0.001 } } });
    standin = s;
    const ecs = new ECSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
    const first = s.seedTaskDefinition(expressDocument() as never);
    const create = read({ service: 'web', 'express-infrastructure-role-arn': ROLE, 'service-tags': 'team=web\ntier=1', 'health-check-path': '/health' });
    const created = (await ecs.send(new CreateExpressGatewayServiceCommand(expressCreateRequest({ service: 'web', cluster: 'default', taskDefinitionArn: first }, create.express)))).service ?? {};
    expect(expressEndpoint(created)).toMatch(/^https:\/\/web-[0-9a-f]+\.ecs\.us-east-1\.on\.aws$/);
    const described = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0] ?? {};
    expect(isExpressService(described)).toBe(true);

    const second = s.seedTaskDefinition(expressDocument((d) => (main(d).image = 'web:3')) as never);
    const update = read({ service: 'web', 'service-tags': 'team=api', 'mutate-tags-on-update': 'true', 'min-task-count': '2' });
    const request = expressUpdateRequest(created.serviceArn ?? '', second, update.express);
    const active = created.activeConfigurations?.[0];
    expect(expressConfigurationChanges(active, request).map((change) => change.field)).toEqual(['taskDefinitionArn', 'minTaskCount']);
    await ecs.send(new UpdateExpressGatewayServiceCommand(request));
    const changes = expressTagChanges(created.tags ?? [], update.express.serviceTags);
    await ecs.send(new TagResourceCommand({ resourceArn: created.serviceArn, tags: changes.tag }));
    await ecs.send(new UntagResourceCommand({ resourceArn: created.serviceArn, tagKeys: changes.untagKeys }));
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: created.serviceArn }))).tags).toEqual([{ key: 'team', value: 'api' }]);

    const after = (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: created.serviceArn }))).service ?? {};
    expect(after.activeConfigurations?.[0]).toMatchObject({ taskDefinitionArn: second, healthCheckPath: '/health', scalingTarget: { minTaskCount: 2 } });
    expect(expressEndpoint(after)).toBe(expressEndpoint(created));
  });
});
