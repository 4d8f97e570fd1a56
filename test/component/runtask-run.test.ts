// One-off tasks against plain fakes: an ECS whose task follows a script over virtual time, a CloudWatch Logs whose
// events appear over that time, and a clock whose sleep advances it at once.
import type { Container, ContainerDefinition, RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { FakeClock } from './watch-fakes.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { LATE_LINES_MS, LATE_LINES_POLL_MS, type LogEventsPage, type LogEventsRequest, type LogsApi } from '../../src/runtask/logs.js';
import { describeRunTask, failureReport, runOneOffTask, type RunOneOffTaskParams, type TaskApi } from '../../src/runtask/run-task.js';
import { watchTask } from '../../src/runtask/watch-task.js';

const REGION = 'eu-west-1';
const TASK_ID = '7c1d2e3f4a5b';
const TASK_ARN = `arn:aws:ecs:${REGION}:123456789012:task/prod/${TASK_ID}`;
const STREAM = `ecs/migrate/${TASK_ID}`;


type Status = 'PROVISIONING' | 'PENDING' | 'RUNNING' | 'STOPPED';

/** A task that takes each status at the given time (ms after EPOCH) and stops with `containers`. */
class FakeEcs implements TaskApi {
  readonly runRequests: RunTaskCommandInput[] = [];
  readonly stopCalls: { cluster: string; task: string; reason: string }[] = [];
  describeCalls = 0;
  /** Errors DescribeTasks throws, one per call, before it answers. */
  describeErrors: unknown[] = [];
  runErrors: unknown[] = [];
  runFailures: { arn?: string; reason?: string; detail?: string }[] | undefined;
  stopHangs = false;
  /** The containers as DescribeTasks shows them before the task stopped, from the given times. */
  containersWhileRunning: [number, Container[]][] = [];

  constructor(
    private readonly clock: FakeClock,
    private readonly timeline: [number, Status][],
    private readonly stopped: { containers: Container[]; stoppedReason?: string; stopCode?: Task['stopCode'] } = {
      containers: [{ name: 'migrate', exitCode: 0 }],
    },
  ) {}

  async runTask(input: RunTaskCommandInput) {
    this.runRequests.push(input);
    const error = this.runErrors.shift();
    if (error) throw error;
    if (this.runFailures) return { tasks: [], failures: this.runFailures };
    return { tasks: [{ taskArn: TASK_ARN }], failures: [] };
  }

  async describeTasks(cluster: string, tasks: readonly string[]): Promise<Task[]> {
    this.describeCalls += 1;
    expect(cluster).toBe('prod');
    expect(tasks).toEqual([TASK_ARN]);
    const error = this.describeErrors.shift();
    if (error) throw error;
    const reached = this.timeline.filter(([at]) => at <= this.clock.elapsed);
    const status = reached.at(-1)?.[1];
    if (!status) return [];
    const containers = this.containersWhileRunning.filter(([at]) => at <= this.clock.elapsed).at(-1)?.[1] ?? [{ name: 'migrate' }];
    if (status !== 'STOPPED') return [{ taskArn: TASK_ARN, lastStatus: status, containers }];
    return [{ taskArn: TASK_ARN, lastStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', stopCode: 'EssentialContainerExited', ...this.stopped }];
  }

  stopTask(cluster: string, task: string, reason: string): Promise<unknown> {
    this.stopCalls.push({ cluster, task, reason });
    return this.stopHangs ? new Promise(() => undefined) : Promise.resolve({});
  }
}

/** A log stream whose events appear at the given times; pages of at most `pageSize` events. */
class FakeLogs implements LogsApi {
  readonly requests: LogEventsRequest[] = [];
  error: unknown;
  /** Until this time the stream does not exist yet. */
  createdAt = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly events: [number, string][],
    private readonly pageSize = 5,
  ) {}

  async getLogEvents(request: LogEventsRequest): Promise<LogEventsPage> {
    this.requests.push(request);
    if (this.error) throw this.error;
    if (this.clock.elapsed < this.createdAt) throw named('ResourceNotFoundException', 'The specified log stream does not exist.');
    expect(request).toMatchObject({ region: REGION, logGroupName: '/ecs/web', logStreamName: STREAM });
    const from = request.nextToken ? Number(request.nextToken.slice(2)) : 0;
    const visible = this.events.filter(([at]) => at <= this.clock.elapsed);
    const page = visible.slice(from, from + this.pageSize);
    return { events: page.map(([, message]) => ({ message: `${message}\n` })), nextForwardToken: `f/${from + page.length}` };
  }
}

function named(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

const migrate: ContainerDefinition = {
  name: 'migrate',
  essential: true,
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs', 'awslogs-region': REGION } },
};

const REQUEST: RunTaskCommandInput = {
  cluster: 'prod',
  taskDefinition: `arn:aws:ecs:${REGION}:123456789012:task-definition/web:7`,
  count: 1,
  startedBy: 'ecs-deliver',
  clientToken: 'token-1',
  launchType: 'FARGATE',
  overrides: { containerOverrides: [{ name: 'migrate', command: ['npm', 'run', 'migrate'] }] },
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
};

const NORMAL: [number, Status][] = [[0, 'PROVISIONING'], [2000, 'PENDING'], [6000, 'RUNNING'], [20_000, 'STOPPED']];

function setup(timeline = NORMAL, stopped?: ConstructorParameters<typeof FakeEcs>[2], events: [number, string][] = []) {
  const clock = new FakeClock();
  const ecs = new FakeEcs(clock, timeline, stopped);
  const logs = new FakeLogs(clock, events);
  const reporter = new RecordingReporter();
  const controller = new AbortController();
  let logsOpened = 0;
  const params: RunOneOffTaskParams = {
    api: ecs,
    openLogs: async () => {
      logsOpened += 1;
      return logs;
    },
    request: REQUEST,
    container: 'migrate',
    containerDefinitions: [migrate],
    region: REGION,
    wait: true,
    timeoutMs: 30 * 60_000,
    clock,
    reporter,
    signal: controller.signal,
  };
  return { clock, ecs, logs, reporter, controller, params, logsOpened: () => logsOpened };
}

describe('runOneOffTask', () => {
  test('success: statuses as they happen, log lines live and in order, the rest drained after the stop', async () => {
    const { params, reporter, ecs, clock } = setup(NORMAL, undefined, [
      [7000, 'migrating 0001_users'],
      [9000, 'migrating 0002_orders'],
      [20_000, 'all migrations applied'],
    ]);
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'SUCCEEDED', taskArn: TASK_ARN, exitCode: 0 });
    expect(result.outputs).toEqual({ 'run-task-arn': TASK_ARN, 'run-task-exit-code': '0' });
    expect(reporter.text.split('\n')).toEqual([
      'Running one task of web:7 in cluster prod: container migrate runs npm run migrate',
      '  where: launch type FARGATE; subnets subnet-a; public IP off',
      `Started task ${TASK_ID} (${TASK_ARN})`,
      `task ${TASK_ID}: PROVISIONING after 0s`,
      `task ${TASK_ID}: PENDING after 2s`,
      `task ${TASK_ID}: RUNNING after 6s`,
      'migrate | migrating 0001_users',
      'migrate | migrating 0002_orders',
      `task ${TASK_ID}: STOPPED after 20s (Essential container in task exited)`,
      'migrate | all migrations applied',
      `task ${TASK_ID} succeeded: container migrate exited with exit code 0`,
    ]);
    expect(ecs.runRequests).toEqual([REQUEST]);
    expect(ecs.stopCalls).toEqual([]);
    // Polls every 2 s while it runs; after the stop, the stream is read again until it stayed quiet.
    expect(new Set(clock.sleeps)).toEqual(new Set([2000, LATE_LINES_POLL_MS]));
  });

  test('lines CloudWatch shows only after the task stopped are printed before the verdict', async () => {
    const { params, reporter } = setup(NORMAL, { containers: [{ name: 'migrate', exitCode: 1 }] }, [
      [7000, 'migrating 0001_users'],
      [22_500, 'ERROR: relation "orders" already exists'],
    ]);
    const result = await runOneOffTask(params);
    expect(result.status).toBe('FAILED');
    expect(result.lastLogLines).toEqual(['migrating 0001_users', 'ERROR: relation "orders" already exists']);
    const lines = reporter.text.split('\n');
    expect(lines.indexOf('migrate | ERROR: relation "orders" already exists')).toBeGreaterThan(lines.indexOf(`task ${TASK_ID}: STOPPED after 20s (Essential container in task exited)`));
    expect(lines.indexOf('migrate | ERROR: relation "orders" already exists')).toBeLessThan(lines.indexOf(`error: ${result.line}`) === -1 ? lines.length : lines.indexOf(`error: ${result.line}`));
  });

  test('a sidecar that answers the stop with exit 1 after the migration exited 0 is no failure', async () => {
    const { params, ecs } = setup(NORMAL, { containers: [{ name: 'migrate', exitCode: 0, lastStatus: 'STOPPED' }, { name: 'envoy', exitCode: 1, lastStatus: 'STOPPED' }] });
    ecs.containersWhileRunning = [
      [6000, [{ name: 'migrate', lastStatus: 'RUNNING' }, { name: 'envoy', lastStatus: 'RUNNING' }]],
      [16_000, [{ name: 'migrate', lastStatus: 'STOPPED', exitCode: 0 }, { name: 'envoy', lastStatus: 'RUNNING' }]],
    ];
    params.containerDefinitions = [migrate, { name: 'envoy', essential: true }];
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'SUCCEEDED', exitCode: 0 });
  });

  test('a chosen container that is not essential: its exit ends the wait and the task is stopped', async () => {
    const { params, ecs, clock } = setup([[0, 'PENDING'], [4000, 'RUNNING']]);
    ecs.containersWhileRunning = [
      [4000, [{ name: 'migrate', lastStatus: 'RUNNING' }, { name: 'web', lastStatus: 'RUNNING' }]],
      [10_000, [{ name: 'migrate', lastStatus: 'STOPPED', exitCode: 0 }, { name: 'web', lastStatus: 'RUNNING' }]],
    ];
    params.containerDefinitions = [{ ...migrate, essential: false }, { name: 'web', essential: true }];
    params.timeoutMs = 30 * 60_000;
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'SUCCEEDED', exitCode: 0 });
    expect(ecs.stopCalls).toEqual([{ cluster: 'prod', task: TASK_ARN, reason: 'ecs-deliver: container migrate exited' }]);
    expect(clock.elapsed).toBeLessThan(20_000);
  });

  test('a migration that exits 3 fails, naming "exit code 3" and the last 20 log lines', async () => {
    const events = Array.from({ length: 25 }, (_, n): [number, string] => [7000 + n * 100, `line ${n + 1}`]);
    const { params, reporter } = setup(NORMAL, { containers: [{ name: 'migrate', exitCode: 3 }] }, events);
    const result = await runOneOffTask(params);
    expect(result.status).toBe('FAILED');
    expect(result.exitCode).toBe(3);
    expect(result.outputs['run-task-exit-code']).toBe('3');
    expect(result.line).toMatch(/container migrate exited with exit code 3; stopped reason: EssentialContainerExited: Essential container in task exited/);
    const last20 = Array.from({ length: 20 }, (_, n) => `line ${n + 6}`);
    expect(result.lastLogLines).toEqual(last20);
    const errors = reporter.lines.filter((line) => line.level === 'error').map((line) => line.text);
    expect(errors).toEqual([result.line, 'last 20 log lines:', ...last20.map((line) => `  ${line}`)]);
    expect(failureReport(result)).toEqual(errors);
  });

  test('sidecars stopped by ECS with 137 after the main container exits 0: success', async () => {
    const { params } = setup(NORMAL, {
      containers: [{ name: 'migrate', exitCode: 0 }, { name: 'log-router', exitCode: 137 }, { name: 'envoy', exitCode: 143 }],
    });
    params.containerDefinitions = [migrate, { name: 'log-router', essential: true }, { name: 'envoy', essential: true }];
    expect((await runOneOffTask(params)).status).toBe('SUCCEEDED');
  });

  test('an essential sidecar that exited 1 before the main container: failure', async () => {
    const { params, reporter, ecs } = setup(NORMAL, { containers: [{ name: 'migrate', exitCode: 0 }, { name: 'envoy', exitCode: 1 }] });
    ecs.containersWhileRunning = [[16_000, [{ name: 'migrate', lastStatus: 'RUNNING' }, { name: 'envoy', lastStatus: 'STOPPED', exitCode: 1 }]]];
    params.containerDefinitions = [migrate, { name: 'envoy', essential: true }];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('FAILED');
    expect(reporter.printed).toContain(`error: ${result.line}`);
    expect(result.line).toMatch(/essential container envoy exited with exit code 1 before migrate stopped/);
  });

  test('a container that never started: failure without an exit code', async () => {
    const { params } = setup([[0, 'PENDING'], [4000, 'STOPPED']], {
      containers: [{ name: 'migrate', reason: 'CannotPullContainerError: access denied' }],
      stoppedReason: 'Task failed to start',
      stopCode: 'TaskFailedToStart',
    });
    params.containerDefinitions = [{ name: 'migrate' }];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('FAILED');
    expect(result.line).toMatch(/container migrate never started: it has no exit code \(CannotPullContainerError: access denied\)/);
    expect(result.outputs).toEqual({ 'run-task-arn': TASK_ARN, 'run-task-exit-code': '' });
  });

  test('a timeout stops the task with a reason naming ecs-deliver and says so', async () => {
    const { params, ecs, reporter, clock } = setup([[0, 'RUNNING']]);
    params.timeoutMs = 60_000;
    const result = await runOneOffTask(params);
    expect(result.status).toBe('TIMED_OUT');
    expect(result.line).toBe(`task ${TASK_ID} did not stop within run-task-timeout 1m; it was stopped`);
    expect(ecs.stopCalls).toEqual([{ cluster: 'prod', task: TASK_ARN, reason: 'ecs-deliver: run-task-timeout of 1m passed' }]);
    expect(reporter.printed).toContain(`warn: run-task-timeout of 1m passed: stopping task ${TASK_ID} (StopTask: "ecs-deliver: run-task-timeout of 1m passed")`);
    // The timeout, then a few seconds for the lines CloudWatch shows late.
    expect(clock.elapsed).toBeGreaterThanOrEqual(60_000);
    expect(clock.elapsed).toBeLessThanOrEqual(60_000 + LATE_LINES_MS);
  });

  test('a cancel stops the task', async () => {
    const { params, ecs, clock, controller } = setup([[0, 'RUNNING']]);
    clock.at(5000, () => controller.abort());
    const result = await runOneOffTask(params);
    expect(result.status).toBe('CANCELLED');
    expect(ecs.stopCalls).toEqual([{ cluster: 'prod', task: TASK_ARN, reason: 'ecs-deliver: the job was cancelled' }]);
    expect(clock.elapsed).toBe(5000);
  });

  test('a cancel whose StopTask hangs returns anyway and names the task to stop', async () => {
    const { params, ecs, clock, controller, reporter } = setup([[0, 'RUNNING']]);
    ecs.stopHangs = true;
    clock.at(3000, () => controller.abort());
    const result = await runOneOffTask(params);
    expect(result.status).toBe('CANCELLED');
    expect(reporter.printed.at(-1)).toBe(
      `warn: the job was cancelled, but task ${TASK_ID} may still run: StopTask did not answer within 1.5s; stop it yourself: aws ecs stop-task --cluster prod --task ${TASK_ARN}`,
    );
    expect(clock.elapsed).toBeLessThanOrEqual(3000 + 1500);
  });

  test('logs denied: one line says so, and the task still succeeds', async () => {
    const { params, logs, reporter } = setup(NORMAL, undefined, [[7000, 'secret work']]);
    logs.error = named('AccessDeniedException', 'User is not authorized to perform: logs:GetLogEvents');
    const result = await runOneOffTask(params);
    expect(result.status).toBe('SUCCEEDED');
    const notShown = reporter.printed.filter((line) => line.includes('logs not shown'));
    expect(notShown).toEqual([
      `logs not shown: reading log stream ${STREAM} in group /ecs/web (${REGION}) is denied (AccessDeniedException: User is not authorized to perform: logs:GetLogEvents): grant logs:GetLogEvents`,
    ]);
    expect(logs.requests).toHaveLength(1);
  });

  test('a container without awslogs: "logs not shown" and the CloudWatch Logs client is never opened', async () => {
    const { params, reporter, logsOpened } = setup();
    params.containerDefinitions = [{ name: 'migrate', logConfiguration: { logDriver: 'json-file' } }];
    expect((await runOneOffTask(params)).status).toBe('SUCCEEDED');
    expect(reporter.printed).toContain('logs not shown: container migrate logs with the json-file driver, not awslogs');
    expect(logsOpened()).toBe(0);
  });

  test('a stream that appears only once the container runs is waited for quietly', async () => {
    const { params, logs, reporter } = setup(NORMAL, undefined, [[6500, 'hello']]);
    logs.createdAt = 6000;
    expect((await runOneOffTask(params)).status).toBe('SUCCEEDED');
    expect(reporter.text.split('\n').filter((line) => line.startsWith('migrate |') || line.includes('logs'))).toEqual(['migrate | hello']);
  });

  test('throttled and garbled DescribeTasks answers are retried, throttling slows the polls', async () => {
    const { params, ecs, reporter, clock } = setup();
    ecs.describeErrors = [
      named('ThrottlingException', 'Rate exceeded'),
      named('ThrottlingException', 'Rate exceeded'),
      Object.assign(new SyntaxError('Unexpected end of JSON input'), { $response: { statusCode: 200 } }),
      named('ServerException', 'Service unavailable', 500),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    ];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('SUCCEEDED');
    expect(reporter.printed.filter((line) => line.includes('DescribeTasks failed'))).toEqual([
      `warn: task ${TASK_ID}: DescribeTasks failed (ThrottlingException: Rate exceeded); trying again until run-task-timeout`,
    ]);
    expect(reporter.printed).toContain(`task ${TASK_ID}: DescribeTasks answers again`);
    expect(clock.sleeps.slice(0, 3)).toEqual([4000, 8000, 8000]);
    expect(Math.max(...clock.sleeps)).toBe(8000);
  });

  test('DescribeTasks denied: the outcome is unknown, the task is left running and named', async () => {
    const { params, ecs } = setup();
    ecs.describeErrors = [named('AccessDeniedException', 'not authorized to perform: ecs:DescribeTasks')];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('UNKNOWN');
    expect(result.line).toMatch(/its outcome cannot be read \(AccessDeniedException: .*\); it was left running: check it with aws ecs describe-tasks --cluster prod --tasks /);
    expect(ecs.stopCalls).toEqual([]);
  });

  test('failures in the RunTask answer are a failure with their reason', async () => {
    const { params, ecs } = setup();
    ecs.runFailures = [{ arn: 'arn:aws:ecs:eu-west-1:123456789012:container-instance/x', reason: 'RESOURCE:MEMORY' }];
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'FAILED', line: 'RunTask started no task: arn:aws:ecs:eu-west-1:123456789012:container-instance/x: RESOURCE:MEMORY' });
    expect(result.outputs).toEqual({ 'run-task-arn': '', 'run-task-exit-code': '' });
    expect(ecs.describeCalls).toBe(0);
  });

  test('a RunTask whose answer was lost is asked again with the same client token', async () => {
    const { params, ecs } = setup();
    ecs.runErrors = [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })];
    expect((await runOneOffTask(params)).status).toBe('SUCCEEDED');
    expect(ecs.runRequests).toHaveLength(2);
    expect(ecs.runRequests[1]?.clientToken).toBe(ecs.runRequests[0]?.clientToken);
  });

  test('a RunTask refused for good is not asked again', async () => {
    const { params, ecs } = setup();
    ecs.runErrors = [named('AccessDeniedException', 'not authorized to perform: ecs:RunTask')];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('FAILED');
    expect(result.line).toMatch(/^RunTask: access denied \(not authorized to perform: ecs:RunTask\)/);
    expect(ecs.runRequests).toHaveLength(1);
  });

  test.each([
    ['ClientException', 'TaskDefinition is inactive'],
    ['PlatformUnknownException', 'The specified platform version does not exist.'],
    ['PlatformTaskDefinitionIncompatibilityException', 'The task definition is not compatible with the platform version.'],
    ['UnsupportedFeatureException', 'The specified task is not supported in this region.'],
    ['ConflictException', 'The request could not be processed because of conflict in the current state of the resource.'],
    ['BlockedException', 'Your account has been blocked.'],
  ])('a RunTask refused for good (%s) fails with AWS\'s message, sent once, never UNKNOWN', async (name, message) => {
    const { params, ecs } = setup();
    ecs.runErrors = [named(name, message)];
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'FAILED', line: `RunTask: ${name}: ${message}` });
    expect(ecs.runRequests).toHaveLength(1);
  });

  test('throttled and 5xx RunTask answers are sent again with the same client token until one starts the task', async () => {
    const { params, ecs } = setup();
    ecs.runErrors = [named('ThrottlingException', 'Rate exceeded'), named('ThrottlingException', 'Rate exceeded'), named('ThrottlingException', 'Rate exceeded'), named('ServerException', 'internal', 500)];
    const result = await runOneOffTask(params);
    expect(result.status).toBe('SUCCEEDED');
    expect(ecs.runRequests).toHaveLength(5);
    expect(new Set(ecs.runRequests.map((request) => request.clientToken)).size).toBe(1);
  });

  test('a RunTask that never answers leaves the outcome unknown, with what to check', async () => {
    const { params, ecs } = setup();
    ecs.runErrors = Array.from({ length: 1000 }, () => named('ServerException', 'internal', 500));
    const result = await runOneOffTask(params);
    expect(result.status).toBe('UNKNOWN');
    expect(result.line).toMatch(/^RunTask did not answer \(.*ServerException: internal\); a task may have started: check aws ecs list-tasks --cluster prod --started-by ecs-deliver$/);
    expect(ecs.runRequests.length).toBeGreaterThan(3);
  });

  test('run-task-wait false: the task is started and not followed', async () => {
    const { params, ecs } = setup();
    params.wait = false;
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'STARTED', taskArn: TASK_ARN });
    expect(ecs.describeCalls).toBe(0);
  });

  test('a cancel that arrives while RunTask is answered stops the task it started', async () => {
    const { params, ecs, controller } = setup();
    const runTask = ecs.runTask.bind(ecs);
    ecs.runTask = async (input) => {
      controller.abort();
      return runTask(input);
    };
    const result = await runOneOffTask(params);
    expect(result).toMatchObject({ status: 'CANCELLED', taskArn: TASK_ARN });
    expect(ecs.stopCalls).toEqual([{ cluster: 'prod', task: TASK_ARN, reason: 'ecs-deliver: the job was cancelled' }]);
    expect(ecs.describeCalls).toBe(0);
  });

  test('cancelled before it started: nothing is run', async () => {
    const { params, ecs, controller } = setup();
    controller.abort();
    expect((await runOneOffTask(params)).status).toBe('CANCELLED');
    expect(ecs.runRequests).toEqual([]);
  });
});

