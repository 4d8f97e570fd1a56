// Express Mode services in the stand-in, driven by the real ECS client on a manual clock.
import {
  CreateExpressGatewayServiceCommand,
  type CreateExpressGatewayServiceCommandInput,
  DeleteExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  type ServiceDeployment,
  StopServiceDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, test } from 'vitest';
import { type EcsStandin, type ExpressReadings, startEcsStandin } from './index.js';

const START = Date.parse('2026-03-02T10:00:00Z');
const TIMING = { stageMs: 100, hookMs: 50, rollbackMs: 400, rolloutMs: 400 };
const EXECUTION = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 0.01, bakeTimeInMinutes: 0.01 };

let standin: EcsStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(readings: Partial<ExpressReadings> = {}) {
  let now = START;
  const s = await startEcsStandin({ timing: TIMING, clock: () => now, express: { canary: CANARY, ...readings } });
  standin = s;
  const ecs = new ECSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
  const create = (input: Partial<CreateExpressGatewayServiceCommandInput> = {}) =>
    ecs.send(
      new CreateExpressGatewayServiceCommand({
        serviceName: 'web',
        infrastructureRoleArn: INFRASTRUCTURE,
        executionRoleArn: EXECUTION,
        primaryContainer: { image: 'nginx:1.24', containerPort: 8080 },
        ...input,
      }),
    );
  const describe = async (arn: string) => (await ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: arn }))).service ?? {};
  const deployment = async (arn: string): Promise<ServiceDeployment> =>
    (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0] ?? {};
  /** Moves the clock in small steps and answers every status and traffic share seen, until `until` holds. */
  const walk = async (arn: string, until: (sd: ServiceDeployment) => boolean, maxMs = 60_000) => {
    const seen: string[] = [];
    for (let spent = 0; spent <= maxMs; spent += 25) {
      const sd = await deployment(arn);
      const label = `${sd.status} ${sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0}`;
      if (seen.at(-1) !== label) seen.push(label);
      if (until(sd)) return { seen, last: sd, at: now };
      now += 25;
    }
    throw new Error(`not reached; seen ${seen.join(', ')}`);
  };
  return { s, ecs, create, describe, deployment, walk, advance: (ms: number) => (now += ms), now: () => now };
}

const finished = (sd: ServiceDeployment): boolean => ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'].includes(sd.status ?? '');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('accepted');
}

