// The README's examples of operating a deployment, run job by job in their order against the ECS stand-in, as
// each host runs them: the GitLab jobs (deploy until paused, then the manual continue or rollback, and the rollback
// after a completed continue), the GitHub workflow's ecs-deliver steps (deploy, the approve job's continue, the
// on-demand rollback of the paused or the completed deployment), and the shell line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestContext, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { type DocumentedCommand, documentedCommands, withInput } from '../support/documented-commands.js';
import { parseGithubOutput } from '../support/github-output.js';
import { runBundle } from '../support/run-bundle.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECTION = 'README.md: Operating a deployment';
const KILL_AFTER_MS = 60_000;
const IMAGE = 'nginx:1.25';

async function pausingService(context: TestContext): Promise<{ standin: EcsStandin; env: Record<string, string> }> {
  const standin = await startEcsStandin({ region: 'eu-west-1', timing: { stageMs: 200, hookMs: 200, rollbackMs: 400, rolloutMs: 400 } });
  context.onTestFinished(() => standin.close());
  standin.seedCluster('production');
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({
    cluster: 'production',
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    deploymentConfiguration: { strategy: 'BLUE_GREEN', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] } as never,
  });
  const env = { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
  return { standin, env };
}

/** The call as documented, with an image the test can deploy, checked without a registry, and quick polls. */
function runnable(command: DocumentedCommand): DocumentedCommand {
  let ready = withInput(command, 'verify-image', 'false');
  ready = withInput(ready, 'poll-interval', '1s');
  if (command.env['ECS_DELIVER_IMAGE'] || command.env['INPUT_IMAGE']) ready = withInput(ready, 'image', IMAGE);
  return ready;
}

async function runGitlabJob(command: DocumentedCommand, env: Record<string, string>): Promise<{ code: number | null; log: string; dotenv: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-operating-'));
  const run = await runBundle({ cwd: dir, env: { ...env, ...runnable(command).env, GITLAB_CI: 'true' }, timeoutMs: KILL_AFTER_MS });
  let dotenv = '';
  try {
    dotenv = readFileSync(join(dir, 'ecs-deliver.env'), 'utf8');
  } catch {
    // A job refused before it could publish writes no report.
  }
  return { code: run.code, log: run.log, dotenv };
}

const sectionCommands = (): DocumentedCommand[] => documentedCommands(ROOT).filter((command) => command.where.startsWith(SECTION));
const job = (name: string): DocumentedCommand => {
  const found = sectionCommands().find((command) => command.where.endsWith(`job ${name}`));
  if (!found) throw new Error(`no GitLab job ${name} in the README section`);
  return found;
};

/** The `with:` of each job's ecs-deliver step in the README's workflow, by job name. */
function githubSteps(): Record<string, Record<string, string>> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Operating a deployment'));
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.includes('jobs:'));
  if (!block) throw new Error('no workflow in the README section');
  const workflow = parse(block) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
  return Object.fromEntries(
    Object.entries(workflow.jobs).map(([name, { steps }]) => [name, steps.find((step) => step.uses?.startsWith('ecs-deliver/'))?.with ?? {}]),
  );
}

async function runGithubStep(inputs: Record<string, string>, env: Record<string, string>): Promise<{ code: number | null; log: string; outputs: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-operating-gh-'));
  const outputFile = join(dir, 'output');
  writeFileSync(outputFile, '');
  const given = { ...inputs, ...(inputs['image'] ? { image: IMAGE } : {}), 'verify-image': 'false', 'poll-interval': '1s' };
  const variables = Object.fromEntries(Object.entries(given).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, String(value)]));
  const run = await runBundle({ env: { ...env, ...variables, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile }, timeoutMs: KILL_AFTER_MS });
  return { code: run.code, log: run.log, outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')) };
}

/**
 * The rollback after a completed deployment: a new one of web:1, which stops at the PAUSE hook too and which the
 * rollback continued (one CONTINUE, to its own deployment), back on web:1.
 */
