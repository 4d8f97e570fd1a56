// continue and rollback of a service CodeDeploy deploys, with the real ECS and CodeDeploy modules against the
// stand-in in this process: which deployment each finds, what it sends, how it follows it, and what it refuses.
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { ECSClient, type Service } from '@aws-sdk/client-ecs';
import { type TestContext, describe, expect, test } from 'vitest';
import type { AwsSession } from '../../src/aws/clients.js';
import { ecsApi } from '../../src/aws/ecs.js';
import { codeDeployApisOn, type CodeDeployApis } from '../../src/aws/codedeploy-api.js';
import { appSpecContent, generatedAppSpec } from '../../src/codedeploy/appspec.js';
import { createDeployment } from '../../src/codedeploy/create-deployment.js';
import { continueCodeDeployService, rollBackCodeDeployService } from '../../src/codedeploy/operate.js';
import type { OperateRequest } from '../../src/codedeploy/operating.js';
import { systemClock } from '../../src/clock.js';
import { PreflightError } from '../../src/errors.js';
import { type CodeDeployScript, type DeploymentGroupSeed, type EcsStandin, startEcsStandin } from '../standin/index.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { RecordingReporter } from './watch-fakes.js';

const CODEDEPLOY = 'CodeDeploy_20141006.';
type GroupOptions = Omit<DeploymentGroupSeed, 'application' | 'deploymentGroup' | 'service'>;

interface Rig {
  standin: EcsStandin;
  apis: CodeDeployApis;
  session: AwsSession;
  arn(revision: string): string;
  /** A deployment of `revision` made as a deploy makes it. */
  deploy(revision: string): Promise<string>;
  /** Waits until the deployment has `status` (stand-in time is real time here). */
  until(deploymentId: string, status: string): Promise<void>;
  request(values?: Record<string, string>): Promise<OperateRequest & { reporter: RecordingReporter }>;
  calls(operation: string): unknown[];
}

