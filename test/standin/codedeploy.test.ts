// The stand-in's CodeDeploy driven by the real CodeDeploy client, on a clock the test moves by hand.
import {
  CodeDeployClient,
  ContinueDeploymentCommand,
  CreateDeploymentCommand,
  GetApplicationRevisionCommand,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterEach, expect, test } from 'vitest';
import { type CodeDeployScript, type DeploymentGroupSeed, type EcsStandin, startEcsStandin } from './index.js';

const START = Date.parse('2026-03-02T10:00:00Z');
let standin: EcsStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

type GroupOptions = Pick<DeploymentGroupSeed, 'readyWaitMinutes' | 'readyWaitMs' | 'echoesAppSpecContent' | 'previousRevisionReading'>;

async function start(options: { autoRollback?: boolean; script?: CodeDeployScript; group?: GroupOptions } = {}) {
  let now = START;
  const s = await startEcsStandin({ clock: () => now });
  standin = s;
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] });
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.26' }] });
  s.seedService({ serviceName: 'bg', taskDefinition: 'web:1', desiredCount: 2, deploymentController: 'CODE_DEPLOY' });
  s.codeDeploy.seedDeploymentGroup({ application: 'app', deploymentGroup: 'dg', service: 'bg', autoRollback: options.autoRollback ?? false, ...options.group });
  if (options.script) s.codeDeploy.script(options.script);
  const config = { endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 };
  return { s, codeDeploy: new CodeDeployClient(config), ecs: new ECSClient(config), advance: (ms: number) => (now += ms) };
}

const appSpec = (revision: string) =>
  JSON.stringify({ version: 0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: revision } } }] });
const create = (client: CodeDeployClient, revision = 'web:2') =>
  client.send(
    new CreateDeploymentCommand({
      applicationName: 'app',
      deploymentGroupName: 'dg',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(revision) } },
    }),
  );

async function eventsOf(client: CodeDeployClient, deploymentId: string): Promise<Record<string, string>> {
  const { targetIds } = await client.send(new ListDeploymentTargetsCommand({ deploymentId }));
  const { deploymentTarget } = await client.send(new GetDeploymentTargetCommand({ deploymentId, targetId: targetIds?.[0] ?? '' }));
  return Object.fromEntries((deploymentTarget?.ecsTarget?.lifecycleEvents ?? []).map((event) => [event.lifecycleEventName, event.status]));
}

async function taskDefinitionOf(ecs: ECSClient): Promise<string | undefined> {
  const { services } = await ecs.send(new DescribeServicesCommand({ services: ['bg'] }));
  return services?.[0]?.taskDefinition;
}