function expectBackAfterCompleted(standin: EcsStandin, log: string): void {
  const own = standin.serviceDeployments('web', 'production')[0] ?? {};
  expect(own['status'], log).toBe('SUCCESSFUL');
  const continues = standin.requests.filter((call) => call.operation === 'ContinueServiceDeployment').map((call) => call.input as Record<string, unknown>);
  expect(continues.filter((input) => input['serviceDeploymentArn'] === own['serviceDeploymentArn']).map((input) => input['action'])).toEqual(['CONTINUE']);
  expect(log).toContain('asking for the rollback is the go-ahead');
  expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:1$/);
}

describe.concurrent('the README examples of operating a deployment', () => {
  test('GitLab: the deploy job ends PAUSED, the manual continue job completes it; the manual rollback job later puts it back', async (context) => {
    const { standin, env } = await pausingService(context);

    const deploy = await runGitlabJob(job('deploy'), env);
    expect(deploy.code, deploy.log).toBe(0);
    expect(deploy.dotenv).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=PAUSED');
    const approve = await runGitlabJob(job('continue'), env);
    expect(approve.code, approve.log).toBe(0);
    expect(approve.dotenv).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED');
    expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:2$/);
    const rollback = await runGitlabJob(job('rollback'), env);
    expect(rollback.code, rollback.log).toBe(0);
    expect(rollback.dotenv).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=ROLLED_BACK');
    expectBackAfterCompleted(standin, rollback.log);
  });

  test('GitLab: the deploy job ends PAUSED, the manual rollback job rolls it back', async (context) => {
    const { standin, env } = await pausingService(context);

    expect((await runGitlabJob(job('deploy'), env)).code).toBe(0);
    const rollback = await runGitlabJob(job('rollback'), env);
    expect(rollback.code, rollback.log).toBe(0);
    expect(rollback.dotenv).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=ROLLED_BACK');
    expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:1$/);
  });

  test('GitHub: the deploy job ends PAUSED, the approve job continues it to COMPLETED; the on-demand rollback job later puts it back', async (context) => {
    const { standin, env } = await pausingService(context);
    const steps = githubSteps();
    expect(Object.keys(steps)).toEqual(['deploy', 'approve', 'rollback']);

    const deploy = await runGithubStep(steps['deploy'] ?? {}, env);
    expect(deploy.code, deploy.log).toBe(0);
    expect(deploy.outputs['deployment-status']).toBe('PAUSED');
    const approve = await runGithubStep(steps['approve'] ?? {}, env);
    expect(approve.code, approve.log).toBe(0);
    expect(approve.outputs['deployment-status']).toBe('COMPLETED');
    expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:2$/);
    const rollback = await runGithubStep(steps['rollback'] ?? {}, env);
    expect(rollback.code, rollback.log).toBe(0);
    expect(rollback.outputs['deployment-status']).toBe('ROLLED_BACK');
    expectBackAfterCompleted(standin, rollback.log);
  });

  test('GitHub: the deploy job ends PAUSED, the on-demand rollback job rolls it back', async (context) => {
    const { standin, env } = await pausingService(context);
    const steps = githubSteps();

    expect((await runGithubStep(steps['deploy'] ?? {}, env)).code).toBe(0);
    const rollback = await runGithubStep(steps['rollback'] ?? {}, env);
    expect(rollback.code, rollback.log).toBe(0);
    expect(rollback.outputs['deployment-status']).toBe('ROLLED_BACK');
    expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:1$/);
  });

  test('shell: ecs-deliver continue --cluster production --service web, as written, after a paused deploy', async (context) => {
    const { standin, env } = await pausingService(context);
    expect((await runGitlabJob(job('deploy'), env)).code).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = /```sh\n(ecs-deliver continue [^\n]+)\n```/.exec(readme.slice(readme.indexOf('## Operating a deployment')))?.[1] ?? '';
    expect(line).toBe('ecs-deliver continue --cluster production --service web');

    const run = await runBundle({ args: [...line.split(' ').slice(1), '--poll-interval', '1s'], env, timeoutMs: KILL_AFTER_MS });

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('output deployment-status=COMPLETED');
    expect(standin.service('web', 'production')['taskDefinition']).toMatch(/web:2$/);
  });
});
