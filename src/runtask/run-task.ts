// A one-off task from start to verdict: RunTask, follow it with its logs, judge how it stopped. The deploy flow
// runs it after the revision is registered and before the service is updated, and goes on only on SUCCEEDED
// (or STARTED, for a run-only task that is not waited for).
import type { ContainerDefinition, RunTaskCommandInput, RunTaskCommandOutput } from '@aws-sdk/client-ecs';
import { CANCEL_FOLLOW_UP_MS, ChangeCancelledError, MayHaveBeenAppliedError, sendChange, type CancelledChangeState } from '../aws/change.js';
import { describeError } from '../aws/errors.js';
import type { Clock } from '../clock.js';
import { DeployError, errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';
import { LogTail, logSourceFor, type LogsApi } from './logs.js';
import { judgeStoppedTask, runTaskOutputs, taskId, type RunTaskOutputs } from './outcome.js';
import { describePlacement } from './placement.js';
import { commandLine, label } from './describe.js';
import { formatDuration, watchTask, type TaskWatchApi } from './watch-task.js';

export interface TaskApi extends TaskWatchApi {
  /** One attempt, aborted only by `signal` (see aws/change.ts). */
  runTask(input: RunTaskCommandInput, signal?: AbortSignal): Promise<Pick<RunTaskCommandOutput, 'tasks' | 'failures'>>;
}

/** How long RunTask is sent again through throttling, 5xx and lost answers before the run gives up on it. */
const RUN_TASK_DEADLINE_MS = 120_000;

export type RunTaskStatus = 'SUCCEEDED' | 'STARTED' | 'FAILED' | 'TIMED_OUT' | 'CANCELLED' | 'UNKNOWN';

export interface RunTaskResult {
  status: RunTaskStatus;
  taskArn?: string;
  exitCode?: number;
  /** One line: what happened to the task. */
  line: string;
  /** The last lines its container logged (at most 20). */
  lastLogLines: readonly string[];
  outputs: RunTaskOutputs;
}

export interface RunOneOffTaskParams {
  api: TaskApi;
  /** Opens the CloudWatch Logs reader when a log stream is known (loads its SDK only then). */
  openLogs: () => Promise<LogsApi>;
  request: RunTaskCommandInput;
  /** The container whose exit code decides. */
  container: string;
  /** The revision's containers: their log configuration, and which are essential. */
  containerDefinitions: readonly ContainerDefinition[];
  /** The deploy region, where awslogs-region is not set. */
  region: string;
  wait: boolean;
  timeoutMs: number;
  pollMs?: number;
  clock: Clock;
  reporter: Pick<Reporter, 'info' | 'warn' | 'error'>;
  signal?: AbortSignal | undefined;
}

export async function runOneOffTask(params: RunOneOffTaskParams): Promise<RunTaskResult> {
  const { reporter, request, container } = params;
  if (params.signal?.aborted) return result('CANCELLED', 'the job was cancelled before the task started');
  reporter.info(`Running one task of ${label(request.taskDefinition)} in cluster ${request.cluster ?? 'default'}: ${commandLine(request, container)}`);
  reporter.info(`  where: ${describePlacement(request)}`);

  const started = await startTask(params);
  if ('status' in started) return started;
  const taskArn = started.taskArn;
  const id = taskId(taskArn);
  reporter.info(`Started task ${id} (${taskArn})`);
  if (!params.wait) {
    reporter.info(`Not waiting for task ${id} (run-task-wait: false)`);
    return result('STARTED', `task ${id} started; not waited for`, taskArn);
  }

  const tail = await openTail(params, taskArn);
  const essential = new Set(
    params.containerDefinitions.filter((definition) => definition.essential !== false).map((definition) => definition.name ?? ''),
  );
  const end = await watchTask({
    api: params.api,
    cluster: request.cluster ?? 'default',
    taskArn,
    timeoutMs: params.timeoutMs,
    ...(params.pollMs !== undefined ? { pollMs: params.pollMs } : {}),
    clock: params.clock,
    reporter,
    signal: params.signal,
    onPoll: () => tail.poll(),
    ...(essential.has(container) ? {} : { untilContainerExits: container }),
  });
  // Whatever the ending, what the container printed until now is shown before the verdict.
  if (!params.signal?.aborted) await tail.drain({ clock: params.clock, signal: params.signal });
  const lastLogLines = tail.lastLines();

  switch (end.kind) {
    case 'stopped': {
      const verdict = judgeStoppedTask(end.task, container, essential, end.stopOrder);
      const status = verdict.succeeded ? 'SUCCEEDED' : 'FAILED';
      const outcome = result(status, verdict.line, taskArn, verdict.exitCode, lastLogLines);
      report(reporter, outcome);
      return outcome;
    }
    case 'timed-out':
      return reported(reporter, result('TIMED_OUT', `task ${id} did not stop within run-task-timeout ${formatDuration(params.timeoutMs)}${end.stopRequested ? '; it was stopped' : ''}`, taskArn, undefined, lastLogLines));
    case 'cancelled':
      return result('CANCELLED', `the job was cancelled while task ${id} ran${end.stopRequested ? '; it was stopped' : ''}`, taskArn, undefined, lastLogLines);
    case 'unreadable':
      return reported(reporter, result('UNKNOWN', `task ${id}: its outcome cannot be read (${end.reason}); it was left running: check it with aws ecs describe-tasks --cluster ${request.cluster ?? 'default'} --tasks ${taskArn}`, taskArn, undefined, lastLogLines));
  }
}

async function startTask(params: RunOneOffTaskParams): Promise<{ taskArn: string } | RunTaskResult> {
  const { api, request, clock } = params;
  const cluster = request.cluster ?? 'default';
  const startedBy = request.startedBy ?? 'ecs-deliver';
  const check = `aws ecs list-tasks --cluster ${cluster} --started-by ${startedBy}`;
  const sentAt = clock.now();
  let answer: Pick<RunTaskCommandOutput, 'tasks' | 'failures'>;
  try {
    answer = await sendChange(
      {
        action: 'RunTask',
        send: (signal) => api.runTask(request, signal),
        // Sent again with the same client token, ECS answers with the task the first send started, or starts it
        // now: either way the task is known, and a cancel can stop it.
        readBack: async (signal) => ({ applied: true, value: await api.runTask(request, signal) }),
        // The client token: ECS answers a second send with the task the first one started.
        resendIsSafe: true,
        resendReadsBack: true,
        whatToCheck: check,
      },
      { clock, reporter: params.reporter, cancel: params.signal, deadlineAt: sentAt + RUN_TASK_DEADLINE_MS },
    );
  } catch (error) {
    if (error instanceof ChangeCancelledError) return await afterCancelledRun(params, (error as ChangeCancelledError<typeof answer>).settled, check);
    if (error instanceof MayHaveBeenAppliedError || !(error instanceof DeployError)) {
      const lost = error instanceof MayHaveBeenAppliedError ? error.lost : describeError(error);
      return reported(params.reporter, result('UNKNOWN', `RunTask did not answer (${lost}); a task may have started: check ${check}`));
    }
    return reported(params.reporter, result('FAILED', error.message));
  }
  const taskArn = answer.tasks?.[0]?.taskArn;
  if (taskArn) {
    if (params.signal?.aborted) return afterCancelledRun(params, { state: 'applied', value: answer }, check);
    return { taskArn };
  }
  const failures = (answer.failures ?? []).map((failure) => [failure.arn, failure.reason, failure.detail].filter(Boolean).join(': '));
  return reported(params.reporter, result('FAILED', `RunTask started no task: ${failures.join('; ') || 'ECS gave no reason'}`));
}

/** A cancel while RunTask was on its way: a task it started is stopped, and one that may start is named. */
async function afterCancelledRun(
  params: RunOneOffTaskParams,
  seen: CancelledChangeState<Pick<RunTaskCommandOutput, 'tasks'>>,
  check: string,
): Promise<RunTaskResult> {
  const taskArn = seen.state === 'applied' ? seen.value.tasks?.[0]?.taskArn : undefined;
  if (seen.state === 'not-applied' || (seen.state === 'applied' && !taskArn)) return result('CANCELLED', 'the job was cancelled before the task started');
  if (!taskArn) {
    const line = `the job was cancelled while RunTask was not answering; RunTask may still start a task: check ${check}`;
    params.reporter.warn(line);
    return result('CANCELLED', line);
  }
  const stopWaiting = new AbortController();
  const stopped = await Promise.race([
    Promise.resolve()
      .then(() => params.api.stopTask(params.request.cluster ?? 'default', taskArn, 'ecs-deliver: the job was cancelled'))
      .then(() => true, () => false),
    params.clock.sleep(CANCEL_FOLLOW_UP_MS, stopWaiting.signal).then(() => false),
  ]);
  stopWaiting.abort();
  const line = stopped
    ? `the job was cancelled as task ${taskId(taskArn)} started; it was stopped`
    : `the job was cancelled as task ${taskId(taskArn)} started, and stopping it did not go through: stop it with aws ecs stop-task --cluster ${params.request.cluster ?? 'default'} --task ${taskArn}`;
  params.reporter.warn(line);
  return result('CANCELLED', line, taskArn);
}

async function openTail(params: RunOneOffTaskParams, taskArn: string): Promise<LogTail> {
  const definition = params.containerDefinitions.find((candidate) => candidate.name === params.container);
  const source = logSourceFor(definition, taskArn, params.region);
  if ('notShown' in source) return new LogTail(unusedLogs, source, params.reporter);
  try {
    return new LogTail(await params.openLogs(), source, params.reporter);
  } catch (error) {
    return new LogTail(unusedLogs, { notShown: `the CloudWatch Logs client could not start (${errorMessage(error)})` }, params.reporter);
  }
}

const unusedLogs: LogsApi = {
  getLogEvents: () => Promise.reject(new Error('logs are not read')),
};

function result(
  status: RunTaskStatus,
  line: string,
  taskArn?: string,
  exitCode?: number,
  lastLogLines: readonly string[] = [],
): RunTaskResult {
  return {
    status,
    line,
    lastLogLines,
    ...(taskArn ? { taskArn } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    outputs: runTaskOutputs(taskArn, exitCode === undefined ? undefined : { exitCode }),
  };
}

function reported(reporter: RunOneOffTaskParams['reporter'], outcome: RunTaskResult): RunTaskResult {
  report(reporter, outcome);
  return outcome;
}

function report(reporter: RunOneOffTaskParams['reporter'], outcome: RunTaskResult): void {
  if (outcome.status === 'SUCCEEDED') {
    reporter.info(outcome.line);
    return;
  }
  for (const line of failureReport(outcome)) reporter.error(line);
}

/** The lines a failed task leaves in the log and the job summary: what happened, then its last log lines. */
export function failureReport(outcome: RunTaskResult): string[] {
  const lines = [outcome.line];
  if (outcome.lastLogLines.length > 0) {
    lines.push(`last ${outcome.lastLogLines.length} log lines:`);
    lines.push(...outcome.lastLogLines.map((line) => `  ${line}`));
  }
  return lines;
}

export { describeRunTask } from './describe.js';