test('a deployment passes its lifecycle events over time, then the service runs the new revision', async () => {
  const { codeDeploy, ecs, advance } = await start({ script: { startMs: 100, eventMs: 100, terminationWaitMs: 500 } });
  const group = await codeDeploy.send(new GetDeploymentGroupCommand({ applicationName: 'app', deploymentGroupName: 'dg' }));
  expect(group.deploymentGroupInfo?.ecsServices).toEqual([{ serviceName: 'bg', clusterName: 'default' }]);

  const { deploymentId = '' } = await create(codeDeploy);
  expect(deploymentId).toMatch(/^d-[A-Z0-9]{9}$/);
  expect((await codeDeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status).toBe('Created');

  advance(350);
  expect(await eventsOf(codeDeploy, deploymentId)).toMatchObject({ BeforeInstall: 'Succeeded', Install: 'Succeeded', AfterInstall: 'InProgress', AllowTraffic: 'Pending' });
  expect(await taskDefinitionOf(ecs)).toMatch(/web:1$/);

  advance(600);
  const shifted = (await codeDeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;
  expect(shifted).toMatchObject({ status: 'InProgress', instanceTerminationWaitTimeStarted: true });
  expect(await taskDefinitionOf(ecs)).toMatch(/web:2$/);

  advance(500);
  expect((await codeDeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status).toBe('Succeeded');
  // ECS still refuses a task definition through UpdateService for such a service; a desired count it takes.
  await expect(ecs.send(new UpdateServiceCommand({ service: 'bg', taskDefinition: 'web:1' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  await expect(ecs.send(new UpdateServiceCommand({ service: 'bg', desiredCount: 3 }))).resolves.toBeDefined();
});

test('a scripted failure: the event fails with its diagnostics, the rest is skipped, a stopped task shows in ECS, CodeDeploy rolls back', async () => {
  const { codeDeploy, ecs, advance } = await start({
    autoRollback: true,
    script: { eventMs: 100, failEvent: 'AfterAllowTestTraffic', diagnostics: { message: 'HTTP 503' }, failedTasks: 1 },
  });
  const { deploymentId = '' } = await create(codeDeploy);

  advance(700);
  const info = (await codeDeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;
  expect(info).toMatchObject({ status: 'Failed', errorInformation: { code: 'HOOK_EXECUTION_FAILURE' } });
  expect(await eventsOf(codeDeploy, deploymentId)).toMatchObject({ AfterAllowTestTraffic: 'Failed', BeforeAllowTraffic: 'Skipped', AfterAllowTraffic: 'Skipped' });
  const rollbackId = info?.rollbackInfo?.rollbackDeploymentId ?? '';
  expect(rollbackId).toMatch(/^d-/);

  const { taskArns = [] } = await ecs.send(new ListTasksCommand({ serviceName: 'bg', desiredStatus: 'STOPPED' }));
  const { tasks = [] } = await ecs.send(new DescribeTasksCommand({ tasks: taskArns }));
  expect(tasks.map((task) => [task.taskDefinitionArn?.split('/')[1], task.stoppedReason])).toEqual([['web:2', 'Essential container in task exited']]);

  advance(300);
  expect((await codeDeploy.send(new GetDeploymentCommand({ deploymentId: rollbackId }))).deploymentInfo?.status).toBe('Succeeded');
  expect(await taskDefinitionOf(ecs)).toMatch(/web:1$/);
});

test('one active deployment per group; StopDeployment with rollback; errors CodeDeploy answers', async () => {
  const { codeDeploy, advance } = await start({ script: { eventMs: 1000 } });
  const { deploymentId = '' } = await create(codeDeploy);
  await expect(create(codeDeploy)).rejects.toMatchObject({ name: 'DeploymentLimitExceededException' });
  await expect(create(codeDeploy, 'web:9')).rejects.toMatchObject({ name: 'InvalidRevisionException' });
  await expect(
    codeDeploy.send(new GetDeploymentGroupCommand({ applicationName: 'app', deploymentGroupName: 'nope' })),
  ).rejects.toMatchObject({ name: 'DeploymentGroupDoesNotExistException' });
  await expect(codeDeploy.send(new GetDeploymentGroupCommand({ applicationName: 'nope', deploymentGroupName: 'dg' }))).rejects.toMatchObject({
    name: 'ApplicationDoesNotExistException',
  });

  advance(1500);
  const stopped = await codeDeploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }));
  expect(stopped.status).toBe('Succeeded');
  const info = (await codeDeploy.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;
  expect(info).toMatchObject({ status: 'Stopped', errorInformation: { code: 'MANUAL_STOP' } });
  expect(info?.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/);
  await expect(codeDeploy.send(new StopDeploymentCommand({ deploymentId }))).rejects.toMatchObject({ name: 'DeploymentAlreadyCompletedException' });

  const listed = await codeDeploy.send(
    new ListDeploymentsCommand({ applicationName: 'app', deploymentGroupName: 'dg', createTimeRange: { start: new Date(START + 1000) } }),
  );
  expect(listed.deployments).toEqual([info?.rollbackInfo?.rollbackDeploymentId]);
});

const getDeployment = async (client: CodeDeployClient, deploymentId: string) => (await client.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo;
const continueReady = (client: CodeDeployClient, deploymentId: string) => client.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'READY_WAIT' }));

test('a group with a ready wait holds the deployment in Ready after AfterAllowTestTraffic until ContinueDeployment READY_WAIT reroutes traffic', async () => {
  const { s, codeDeploy, ecs, advance } = await start({ script: { eventMs: 100, terminationWaitMs: 100 }, group: { readyWaitMinutes: 30 } });
  const group = await codeDeploy.send(new GetDeploymentGroupCommand({ applicationName: 'app', deploymentGroupName: 'dg' }));
  expect(group.deploymentGroupInfo?.blueGreenDeploymentConfiguration?.deploymentReadyOption).toEqual({ actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 });
  const { deploymentId = '' } = await create(codeDeploy);
  // Too early: nothing waits yet.
  await expect(continueReady(codeDeploy, deploymentId)).rejects.toMatchObject({ name: 'DeploymentIsNotInReadyStateException' });

  advance(600);
  const ready = await getDeployment(codeDeploy, deploymentId);
  expect(ready).toMatchObject({ status: 'Ready', deploymentOverview: { Ready: 1, InProgress: 0 } });
  expect(ready?.blueGreenDeploymentConfiguration?.deploymentReadyOption?.actionOnTimeout).toBe('STOP_DEPLOYMENT');
  expect(await eventsOf(codeDeploy, deploymentId)).toMatchObject({ AfterAllowTestTraffic: 'Succeeded', BeforeAllowTraffic: 'Pending', AllowTraffic: 'Pending' });
  // It waits as long as nobody continues it, with production traffic on the original task set.
  advance(20 * 60_000);
  expect((await getDeployment(codeDeploy, deploymentId))?.status).toBe('Ready');
  expect(await taskDefinitionOf(ecs)).toMatch(/web:1$/);

  await expect(codeDeploy.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: 'SOMETIME' as never }))).rejects.toMatchObject({
    name: 'InvalidDeploymentWaitTypeException',
  });
  await continueReady(codeDeploy, deploymentId);
  expect((await getDeployment(codeDeploy, deploymentId))?.status).toBe('InProgress');
  await expect(continueReady(codeDeploy, deploymentId)).rejects.toMatchObject({ name: 'DeploymentIsNotInReadyStateException' });
  advance(500);
  expect((await getDeployment(codeDeploy, deploymentId))?.status).toBe('Succeeded');
  expect(await taskDefinitionOf(ecs)).toMatch(/web:2$/);
  await expect(continueReady(codeDeploy, deploymentId)).rejects.toMatchObject({ name: 'DeploymentAlreadyCompletedException' });
  expect(s.calls['CodeDeploy_20141006.ContinueDeployment']).toBe(5);
});

test('a ready wait nobody ends: CodeDeploy stops the deployment by itself at the end of waitTimeInMinutes', async () => {
  const { codeDeploy, ecs, advance } = await start({ script: { eventMs: 100 }, group: { readyWaitMinutes: 1 } });
  const { deploymentId = '' } = await create(codeDeploy);
  advance(600 + 59_000);
  expect((await getDeployment(codeDeploy, deploymentId))?.status).toBe('Ready');
  advance(1_000);
  expect(await getDeployment(codeDeploy, deploymentId)).toMatchObject({ status: 'Stopped', errorInformation: { code: 'TIMEOUT' } });
  expect(await eventsOf(codeDeploy, deploymentId)).toMatchObject({ AfterAllowTestTraffic: 'Succeeded', BeforeAllowTraffic: 'Skipped' });
  expect(await taskDefinitionOf(ecs)).toMatch(/web:1$/);
});

test.each(['Succeeded', 'Pending'] as const)('StopDeployment with rollback of a deployment in Ready (answered %s): Stopped, rollbackInfo, a rollback deployment back to web:1', async (stopAnswer) => {
  const { codeDeploy, ecs, advance } = await start({ script: { eventMs: 100, stopAnswer, stopMs: 300 }, group: { readyWaitMinutes: 30 } });
  const { deploymentId = '' } = await create(codeDeploy);
  advance(600);
  const answer = await codeDeploy.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }));
  expect(answer.status).toBe(stopAnswer);
  if (stopAnswer === 'Pending') {
    // The stop is underway: not Stopped yet, its rollback not named, and it cannot be continued.
    expect((await getDeployment(codeDeploy, deploymentId))?.rollbackInfo).toBeUndefined();
    await expect(continueReady(codeDeploy, deploymentId)).rejects.toMatchObject({ name: 'DeploymentIsNotInReadyStateException' });
    advance(300);
  }
  const stopped = await getDeployment(codeDeploy, deploymentId);
  expect(stopped).toMatchObject({ status: 'Stopped', errorInformation: { code: 'MANUAL_STOP' } });
  const rollbackId = stopped?.rollbackInfo?.rollbackDeploymentId ?? '';
  expect(rollbackId).toMatch(/^d-/);
  expect(await getDeployment(codeDeploy, rollbackId)).toMatchObject({ status: 'InProgress', creator: 'codeDeployRollback', rollbackInfo: { rollbackTriggeringDeploymentId: deploymentId } });
  advance(300);
  expect((await getDeployment(codeDeploy, rollbackId))?.status).toBe('Succeeded');
  expect(await taskDefinitionOf(ecs)).toMatch(/web:1$/);
});

