// The stand-in driven by the real ECS client, as the bundle drives it in end-to-end tests.
import {
  DeleteTaskDefinitionsCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type Service,
  StopTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, test } from 'vitest';
import { type EcsStandin, type EcsStandinOptions, type ServiceSeed, startEcsStandin } from './index.js';

const TIMING = { rolloutMs: 800, taskLifetimeMs: 200, retryDelayMs: 50, maxRetryDelayMs: 400, rollbackMs: 500 };
const START = Date.parse('2026-03-02T10:00:00Z');

let standin: EcsStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

/** A manual clock: rollouts move only when the test says so. */
function manualClock(): { clock: () => number; advance: (ms: number) => void } {
  let now = START;
  return { clock: () => now, advance: (ms) => (now += ms) };
}

async function start(options: EcsStandinOptions = {}, seed: Partial<ServiceSeed> = {}): Promise<{ ecs: ECSClient; s: EcsStandin }> {
  const s = await startEcsStandin({ timing: TIMING, ...options });
  standin = s;
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] });
  s.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, ...seed });
  const ecs = new ECSClient({
    endpoint: s.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
  });
  return { ecs, s };
}

async function describeWeb(ecs: ECSClient): Promise<Service> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['web'] }));
  const service = services?.[0];
  if (!service) throw new Error('web not described');
  return service;
}

