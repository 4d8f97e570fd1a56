// Plan and apply for a service CodeDeploy deploys, with the real ECS module over a mocked SDK client and a scripted
// CodeDeploy: what is asked of ECS and CodeDeploy, in which order, and what the result and outputs say.
import { RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { beforeEach, expect, test } from 'vitest';
import type { AwsSession } from '../../src/aws/clients.js';
import type { CodeDeployApi } from '../../src/aws/codedeploy-api.js';
import { applyPlan } from '../../src/deploy/apply.js';
import { outputsOf } from '../../src/deploy/outputs.js';
import { planDeploy } from '../../src/deploy/plan.js';
import { errorMessage } from '../../src/errors.js';
import { FakeCodeDeploy } from './codedeploy-fakes.js';
import { arn, ecsMock, familyHas, harness, inputs, runningDefinition, serviceExists, type Harness } from './deliver-harness.js';

beforeEach(() => ecsMock.reset());

function codeDeployService(): void {
  serviceExists({
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:tg/blue', containerName: 'web', containerPort: 80 }],
  });
  familyHas(runningDefinition);
  ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
  ecsMock.on(UpdateServiceCommand).resolves({ service: { serviceName: 'web', desiredCount: 3 } });
}

/** A harness whose session has the scripted CodeDeploy; its deployment succeeds 4 s after it is created. */
function withCodeDeploy(): { h: Harness; codeDeploy: FakeCodeDeploy; session: AwsSession } {
  const h = harness();
  const codeDeploy = new FakeCodeDeploy(h.clock);
  codeDeploy.group = { computePlatform: 'ECS', ecsServices: [{ serviceName: 'web', clusterName: 'default' }] };
  codeDeploy.at(2000, () => {
    codeDeploy.deployments.get('d-1')!.info.status = 'InProgress';
    for (const name of ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic']) {
      codeDeploy.event('d-1', name, 'Succeeded');
    }
    codeDeploy.deployments.get('d-1')!.info.instanceTerminationWaitTimeStarted = true;
  });
  codeDeploy.at(4000, () => {
    codeDeploy.deployments.get('d-1')!.info.status = 'Succeeded';
  });
  const session: AwsSession = { ...h.session, codeDeploy: async () => ({ api: codeDeploy, afterCancel: codeDeploy }) };
  h.applyDeps.session = session;
  return { h, codeDeploy, session };
}

test('desired count through UpdateService first, then a CodeDeploy deployment of the new revision, watched to its end; keep-revisions after', async () => {
  codeDeployService();
  const { h, codeDeploy, session } = withCodeDeploy();
  const given = inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'desired-count': '3', 'keep-revisions': '3' });

  const plan = await planDeploy(h.planDeps, given, { ecs: session.ecs, region: session.region, ...(session.codeDeploy ? { codeDeploy: session.codeDeploy } : {}) });
  expect(plan.update?.codeDeploy).toMatchObject({
    application: 'AppECS-default-web',
    deploymentGroup: 'DgpECS-default-web',
    appSpec: { kind: 'generated', containerName: 'web', containerPort: 80 },
  });
  const { result, error } = await applyPlan(h.applyDeps, plan, h.clock.now());

  expect(error).toBeUndefined();
  expect(ecsMock.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input)).toEqual([{ cluster: 'default', service: 'web', desiredCount: 3 }]);
  const create = codeDeploy.calls.find((call) => call.op === 'createDeployment')?.input as { revision: { appSpecContent: { content: string } } };
  expect(JSON.parse(create.revision.appSpecContent.content)).toMatchObject({
    Resources: [{ TargetService: { Properties: { TaskDefinition: arn(2), LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }],
  });
  expect(h.watched).toEqual([]);
  expect(result).toMatchObject({ deploymentStatus: 'COMPLETED', codeDeployDeploymentId: 'd-1', desiredCount: 3, revision: 2 });
  expect(outputsOf(result)).toMatchObject({ 'codedeploy-deployment-id': 'd-1', 'deployment-id': '', 'deployment-status': 'COMPLETED' });
  expect(h.kept).toEqual([{ family: 'web', keep: 3, protect: [arn(2), arn(1)] }]);
});

test('wait-until traffic-shifted: the wait ends when traffic moved, and keep-revisions does not run', async () => {
  codeDeployService();
  const { h, codeDeploy, session } = withCodeDeploy();
  const given = inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'keep-revisions': '3' });
  const plan = await planDeploy(h.planDeps, given, { ecs: session.ecs, region: session.region, ...(session.codeDeploy ? { codeDeploy: session.codeDeploy } : {}) });
  // As the wait-until input sets it on the watch options.
  if (plan.update?.watch) Object.assign(plan.update.watch, { waitUntil: 'traffic-shifted' });

  const { result } = await applyPlan(h.applyDeps, plan, h.clock.now());

  expect(result.deploymentStatus).toBe('COMPLETED');
  expect(result.statusMessage).toContain('still in its termination wait');
  expect(codeDeploy.deployments.get('d-1')?.info.status).toBe('InProgress');
  expect(h.kept).toEqual([]);
  expect(h.reporter.text).toContain('keep-revisions: not run, as the CodeDeploy deployment was not waited for to its end.');
  expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
});

test('a cancel while CreateDeployment is on its way: the deployment it made is found and stopped with rollback', async () => {
  codeDeployService();
  const { h, codeDeploy } = withCodeDeploy();
  const aborted = (): Error => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
  // The run's clients fail once the job is cancelled, as the session's signal makes them; afterCancel does not.
  const cut: CodeDeployApi = new Proxy(codeDeploy, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (h.cancel.signal.aborted ? Promise.reject(aborted()) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  codeDeploy.onCreate = () => {
    // CodeDeploy made the deployment; the answer never reached the job, which was cancelled meanwhile.
    h.cancel.abort('SIGTERM');
    return { id: 'd-1', error: aborted() };
  };
  const session: AwsSession = { ...h.session, codeDeploy: async () => ({ api: cut, afterCancel: codeDeploy }) };
  h.applyDeps.session = session;
  const plan = await planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }), { ecs: session.ecs, region: session.region, codeDeploy: session.codeDeploy! });

  const { result, error } = await applyPlan(h.applyDeps, plan, h.clock.now());

  expect(error).toBeDefined();
  expect(result.deploymentStatus).toBe('CANCELLED');
  expect(codeDeploy.calls.filter((call) => call.op === 'stopDeployment').map((call) => call.input)).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: true }]);
  expect(h.reporter.text).toMatch(/Cancelled during CreateDeployment: CreateDeployment had started d-1 in [^ ]+: stopped it with rollback\./);
  expect(errorMessage(error)).toMatch(/^cancelled by SIGTERM; CreateDeployment had started d-1 in /);
});
