// The verdict on a stopped one-off task. The chosen container decides: it must have stopped with exit code 0.
// When an essential container exits, ECS stops the others, and they report 137 (SIGKILL) or 143 (SIGTERM): a
// sidecar (log router, proxy) stopped that way is not a failure. A sidecar that ended on its own with another
// code, or with a reason of its own (out of memory), ended the task before the chosen container: a failure.
import type { Container, Task } from '@aws-sdk/client-ecs';

const STOPPED_BY_ECS = new Set([137, 143]);

export interface TaskVerdict {
  succeeded: boolean;
  /** The chosen container's exit code, when it has one. */
  exitCode?: number;
  /** One line: what happened, with "exit code N" and the stopped reason. */
  line: string;
}

/** The last segment of a task ARN: what the console and the log stream call the task. */
export function taskId(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/**
 * @param essential names of the essential containers from the task definition; undefined: all are.
 * @param stopOrder the poll at which each container was first seen stopped. ECS stops the other containers once
 *   an essential one exits, and a sidecar may answer that SIGTERM with any code: one seen stopping after the chosen
 *   container is not a failure. Where the polls could not tell which stopped first, the task is not a success.
 */
export function judgeStoppedTask(task: Task, container: string, essential?: ReadonlySet<string>, stopOrder?: ReadonlyMap<string, number>): TaskVerdict {
  const id = taskId(task.taskArn ?? '');
  const reason = stoppedReason(task);
  const main = (task.containers ?? []).find((candidate) => candidate.name === container);
  if (!main) {
    return { succeeded: false, line: `task ${id} failed: it has no container ${container}${reason}` };
  }
  if (main.exitCode === undefined) {
    const own = main.reason ? ` (${main.reason})` : '';
    return { succeeded: false, line: `task ${id} failed: container ${container} never started: it has no exit code${own}${reason}` };
  }
  if (main.exitCode !== 0) {
    const own = main.reason ? ` (${main.reason})` : '';
    return { succeeded: false, exitCode: main.exitCode, line: `task ${id} failed: container ${container} exited with exit code ${main.exitCode}${own}${reason}` };
  }
  const mainStopped = stopOrder?.get(container);
  const stoppedAfterMain = (other: Container): boolean => {
    const at = stopOrder?.get(other.name ?? '');
    return mainStopped !== undefined && at !== undefined && at > mainStopped;
  };
  const culprit = (task.containers ?? []).find(
    (other) => other !== main && (essential?.has(other.name ?? '') ?? true) && endedOnItsOwn(other) && !stoppedAfterMain(other),
  );
  if (culprit) {
    const code = culprit.exitCode === undefined ? 'no exit code' : `exit code ${culprit.exitCode}`;
    const own = culprit.reason ? ` (${culprit.reason})` : '';
    const at = stopOrder?.get(culprit.name ?? '');
    const seenFirst = at !== undefined && (mainStopped === undefined || at < mainStopped);
    const when = seenFirst
      ? `before ${container} stopped`
      : `as the task stopped, and the polls could not tell whether before ${container} (which exited 0)`;
    return {
      succeeded: false,
      exitCode: 0,
      line: `task ${id} failed: essential container ${culprit.name} exited with ${code}${own} ${when}${reason}`,
    };
  }
  return { succeeded: true, exitCode: 0, line: `task ${id} succeeded: container ${container} exited with exit code 0` };
}

function endedOnItsOwn(container: Container): boolean {
  if (container.exitCode === undefined) return container.reason !== undefined && container.reason !== '';
  if (container.exitCode === 0) return false;
  return !STOPPED_BY_ECS.has(container.exitCode) || Boolean(container.reason);
}

function stoppedReason(task: Task): string {
  const parts = [task.stopCode, task.stoppedReason].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? `; stopped reason: ${parts.join(': ')}` : '';
}

export interface RunTaskOutputs {
  'run-task-arn': string;
  'run-task-exit-code': string;
}

export function runTaskOutputs(taskArn: string | undefined, verdict: Pick<TaskVerdict, 'exitCode'> | undefined): RunTaskOutputs {
  return {
    'run-task-arn': taskArn ?? '',
    'run-task-exit-code': verdict?.exitCode === undefined ? '' : String(verdict.exitCode),
  };
}
