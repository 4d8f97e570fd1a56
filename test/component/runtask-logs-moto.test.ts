// The log tail against moto's CloudWatch Logs, reached the way the bundle reaches it: the SDK's per-service
// endpoint variable AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, read by the client createLogsApi builds.
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { RecordingReporter } from '../support/recording-reporter.js';
import { KEPT_LINES, LogTail, createLogsApi, logSourceFor, type LogsApi } from '../../src/runtask/logs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';

const DEPLOY_REGION = 'eu-west-1';
const LOGS_REGION = 'us-east-1';
const GROUP = '/ecs/web';
const TASK_ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/9a8b7c6d5e4f';
const STREAM = 'ecs/migrate/9a8b7c6d5e4f';

const migrate: ContainerDefinition = {
  name: 'migrate',
  logConfiguration: {
    logDriver: 'awslogs',
    options: { 'awslogs-group': GROUP, 'awslogs-region': LOGS_REGION, 'awslogs-stream-prefix': 'ecs' },
  },
};

const skip = motoMissing();

describe.skipIf(skip)('LogTail against moto CloudWatch Logs', () => {
  const saved = { ...process.env };
  let moto: MotoServer;
  let writer: CloudWatchLogsClient;
  let api: LogsApi;

  beforeAll(async () => {
    moto = await startMoto();
    delete process.env['AWS_ENDPOINT_URL'];
    delete process.env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'];
    delete process.env['AWS_PROFILE'];
    process.env['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS'] = moto.url;
    process.env['AWS_ACCESS_KEY_ID'] = 'testing';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
    // The writer stands for the awslogs driver: it names the endpoint itself, so only the reader relies on the variable.
    writer = new CloudWatchLogsClient({ region: LOGS_REGION, endpoint: moto.url });
    api = await createLogsApi({ region: DEPLOY_REGION, maxAttempts: 2 });
  });

  afterAll(async () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    writer?.destroy();
    await moto?.stop();
  });

  beforeEach(async () => {
    await moto.reset();
  });

  async function createStream(): Promise<void> {
    await writer.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await writer.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: STREAM }));
  }

  let clock = Date.now();
  async function put(...messages: string[]): Promise<void> {
    await writer.send(
      new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: STREAM,
        logEvents: messages.map((message) => ({ timestamp: (clock += 1), message })),
      }),
    );
  }

  test('prints lines as they arrive, only once each, from the stream prefix/container/task-id in awslogs-region', async () => {
    const source = logSourceFor(migrate, TASK_ARN, DEPLOY_REGION);
    expect(source).toEqual({ target: { container: 'migrate', region: LOGS_REGION, group: GROUP, stream: STREAM } });
    const reporter = new RecordingReporter();
    const tail = new LogTail(api, source, reporter);

    await tail.poll(); // before the container started: no stream yet, nothing said
    expect(reporter.printed).toEqual([]);

    await createStream();
    await put('Running migrations', 'applying 0001_users');
    await tail.poll();
    await tail.poll(); // nothing new: the same token comes back
    await put('applying 0002_orders');
    await tail.poll();
    await put('done in 2.1s');
    await tail.drain();

    expect(reporter.printed).toEqual([
      'migrate | Running migrations',
      'migrate | applying 0001_users',
      'migrate | applying 0002_orders',
      'migrate | done in 2.1s',
    ]);
    expect(tail.notShown).toBeUndefined();
  });

  test('keeps the last 20 lines for the failure report', async () => {
    await createStream();
    const messages = Array.from({ length: 30 }, (_, n) => `step ${n + 1}`);
    await put(...messages);
    const reporter = new RecordingReporter();
    const tail = new LogTail(api, logSourceFor(migrate, TASK_ARN, DEPLOY_REGION), reporter);
    await tail.drain();
    expect(reporter.printed).toHaveLength(30);
    expect(tail.lastLines()).toEqual(messages.slice(-KEPT_LINES));
  });

  test('a stream that never appeared: "logs not shown" once the task stopped, never an error', async () => {
    const reporter = new RecordingReporter();
    const tail = new LogTail(api, logSourceFor(migrate, TASK_ARN, DEPLOY_REGION), reporter);
    await tail.poll();
    await tail.drain();
    await tail.drain();
    expect(reporter.printed).toEqual([
      `logs not shown: log stream ${STREAM} in group ${GROUP} (${LOGS_REGION}) does not exist: the container wrote nothing, or never started`,
    ]);
  });

  test('the stream is read in the region awslogs-region names, not the deploy region', async () => {
    await createStream();
    await put('only in us-east-1');
    const elsewhere: ContainerDefinition = {
      ...migrate,
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': GROUP, 'awslogs-stream-prefix': 'ecs' } },
    };
    const reporter = new RecordingReporter();
    const tail = new LogTail(api, logSourceFor(elsewhere, TASK_ARN, DEPLOY_REGION), reporter);
    await tail.drain();
    expect(reporter.printed).toEqual([
      `logs not shown: log stream ${STREAM} in group ${GROUP} (${DEPLOY_REGION}) does not exist: the container wrote nothing, or never started`,
    ]);
  });
});