const finish = async (client: CodeDeployClient, advance: (ms: number) => void, revision: string) => {
  const { deploymentId = '' } = await create(client, revision);
  advance(2_000);
  expect((await getDeployment(client, deploymentId))?.status).toBe('Succeeded');
  return deploymentId;
};

test('previousRevision: none for the group\'s first success; the revision live when created (the default reading), read in full with GetApplicationRevision', async () => {
  const { codeDeploy, advance } = await start({ group: { echoesAppSpecContent: false } });
  const first = await finish(codeDeploy, advance, 'web:2');
  expect((await getDeployment(codeDeploy, first))?.previousRevision).toBeUndefined();
  const second = await finish(codeDeploy, advance, 'web:3');
  const info = await getDeployment(codeDeploy, second);
  // As the API Reference says, GetDeployment gives no AppSpec content: only its sha256.
  expect(info?.revision?.appSpecContent?.content).toBeUndefined();
  const previous = info?.previousRevision;
  expect(previous).toEqual({ revisionType: 'AppSpecContent', appSpecContent: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  const read = await codeDeploy.send(new GetApplicationRevisionCommand({ applicationName: 'app', revision: previous }));
  expect(read.revision?.appSpecContent?.content).toBe(appSpec('web:2'));
  expect(read.revisionInfo?.deploymentGroups).toEqual(['dg']);
  await expect(
    codeDeploy.send(new GetApplicationRevisionCommand({ applicationName: 'app', revision: { revisionType: 'AppSpecContent', appSpecContent: { sha256: '0'.repeat(64) } } })),
  ).rejects.toMatchObject({ name: 'RevisionDoesNotExistException' });
});

test('previousRevision in the other reading: the revision before the group\'s newest successful deployment, as of the read', async () => {
  const { codeDeploy, advance } = await start({ group: { previousRevisionReading: 'before-newest-success' } });
  const first = await finish(codeDeploy, advance, 'web:2');
  expect((await getDeployment(codeDeploy, first))?.previousRevision).toBeUndefined();
  await finish(codeDeploy, advance, 'web:3');
  // Read after the second success, the first deployment too names web:2, what ran before the newest success.
  expect((await getDeployment(codeDeploy, first))?.previousRevision?.appSpecContent?.content).toBe(appSpec('web:2'));
});
