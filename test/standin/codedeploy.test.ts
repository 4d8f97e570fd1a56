// The stand-in's CodeDeploy driven by the real CodeDeploy client, on a clock the test moves by hand.
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  ListDeploymentsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterEach, expect, test } from 'vitest';
import { type CodeDeployScript, type EcsStandin, startEcsStandin } from './index.js';

const START = Date.parse('2026-03-02T10:00:00Z');
let standin: EcsStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(options: { autoRollback?: boolean; script?: CodeDeployScript } = {}) {
  let now = START;
  const s = await startEcsStandin({ clock: () => now });
  standin = s;
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] });
  s.seedService({ serviceName: 'bg', taskDefinition: 'web:1', desiredCount: 2, deploymentController: 'CODE_DEPLOY' });
  s.codeDeploy.seedDeploymentGroup({ application: 'app', deploymentGroup: 'dg', service: 'bg', autoRollback: options.autoRollback ?? false });
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
