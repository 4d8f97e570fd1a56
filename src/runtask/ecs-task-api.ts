// The ECS calls a one-off task makes, on the run's session. RunTask carries a client token, so sending it again
// cannot start a second task. StopTask goes through the calls a cancel does not abort: a cancel is what asks for it.
import type { AwsSession } from '../aws/clients.js';
import type { TaskApi } from './run-task.js';

export function ecsTaskApi(session: Pick<AwsSession, 'ecs' | 'ecsAfterCancel'>): TaskApi {
  return {
    runTask: (input, signal) => session.ecsAfterCancel.runTask(input, signal),
    describeTasks: (cluster, tasks) => session.ecs.describeTasks(cluster, tasks),
    stopTask: (cluster, task, reason) => session.ecsAfterCancel.stopTask(cluster, task, reason),
  };
}