describe('watchTask', () => {
  test('a task not visible yet right after RunTask is polled again, not judged', async () => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, [[4000, 'RUNNING'], [8000, 'STOPPED']]);
    const reporter = new RecordingReporter();
    const end = await watchTask({ api: ecs, cluster: 'prod', taskArn: TASK_ARN, timeoutMs: 60_000, clock, reporter });
    expect(end.kind).toBe('stopped');
    expect(reporter.text.split('\n')).toEqual([`task ${TASK_ID}: RUNNING after 4s`, `task ${TASK_ID}: STOPPED after 8s (Essential container in task exited)`]);
    expect(ecs.describeCalls).toBe(5);
  });

  test('read errors until the timeout end in a timeout that stops the task, never a failure', async () => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, [[0, 'RUNNING']]);
    ecs.describeErrors = Array.from({ length: 100 }, () => named('ServerException', 'internal', 500));
    const end = await watchTask({ api: ecs, cluster: 'prod', taskArn: TASK_ARN, timeoutMs: 20_000, clock, reporter: new RecordingReporter() });
    expect(end).toEqual({ kind: 'timed-out', stopRequested: true });
    expect(ecs.stopCalls).toHaveLength(1);
  });
});

test('describeRunTask: the task a dry run would run, where and with which command', () => {
  expect(describeRunTask({ ...REQUEST, tags: [{ key: 'team', value: 'db' }], propagateTags: 'TASK_DEFINITION' }, 'migrate', true, 30 * 60_000)).toEqual([
    'Would run one task of web:7 in cluster prod, started by ecs-deliver',
    '  command: container migrate runs npm run migrate',
    '  where: launch type FARGATE; subnets subnet-a; public IP off',
    '  tags: team=db',
    '  propagate tags from: TASK_DEFINITION',
    '  then: wait up to 30m for it to stop; go on only when migrate exits with exit code 0',
  ]);
  const own = { ...REQUEST, overrides: undefined, launchType: undefined, networkConfiguration: undefined };
  expect(describeRunTask(own, 'migrate', false, 60_000)).toEqual([
    'Would run one task of web:7 in cluster prod, started by ecs-deliver',
    '  command: container migrate runs its own command',
    "  where: the cluster's default capacity provider strategy",
    '  then: go on without waiting for it (run-task-wait: false)',
  ]);
  const quoted = { ...REQUEST, overrides: { containerOverrides: [{ name: 'migrate', command: ['sh', '-c', "echo 'hi' && run"] }] } };
  expect(describeRunTask(quoted, 'migrate', true, 60_000)[1]).toBe(`  command: container migrate runs sh -c 'echo '\\''hi'\\'' && run'`);
});