/** A task definition that meets the rules for taskDefinitionArn, changed by `change`. */
function seedExpressTaskDefinition(s: EcsStandin, change: (td: Record<string, unknown>, main: Record<string, unknown>) => void = () => {}): string {
  const main: Record<string, unknown> = { name: 'Main', image: 'web:2', portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http' }] };
  const td: Record<string, unknown> = {
    family: 'web-own',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: EXECUTION,
    containerDefinitions: [main, { name: 'sidecar', image: 'envoy:1' }],
  };
  change(td, main);
  return s.seedTaskDefinition(td as never);
}

describe('CreateExpressGatewayService', () => {
  test('creates an ECS service with a service deployment, an endpoint and a task definition with a Main container', async () => {
    const { s, ecs, create, describe, walk } = await start();
    const created = (await create({ tags: [{ key: 'team', value: 'web' }] })).service ?? {};
    expect(created.status?.statusCode).toBe('ACTIVE');
    expect(created.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/web');
    expect(created.currentDeployment).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/default\/web\//);
    const [configuration] = created.activeConfigurations ?? [];
    expect(configuration?.ingressPaths?.[0]?.endpoint).toMatch(/^https:\/\/web-[0-9a-f]{8}\.ecs\.us-east-1\.on\.aws$/);
    expect(configuration).toMatchObject({ cpu: '256', memory: '512', healthCheckPath: '/ping', executionRoleArn: EXECUTION });
    expect(s.taskDefinitions('web')[0]).toMatchObject({
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: [{ name: 'Main', image: 'nginx:1.24', portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'main' }] }],
    });

    // The same service as an ordinary ECS service, with its service deployment.
    const listed = await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }));
    expect(listed.serviceDeployments?.map((sd) => sd.serviceDeploymentArn)).toEqual([created.currentDeployment]);
    const ended = await walk(created.currentDeployment ?? '', finished);
    expect(ended.last.status).toBe('SUCCESSFUL');
    const services = await ecs.send(new DescribeServicesCommand({ services: ['web'], include: ['TAGS'] }));
    expect(services.services?.[0]).toMatchObject({ status: 'ACTIVE', runningCount: 1, deploymentConfiguration: { strategy: 'CANARY' } });
    expect(services.services?.[0]?.taskDefinition).toBeUndefined();
    expect((await describe(created.serviceArn ?? '')).tags).toBeUndefined();
    expect(s.expressService('web').tags).toEqual([{ key: 'team', value: 'web' }]);
  });

  test('DescribeServices marks it resourceManagementType ECS, and ListServices filters on it', async () => {
    const { s, ecs, create } = await start();
    s.seedTaskDefinition({ family: 'plain', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    s.seedService({ serviceName: 'plain', taskDefinition: 'plain:1' });
    await create();
    const described = await ecs.send(new DescribeServicesCommand({ services: ['web', 'plain'] }));
    expect(described.services?.map((service) => [service.serviceName, service.resourceManagementType])).toEqual([
      ['web', 'ECS'],
      ['plain', undefined],
    ]);
    const listed = async (type: 'ECS' | 'CUSTOMER') =>
      (await ecs.send(new ListServicesCommand({ resourceManagementType: type }))).serviceArns?.map((arn) => arn.split('/').pop());
    expect(await listed('ECS')).toEqual(['web']);
    expect(await listed('CUSTOMER')).toEqual(['plain']);
  });

  test('the other reading: DescribeServices shows the task definition', async () => {
    const { ecs, create } = await start({ describeServicesTaskDefinition: true });
    await create();
    const services = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(services.services?.[0]?.taskDefinition).toMatch(/:task-definition\/web:1$/);
  });

  test('a name in use is refused; a missing cluster other than default is refused', async () => {
    const { create } = await start();
    await create();
    expect(await refusal(create())).toBe('InvalidParameterException: Creation of service was not idempotent.');
    expect(await refusal(create({ cluster: 'elsewhere' }))).toBe('ClusterNotFoundException: Cluster not found.');
  });
});

describe('taskDefinitionArn rules', () => {
  test('a task definition with Main, one named TCP port mapping and FARGATE is deployed as it is', async () => {
    const { s, create, describe } = await start();
    const arn = seedExpressTaskDefinition(s);
    const created = (await create({ executionRoleArn: undefined, primaryContainer: undefined, taskDefinitionArn: arn })).service ?? {};
    const described = await describe(created.serviceArn ?? '');
    expect(described.activeConfigurations?.[0]).toMatchObject({ taskDefinitionArn: arn, cpu: '512', memory: '1024', primaryContainer: { image: 'web:2', containerPort: 8080 } });
    expect(s.taskDefinitions('web')).toEqual([]);
  });

  test.each([
    ['primaryContainer', { primaryContainer: { image: 'x' } }],
    ['executionRoleArn', { executionRoleArn: EXECUTION }],
    ['taskRoleArn', { taskRoleArn: EXECUTION }],
    ['cpu', { cpu: '512' }],
    ['memory', { memory: '1024' }],
    ['cpuArchitecture', { cpuArchitecture: 'ARM64' as const }],
  ])('with taskDefinitionArn, %s is refused', async (name, extra) => {
    const { s, create } = await start();
    const arn = seedExpressTaskDefinition(s);
    const refused = await refusal(create({ executionRoleArn: undefined, primaryContainer: undefined, taskDefinitionArn: arn, ...extra }));
    expect(refused).toMatch(new RegExp(`^InvalidParameterException: When taskDefinitionArn is specified, ${name} cannot be specified`));
  });

  test.each([
    ['no container named Main', (_td: Record<string, unknown>, main: Record<string, unknown>) => (main['name'] = 'app'), /container named Main/],
    ['two port mappings', (_td: Record<string, unknown>, main: Record<string, unknown>) => (main['portMappings'] = [{ containerPort: 80, name: 'a' }, { containerPort: 81, name: 'b' }]), /exactly one port mapping/],
    ['a UDP port mapping', (_td: Record<string, unknown>, main: Record<string, unknown>) => (main['portMappings'] = [{ containerPort: 80, name: 'a', protocol: 'udp' }]), /must use TCP/],
    ['a port mapping without a name', (_td: Record<string, unknown>, main: Record<string, unknown>) => (main['portMappings'] = [{ containerPort: 80 }]), /containerPort and a name/],
    ['EC2 compatibility only', (td: Record<string, unknown>) => (td['requiresCompatibilities'] = ['EC2']), /FARGATE compatibility/],
  ])('a task definition with %s is refused with InvalidParameterException, on create and on update', async (_label, change, reason) => {
    const { s, create, ecs } = await start();
    const bad = seedExpressTaskDefinition(s, change);
    const onCreate = await refusal(create({ serviceName: 'other', executionRoleArn: undefined, primaryContainer: undefined, taskDefinitionArn: bad }));
    expect(onCreate).toMatch(/^InvalidParameterException: /);
    expect(onCreate).toMatch(reason);
    const arn = (await create()).service?.serviceArn ?? '';
    const onUpdate = await refusal(ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: arn, taskDefinitionArn: bad })));
    expect(onUpdate).toMatch(reason);
    expect(s.serviceDeployments('web')).toHaveLength(1);
  });

  test('the other reading: a task definition without FARGATE is refused with PlatformTaskDefinitionIncompatibilityException', async () => {
    const { s, create } = await start({ fargateRefusal: 'PlatformTaskDefinitionIncompatibilityException' });
    const bad = seedExpressTaskDefinition(s, (td) => (td['requiresCompatibilities'] = ['EC2']));
    expect(await refusal(create({ executionRoleArn: undefined, primaryContainer: undefined, taskDefinitionArn: bad }))).toMatch(
      /^PlatformTaskDefinitionIncompatibilityException: /,
    );
  });

  test('a task definition that does not exist is refused with ClientException', async () => {
    const { create } = await start();
    expect(await refusal(create({ executionRoleArn: undefined, primaryContainer: undefined, taskDefinitionArn: 'nope:3' }))).toBe(
      'ClientException: TaskDefinition not found.',
    );
  });
});

