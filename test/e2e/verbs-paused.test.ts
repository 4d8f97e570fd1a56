// `deploy` with wait-until paused, from the built bundle on each host against the ECS stand-in: a blue/green
// service with a PAUSE hook ends PAUSED (exit 0) with the hook's id, stage and expiry as outputs, and the
// deployment still waits; a service whose deployments never pause is refused before any change.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;
const PAUSED_CONFIG = {
  strategy: 'BLUE_GREEN',
  lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutConfiguration: { timeoutInMinutes: 30 } }],
};

async function standinWith(context: TestContext, deploymentConfiguration?: Record<string, unknown>): Promise<{ standin: EcsStandin; env: Record<string, string> }> {
  const standin = await startEcsStandin({ timing: { stageMs: 200, hookMs: 200, rollbackMs: 400, rolloutMs: 400 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, ...(deploymentConfiguration ? { deploymentConfiguration: deploymentConfiguration as never } : {}) });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  return { standin, env };
}

const DEPLOY_ARGS = ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '40s'];

interface Hook {
  hookId: string;
  status: string;
  expiresAt: number;
}

function latest(standin: EcsStandin): { arn: string; status: string; stage: string; hook: Hook | undefined } {
  const [sd] = standin.serviceDeployments('web');
  const hooks = (sd?.['lifecycleHookDetails'] ?? []) as unknown as Hook[];
  return { arn: String(sd?.['serviceDeploymentArn']), status: String(sd?.['status']), stage: String(sd?.['lifecycleStage']), hook: hooks[0] };
}

function expectPausedOutputs(outputs: Record<string, string>, standin: EcsStandin): void {
  const now = latest(standin);
  expect(now.status).toBe('IN_PROGRESS');
  expect(now.hook?.status).toBe('AWAITING_ACTION');
  expect(outputs).toMatchObject({
    'deployment-status': 'PAUSED',
    'service-deployment-arn': now.arn,
    'hook-id': now.hook?.hookId,
    'paused-at': 'POST_TEST_TRAFFIC_SHIFT',
  });
  expect(Date.parse(outputs['expires-at'] ?? '')).toBeGreaterThan(Date.now() + 20 * 60_000);
  expect(standin.calls['StopServiceDeployment'] ?? 0).toBe(0);
  expect(standin.calls['ContinueServiceDeployment'] ?? 0).toBe(0);
}

