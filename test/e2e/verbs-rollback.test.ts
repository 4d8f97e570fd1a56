// `rollback` from the built bundle on each host against the ECS stand-in: a deployment paused at a PAUSE hook is
// rolled back by ECS (ContinueServiceDeployment ROLLBACK) to ROLLED_BACK, one in flight and not paused by
// StopServiceDeployment ROLLBACK, ROLLED_BACK once ECS is done; after a completed rolling deploy the
// service is updated back to the revision it ran before, saying which and why; after a deploy to a service with a
// PAUSE hook was continued to COMPLETED, the rollback's own deployment is continued at each of its pauses (asking for
// the rollback is the go-ahead); with nothing to go back to, exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type Timing, startEcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;
const PAUSED = { strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] };

async function standinWith(context: TestContext, config?: Record<string, unknown>, timing: Partial<Timing> = {}) {
  const standin = await startEcsStandin({ timing: { stageMs: 200, hookMs: 200, rollbackMs: 400, rolloutMs: 400, ...timing } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, ...(config ? { deploymentConfiguration: config as never } : {}) });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  return { standin, env };
}

const shell = (env: Record<string, string>, args: string[]): Promise<BundleRun> => runBundle({ args, env, timeoutMs: KILL_AFTER_MS });
const DEPLOY = ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s'];
/** Linear in two steps, paused before each: a deployment waits at a PAUSE hook twice. */
const LINEAR_PAUSED = {
  strategy: 'LINEAR',
  linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 },
  lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'] }],
};
const continueCalls = (standin: EcsStandin): Record<string, unknown>[] =>
  standin.requests.filter((call) => call.operation === 'ContinueServiceDeployment').map((call) => call.input as Record<string, unknown>);