async function rig(context: TestContext, group: GroupOptions = {}, ...scripts: CodeDeployScript[]): Promise<Rig> {
  const standin = await startEcsStandin();
  context.onTestFinished(() => standin.close());
  for (const image of ['nginx:1.24', 'nginx:1.25', 'nginx:1.26']) standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] });
  standin.seedService({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    deploymentController: 'CODE_DEPLOY',
    loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', containerName: 'web', containerPort: 80 }],
  });
  standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', service: 'web', ...group });
  standin.codeDeploy.script(...scripts);
  const config = { endpoint: standin.url, region: standin.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ecs = ecsApi(new ECSClient(config));
  const apis = codeDeployApisOn(new CodeDeployClient(config), new CodeDeployClient({ ...config, maxAttempts: 1 }), undefined);
  const session: AwsSession = { region: standin.region, ecs, ecsAfterCancel: ecs, codeDeploy: async () => apis, resolveCredentials: async () => ({}), options: { region: standin.region } };
  const arn = (revision: string) => `arn:aws:ecs:${standin.region}:123456789012:task-definition/${revision}`;
  return {
    standin,
    apis,
    session,
    arn,
    deploy: (revision) =>
      createDeployment(apis.api, { application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', appSpec: appSpecContent(generatedAppSpec(arn(revision), 'web', 80)) }),
    async until(deploymentId, status) {
      for (let i = 0; i < 100 && (await apis.api.getDeployment(deploymentId))?.status !== status; i++) await systemClock.sleep(50);
      expect((await apis.api.getDeployment(deploymentId))?.status).toBe(status);
    },
    async request(values = {}) {
      const service = (await ecs.describeServices('default', ['web'])).services?.[0] as Service;
      // Polls faster than an input may ask for: the stand-in's deployments take a second or two.
      const raw: Record<string, string> = { service: 'web', 'wait-timeout': '30s', ...values };
      const given = { ...parseInputs((name) => raw[name] ?? ''), pollIntervalMs: 100 };
      return { session, inputs: given, service, reporter: new RecordingReporter(), cancel: new AbortController().signal };
    },
    calls: (operation) => standin.requests.filter((call) => call.operation === `${CODEDEPLOY}${operation}`).map((call) => call.input),
  };
}

const READY = { readyWaitMinutes: 30 };

describe.concurrent('continue', () => {
  test.for([true, false])('finds the deployment that waits in Ready, sends ContinueDeployment READY_WAIT once, follows it to COMPLETED (AppSpec echoed: %s)', async (echoesAppSpecContent, context) => {
    const r = await rig(context, { ...READY, echoesAppSpecContent });
    const id = await r.deploy('web:2');
    await r.until(id, 'Ready');
    const request = await r.request();

    const ended = await continueCodeDeployService(request, '');

    expect(ended.outcome).toMatchObject({ status: 'COMPLETED' });
    expect(ended.codeDeployDeploymentId).toBe(id);
    expect(ended.target.taskDefinitionArn).toBe(r.arn('web:2'));
    expect(r.calls('ContinueDeployment')).toEqual([{ deploymentId: id, deploymentWaitType: 'READY_WAIT' }]);
    expect(request.reporter.text).toContain(`Continuing CodeDeploy deployment ${id} of web:2, which waits in Ready: ContinueDeployment (READY_WAIT)`);
    expect(r.standin.service('web')['taskDefinition']).toBe(r.arn('web:2'));
    expect(r.calls('GetApplicationRevision')).toHaveLength(echoesAppSpecContent ? 0 : 1);
  });

  test('takes the codedeploy-deployment-id a paused deploy gave, and refuses one that does not wait in Ready', async (context) => {
    const r = await rig(context, READY);
    const id = await r.deploy('web:2');
    await expect(continueCodeDeployService(await r.request(), id)).rejects.toThrow(
      new PreflightError(`nothing waits in Ready: CodeDeploy deployment ${id} is Created; continue only lets a deployment that waits for its traffic reroute go on.`),
    );
    await expect(continueCodeDeployService(await r.request(), 'd-NOPE12345')).rejects.toThrow(/^codedeploy-deployment-id: "d-NOPE12345" was not found/);
    await r.until(id, 'Ready');

    const ended = await continueCodeDeployService(await r.request(), id);

    expect(ended.outcome.status).toBe('COMPLETED');
    expect(r.calls('ContinueDeployment')).toHaveLength(1);
  });

  test('nothing waits: refused saying what the group does instead, with no ContinueDeployment', async (context) => {
    const r = await rig(context, {}, { eventMs: 2_000 });
    await expect(continueCodeDeployService(await r.request(), '')).rejects.toThrow(
      new PreflightError('nothing of CodeDeploy group AppECS-default-web/DgpECS-default-web waits in Ready: CodeDeploy group AppECS-default-web/DgpECS-default-web has no deployment; continue only lets a deployment that waits for its traffic reroute go on.'),
    );
    const id = await r.deploy('web:2');
    await r.until(id, 'InProgress');
    await expect(continueCodeDeployService(await r.request(), '')).rejects.toThrow(`waits in Ready: CodeDeploy deployment ${id} is InProgress;`);
    await r.apis.api.stopDeployment(id, false);
    await expect(continueCodeDeployService(await r.request(), '')).rejects.toThrow(`waits in Ready: no CodeDeploy deployment is in flight; the newest, ${id}, ended Stopped;`);
    expect(r.calls('ContinueDeployment')).toEqual([]);
  });
});

describe.concurrent('rollback', () => {
  test.for(['Succeeded', 'Pending'] as const)(
    'a deployment waiting in Ready: StopDeployment with rollback, followed until CodeDeploy\'s rollback succeeded (StopDeployment answers %s)',
    async (stopAnswer, context) => {
      const r = await rig(context, READY, { stopAnswer, stopMs: 400 });
      const id = await r.deploy('web:2');
      await r.until(id, 'Ready');
      const request = await r.request();

      const ended = await rollBackCodeDeployService(request);

      expect(ended.outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:1' });
      expect(ended.target.taskDefinitionArn).toBe(r.arn('web:1'));
      expect(r.calls('StopDeployment')).toEqual([{ deploymentId: id, autoRollbackEnabled: true }]);
      const rollbackId = (await r.apis.api.getDeployment(id))?.rollbackInfo?.rollbackDeploymentId;
      expect((await r.apis.api.getDeployment(rollbackId ?? ''))?.status).toBe('Succeeded');
      expect(request.reporter.text).toContain(`Rolling back web to web:1, the revision it ran before CodeDeploy deployment ${id} (Ready) began: StopDeployment with rollback`);
      expect(r.standin.service('web')['taskDefinition']).toBe(r.arn('web:1'));
      expect(r.calls('CreateDeployment')).toHaveLength(1);
    },
  );

  test.for([
    { previousRevisionReading: 'live-at-create', echoesAppSpecContent: false },
    { previousRevisionReading: 'before-newest-success', echoesAppSpecContent: true },
  ] as const)('after completion: a new deployment of the previousRevision of the newest successful deployment (%o)', async (group, context) => {
    const r = await rig(context, group);
    await r.until(await r.deploy('web:2'), 'Succeeded');
    const newest = await r.deploy('web:3');
    await r.until(newest, 'Succeeded');
    const request = await r.request();

    const ended = await rollBackCodeDeployService(request);

    expect(ended.outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:2' });
    expect(request.reporter.text).toContain(`Rolling back web to web:2: the revision before web's newest successful CodeDeploy deployment ${newest} (its previousRevision); CreateDeployment`);
    const created = r.calls('CreateDeployment') as { revision: { appSpecContent: { content: string } } }[];
    expect(created).toHaveLength(3);
    expect(created[2]?.revision.appSpecContent.content).toBe(appSpecContent(generatedAppSpec(r.arn('web:2'), 'web', 80)).content);
    expect(r.standin.service('web')['taskDefinition']).toBe(r.arn('web:2'));
    expect(r.calls('StopDeployment')).toEqual([]);
  });

  test('after completion in a group that waits in Ready: the rollback deployment is continued, as the rollback asked for it', async (context) => {
    const r = await rig(context, READY);
    for (const revision of ['web:2', 'web:3']) {
      const id = await r.deploy(revision);
      await r.until(id, 'Ready');
      await r.apis.api.continueDeployment(id, 'READY_WAIT');
      await r.until(id, 'Succeeded');
    }
    const request = await r.request();

    const ended = await rollBackCodeDeployService(request);

    expect(ended.outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:2' });
    expect(request.reporter.text).toContain(`The rollback deployment ${ended.codeDeployDeploymentId} waits in Ready: continuing it, as the rollback asked for it.`);
    expect(r.calls('ContinueDeployment')).toHaveLength(3);
  });

  test('task-definition-arn after completion: a deployment of it with the AppSpec a deploy would make', async (context) => {
    const r = await rig(context);
    await r.until(await r.deploy('web:2'), 'Succeeded');

    const ended = await rollBackCodeDeployService(await r.request({ 'task-definition-arn': 'web:3' }));

    expect(ended.outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:3' });
    expect(r.standin.service('web')['taskDefinition']).toBe(r.arn('web:3'));
  });

  test('nothing to go back to: refused naming why, with no change', async (context) => {
    const r = await rig(context);
    await expect(rollBackCodeDeployService(await r.request())).rejects.toThrow(
      new PreflightError('nothing to go back to: CodeDeploy group AppECS-default-web/DgpECS-default-web of web has no successful deployment; give task-definition-arn to choose a revision.'),
    );
    const first = await r.deploy('web:2');
    await r.until(first, 'Succeeded');
    await expect(rollBackCodeDeployService(await r.request())).rejects.toThrow(
      `nothing to go back to: web's newest successful CodeDeploy deployment ${first} names no previousRevision (CodeDeploy names none for a group's first successful deployment); give task-definition-arn to choose a revision.`,
    );
    await expect(rollBackCodeDeployService(await r.request({ 'task-definition-arn': 'web:2' }))).rejects.toThrow('nothing to go back to: web already runs web:2, the task-definition-arn given.');
    r.standin.codeDeploy.script({ startMs: 5_000 });
    const flying = await r.deploy('web:3');
    await expect(rollBackCodeDeployService(await r.request({ 'task-definition-arn': 'web:1' }))).rejects.toThrow(
      `task-definition-arn: CodeDeploy deployment ${flying} of web is Created, and CodeDeploy runs one deployment of a group at a time;`,
    );
    expect(r.calls('CreateDeployment')).toHaveLength(2);
    expect(r.calls('StopDeployment')).toEqual([]);
  });
});