async function pollUntil(ecs: ECSClient, done: (service: Service) => boolean, timeoutMs = 5000): Promise<Service> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const service = await describeWeb(ecs);
    if (done(service)) return service;
    if (Date.now() > deadline) throw new Error(`timed out; last state: ${JSON.stringify(service.deployments)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const messages = (service: Service): string[] => (service.events ?? []).map((event) => event.message ?? '');
const primaryOf = (service: Service) => service.deployments?.find((deployment) => deployment.status === 'PRIMARY');

describe('rollouts in real time', () => {
  test('a healthy rollout completes in the configured time, with ECS-worded events', async () => {
    const { ecs } = await start();
    const before = await describeWeb(ecs);
    const oldId = primaryOf(before)?.id ?? '';
    expect(oldId).toMatch(/^ecs-svc\/\d{19}$/);

    const startedAt = Date.now();
    const { service: updated } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    expect(updated?.currentServiceDeployment).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/default\/web\/[A-Za-z0-9]{21}$/,
    );
    expect(updated?.deployments?.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    const newId = updated?.deployments?.[0]?.id ?? '';
    expect(newId).toMatch(/^ecs-svc\/\d{19}$/);
    expect(newId).not.toBe(oldId);

    const done = await pollUntil(ecs, (service) => primaryOf(service)?.rolloutState === 'COMPLETED');
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(TIMING.rolloutMs - 50);
    expect(elapsed).toBeLessThan(TIMING.rolloutMs + 1000);
    expect(done.deployments).toHaveLength(1);
    expect(done.deployments?.[0]).toMatchObject({ id: newId, runningCount: 2, pendingCount: 0, failedTasks: 0 });
    expect(done.runningCount).toBe(2);
    expect(done.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:2');
    expect(done.events?.[0]?.createdAt).toBeInstanceOf(Date);
    const [steady, completed] = messages(done);
    expect(steady).toBe('(service web) has reached a steady state.');
    expect(completed).toBe(`(service web) (deployment ${newId}) deployment completed.`);
    expect(messages(done)).toContainEqual(expect.stringMatching(/^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/));

    const { serviceDeployments } = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'default', service: 'web' }));
    expect(serviceDeployments?.[0]).toMatchObject({ serviceDeploymentArn: updated?.currentServiceDeployment, status: 'SUCCESSFUL' });
    expect(serviceDeployments?.[1]?.status).toBe('SUCCESSFUL');
  });

  test('the circuit breaker rolls back to the old deployment, which keeps its id and completes', async () => {
    const { ecs, s } = await start({}, { circuitBreaker: { enable: true, rollback: true } });
    s.setScenario('web', { name: 'circuit-breaker', failure: 'oom' });
    const oldId = primaryOf(await describeWeb(ecs))?.id ?? '';
    const { service: updated } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    const failedId = updated?.deployments?.[0]?.id ?? '';

    const failing = await pollUntil(ecs, (service) => service.deployments?.some((d) => d.rolloutState === 'FAILED') ?? false);
    expect(failing.deployments?.find((d) => d.id === failedId)).toMatchObject({
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      failedTasks: 3,
    });

    const restored = await pollUntil(
      ecs,
      (service) => primaryOf(service)?.id === oldId && primaryOf(service)?.rolloutState === 'COMPLETED',
    );
    expect(restored.deployments).toHaveLength(1);
    expect(restored.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    const log = messages(restored);
    const at = (text: string): number => log.indexOf(text);
    expect(at(`(service web) (deployment ${oldId}) deployment completed.`)).toBe(1);
    expect(at(`(service web) rolling back to deployment ${oldId}.`)).toBeGreaterThan(1);
    expect(at(`(service web) (deployment ${failedId}) deployment failed: tasks failed to start.`)).toBe(
      at(`(service web) rolling back to deployment ${oldId}.`) + 1,
    );

    const { serviceDeployments } = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [updated?.currentServiceDeployment ?? ''] }),
    );
    expect(serviceDeployments?.[0]).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      rollback: { reason: expect.any(String), startedAt: expect.any(Date) },
    });
    expect(serviceDeployments?.[0]?.rollback?.serviceRevisionArn).toBe(serviceDeployments?.[0]?.sourceServiceRevisions?.[0]?.arn);
  });
});

describe('rollouts on a manual clock', () => {
  test('stopped tasks are listed and described with their reasons; without rollback FAILED stays', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock }, { circuitBreaker: { enable: true, rollback: false } });
    s.setScenario('web', 'circuit-breaker');
    const { service: updated } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    const failedId = updated?.deployments?.[0]?.id ?? '';
    time.advance(10_000);

    const service = await describeWeb(ecs);
    expect(primaryOf(service)).toMatchObject({ id: failedId, rolloutState: 'FAILED', failedTasks: 3, runningCount: 0 });
    expect(service.deployments?.[1]).toMatchObject({ status: 'ACTIVE', runningCount: 2 });
    expect(messages(service)[0]).toBe(`(service web) (deployment ${failedId}) deployment failed: tasks failed to start.`);

    const { taskArns = [] } = await ecs.send(
      new ListTasksCommand({ cluster: 'default', serviceName: 'web', desiredStatus: 'STOPPED' }),
    );
    const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ cluster: 'default', tasks: taskArns }));
    const failed = tasks.filter((task) => task.startedBy === failedId && task.stopCode === 'EssentialContainerExited');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
      containers: [expect.objectContaining({ name: 'web', exitCode: 1, lastStatus: 'STOPPED' })],
    });
    expect(failed[0]?.stoppedAt).toBeInstanceOf(Date);

    const { serviceDeployments } = await ecs.send(new ListServiceDeploymentsCommand({ service: 'web', status: ['STOPPED'] }));
    expect(serviceDeployments).toHaveLength(1);

    const running = await ecs.send(new ListTasksCommand({ cluster: 'default', startedBy: failedId }));
    expect(running.taskArns).toEqual([]);
  });

  test('a client-driven rollback after a failure is an ordinary deployment that completes', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock }, { circuitBreaker: { enable: true, rollback: false } });
    s.setScenario('web', 'circuit-breaker');
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    time.advance(10_000);
    const { service } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:1' }));
    const rollbackId = service?.deployments?.[0]?.id ?? '';
    time.advance(TIMING.rolloutMs);
    const after = await describeWeb(ecs);
    expect(after.deployments).toEqual([expect.objectContaining({ id: rollbackId, rolloutState: 'COMPLETED', runningCount: 2 })]);
    expect(after.taskDefinition).toMatch(/task-definition\/web:1$/);
  });

  test('tasks failing health checks run for a while but never complete the rollout nor replace old tasks', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock }, { circuitBreaker: { enable: true, rollback: true } });
    s.setScenario('web', { name: 'circuit-breaker', failure: 'health-check' });
    const { service } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    const failingId = service?.deployments?.[0]?.id ?? '';
    const seen: string[] = [];
    for (let step = 0; step < 20; step++) {
      time.advance(50);
      const now = await describeWeb(ecs);
      const failing = now.deployments?.find((d) => d.id === failingId);
      if (failing?.runningCount) seen.push('unhealthy tasks running');
      expect(failing?.rolloutState).not.toBe('COMPLETED');
      expect(now.deployments?.find((d) => d.id !== failingId)?.runningCount).toBe(2);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(s.events('web').map((event) => event['message'])).toContainEqual(
      expect.stringMatching(/^\(service web\) \(task [0-9a-f]{32}\) failed container health checks\.$/),
    );
    time.advance(TIMING.rollbackMs);
    expect(primaryOf(await describeWeb(ecs))).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2 });
  });

  test('failing without a breaker: failedTasks climbs, IN_PROGRESS stays, one "unable" event', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock });
    s.setScenario('web', { name: 'failing-no-breaker', failure: 'image-pull' });
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    let previous = 0;
    for (let step = 0; step < 6; step++) {
      time.advance(2000);
      const service = await describeWeb(ecs);
      const failedTasks = primaryOf(service)?.failedTasks ?? 0;
      expect(primaryOf(service)?.rolloutState).toBe('IN_PROGRESS');
      expect(failedTasks).toBeGreaterThan(previous);
      previous = failedTasks;
    }
    expect(previous).toBeGreaterThan(10);
    const unable = s.events('web').filter((event) => event['message'] === '(service web) is unable to consistently start tasks successfully.');
    expect(unable).toHaveLength(1);
    const stopped = s.tasks('web').find((task) => task['stopCode'] === 'TaskFailedToStart');
    expect(stopped?.['stoppedReason']).toMatch(/^CannotPullContainerError: /);
  });

  test('never-stabilises: partial counts, then silence', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock }, { desiredCount: 4 });
    s.setScenario('web', 'never-stabilises');
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    time.advance(TIMING.rolloutMs * 2);
    const eventsThen = s.events('web').length;
    time.advance(30 * 60_000);
    const service = await describeWeb(ecs);
    expect(primaryOf(service)).toMatchObject({ rolloutState: 'IN_PROGRESS', runningCount: 2, pendingCount: 2 });
    expect(service.events).toHaveLength(eventsThen);
  });

  test("superseded: someone else's revision becomes PRIMARY, ours drains, theirs completes", async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock });
    s.setScenario('web', 'superseded');
    const { service } = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
    const ourId = service?.deployments?.[0]?.id ?? '';
    time.advance(TIMING.rolloutMs / 2);
    const midway = await describeWeb(ecs);
    expect(midway.deployments?.find((d) => d.id === ourId)?.status).toBe('ACTIVE');
    const theirs = primaryOf(midway);
    expect(theirs?.taskDefinition).toMatch(/task-definition\/web:3$/);
    time.advance(TIMING.rolloutMs);
    const done = await describeWeb(ecs);
    expect(done.deployments).toEqual([expect.objectContaining({ id: theirs?.id, rolloutState: 'COMPLETED' })]);
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:3' }));
    expect(taskDefinition?.registeredBy).toMatch(/someone-else$/);
    expect(s.serviceDeployments('web')[1]?.['status']).toBe('STOPPED');
  });

  test('the outcome depends only on the clock, not on how often clients poll', async () => {
    const outcomes: string[][] = [];
    for (const polls of [1, 40]) {
      const time = manualClock();
      const { ecs, s } = await start({ clock: time.clock }, { circuitBreaker: { enable: true, rollback: true } });
      s.setScenario('web', 'circuit-breaker');
      await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
      for (let i = 0; i < polls; i++) {
        time.advance(3000 / polls);
        await describeWeb(ecs);
      }
      outcomes.push(s.events('web').map((event) => String(event['message']).replace(/[0-9a-f]{32}|ecs-svc\/\d{19}/g, 'ID')));
      await s.close();
      standin = undefined;
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});

describe('the API surface', () => {
  test('DescribeServices answers MISSING for an unknown service and ClusterNotFoundException for a cluster', async () => {
    const { ecs } = await start();
    const answer = await ecs.send(new DescribeServicesCommand({ services: ['web', 'nope'] }));
    expect(answer.services?.map((service) => service.serviceName)).toEqual(['web']);
    expect(answer.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/default/nope', reason: 'MISSING' }]);
    await expect(ecs.send(new DescribeServicesCommand({ cluster: 'other', services: ['web'] }))).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    const clusters = await ecs.send(new DescribeClustersCommand({ clusters: ['default', 'other'] }));
    expect(clusters.clusters?.[0]).toMatchObject({ clusterName: 'default', activeServicesCount: 1, runningTasksCount: 2 });
    expect(clusters.failures?.[0]?.reason).toBe('MISSING');
    expect((await ecs.send(new ListServicesCommand({}))).serviceArns).toEqual([
      'arn:aws:ecs:us-east-1:123456789012:service/default/web',
    ]);
  });

  test('ListClusters names every cluster, in pages', async () => {
    const { ecs, s } = await start();
    s.seedCluster('prod');
    s.seedCluster('staging');
    const arn = (name: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`;
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual(['default', 'prod', 'staging'].map(arn));
    const first = await ecs.send(new ListClustersCommand({ maxResults: 2 }));
    expect(first.clusterArns).toEqual(['default', 'prod'].map(arn));
    const rest = await ecs.send(new ListClustersCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(rest).toMatchObject({ clusterArns: [arn('staging')] });
    expect(rest.nextToken).toBeUndefined();
  });

  test('UpdateService errors: missing service, inactive service, CODE_DEPLOY controller', async () => {
    const { ecs, s } = await start();
    s.seedService({ serviceName: 'old', taskDefinition: 'web:1', status: 'INACTIVE' });
    s.seedService({ serviceName: 'bg', taskDefinition: 'web:1', deploymentController: 'CODE_DEPLOY' });
    await expect(ecs.send(new UpdateServiceCommand({ service: 'nope', forceNewDeployment: true }))).rejects.toMatchObject({
      name: 'ServiceNotFoundException',
    });
    await expect(ecs.send(new UpdateServiceCommand({ service: 'old', forceNewDeployment: true }))).rejects.toMatchObject({
      name: 'ServiceNotActiveException',
    });
    await expect(ecs.send(new UpdateServiceCommand({ service: 'bg', taskDefinition: 'web:2' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    const scaled = await ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 3 }));
    expect(scaled.service?.desiredCount).toBe(3);
    expect(scaled.service?.deployments).toHaveLength(1);
  });

  test('ListTasks takes startedBy only as its sole filter', async () => {
    const { ecs } = await start();
    const deploymentId = primaryOf(await describeWeb(ecs))?.id ?? '';
    await expect(
      ecs.send(new ListTasksCommand({ cluster: 'default', serviceName: 'web', startedBy: deploymentId })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } });
    const { taskArns } = await ecs.send(new ListTasksCommand({ cluster: 'default', startedBy: deploymentId }));
    expect(taskArns).toHaveLength(2);
    expect(taskArns?.[0]).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/default\/[0-9a-f]{32}$/);
  });

  test('task definitions: register keeps tags and empty strings, describe adds read-only fields', async () => {
    const { ecs } = await start();
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: [{ name: 'api', image: 'api:1', environment: [{ name: 'EMPTY', value: '' }], portMappings: [{ containerPort: 80 }] }],
        tags: [{ key: 'team', value: 'core' }],
      }),
    );
    expect(registered.taskDefinition).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:1',
      revision: 1,
      status: 'ACTIVE',
      requiresAttributes: [],
      compatibilities: ['EC2', 'FARGATE'],
    });
    expect(registered.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api', include: ['TAGS'] }));
    expect(described.tags).toEqual([{ key: 'team', value: 'core' }]);
    expect(described.taskDefinition?.containerDefinitions?.[0]).toMatchObject({
      environment: [{ name: 'EMPTY', value: '' }],
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      essential: true,
      cpu: 0,
    });
    expect((await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1' }))).tags).toBeUndefined();

    const listed = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', sort: 'DESC' }));
    expect(listed.taskDefinitionArns?.map((arn) => arn.split('/')[1])).toEqual(['web:2', 'web:1']);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'api:1' }));
    const inactive = await ecs.send(new ListTaskDefinitionsCommand({ status: 'INACTIVE' }));
    expect(inactive.taskDefinitionArns).toEqual([registered.taskDefinition?.taskDefinitionArn]);
    const deleted = await ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['api:1', 'web:1'] }));
    expect(deleted.taskDefinitions?.[0]?.status).toBe('DELETE_IN_PROGRESS');
    expect(deleted.failures?.[0]?.arn).toMatch(/web:1$/);
    await expect(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1' }))).rejects.toMatchObject({
      name: 'ClientException',
    });
  });

  test('taskDefinitions(family) gives every revision as described, oldest first, deleted ones left out', async () => {
    const { ecs, s } = await start({ region: 'eu-central-1' });
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.26' }] }));
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:2' }));
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:1' }));
    await ecs.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['web:1'] }));
    const revisions = s.taskDefinitions('web');
    expect(revisions.map((revision) => [revision['taskDefinitionArn'], revision['status']])).toEqual([
      ['arn:aws:ecs:eu-central-1:123456789012:task-definition/web:2', 'INACTIVE'],
      ['arn:aws:ecs:eu-central-1:123456789012:task-definition/web:3', 'ACTIVE'],
    ]);
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:3' }));
    expect(revisions[1]?.['containerDefinitions']).toEqual(JSON.parse(JSON.stringify(described.taskDefinition?.containerDefinitions)));
    expect(s.taskDefinitions('api')).toEqual([]);
  });

  test('without the service-deployment API: no currentServiceDeployment, a bare 500 like moto, or UnknownOperation', async () => {
    const { ecs } = await start({ serviceDeploymentApi: false });
    const { service } = await ecs.send(new UpdateServiceCommand({ service: 'web', forceNewDeployment: true }));
    expect(service?.currentServiceDeployment).toBeUndefined();
    await expect(ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500 },
    });
    await standin?.close();
    const other = await start({ serviceDeploymentApi: false, missingServiceDeploymentApi: 'unknown-operation' });
    await expect(other.ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('faults', () => {
  test('throttling every Nth call and a burst of 5xx reach the SDK as ThrottlingException and ServerException', async () => {
    const { ecs, s } = await start();
    s.setFaults({ throttleEvery: 2 });
    await describeWeb(ecs);
    await expect(describeWeb(ecs)).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
    s.setFaults({ serverErrorBurst: { after: 1, count: 2 } });
    await describeWeb(ecs);
    await expect(describeWeb(ecs)).rejects.toMatchObject({ name: 'ServerException', $metadata: { httpStatusCode: 500 } });
    await expect(ecs.send(new ListTasksCommand({}))).rejects.toMatchObject({ name: 'ServerException' });
    await describeWeb(ecs);
    expect(s.calls).toEqual({ DescribeServices: 5, ListTasks: 1 });
    expect(s.requests.map((call) => call.status)).toEqual([200, 400, 200, 500, 500, 200]);
  });

  test("the SDK's own retries get through a short burst, and every attempt is counted", async () => {
    const { s } = await start();
    const retrying = new ECSClient({
      endpoint: s.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 3,
    });
    s.setFaults({ serverErrorBurst: { after: 0, count: 2 }, operations: ['DescribeServices'] });
    const answer = await retrying.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(answer.$metadata.attempts).toBe(3);
    expect(s.calls.DescribeServices).toBe(3);
  });

  test('rate limits follow the ECS token buckets; latency slows answers', async () => {
    const { ecs, s } = await start();
    s.setFaults({ rateLimits: true, operations: ['RegisterTaskDefinition'] });
    const results = await Promise.allSettled(
      Array.from({ length: 22 }, () =>
        ecs.send(new RegisterTaskDefinitionCommand({ family: 'burst', containerDefinitions: [{ name: 'b', image: 'b' }] })),
      ),
    );
    const throttled = results.filter((result) => result.status === 'rejected');
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(throttled.length).toBeLessThanOrEqual(2);

    s.setFaults({ latencyMs: 150 });
    const began = Date.now();
    await describeWeb(ecs);
    expect(Date.now() - began).toBeGreaterThanOrEqual(140);
  });

  test('an unknown operation is UnknownOperationException', async () => {
    const { s } = await start();
    const response = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.CreateService' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(s.calls.CreateService).toBe(1);
  });
});

describe('one-off tasks (RunTask, DescribeTasks, StopTask) on a manual clock', () => {
  async function runOne(ecs: ECSClient, extra: Record<string, unknown> = {}): Promise<string> {
    const { tasks = [] } = await ecs.send(new RunTaskCommand({ cluster: 'default', taskDefinition: 'job:1', count: 1, startedBy: 'ecs-deliver', ...extra }));
    const arn = tasks[0]?.taskArn;
    if (!arn) throw new Error('RunTask started no task');
    return arn;
  }
  const describe1 = async (ecs: ECSClient, arn: string) => (await ecs.send(new DescribeTasksCommand({ cluster: 'default', tasks: [arn] }))).tasks?.[0];

  test('goes PROVISIONING → PENDING → RUNNING → STOPPED, with the exit codes the script sets', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock });
    s.seedTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'app', image: 'app:1' }, { name: 'envoy', image: 'envoy:1', essential: false }] });
    s.setTaskScript({ provisioningMs: 100, pendingMs: 300, runMs: 1000, exitCodes: { app: 3 } });
    const arn = await runOne(ecs, { overrides: { containerOverrides: [{ name: 'app', command: ['migrate'] }] } });
    const seen: string[] = [];
    for (const step of [0, 200, 200, 999, 1]) {
      time.advance(step);
      seen.push((await describe1(ecs, arn))?.lastStatus ?? '?');
    }
    expect(seen).toEqual(['PROVISIONING', 'PENDING', 'RUNNING', 'RUNNING', 'STOPPED']);
    const task = await describe1(ecs, arn);
    expect(task).toMatchObject({ group: 'family:job', startedBy: 'ecs-deliver', stopCode: 'EssentialContainerExited', desiredStatus: 'STOPPED' });
    expect(task?.containers?.map((c) => [c.name, c.exitCode])).toEqual([['app', 3], ['envoy', 143]]);
    expect(task?.overrides?.containerOverrides).toEqual([{ name: 'app', command: ['migrate'] }]);
    expect(s.oneOffTasks().map((t) => t['taskArn'])).toEqual([arn]);
  });

  test('the same client token starts no second task', async () => {
    const { ecs, s } = await start();
    s.seedTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    expect(await runOne(ecs, { clientToken: 't-1' })).toBe(await runOne(ecs, { clientToken: 't-1' }));
    expect(s.oneOffTasks()).toHaveLength(1);
  });

  test('the same client token with other parameters is a ConflictException, as ECS documents', async () => {
    const { ecs, s } = await start();
    s.seedTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    await runOne(ecs, { clientToken: 't-2' });
    await expect(runOne(ecs, { clientToken: 't-2', startedBy: 'someone-else' })).rejects.toMatchObject({ name: 'ConflictException' });
    expect(s.oneOffTasks()).toHaveLength(1);
  });

  test('a client token is scoped to its cluster: the same token in another cluster starts a task of its own', async () => {
    const { ecs, s } = await start();
    s.seedTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    s.seedCluster('other');
    const here = await runOne(ecs, { clientToken: 't-3' });
    const there = await runOne(ecs, { clientToken: 't-3', cluster: 'other' });
    expect(there).not.toBe(here);
    expect(s.oneOffTasks()).toHaveLength(2);
  });

  test('StopTask stops it at once: UserInitiated, the reason given, exit code 143', async () => {
    const time = manualClock();
    const { ecs, s } = await start({ clock: time.clock });
    s.seedTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    s.setTaskScript({ runMs: Infinity });
    const arn = await runOne(ecs);
    time.advance(1000);
    expect((await describe1(ecs, arn))?.lastStatus).toBe('RUNNING');
    await ecs.send(new StopTaskCommand({ cluster: 'default', task: arn, reason: 'ecs-deliver: the job was cancelled' }));
    const task = await describe1(ecs, arn);
    expect(task).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'ecs-deliver: the job was cancelled' });
    expect(task?.containers?.[0]?.exitCode).toBe(143);
    expect(s.calls['StopTask']).toBe(1);
  });

  test('awsvpc without a network configuration is refused, as ECS refuses it', async () => {
    const { ecs, s } = await start();
    s.seedTaskDefinition({ family: 'job', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'app:1' }] });
    await expect(runOne(ecs)).rejects.toThrow(/Network Configuration must be provided/);
    await expect(runOne(ecs, { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } })).resolves.toContain(':task/default/');
  });
});
