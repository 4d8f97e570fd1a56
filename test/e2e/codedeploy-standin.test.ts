// The built bundle deploying a service whose deployment controller is CODE_DEPLOY, against the stand-in's ECS and
// CodeDeploy: a deployment that succeeds, one whose hook fails (with and without CodeDeploy's rollback), a cancel
// that stops the deployment, a dry run, and a bad input that changes nothing.
import { type TestContext, describe, expect, test } from 'vitest';
import type { CodeDeployScript, EcsStandin } from '../standin/index.js';
import { type BundleOptions, type BundleRun, signalWhenPrinted } from '../support/run-bundle.js';
import { appSpec, arnOf, callsOf, deployWeb, outputsOf, seedCodeDeployWeb, standinForTest, testDir } from '../support/standin-e2e.js';

const APPSPEC = appSpec('web', [
  'BeforeInstall: "arn:aws:lambda:us-east-1:123456789012:function:before-install"',
  'AfterAllowTestTraffic: "arn:aws:lambda:us-east-1:123456789012:function:smoke-test"',
]);

interface Setup {
  autoRollback?: boolean;
  script?: CodeDeployScript;
}

/** web:1 runs as the CODE_DEPLOY service web, and an appspec.yaml with hooks waits in the run's directory. */
async function standinWith(context: TestContext, { autoRollback = false, script }: Setup = {}): Promise<{ standin: EcsStandin; dir: string }> {
  const standin = await standinForTest(context);
  seedCodeDeployWeb(standin, { group: { autoRollback } });
  if (script) standin.codeDeploy.script(script);
  return { standin, dir: testDir(context, 'ecs-deliver-codedeploy-', { 'appspec.yaml': APPSPEC }) };
}

/** Deploys nginx:1.25 to web; a run still going after 30 s, far longer than any here, has hung and is killed. */
function deploy(standin: EcsStandin, dir: string, args: string[] = [], options: Pick<BundleOptions, 'onStart'> = {}): Promise<BundleRun> {
  return deployWeb(standin, args, { codeDeploy: true, cwd: dir, waitTimeout: '20s', timeoutMs: 30_000, ...options });
}