describe.concurrent('rollback', () => {
  test('from a shell: a deployment paused at a PAUSE hook is rolled back by ECS, ROLLED_BACK, exit 0', async (context) => {
    const { standin, env } = await standinWith(context, PAUSED);
    expect((await shell(env, [...DEPLOY, '--wait-until', 'paused'])).code).toBe(0);

    const run = await shell(env, ['rollback', '--service', 'web', '--poll-interval', '1s', '--json']);

    expect(run.code, run.log).toBe(0);
    expect(run.stderr).toMatch(/Rolling back web to web:1, the revision its deployment in flight started from: it is paused at POST_TEST_TRAFFIC_SHIFT; ContinueServiceDeployment hook \S+, action ROLLBACK/);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    expect(standin.serviceDeployments('web')[0]?.['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
    expect(standin.calls['UpdateService']).toBe(1);
  });

  test.for<{ kind: string; config?: Record<string, unknown>; timing: Partial<Timing> }>([
    { kind: 'rolling', timing: { rolloutMs: 30_000, rollbackMs: 1_500 } },
    { kind: 'blue/green', config: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.5 }, timing: { rollbackMs: 1_500 } },
  ])('from a shell: a $kind deployment in flight, not paused, is stopped with StopServiceDeployment ROLLBACK, ROLLED_BACK once ECS is done', async ({ config, timing }, context) => {
    const { standin, env } = await standinWith(context, config, timing);
    expect((await shell(env, [...DEPLOY, '--wait', 'false'])).code).toBe(0);
    const inFlight = standin.serviceDeployments('web')[0] ?? {};
    expect(inFlight['status']).toMatch(/^(PENDING|IN_PROGRESS)$/);

    const run = await shell(env, ['rollback', '--service', 'web', '--poll-interval', '1s', '--json']);

    expect(run.code, run.log).toBe(0);
    expect(run.stderr).toContain(`Rolling back web to web:1, the revision its deployment in flight started from: StopServiceDeployment ${String(inFlight['serviceDeploymentArn'])} (stopType ROLLBACK)`);
    expect(run.stderr).toMatch(/Service deployment ROLLBACK_(REQUESTED|IN_PROGRESS)/);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'ROLLED_BACK', 'service-deployment-arn': inFlight['serviceDeploymentArn'] });
    const stops = standin.requests.filter((call) => call.operation === 'StopServiceDeployment');
    expect(stops.map((call) => call.input)).toEqual([{ serviceDeploymentArn: inFlight['serviceDeploymentArn'], stopType: 'ROLLBACK' }]);
    expect(standin.serviceDeployments('web')[0]?.['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
    expect(standin.calls['UpdateService']).toBe(1);
  });

  test.for<{ kind: string; config: Record<string, unknown>; pauses: number }>([
    { kind: 'blue/green', config: PAUSED, pauses: 1 },
    { kind: 'linear', config: LINEAR_PAUSED, pauses: 2 },
  ])('from a shell after a $kind deploy continued to COMPLETED: the rollback continues its own deployment at each PAUSE hook, ROLLED_BACK, exit 0', async ({ config, pauses }, context) => {
    const { standin, env } = await standinWith(context, config);
    expect((await shell(env, [...DEPLOY, '--wait-until', 'paused'])).code).toBe(0);
    for (let pause = 1; pause < pauses; pause++) expect((await shell(env, ['continue', '--service', 'web', '--poll-interval', '1s', '--wait-until', 'paused'])).code).toBe(0);
    const continued = await shell(env, ['continue', '--service', 'web', '--poll-interval', '1s', '--json']);
    expect(JSON.parse(continued.stdout), continued.log).toMatchObject({ 'deployment-status': 'COMPLETED' });
    const deployed = continueCalls(standin).length;

    const run = await shell(env, ['rollback', '--service', 'web', '--poll-interval', '1s', '--wait-timeout', '30s', '--json']);

    expect(run.code, run.log).toBe(0);
    const own = standin.serviceDeployments('web')[0] ?? {};
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'ROLLED_BACK', 'service-deployment-arn': own['serviceDeploymentArn'] });
    expect(run.stderr).toMatch(/Rolling back web to web:1: the revision it ran before its newest successful deployment \(arn:\S+\); UpdateService/);
    const calls = continueCalls(standin).slice(deployed);
    expect(calls).toEqual(calls.map(() => ({ serviceDeploymentArn: own['serviceDeploymentArn'], hookId: expect.stringMatching(/^ecs-pause-/) as unknown, action: 'CONTINUE' })));
    expect(calls).toHaveLength(pauses);
    for (const { hookId } of calls) {
      expect(run.stderr).toMatch(new RegExp(`The rollback's service deployment waits at PAUSE hook ${String(hookId)} \\(\\w+\\): ContinueServiceDeployment, action CONTINUE; asking for the rollback is the go-ahead`));
    }
    expect(own['status']).toBe('SUCCESSFUL');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
  });

  test('on GitHub Actions: operation rollback of the paused deployment', async (context) => {
    const { standin, env } = await standinWith(context, PAUSED);
    expect((await shell(env, [...DEPLOY, '--wait-until', 'paused'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-rollback-gh-'));
    const [outputFile, summaryFile] = [join(dir, 'output'), join(dir, 'summary')];
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');

    const run = await runBundle({
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, INPUT_OPERATION: 'rollback', INPUT_SERVICE: 'web', 'INPUT_POLL-INTERVAL': '1s' },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    expect(readFileSync(summaryFile, 'utf8')).toContain('ecs-deliver put web on default back on web:1');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
  });

  test('on GitLab: a rollback after a completed rolling deploy updates back to the revision it ran before', async (context) => {
    const { standin, env } = await standinWith(context);
    expect((await shell(env, DEPLOY)).code).toBe(0);
    expect(standin.service('web')['taskDefinition']).toMatch(/web:2$/);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-rollback-gl-'));

    const run = await runBundle({
      cwd: dir,
      env: { ...env, GITLAB_CI: 'true', ECS_DELIVER_HOST: 'gitlab', ECS_DELIVER_OPERATION: 'rollback', ECS_DELIVER_SERVICE: 'web', ECS_DELIVER_POLL_INTERVAL: '1s' },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/Rolling back web to web:1: the revision it ran before its newest successful deployment \(arn:\S+\); UpdateService/);
    expect(readFileSync(join(dir, 'ecs-deliver.env'), 'utf8')).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=ROLLED_BACK');
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
    expect(standin.calls['UpdateService']).toBe(2);
  });

  test('on GitHub Actions: a rollback after a completed rolling deploy updates back to the revision it ran before', async (context) => {
    const { standin, env } = await standinWith(context);
    expect((await shell(env, DEPLOY)).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-rollback-gh-rolling-'));
    const [outputFile, summaryFile] = [join(dir, 'output'), join(dir, 'summary')];
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');

    const run = await runBundle({
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, INPUT_OPERATION: 'rollback', INPUT_SERVICE: 'web', 'INPUT_POLL-INTERVAL': '1s' },
      timeoutMs: KILL_AFTER_MS,
    });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/Rolling back web to web:1: the revision it ran before its newest successful deployment \(arn:\S+\); UpdateService/);
    expect(parseGithubOutput(readFileSync(outputFile, 'utf8'))).toMatchObject({ 'deployment-status': 'ROLLED_BACK' });
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
    expect(standin.calls['UpdateService']).toBe(2);
  });

  test('from a shell after a completed rolling deploy, with task-definition-arn: that revision, said why', async (context) => {
    const { standin, env } = await standinWith(context);
    expect((await shell(env, DEPLOY)).code).toBe(0);
    expect((await shell(env, [...DEPLOY, '--image', 'nginx:1.26'])).code).toBe(0);

    const run = await shell(env, ['rollback', '--service', 'web', '--task-definition-arn', 'web:1', '--poll-interval', '1s']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Rolling back web to web:1: task-definition-arn names it; UpdateService');
    expect(run.log).toMatch(/Done in \S+: web runs web:1 again\./);
    expect(standin.service('web')['taskDefinition']).toMatch(/web:1$/);
  });

  test('nothing to go back to: exit 2, one line, no change', async (context) => {
    const { standin, env } = await standinWith(context);

    const run = await shell(env, ['rollback', '--service', 'web']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('error: nothing to go back to: web runs web:1, and no successful deployment of it started from another revision; give task-definition-arn to choose one.');
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });

  test('a dry run says what it would do and changes nothing', async (context) => {
    const { standin, env } = await standinWith(context);

    const run = await shell(env, ['rollback', '--service', 'web', '--dry-run']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Would roll back default/web');
    expect(run.log).toContain('continuing that deployment at each PAUSE hook it waits at (ContinueServiceDeployment, CONTINUE)');
    expect(run.log).toContain('Asking for the rollback is the go-ahead.');
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
  });
});