describe('UpdateExpressGatewayService', () => {
  test('answers no deployment; the canary it starts moves 5% then 100% and ends with one active configuration', async () => {
    const { s, ecs, create, describe, walk } = await start();
    const created = (await create()).service ?? {};
    await walk(created.currentDeployment ?? '', finished);
    const arn = seedExpressTaskDefinition(s);
    const updated = await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, taskDefinitionArn: arn, healthCheckPath: '/health' }));
    expect(updated.service).toMatchObject({ serviceArn: created.serviceArn, status: { statusCode: 'ACTIVE' }, targetConfiguration: { taskDefinitionArn: arn, healthCheckPath: '/health' } });
    expect(JSON.stringify(updated.service)).not.toMatch(/currentDeployment|service-deployment\//);

    const current = (await describe(created.serviceArn ?? '')).currentDeployment ?? '';
    expect(current).not.toBe(created.currentDeployment);
    const during = await walk(current, (sd) => (sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0) === 5);
    expect((await describe(created.serviceArn ?? '')).activeConfigurations?.map((c) => c.taskDefinitionArn)).toEqual([arn, expect.stringMatching(/web:1$/)]);
    const ended = await walk(current, finished);
    expect(during.seen.concat(ended.seen)).toContain('IN_PROGRESS 100');
    expect(ended.last.status).toBe('SUCCESSFUL');
    const after = await describe(created.serviceArn ?? '');
    expect(after.activeConfigurations?.map((c) => c.taskDefinitionArn)).toEqual([arn]);
    expect(after.activeConfigurations?.[0]?.ingressPaths).toEqual(created.activeConfigurations?.[0]?.ingressPaths);
  });

  test('members not given keep their value: a health check path alone registers no task definition', async () => {
    const { s, ecs, create, describe } = await start();
    const created = (await create({ cpu: '1024', memory: '2048' })).service ?? {};
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, healthCheckPath: '/health' }));
    expect(s.taskDefinitions('web')).toHaveLength(1);
    expect((await describe(created.serviceArn ?? '')).activeConfigurations?.[0]).toMatchObject({ cpu: '1024', healthCheckPath: '/health' });
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, primaryContainer: { image: 'nginx:1.25' } }));
    expect(s.taskDefinitions('web').map((td) => td['cpu'])).toEqual(['1024', '1024']);
    expect(s.serviceDeployments('web')).toHaveLength(3);
  });

  test('an image that fails to start fails the deployment, which rolls back over time to the previous revision', async () => {
    const { s, ecs, create, describe, walk } = await start();
    const created = (await create()).service ?? {};
    await walk(created.currentDeployment ?? '', finished);
    s.failImage('nginx:broken');
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, primaryContainer: { image: 'nginx:broken' } }));
    const current = (await describe(created.serviceArn ?? '')).currentDeployment ?? '';
    const rollingBack = await walk(current, (sd) => sd.status === 'ROLLBACK_IN_PROGRESS');
    const ended = await walk(current, finished);
    expect(ended.last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(ended.last.rollback?.reason).toMatch(/Circuit breaker/);
    expect(ended.at - rollingBack.at).toBeGreaterThanOrEqual(TIMING.rollbackMs);
    const stopped = s.tasks('web').filter((task) => task['stopCode'] === 'TaskFailedToStart');
    expect(stopped.length).toBeGreaterThan(0);
    expect((await describe(created.serviceArn ?? '')).activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual(['nginx:1.24']);
  });

  test('StopServiceDeployment with ROLLBACK during the canary puts the previous revision back', async () => {
    const { ecs, create, describe, walk } = await start();
    const created = (await create()).service ?? {};
    await walk(created.currentDeployment ?? '', finished);
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, primaryContainer: { image: 'nginx:1.25' } }));
    const current = (await describe(created.serviceArn ?? '')).currentDeployment ?? '';
    await walk(current, (sd) => (sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0) === 5);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: current, stopType: 'ROLLBACK' }));
    const ended = await walk(current, finished);
    expect(ended.seen.map((label) => label.split(' ')[0])).toEqual(expect.arrayContaining(['ROLLBACK_REQUESTED', 'ROLLBACK_SUCCESSFUL']));
    expect((await describe(created.serviceArn ?? '')).activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual(['nginx:1.24']);
  });

  test('the other reading: currentDeployment names the previous deployment for a while after the update', async () => {
    const { ecs, create, describe, advance } = await start({ currentDeploymentLagMs: 1000 });
    const created = (await create()).service ?? {};
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, primaryContainer: { image: 'nginx:1.25' } }));
    expect((await describe(created.serviceArn ?? '')).currentDeployment).toBe(created.currentDeployment);
    advance(1000);
    expect((await describe(created.serviceArn ?? '')).currentDeployment).not.toBe(created.currentDeployment);
  });

  test('the other reading: activeConfigurations lists only the configuration of the PRIMARY deployment', async () => {
    const { ecs, create, describe } = await start({ activeConfigurations: 'latest' });
    const created = (await create()).service ?? {};
    await ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: created.serviceArn, primaryContainer: { image: 'nginx:1.25' } }));
    expect((await describe(created.serviceArn ?? '')).activeConfigurations?.map((c) => c.primaryContainer?.image)).toEqual(['nginx:1.25']);
  });
});

