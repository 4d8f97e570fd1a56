import { DescribeTasksCommand, ECSClient, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, expect, test } from 'vitest';
import { ecsTaskApi } from '../../src/runtask/ecs-task-api.js';

const ecs = mockClient(ECSClient);
const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc';

afterEach(() => ecs.reset());

test('RunTask, DescribeTasks and StopTask go to ECS as given', async () => {
  ecs.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }], failures: [] });
  ecs.on(DescribeTasksCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: 'RUNNING' }] });
  ecs.on(StopTaskCommand).resolves({ task: { taskArn: TASK, desiredStatus: 'STOPPED' } });
  const api = ecsTaskApi(new ECSClient({ region: 'eu-west-1' }));

  const run = await api.runTask({ cluster: 'prod', taskDefinition: 'web:7', count: 1, clientToken: 't' });
  expect(run.tasks?.[0]?.taskArn).toBe(TASK);
  expect(await api.describeTasks('prod', [TASK])).toEqual([{ taskArn: TASK, lastStatus: 'RUNNING' }]);
  await api.stopTask('prod', TASK, `ecs-deliver: ${'x'.repeat(300)}`);

  expect(ecs.commandCalls(RunTaskCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', taskDefinition: 'web:7', count: 1, clientToken: 't' });
  expect(ecs.commandCalls(DescribeTasksCommand)[0]?.args[0].input).toEqual({ cluster: 'prod', tasks: [TASK] });
  const stop = ecs.commandCalls(StopTaskCommand)[0]?.args[0].input;
  expect(stop?.task).toBe(TASK);
  expect(stop?.reason).toHaveLength(255);
});

test('a DescribeTasks answer without tasks is an empty list', async () => {
  ecs.on(DescribeTasksCommand).resolves({ failures: [{ arn: TASK, reason: 'MISSING' }] });
  expect(await ecsTaskApi(new ECSClient({ region: 'eu-west-1' })).describeTasks('prod', [TASK])).toEqual([]);
});