describe.concurrent('a CodeDeploy service', () => {
  test('succeeds: the AppSpec names the new revision with the Hooks kept, each lifecycle event is printed, the service runs web:2', async (context) => {
    // Events slower than the polls, and a termination wait long enough to be seen.
    const { standin, dir } = await standinWith(context, { script: { eventMs: 300, trafficSteps: [20, 100], terminationWaitMs: 2_500 } });

    const run = await deploy(standin, dir, ['--codedeploy-deployment-description', 'release 1.25']);

    expect(run.code, run.log).toBe(0);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('COMPLETED');
    expect(outputs['codedeploy-deployment-id']).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(outputs['deployment-id']).toBe('');
    expect(outputs['task-definition-arn']).toBe(arnOf(standin, 'web:2'));
    expect(run.log).toContain('AppSpec: appspec.yaml, TaskDefinition replaced; hooks kept: BeforeInstall, AfterAllowTestTraffic');
    for (const event of ['BeforeInstall', 'Install', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'AllowTraffic', 'AfterAllowTraffic']) {
      expect(run.log).toMatch(new RegExp(`^ {2}${event}: Succeeded`, 'm'));
    }
    expect(run.log).toMatch(/Task sets: Blue 2\/2 running, 0% of traffic; Green 2\/2 running, 100% of traffic/);
    expect(run.log).toContain('Production traffic moved to the replacement task set');
    expect(run.log).toContain(`CodeDeploy deployment ${outputs['codedeploy-deployment-id']} (web:2) succeeded`);

    const [deployment] = standin.codeDeploy.deployments();
    // The user's description stays whole; the run's token, what a lost answer is read back by, follows it.
    expect(deployment).toMatchObject({ status: 'Succeeded', description: expect.stringMatching(/^release 1\.25\necs-deliver run [0-9a-f-]{36}$/), deploymentId: outputs['codedeploy-deployment-id'] });
    const appSpec = JSON.parse((deployment?.['revision'] as { appSpecContent: { content: string } }).appSpecContent.content) as Record<string, unknown>;
    expect(appSpec).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: arnOf(standin, 'web:2'), LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } },
          },
        },
      ],
      Hooks: [
        { BeforeInstall: 'arn:aws:lambda:us-east-1:123456789012:function:before-install' },
        { AfterAllowTestTraffic: 'arn:aws:lambda:us-east-1:123456789012:function:smoke-test' },
      ],
    });
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:2'));
    // A CODE_DEPLOY service takes no task definition through UpdateService, and no desired count was given.
    expect(callsOf(standin, 'UpdateService')).toHaveLength(0);
    expect(callsOf(standin, 'CodeDeploy_20141006.CreateDeployment')).toHaveLength(1);
  });

  test('desired-count is applied with UpdateService before the CodeDeploy deployment', async (context) => {
    const { standin, dir } = await standinWith(context);

    const run = await deploy(standin, dir, ['--desired-count', '3']);

    expect(run.code, run.log).toBe(0);
    const updates = callsOf(standin, 'UpdateService');
    expect(updates.map((call) => call.input)).toEqual([{ cluster: 'default', service: 'web', desiredCount: 3 }]);
    const create = callsOf(standin, 'CodeDeploy_20141006.CreateDeployment')[0];
    expect(create && updates[0] && create.at >= updates[0].at).toBe(true);
    expect(standin.service('web')['desiredCount']).toBe(3);
  });

  test.for([
    ['without a rollback', false, 'FAILED'],
    ['with CodeDeploy rolling back', true, 'ROLLED_BACK'],
  ] as const)('a failing AfterAllowTestTraffic hook, %s: the log names the event, its diagnostics and the stopped task; exit 1', async ([, autoRollback, status], context) => {
    const { standin, dir } = await standinWith(context, {
      autoRollback,
      script: {
        failEvent: 'AfterAllowTestTraffic',
        diagnostics: { errorCode: 'ScriptFailed', message: 'smoke test got HTTP 503', logTail: 'GET /health -> 503\nsmoke test failed' },
        failedTasks: 1,
        taskFailure: 'oom',
      },
    });

    const run = await deploy(standin, dir);

    expect(run.code, run.log).toBe(1);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe(status);
    const id = outputs['codedeploy-deployment-id'] ?? '';
    expect(run.log).toContain(
      `CodeDeploy deployment ${id} (web:2) failed: lifecycle event AfterAllowTestTraffic failed (ScriptFailed: smoke test got HTTP 503); HOOK_EXECUTION_FAILURE: `,
    );
    expect(run.log).toContain('Lifecycle event AfterAllowTestTraffic failed: ScriptFailed: smoke test got HTTP 503');
    expect(run.log).toMatch(/^ {4}GET \/health -> 503$/m);
    expect(run.log).toContain('container web: exit code 137: OutOfMemoryError: Container killed due to memory usage');
    expect(run.log).toMatch(/^ {2}AllowTraffic: Skipped/m);
    if (autoRollback) {
      expect(run.log).toContain('CodeDeploy rolled back to web:1');
      expect(standin.codeDeploy.deployments()).toHaveLength(2);
    }
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:1'));
  });

  test('SIGTERM stops the deployment with rollback and exits 143', async (context) => {
    const { standin, dir } = await standinWith(context, { script: { eventMs: 5_000 } });

    const run = await deploy(standin, dir, ['--wait-timeout', '60s'], signalWhenPrinted('BeforeInstall: InProgress'));

    expect(run.code, run.log).toBe(143);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('CANCELLED');
    expect(callsOf(standin, 'CodeDeploy_20141006.StopDeployment').map((call) => call.input)).toEqual([
      { deploymentId: outputs['codedeploy-deployment-id'], autoRollbackEnabled: true },
    ]);
    expect(run.log).toContain(`the rollback to web:1 started (CodeDeploy answered the StopDeployment of ${outputs['codedeploy-deployment-id']})`);
  });

  test('a dry run names the application, the deployment group and the AppSpec, and changes nothing', async (context) => {
    const { standin, dir } = await standinWith(context);

    const run = await deploy(standin, dir, ['--dry-run']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(
      'Would create a CodeDeploy deployment in AppECS-default-web/DgpECS-default-web (CodeDeployDefault.ECSAllAtOnce) with the AppSpec appspec.yaml with its TaskDefinition set to the new revision of web and wait for it (up to 20s).',
    );
    expect(callsOf(standin, 'RegisterTaskDefinition')).toHaveLength(0);
    expect(callsOf(standin, 'CodeDeploy_20141006.CreateDeployment')).toHaveLength(0);
  });

  test('force-new-deployment is refused in preflight: exit 2, one line, nothing registered or deployed', async (context) => {
    const { standin, dir } = await standinWith(context);

    const run = await deploy(standin, dir, ['--force-new-deployment', 'true']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain(
      'force-new-deployment: service "web" is deployed by CodeDeploy, and ECS cannot force a new deployment of it; remove force-new-deployment (every run creates a CodeDeploy deployment).',
    );
    expect(outputsOf(run)['deployment-status']).toBe('NOT_STARTED');
    expect(standin.taskDefinitions('web')).toHaveLength(1);
    expect(callsOf(standin, 'UpdateService')).toHaveLength(0);
    expect(standin.requests.filter((call) => call.operation.startsWith('CodeDeploy_'))).toHaveLength(0);
  });

  test('a deployment group that does not exist is refused in preflight, naming the input', async (context) => {
    const { standin, dir } = await standinWith(context);

    const run = await deploy(standin, dir, ['--codedeploy-deployment-group', 'nope']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('codedeploy-deployment-group: "nope" does not exist in application AppECS-default-web');
    expect(standin.taskDefinitions('web')).toHaveLength(1);
  });
});
