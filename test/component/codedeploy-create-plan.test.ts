// CreateDeployment made once, read back after a lost answer; and the CodeDeploy part of the plan: the deployment
// group must exist and deploy this service, and the AppSpec is the user's file or one made from the load balancer.
import type { Service } from '@aws-sdk/client-ecs';
import * as yaml from 'yaml';
import { describe, expect, test } from 'vitest';
import { appSpecContent, generatedAppSpec } from '../../src/codedeploy/appspec.js';
import { createDeployment } from '../../src/codedeploy/create-deployment.js';
import { planCodeDeploy } from '../../src/codedeploy/plan.js';
import type { CodeDeployInputs } from '../../src/inputs/codedeploy.js';
import { MayHaveBeenAppliedError } from '../../src/aws/change.js';
import { DeployError, InputError, PreflightError } from '../../src/errors.js';
import { FakeCodeDeploy } from './codedeploy-fakes.js';
import { FakeClock, RecordingReporter, awsError, td } from './watch-fakes.js';

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
const APPSPEC = appSpecContent(generatedAppSpec(td(2), 'web', 80));
const REQUEST = { application: 'AppECS-prod-web', deploymentGroup: 'DgpECS-prod-web', appSpec: APPSPEC, description: 'release 7' };

describe('createDeployment', () => {
  test('sends the AppSpec content with its SHA-256, the description and the deployment configuration', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);

    const id = await createDeployment(codeDeploy, { ...REQUEST, deploymentConfig: 'CodeDeployDefault.ECSAllAtOnce' }, { clock, runToken: 'run-1' });

    expect(id).toBe('d-1');
    expect(codeDeploy.calls[0]?.input).toEqual({
      applicationName: 'AppECS-prod-web',
      deploymentGroupName: 'DgpECS-prod-web',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC.content, sha256: APPSPEC.sha256 } },
      // The user's description stays whole; the run's token follows on a line of its own.
      description: 'release 7\necs-deliver run run-1',
      deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    });
  });

  test('a lost answer whose deployment was created: found by the run token in its description, not created twice', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);
    codeDeploy.put('d-0', { revision: { revisionType: 'AppSpecContent', appSpecContent: { content: '{}', sha256: 'other' } }, status: 'Succeeded' });
    // An earlier run of the same AppSpec, a little before this one.
    codeDeploy.put('d-00', { revision: { revisionType: 'AppSpecContent', appSpecContent: APPSPEC }, status: 'Succeeded', createTime: new Date(clock.now() - 20_000) });
    codeDeploy.onCreate = () => ({ id: 'd-1', error: reset() });
    // CodeDeploy promises no order: the earlier run comes first here.
    codeDeploy.listDeployments = async () => ({ deployments: [...codeDeploy.deployments.keys()] });
    const reporter = new RecordingReporter();

    const id = await createDeployment(codeDeploy, REQUEST, { clock, reporter });

    expect(id).toBe('d-1');
    expect(codeDeploy.count('createDeployment')).toBe(1);
    expect(reporter.text).toContain('CodeDeploy deployment d-1 was created by that call.');
  });

  test('a lost answer whose deployment was not created: read back until it can no longer land late, then created again, once', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);
    codeDeploy.onCreate = (_input, call) => (call === 1 ? { id: '', error: reset() } : { id: 'd-2' });

    expect(await createDeployment(codeDeploy, REQUEST, { clock })).toBe('d-2');
    expect(codeDeploy.count('createDeployment')).toBe(2);
    expect(codeDeploy.count('listDeployments')).toBeGreaterThanOrEqual(5);
    expect(clock.elapsed).toBeGreaterThanOrEqual(70_000);
  });

  test('the read-back matches the run token, not the SHA-256 CodeDeploy may echo: another run of the same AppSpec is not taken', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);
    // Another run of the same AppSpec, created in the read-back's window, whose token differs.
    codeDeploy.put('d-other', {
      revision: { revisionType: 'AppSpecContent', appSpecContent: APPSPEC },
      description: 'release 7\necs-deliver run another-run',
      status: 'InProgress',
    });
    // This run's deployment appears 20 s after the answer was lost, and GetDeployment echoes no AppSpec for it.
    codeDeploy.onCreate = (input, call) => {
      if (call === 1) clock.at(20_000, () => codeDeploy.put('d-late', { status: 'Created', ...(input.description ? { description: input.description } : {}) }));
      return { id: '', error: reset() };
    };

    expect(await createDeployment(codeDeploy, REQUEST, { clock, runToken: 'this-run' })).toBe('d-late');
    expect(codeDeploy.count('createDeployment')).toBe(1);
  });

  test('a refusal is not tried again and reads nothing back', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);
    codeDeploy.onCreate = () => ({ id: '', error: awsError('DeploymentLimitExceededException', 400, "The Deployment Group 'DgpECS-prod-web' already has an active Deployment 'd-0'") });

    await expect(createDeployment(codeDeploy, REQUEST, { clock })).rejects.toThrow(DeployError);
    await expect(createDeployment(codeDeploy, REQUEST, { clock })).rejects.toThrow(/already has an active Deployment/);
    expect(codeDeploy.count('listDeployments')).toBe(0);
  });

  test('a lost answer that cannot be read back: "may have been applied", with where to look', async () => {
    const clock = new FakeClock();
    const codeDeploy = new FakeCodeDeploy(clock);
    codeDeploy.onCreate = () => ({ id: '', error: reset() });
    codeDeploy.failWhen = (op) => (op === 'listDeployments' ? awsError('AccessDeniedException', 400, 'not authorized to perform codedeploy:ListDeployments') : undefined);

    const creating = createDeployment(codeDeploy, REQUEST, { clock });

    await expect(creating).rejects.toThrow(MayHaveBeenAppliedError);
    await expect(creating).rejects.toThrow(/aws deploy list-deployments --application-name AppECS-prod-web --deployment-group-name DgpECS-prod-web/);
    expect(codeDeploy.count('createDeployment')).toBe(1);
  });
});

