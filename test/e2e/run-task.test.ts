// The built bundle runs a one-off task (a migration) from the new revision before the rollout: ECS on the stand-in
// through AWS_ENDPOINT_URL_ECS, the task's log stream on moto's CloudWatch Logs through
// AWS_ENDPOINT_URL_CLOUDWATCH_LOGS. moto runs no containers, so the test writes what the container "printed" into
// prefix/container/<task-id> as soon as the stand-in has given the task its id.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { startEcsStandin, type EcsStandin, type TaskScript } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { runBundle, type BundleOptions, type BundleRun } from '../support/run-bundle.js';

const KILL_AFTER_MS = 30_000;
const GROUP = '/ecs/web';
const MIGRATION_LINES = ['migrating 0001_create_users', 'migrating 0002_add_index', 'done: 2 migrations'];

const skip = motoMissing();

describe.skipIf(skip)('a one-off task before the rollout, end to end', () => {
  let moto: MotoServer;
  let writer: CloudWatchLogsClient;

  beforeAll(async () => {
    moto = await startMoto();
    writer = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await writer.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  });

  afterAll(async () => {
    writer?.destroy();
    await moto?.stop();
  });

  /** web:1 (container web, logging with awslogs under prefix ecs) running steady as service web. */
  async function standinWith(context: TestContext, script: TaskScript): Promise<EcsStandin> {
    const standin = await startEcsStandin({ timing: { rolloutMs: 1500, taskLifetimeMs: 300 } });
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'app:1',
          memory: 256,
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': GROUP, 'awslogs-region': standin.region, 'awslogs-stream-prefix': 'ecs' } },
        },
      ],
    });
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
    standin.setTaskScript(script);
    return standin;
  }

  function awsEnv(standin: EcsStandin): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_ECS: standin.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: moto.url,
      AWS_REGION: standin.region,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    };
  }

  const DEPLOY = ['--service', 'web', '--family', 'web', '--image', 'app:2', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '20s'];

  function deploy(standin: EcsStandin, args: string[], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
    return runBundle({ args: [...DEPLOY, '--json', ...args], env: awsEnv(standin), timeoutMs: KILL_AFTER_MS, ...options });
  }

  /** Waits for the task RunTask started, then writes its log lines where the awslogs driver would. */
  async function feedLogs(standin: EcsStandin, lines: readonly string[]): Promise<string> {
    const taskArn = await firstTask(standin);
    const stream = `ecs/web/${taskArn.slice(taskArn.lastIndexOf('/') + 1)}`;
    await writer.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: stream }));
    const now = Date.now();
    await writer.send(
      new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: stream, logEvents: lines.map((message, at) => ({ message, timestamp: now + at })) }),
    );
    return taskArn;
  }

  async function firstTask(standin: EcsStandin, status?: string): Promise<string> {
    const deadline = Date.now() + KILL_AFTER_MS;
    while (Date.now() < deadline) {
      const task = standin.oneOffTasks()[0];
      if (task && (status === undefined || task['lastStatus'] === status)) return String(task['taskArn']);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no one-off task started');
  }

  function logLines(run: BundleRun): string[] {
    return run.log.split(/\r?\n/);
  }

  test('a migration that exits 0 runs before the rollout, its log lines printed, then the service rolls out', async (context) => {
    const standin = await standinWith(context, { provisioningMs: 200, pendingMs: 200, runMs: 2500 });
    const [run, taskArn] = await Promise.all([deploy(standin, ['--run-task-command', 'npm run migrate']), feedLogs(standin, MIGRATION_LINES)]);

    expect(run.code, run.log).toBe(0);
    const outputs = JSON.parse(run.stdout) as Record<string, string>;
    expect(outputs).toMatchObject({ 'deployment-status': 'COMPLETED', 'run-task-arn': taskArn, 'run-task-exit-code': '0', 'task-definition-revision': '2' });
    const log = logLines(run);
    const printed = MIGRATION_LINES.map((line) => log.indexOf(`web | ${line}`));
    expect(printed.every((at) => at >= 0), run.log).toBe(true);
    // Printed live: the lines came while the task ran, before the watch saw it stop.
    const stoppedAt = log.findIndex((line) => /^task \w+: STOPPED after/.test(line));
    expect(printed[0], run.log).toBeLessThan(stoppedAt);
    const succeeded = log.findIndex((line) => /task \w+ succeeded: container web exited with exit code 0/.test(line));
    const update = log.findIndex((line) => line.startsWith('Updating service web to web:2'));
    expect(Math.max(...printed)).toBeLessThan(succeeded);
    expect(succeeded).toBeLessThan(update);
    // The task ran from the new revision, with the command, where the service runs.
    const runTask = standin.requests.find((call) => call.operation === 'RunTask');
    expect(runTask?.input).toMatchObject({
      cluster: 'default',
      taskDefinition: expect.stringMatching(/:task-definition\/web:2$/),
      startedBy: 'ecs-deliver',
      launchType: 'FARGATE',
      overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] },
    });
    expect(standin.calls['UpdateService']).toBe(1);
  });

  test('a migration that exits 3 stops the deploy: exit 1, "exit code 3", its last log lines, the service untouched', async (context) => {
    const standin = await standinWith(context, { provisioningMs: 200, pendingMs: 200, runMs: 1500, exitCodes: { web: 3 } });
    const lines = ['migrating 0001_create_users', 'ERROR: relation "accounts" does not exist'];
    const [run, taskArn] = await Promise.all([deploy(standin, ['--run-task-command', 'npm run migrate']), feedLogs(standin, lines)]);

    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/container web exited with exit code 3/);
    expect(run.log).toContain('last 2 log lines:');
    expect(run.log).toContain('  ERROR: relation "accounts" does not exist');
    expect(run.log).toMatch(/service web was left as it was/);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'FAILED', 'run-task-arn': taskArn, 'run-task-exit-code': '3' });
    expect(standin.calls['UpdateService']).toBeUndefined();
    expect(standin.service('web')['taskDefinition']).toMatch(/:task-definition\/web:1$/);
  });

  test('SIGTERM while the task runs: StopTask reaches ECS, exit 143, the service untouched', async (context) => {
    const standin = await standinWith(context, { provisioningMs: 100, pendingMs: 100, runMs: Infinity });
    const run = await deploy(standin, ['--run-task-command', 'npm run migrate'], {
      onStart: (child) => {
        void firstTask(standin, 'RUNNING').then(() => child.kill('SIGTERM'));
      },
    });

    expect(run.code, run.log).toBe(143);
    expect(standin.calls['StopTask']).toBe(1);
    expect(standin.oneOffTasks()[0]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'ecs-deliver: the job was cancelled' });
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'CANCELLED' });
    expect(standin.calls['UpdateService']).toBeUndefined();
  });

  test('a dry run prints the task it would run, where and with which command, and runs nothing', async (context) => {
    const standin = await standinWith(context, {});
    const run = await deploy(standin, ['--run-task-command', 'npm run migrate', '--run-task-tags', 'kind=migration', '--dry-run']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Would run one task of the new revision of web in cluster default, started by ecs-deliver');
    expect(run.log).toContain('  command: container web runs npm run migrate');
    expect(run.log).toMatch(/ {2}where: launch type FARGATE/);
    expect(run.log).toContain('  tags: kind=migration');
    expect(standin.calls['RunTask']).toBeUndefined();
    expect(standin.calls['RegisterTaskDefinition']).toBeUndefined();
  });

  test('on GitHub Actions a failed migration fills GITHUB_OUTPUT and the job summary', async (context) => {
    const standin = await standinWith(context, { provisioningMs: 200, pendingMs: 200, runMs: 1500, exitCodes: { web: 3 } });
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-run-task-gh-'));
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const lines = ['migrating 0001_create_users', 'ERROR: duplicate key'];
    const [run] = await Promise.all([
      runBundle({
        env: {
          ...awsEnv(standin),
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
          INPUT_SERVICE: 'web',
          INPUT_FAMILY: 'web',
          INPUT_IMAGE: 'app:2',
          'INPUT_VERIFY-IMAGE': 'false',
          'INPUT_POLL-INTERVAL': '1s',
          'INPUT_RUN-TASK-COMMAND': '["npm", "run", "migrate"]',
          // aws-actions' spelling, as GitHub upper-cases it.
          'INPUT_RUN-TASK-ASSIGN-PUBLIC-IP': '',
          'INPUT_RUN-TASK-WAIT': 'true',
        },
        timeoutMs: KILL_AFTER_MS,
      }),
      feedLogs(standin, lines),
    ]);

    expect(run.code, run.log).toBe(1);
    expect(parseGithubOutput(readFileSync(output, 'utf8'))).toMatchObject({ 'deployment-status': 'FAILED', 'run-task-exit-code': '3' });
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toMatch(/the one-off task of web:2 failed, so web on default was left as it was/);
    expect(markdown).toContain('- container `web`: exit code 3');
    expect(markdown).toContain('ERROR: duplicate key');
    expect(run.stdout).toMatch(/^::error::/m);
    expect(standin.calls['UpdateService']).toBeUndefined();
  });
  test('in a GitLab CI job the migration runs before the rollout and the dotenv report carries its task and exit code', async (context) => {
    const standin = await standinWith(context, { provisioningMs: 200, pendingMs: 200, runMs: 1500, exitCodes: { web: 0 } });
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-run-task-gl-'));
    const [run, taskArn] = await Promise.all([
      runBundle({
        cwd: dir,
        env: {
          ...awsEnv(standin),
          GITLAB_CI: 'true',
          ECS_DELIVER_SERVICE: 'web',
          ECS_DELIVER_FAMILY: 'web',
          ECS_DELIVER_IMAGE: 'app:2',
          ECS_DELIVER_VERIFY_IMAGE: 'false',
          ECS_DELIVER_POLL_INTERVAL: '1s',
          ECS_DELIVER_RUN_TASK_COMMAND: 'bin/migrate --all',
        },
        timeoutMs: KILL_AFTER_MS,
      }),
      feedLogs(standin, MIGRATION_LINES),
    ]);

    expect(run.code, run.log).toBe(0);
    const dotenv = readFileSync(join(dir, 'ecs-deliver.env'), 'utf8');
    expect(dotenv).toContain(`ECS_DELIVERED_RUN_TASK_ARN=${taskArn}`);
    expect(dotenv).toContain('ECS_DELIVERED_RUN_TASK_EXIT_CODE=0');
    expect(dotenv).toContain('ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED');
    // The task ran the new revision with the command split as a shell splits it, before the service was updated.
    const runTask = standin.requests.find((call) => call.operation === 'RunTask');
    const update = standin.requests.find((call) => call.operation === 'UpdateService');
    expect(runTask?.input).toMatchObject({ taskDefinition: expect.stringMatching(/web:2$/), overrides: { containerOverrides: [{ name: 'web', command: ['bin/migrate', '--all'] }] } });
    expect(update?.input).toMatchObject({ taskDefinition: expect.stringMatching(/web:2$/) });
    expect((runTask?.at ?? Infinity) < (update?.at ?? 0)).toBe(true);
    const log = logLines(run);
    const printed = log.findIndex((line) => line.includes(MIGRATION_LINES[2] ?? ''));
    expect(printed, run.log).toBeGreaterThanOrEqual(0);
    expect(printed).toBeLessThan(log.findIndex((line) => /Updating service web/.test(line)));
  });
});