describe('statuses and errors', () => {
  test('deleting drains the service (DRAINING), then it is INACTIVE; updates are refused meanwhile', async () => {
    const { ecs, create, describe, advance } = await start();
    const arn = (await create()).service?.serviceArn ?? '';
    const deleted = await ecs.send(new DeleteExpressGatewayServiceCommand({ serviceArn: arn }));
    expect(deleted.service?.status?.statusCode).toBe('DRAINING');
    expect(await refusal(ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: arn, healthCheckPath: '/x' })))).toBe(
      'ServiceNotActiveException: Service was not ACTIVE.',
    );
    advance(TIMING.rollbackMs);
    expect((await describe(arn)).status?.statusCode).toBe('INACTIVE');
  });

  test('Describe of an unknown service is ResourceNotFoundException; Update of one is ServiceNotFoundException', async () => {
    const { ecs, create } = await start();
    await create();
    const missing = 'arn:aws:ecs:us-east-1:123456789012:service/default/nope';
    expect(await refusal(ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: missing })))).toMatch(/^ResourceNotFoundException: /);
    expect(await refusal(ecs.send(new UpdateExpressGatewayServiceCommand({ serviceArn: missing })))).toBe('ServiceNotFoundException: Service not found.');
  });

  test('tags change after creation through TagResource and UntagResource', async () => {
    const { ecs, create } = await start();
    const arn = (await create({ tags: [{ key: 'team', value: 'web' }, { key: 'tier', value: '1' }] })).service?.serviceArn ?? '';
    await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'team', value: 'api' }] }));
    await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['tier'] }));
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([{ key: 'team', value: 'api' }]);
  });
});
