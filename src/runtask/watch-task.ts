// Follows one task until it stops: DescribeTasks every poll interval, each change of its status printed as it
// happens, bounded by the task's own timeout. A timeout or a cancel stops the task, so nothing is left running
// that the log does not name. Read errors (throttling, 5xx, resets, garbled answers) are retried until the
// timeout; throttling also slows the polls down, since ECS throttles the whole account.
import { describeError } from '../aws/errors.js';
import type { Task } from '@aws-sdk/client-ecs';
import type { Clock } from '../clock.js';
import type { Reporter, WaitHandle } from '../report.js';
import { isPermanent, isThrottled } from './aws-errors.js';
import { formatDuration } from '../duration.js';
import { taskId } from './outcome.js';

export const TASK_POLL_MS = 2000;
const MAX_BACKOFF_FACTOR = 4;
/** A cancel must end the run within about 2 s: StopTask gets this long. */
const STOP_ON_CANCEL_MS = 1500;
const STOP_ON_TIMEOUT_MS = 10_000;

export interface TaskWatchApi {
  describeTasks(cluster: string, tasks: readonly string[]): Promise<Task[]>;
  stopTask(cluster: string, task: string, reason: string): Promise<unknown>;
}

export interface WatchTaskParams {
  api: TaskWatchApi;
  cluster: string;
  taskArn: string;
  timeoutMs: number;
  pollMs?: number;
  clock: Clock;
  reporter: Pick<Reporter, 'info' | 'warn' | 'waiting'>;
  signal?: AbortSignal | undefined;
  /** Runs after every poll until the task stopped, such as printing its new log lines. */
  onPoll?: () => Promise<void>;
  /**
   * A container that is not essential whose exit ends the watch: its exit does not stop the task, so once it
   * exited the task is stopped rather than waited for until the timeout.
   */
  untilContainerExits?: string;
}

/** The poll at which each container was first seen stopped: which stopped first, where polls could tell. */
export type StopOrder = ReadonlyMap<string, number>;

export type TaskWatchEnd =
  | { kind: 'stopped'; task: Task; stopOrder: StopOrder }
  | { kind: 'timed-out'; last?: Task; stopRequested: boolean }
  | { kind: 'cancelled'; last?: Task; stopRequested: boolean }
  /** DescribeTasks failed in a way asking again cannot change (denied, missing cluster). */
  | { kind: 'unreadable'; last?: Task; reason: string };

export async function watchTask(params: WatchTaskParams): Promise<TaskWatchEnd> {
  const deadline = params.clock.now() + params.timeoutMs;
  const progress = params.reporter.waiting?.(`one-off task ${taskId(params.taskArn)}`, () => deadline - params.clock.now());
  try {
    return await followTask(params, deadline, progress);
  } finally {
    progress?.end();
  }
}

async function followTask(params: WatchTaskParams, deadline: number, progress: WaitHandle | undefined): Promise<TaskWatchEnd> {
  const { api, cluster, taskArn, clock, reporter, signal } = params;
  const id = taskId(taskArn);
  const basePoll = params.pollMs ?? TASK_POLL_MS;
  const started = clock.now();
  let interval = basePoll;
  let last: Task | undefined;
  let failing: string | undefined;
  let polls = 0;
  const stopOrder = new Map<string, number>();

  for (;;) {
    if (signal?.aborted) {
      const stopRequested = await stop(params, 'the job was cancelled', STOP_ON_CANCEL_MS);
      return { kind: 'cancelled', ...(last ? { last } : {}), stopRequested };
    }
    const pollStarted = clock.now();
    try {
      const task = (await api.describeTasks(cluster, [taskArn])).find((candidate) => candidate.taskArn === taskArn);
      if (failing) reporter.info(`task ${id}: DescribeTasks answers again`);
      failing = undefined;
      interval = Math.max(basePoll, interval / 2);
      // Right after RunTask the task may not be visible yet: that is not an answer about it.
      if (task) {
        polls += 1;
        for (const container of task.containers ?? []) {
          const name = container.name ?? '';
          if (!stopOrder.has(name) && (container.lastStatus === 'STOPPED' || container.exitCode !== undefined)) stopOrder.set(name, polls);
        }
        if (task.lastStatus && task.lastStatus !== last?.lastStatus) {
          reporter.info(statusLine(id, task, clock.now() - started));
        }
        last = task;
        progress?.stands(task.lastStatus ?? '?');
        if (task.lastStatus === 'STOPPED') return { kind: 'stopped', task, stopOrder };
        const watched = params.untilContainerExits;
        if (watched !== undefined && stopOrder.has(watched)) {
          const exit = task.containers?.find((container) => container.name === watched)?.exitCode;
          reporter.info(`task ${id}: container ${watched} exited${exit === undefined ? '' : ` with exit code ${exit}`}; it is not essential, so the task is stopped`);
          await stop(params, `container ${watched} exited`, STOP_ON_TIMEOUT_MS);
          return { kind: 'stopped', task, stopOrder };
        }
      }
    } catch (error) {
      // A cancel aborts the read in flight: that is no answer about the task, and the loop's top stops it.
      if (signal?.aborted) continue;
      const reason = describeError(error);
      if (isPermanent(error)) return { kind: 'unreadable', ...(last ? { last } : {}), reason };
      if (isThrottled(error)) interval = Math.min(interval * 2, basePoll * MAX_BACKOFF_FACTOR);
      if (failing === undefined) reporter.warn(`task ${id}: DescribeTasks failed (${reason}); trying again until run-task-timeout`);
      failing = reason;
    }
    if (params.onPoll) await params.onPoll();
    const now = clock.now();
    if (now >= deadline) {
      const stopRequested = await stop(params, `run-task-timeout of ${formatDuration(params.timeoutMs)} passed`, STOP_ON_TIMEOUT_MS);
      return { kind: 'timed-out', ...(last ? { last } : {}), stopRequested };
    }
    await clock.sleep(Math.max(0, Math.min(pollStarted + interval, deadline) - now), signal);
  }
}

function statusLine(id: string, task: Task, elapsedMs: number): string {
  const after = `after ${Math.round(elapsedMs / 1000)}s`;
  if (task.lastStatus === 'STOPPED' && task.stoppedReason) return `task ${id}: STOPPED ${after} (${task.stoppedReason})`;
  return `task ${id}: ${task.lastStatus} ${after}`;
}

/** Asks ECS to stop the task, waiting at most `capMs` for the answer; says what happened either way. */
async function stop(params: WatchTaskParams, why: string, capMs: number): Promise<boolean> {
  const { api, cluster, taskArn, clock, reporter } = params;
  const reason = `ecs-deliver: ${why}`;
  const fix = `stop it yourself: aws ecs stop-task --cluster ${cluster} --task ${taskArn}`;
  // The timer is cleared once StopTask answers, so it never holds the process open.
  const timer = new AbortController();
  const outcome = await Promise.race([
    api.stopTask(cluster, taskArn, reason).then(
      () => 'stopped' as const,
      (error: unknown) => describeError(error),
    ),
    clock.sleep(capMs, timer.signal).then(() => 'no answer' as const),
  ]);
  timer.abort();
  if (outcome === 'stopped') {
    reporter.warn(`${why}: stopping task ${taskId(taskArn)} (StopTask: "${reason}")`);
    return true;
  }
  const problem = outcome === 'no answer' ? `StopTask did not answer within ${formatDuration(capMs)}` : `StopTask failed (${outcome})`;
  reporter.warn(`${why}, but task ${taskId(taskArn)} may still run: ${problem}; ${fix}`);
  return false;
}

export { formatDuration } from '../duration.js';