describe.concurrent('deploy with wait-until paused', () => {
  test('from a shell: PAUSED, exit 0, the hook as outputs; the deployment still waits at the hook', async (context) => {
    const { standin, env } = await standinWith(context, PAUSED_CONFIG);

    const run = await runBundle({ args: [...DEPLOY_ARGS, '--wait-until', 'paused', '--json'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(0);
    expectPausedOutputs(JSON.parse(run.stdout) as Record<string, string>, standin);
    expect(run.stderr).toMatch(/is paused at POST_TEST_TRAFFIC_SHIFT: PAUSE hook \S+ awaits action \(wait-until: paused\)/);
    expect(run.stderr).toMatch(/Done in [\d.]+s: web runs web:2, paused\./);
  });

  test('on GitHub Actions: the outputs and a summary that says how to continue', async (context) => {
    const { standin, env } = await standinWith(context, PAUSED_CONFIG);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-paused-gh-'));
    const [outputFile, summaryFile] = [join(dir, 'output'), join(dir, 'summary')];
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');

    const run = await runBundle({
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        INPUT_SERVICE: 'web',
        INPUT_FAMILY: 'web',
        INPUT_IMAGE: 'nginx:1.25',
        'INPUT_VERIFY-IMAGE': 'false',
        'INPUT_POLL-INTERVAL': '1s',
        'INPUT_WAIT-UNTIL': 'paused',
      },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    const outputs = parseGithubOutput(readFileSync(outputFile, 'utf8'));
    expectPausedOutputs(outputs, standin);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('is paused and waits for someone to continue or roll it back');
    expect(summary).toContain('To continue: run ecs-deliver with operation `continue` (or `rollback`) for this service');
    expect(summary).toContain(`aws ecs continue-service-deployment --service-deployment-arn ${outputs['service-deployment-arn']} --hook-id ${outputs['hook-id']} --action CONTINUE`);
  });

  test('on GitLab: the dotenv report carries the hook for a later job', async (context) => {
    const { standin, env } = await standinWith(context, PAUSED_CONFIG);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-paused-gl-'));

    const run = await runBundle({
      cwd: dir,
      env: {
        ...env,
        GITLAB_CI: 'true',
        ECS_DELIVER_HOST: 'gitlab',
        ECS_DELIVER_SERVICE: 'web',
        ECS_DELIVER_FAMILY: 'web',
        ECS_DELIVER_IMAGE: 'nginx:1.25',
        ECS_DELIVER_VERIFY_IMAGE: 'false',
        ECS_DELIVER_POLL_INTERVAL: '1s',
        ECS_DELIVER_WAIT_UNTIL: 'paused',
      },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    const dotenv = Object.fromEntries(
      readFileSync(join(dir, 'ecs-deliver.env'), 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')).replace(/^ECS_DELIVERED_/, '').toLowerCase().replace(/_/g, '-'), line.slice(line.indexOf('=') + 1)]),
    );
    expectPausedOutputs(dotenv, standin);
  });

  test('a rolling service, whose deployments never pause, is refused before any change: exit 2, one line', async (context) => {
    const { standin, env } = await standinWith(context);

    const run = await runBundle({ args: [...DEPLOY_ARGS, '--wait-until', 'paused'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('wait-until: paused, but the deployments of service "web" (rolling) never pause: it has no PAUSE lifecycle hook; add one to its deployment configuration, or set wait-until to completed.');
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });

  test('a blue/green service with only a Lambda hook is refused too', async (context) => {
    const { standin, env } = await standinWith(context, {
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [{ hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_SCALE_UP'] }],
    });

    const run = await runBundle({ args: [...DEPLOY_ARGS, '--wait-until', 'paused'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('never pause: it has no PAUSE lifecycle hook');
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });

  test('a CodeDeploy group that reroutes without waiting: wait-until paused, continue and rollback are refused before any change, exit 2', async (context) => {
    const standin = await startEcsStandin();
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 2,
      deploymentController: 'CODE_DEPLOY',
      loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', containerName: 'web', containerPort: 80 }],
    });
    standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', service: 'web', autoRollback: true });
    const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_ENDPOINT_URL_CODEDEPLOY: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
    const cwd = mkdtempSync(join(tmpdir(), 'ecs-deliver-codedeploy-paused-'));
    context.onTestFinished(() => rmSync(cwd, { recursive: true, force: true }));

    const paused = await runBundle({ args: [...DEPLOY_ARGS, '--wait-until', 'paused'], env, cwd, timeoutMs: KILL_AFTER_MS });
    const continued = await runBundle({ args: ['continue', '--service', 'web'], env, cwd, timeoutMs: KILL_AFTER_MS });
    const rolledBack = await runBundle({ args: ['rollback', '--service', 'web'], env, cwd, timeoutMs: KILL_AFTER_MS });

    expect(paused.code, paused.log).toBe(2);
    expect(paused.log).toContain('wait-until: paused, but CodeDeploy deployment group AppECS-default-web/DgpECS-default-web reroutes traffic without waiting (deploymentReadyOption CONTINUE_DEPLOYMENT), so its deployments never pause');
    expect(continued.code, continued.log).toBe(2);
    expect(continued.log).toContain('nothing of CodeDeploy group AppECS-default-web/DgpECS-default-web waits in Ready: CodeDeploy group AppECS-default-web/DgpECS-default-web has no deployment');
    expect(rolledBack.code, rolledBack.log).toBe(2);
    expect(rolledBack.log).toContain('nothing to go back to: CodeDeploy group AppECS-default-web/DgpECS-default-web of web has no successful deployment');
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.codeDeploy.deployments()).toEqual([]);
  });
});
