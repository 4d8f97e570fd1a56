// A CodeDeploy service whose deployment group waits for a manual reroute (deploymentReadyOption STOP_DEPLOYMENT),
// from the built bundle against the stand-in: deploy with wait-until paused ends PAUSED once the deployment waits in
// Ready, then continue reroutes traffic and follows it to COMPLETED, or rollback stops it with CodeDeploy's rollback
// and follows that to ROLLED_BACK.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';
import { DEPLOY_WEB, arnOf, outputsOf, seedCodeDeployWeb, standinEnv, standinForTest, testDir } from '../support/standin-e2e.js';

const KILL_AFTER_MS = 60_000;
const READY_WAIT_MINUTES = 30;
const CODEDEPLOY = 'CodeDeploy_20141006.';

/** web:1 runs as the CODE_DEPLOY service web behind a load balancer; its group waits in Ready up to 30 minutes. */
async function standinWith(context: TestContext): Promise<{ standin: EcsStandin; env: Record<string, string>; dir: string }> {
  const standin = await standinForTest(context);
  seedCodeDeployWeb(standin, {
    service: { loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', containerName: 'web', containerPort: 80 }] },
    group: { readyWaitMinutes: READY_WAIT_MINUTES },
  });
  // No appspec.yaml here: the bundle makes one from the load balancer's container and port.
  return { standin, env: standinEnv(standin, { codeDeploy: true }), dir: testDir(context, 'ecs-deliver-codedeploy-ready-') };
}

const shell = (env: Record<string, string>, dir: string, args: string[]): Promise<BundleRun> =>
  runBundle({ args: [...args, '--poll-interval', '1s', '--wait-timeout', '40s', '--json'], env, cwd: dir, timeoutMs: KILL_AFTER_MS });

const callsOf = (standin: EcsStandin, operation: string) => standin.requests.filter((call) => call.operation === `${CODEDEPLOY}${operation}`).map((call) => call.input);

/** deploy with wait-until paused: PAUSED, exit 0, and the deployment still waits in Ready. */
async function deployPaused(standin: EcsStandin, env: Record<string, string>, dir: string): Promise<Record<string, string>> {
  const startedAt = Date.now();
  const run = await shell(env, dir, [...DEPLOY_WEB, '--wait-until', 'paused']);
  expect(run.code, run.log).toBe(0);
  const outputs = outputsOf(run);
  const id = outputs['codedeploy-deployment-id'] ?? '';
  expect(outputs).toMatchObject({ 'deployment-status': 'PAUSED', 'paused-at': 'Ready', 'hook-id': '' });
  expect(standin.codeDeploy.deployments().find((deployment) => deployment['deploymentId'] === id)?.['status']).toBe('Ready');
  // CodeDeploy stops it by itself once the group's wait has passed since it became Ready.
  const expiresAt = Date.parse(outputs['expires-at'] ?? '');
  expect(expiresAt).toBeGreaterThan(startedAt + READY_WAIT_MINUTES * 60_000 - 1_000);
  expect(expiresAt).toBeLessThan(Date.now() + READY_WAIT_MINUTES * 60_000 + 1_000);
  expect(run.log).toContain(`To continue: ecs-deliver continue --cluster default --service web (or aws deploy continue-deployment --deployment-id ${id} --deployment-wait-type READY_WAIT)`);
  expect(callsOf(standin, 'ContinueDeployment')).toEqual([]);
  return outputs;
}

describe.concurrent('a CodeDeploy group that waits for the traffic reroute', () => {
  test('from a shell: deploy to PAUSED, then continue finds the deployment in Ready and follows it to COMPLETED', async (context) => {
    const { standin, env, dir } = await standinWith(context);
    const paused = await deployPaused(standin, env, dir);
    const id = paused['codedeploy-deployment-id'];

    const run = await shell(env, dir, ['continue', '--cluster', 'default', '--service', 'web']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Continuing CodeDeploy deployment ${id} of web:2, which waits in Ready: ContinueDeployment (READY_WAIT)`);
    expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'COMPLETED', 'codedeploy-deployment-id': id, 'task-definition-arn': arnOf(standin, 'web:2') });
    expect(callsOf(standin, 'ContinueDeployment')).toEqual([{ deploymentId: id, deploymentWaitType: 'READY_WAIT' }]);
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:2'));

    // Nothing waits any more: refused with exit 2, saying what the group does instead, and nothing sent.
    const again = await shell(env, dir, ['continue', '--service', 'web']);
    expect(again.code, again.log).toBe(2);
    expect(again.log).toContain(`nothing of CodeDeploy group AppECS-default-web/DgpECS-default-web waits in Ready: no CodeDeploy deployment is in flight; the newest, ${id}, ended Succeeded`);
    expect(callsOf(standin, 'ContinueDeployment')).toHaveLength(1);
  });

  test('from a shell: deploy to PAUSED, then rollback stops it with CodeDeploy\'s rollback and follows that to ROLLED_BACK', async (context) => {
    const { standin, env, dir } = await standinWith(context);
    const paused = await deployPaused(standin, env, dir);
    const id = paused['codedeploy-deployment-id'] ?? '';

    const run = await shell(env, dir, ['rollback', '--service', 'web']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Rolling back web to web:1, the revision it ran before CodeDeploy deployment ${id} (Ready) began: StopDeployment with rollback`);
    const rollbackId = (standin.codeDeploy.deployments().find((deployment) => deployment['deploymentId'] === id)?.['rollbackInfo'] as { rollbackDeploymentId?: string } | undefined)?.rollbackDeploymentId;
    expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'ROLLED_BACK', 'codedeploy-deployment-id': id, 'task-definition-arn': arnOf(standin, 'web:1') });
    expect(callsOf(standin, 'StopDeployment')).toEqual([{ deploymentId: id, autoRollbackEnabled: true }]);
    expect(standin.codeDeploy.deployments().find((deployment) => deployment['deploymentId'] === rollbackId)?.['status']).toBe('Succeeded');
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:1'));
  });

  test('on GitLab: continue with the codedeploy-deployment-id the paused deploy gave; the dotenv report says COMPLETED', async (context) => {
    const { standin, env, dir } = await standinWith(context);
    const paused = await deployPaused(standin, env, dir);

    const run = await runBundle({
      cwd: dir,
      env: {
        ...env,
        GITLAB_CI: 'true',
        ECS_DELIVER_HOST: 'gitlab',
        ECS_DELIVER_OPERATION: 'continue',
        ECS_DELIVER_SERVICE: 'web',
        ECS_DELIVER_CODEDEPLOY_DEPLOYMENT_ID: paused['codedeploy-deployment-id'] ?? '',
        ECS_DELIVER_POLL_INTERVAL: '1s',
      },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(readFileSync(join(dir, 'ecs-deliver.env'), 'utf8')).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED');
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:2'));
  });

  test('on GitHub Actions: operation rollback after a paused deploy; GITHUB_OUTPUT says ROLLED_BACK', async (context) => {
    const { standin, env, dir } = await standinWith(context);
    const paused = await deployPaused(standin, env, dir);
    const [outputFile, summaryFile] = [join(dir, 'github-output'), join(dir, 'github-summary')];
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');

    const run = await runBundle({
      cwd: dir,
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, INPUT_OPERATION: 'rollback', INPUT_SERVICE: 'web', 'INPUT_POLL-INTERVAL': '1s' },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({
      'deployment-status': 'ROLLED_BACK',
      'codedeploy-deployment-id': paused['codedeploy-deployment-id'],
    });
    expect(callsOf(standin, 'StopDeployment')).toEqual([{ deploymentId: paused['codedeploy-deployment-id'], autoRollbackEnabled: true }]);
    expect(standin.service('web')['taskDefinition']).toBe(arnOf(standin, 'web:1'));
  });
});