describe('planCodeDeploy', () => {
  const service = (fields: Partial<Service> = {}): Service => ({
    serviceName: 'web',
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 8080 }],
    ...fields,
  });
  const inputs = (fields: Partial<CodeDeployInputs> = {}): CodeDeployInputs => ({
    appspec: 'appspec.yaml',
    application: '',
    deploymentGroup: '',
    description: '',
    deploymentConfig: '',
    ...fields,
  });
  const plan = (codeDeploy: FakeCodeDeploy, files: Record<string, string>, given: CodeDeployInputs, target: Service = service()) =>
    planCodeDeploy({ api: codeDeploy, reporter: new RecordingReporter(), readFile: (path) => files[path] }, given, { cluster: 'prod', service: target, region: 'eu-west-1' });

  test('defaults to the names the ECS console gives; no appspec.yaml: one made from the load balancer', async () => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    codeDeploy.group = {
      computePlatform: 'ECS',
      ecsServices: [{ serviceName: 'web', clusterName: 'prod' }],
      deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 15 } },
    };

    const result = await plan(codeDeploy, {}, inputs());

    expect(codeDeploy.calls[0]?.input).toEqual({ applicationName: 'AppECS-prod-web', deploymentGroupName: 'DgpECS-prod-web' });
    expect(result).toEqual({
      application: 'AppECS-prod-web',
      deploymentGroup: 'DgpECS-prod-web',
      groupDeploymentConfig: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      appSpec: { kind: 'generated', containerName: 'web', containerPort: 8080 },
      terminationWaitMinutes: 15,
    });
  });

  test("the user's file wins over the load balancer; its data is what is deployed", async () => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    const text = yaml.stringify({ version: 0, Resources: [{ TargetService: { Properties: { TaskDefinition: 'x' } } }], Hooks: [{ BeforeInstall: 'fn' }] });

    const result = await plan(codeDeploy, { 'deploy/appspec.yml': text }, inputs({ appspec: 'deploy/appspec.yml', application: 'app', deploymentGroup: 'group' }));

    expect(result.appSpec).toEqual({ kind: 'file', path: 'deploy/appspec.yml', data: yaml.parse(text) });
    expect(codeDeploy.calls[0]?.input).toEqual({ applicationName: 'app', deploymentGroupName: 'group' });
  });

  test.each([
    ['a codedeploy-appspec that does not exist', {}, inputs({ appspec: 'other.yaml' }), service(), InputError, /codedeploy-appspec: "other.yaml" does not exist/],
    ['no appspec.yaml and no load balancer', {}, inputs(), service({ loadBalancers: [] }), PreflightError, /there is no appspec.yaml in the working directory, and service web names no load balancer/],
  ])('%s is refused before any CodeDeploy call', async (_name, files, given, target, kind, message) => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    const planning = plan(codeDeploy, files, given, target);
    await expect(planning).rejects.toThrow(kind);
    await expect(plan(codeDeploy, files, given, target)).rejects.toThrow(message);
    expect(codeDeploy.calls).toEqual([]);
  });

  test.each([
    ['ApplicationDoesNotExistException', /codedeploy-application: "AppECS-prod-web" does not exist in eu-west-1/],
    ['DeploymentGroupDoesNotExistException', /codedeploy-deployment-group: "DgpECS-prod-web" does not exist in application AppECS-prod-web/],
  ])('%s: a preflight error naming the input', async (name, message) => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    codeDeploy.group = awsError(name, 400);
    await expect(plan(codeDeploy, {}, inputs())).rejects.toThrow(PreflightError);
    await expect(plan(codeDeploy, {}, inputs())).rejects.toThrow(message);
  });

  test('a wait-timeout shorter than the group\'s waits and 10 minutes is warned about, naming the parts', async () => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    codeDeploy.group = {
      computePlatform: 'ECS',
      blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { terminationWaitTimeInMinutes: 60 } },
    };
    const reporter = new RecordingReporter();

    await planCodeDeploy({ api: codeDeploy, reporter, readFile: () => undefined }, inputs(), {
      cluster: 'prod',
      service: service(),
      region: 'eu-west-1',
      waitTimeoutMs: 30 * 60_000,
    });

    expect(reporter.lines.filter((line) => line.level === 'warn').map((line) => line.text)).toEqual([
      'wait-timeout 30m is shorter than this CodeDeploy deployment may take: ready wait 0 min + traffic routing 0 min + termination wait 60 min + 10 min = 70 min; raise wait-timeout, or leave it out to wait that long.',
    ]);
  });

  test('a deployment group of another service is refused', async () => {
    const codeDeploy = new FakeCodeDeploy(new FakeClock());
    codeDeploy.group = { computePlatform: 'ECS', ecsServices: [{ serviceName: 'api', clusterName: 'prod' }] };
    await expect(plan(codeDeploy, {}, inputs())).rejects.toThrow(/"DgpECS-prod-web" deploys api in prod, not web in prod/);
  });
});
