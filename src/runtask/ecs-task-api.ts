// The three ECS calls a one-off task makes, on the SDK client the session already holds. RunTask carries a client
// token, so the SDK's own retries cannot start a second task.
import { DescribeTasksCommand, RunTaskCommand, StopTaskCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { TaskApi } from './run-task.js';

export function ecsTaskApi(client: Pick<ECSClient, 'send'>): TaskApi {
  return {
    runTask: (input) => client.send(new RunTaskCommand(input)),
    async describeTasks(cluster, tasks) {
      const answer = await client.send(new DescribeTasksCommand({ cluster, tasks: [...tasks] }));
      return answer.tasks ?? [];
    },
    stopTask: (cluster, task, reason) => client.send(new StopTaskCommand({ cluster, task, reason: reason.slice(0, 255) })),
  };
}
