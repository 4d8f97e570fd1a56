import { DescribeTasksCommand, ECSClient, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, expect, test } from 'vitest';
import { ecsApi } from '../../src/aws/ecs.js';
import { withSettledStops } from '../../src/aws/stops.js';
import { ecsTaskApi } from '../../src/runtask/ecs-task-api.js';

const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc';

const reads = new ECSClient({ region: 'eu-west-1' });
const changes = new ECSClient({ region: 'eu-west-1', maxAttempts: 1 });
const readsMock = mockClient(reads);
const changesMock = mockClient(changes);

afterEach(() => {
  readsMock.reset();
  changesMock.reset();
});

/** The session's two views of ECS: one aborted by the run's cancel, one not (for the calls a cancel makes). */
function session(cancel: AbortSignal) {
  const afterCancel = ecsApi(reads, { changes });
  return {
    ecs: withSettledStops(ecsApi(reads, { changes, signal: cancel }), afterCancel, { cancel }),
    ecsAfterCancel: withSettledStops(afterCancel, afterCancel, { withinMs: 6_000 }),
  };
}

test('DescribeTasks goes to the reads client; RunTask and StopTask are changes, sent once, reason cut to 255', async () => {
  changesMock.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }], failures: [] });
  readsMock.on(DescribeTasksCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: 'RUNNING' }] });
  changesMock.on(StopTaskCommand).resolves({ task: { taskArn: TASK, desiredStatus: 'STOPPED' } });
  const api = ecsTaskApi(session(new AbortController().signal));

  const run = await api.runTask({ cluster: 'prod', taskDefinition: 'web:7', count: 1, clientToken: 't' });
  expect(run.tasks?.[0]?.taskArn).toBe(TASK);
  expect(await api.describeTasks('prod', [TASK])).toEqual([{ taskArn: TASK, lastStatus: 'RUNNING' }]);
  await api.stopTask('prod', TASK, `ecs-deliver: ${'x'.repeat(300)}`);

  expect(changesMock.commandCalls(RunTaskCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', taskDefinition: 'web:7', count: 1, clientToken: 't' });
  expect(readsMock.commandCalls(RunTaskCommand)).toHaveLength(0);
  expect(readsMock.commandCalls(DescribeTasksCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', tasks: [TASK] });
  expect(readsMock.commandCalls(StopTaskCommand)).toHaveLength(0);
  const stop = changesMock.commandCalls(StopTaskCommand)[0]?.args[0].input;
  expect(stop?.task).toBe(TASK);
  expect(stop?.reason).toHaveLength(255);
});

test('the StopTask a cancel makes is sent on a call the cancel does not abort', async () => {
  changesMock.on(StopTaskCommand).resolves({});
  const cancel = new AbortController();
  cancel.abort('SIGTERM');
  const signalOf = (call: number) => ((changesMock.commandCalls(StopTaskCommand)[call]?.args as unknown[] | undefined)?.[1] as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
  // The cancellable view sends no new change once cancelled.
  await session(cancel.signal).ecs.stopTask('prod', TASK, 'the cancellable view, for contrast').catch(() => undefined);
  expect(changesMock.commandCalls(StopTaskCommand)).toHaveLength(0);
  await ecsTaskApi(session(cancel.signal)).stopTask('prod', TASK, 'ecs-deliver: the job was cancelled');
  expect(changesMock.commandCalls(StopTaskCommand)).toHaveLength(1);
  expect(signalOf(0)).not.toBe(cancel.signal);
  expect(signalOf(0)?.aborted).toBe(false);
});

test('a DescribeTasks answer without tasks is an empty list', async () => {
  readsMock.on(DescribeTasksCommand).resolves({ failures: [{ arn: TASK, reason: 'MISSING' }] });
  expect(await ecsTaskApi(session(new AbortController().signal)).describeTasks('prod', [TASK])).toEqual([]);
});
