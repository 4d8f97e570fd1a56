// A one-off task from start to verdict: RunTask, follow it with its logs, judge how it stopped. The deploy flow
// runs it after the revision is registered and before the service is updated, and goes on only on SUCCEEDED
// (or STARTED, for a run-only task that is not waited for).
import { describeError } from '../aws/errors.js';
import type { ContainerDefinition, RunTaskCommandInput, RunTaskCommandOutput } from '@aws-sdk/client-ecs';
import type { Clock } from '../clock.js';
import { errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';
import { isPermanent } from './aws-errors.js';
import { LogTail, logSourceFor, type LogsApi } from './logs.js';
import { judgeStoppedTask, runTaskOutputs, taskId, type RunTaskOutputs } from './outcome.js';
import { describePlacement } from './placement.js';
import { commandLine, label } from './describe.js';
import { formatDuration, watchTask, type TaskWatchApi } from './watch-task.js';

export interface TaskApi extends TaskWatchApi {
  runTask(input: RunTaskCommandInput): Promise<Pick<RunTaskCommandOutput, 'tasks' | 'failures'>>;
}

/** RunTask carries a client token, so asking again after a lost answer never starts a second task. */
const RUN_ATTEMPTS = 3;
const RUN_RETRY_MS = 2000;

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
  let lastError = '';
  for (let attempt = 1; attempt <= RUN_ATTEMPTS; attempt += 1) {
    try {
      const answer = await api.runTask(request);
      const taskArn = answer.tasks?.[0]?.taskArn;
      if (taskArn) {
        if (params.signal?.aborted) {
          // Started while the cancel arrived: it must not be left running unnamed.
          await api.stopTask(request.cluster ?? 'default', taskArn, 'ecs-deliver: the job was cancelled').catch(() => undefined);
          return result('CANCELLED', `the job was cancelled as task ${taskId(taskArn)} started; it was stopped`, taskArn);
        }
        return { taskArn };
      }
      const failures = (answer.failures ?? []).map((failure) =>
        [failure.arn, failure.reason, failure.detail].filter(Boolean).join(': '),
      );
      return reported(params.reporter, result('FAILED', `RunTask started no task: ${failures.join('; ') || 'ECS gave no reason'}`));
    } catch (error) {
      lastError = describeError(error);
      if (isPermanent(error)) return reported(params.reporter, result('FAILED', `RunTask failed: ${lastError}`));
      if (params.signal?.aborted) break;
      if (attempt < RUN_ATTEMPTS) await clock.sleep(RUN_RETRY_MS, params.signal);
    }
  }
  if (params.signal?.aborted) {
    return result('CANCELLED', `the job was cancelled while RunTask was not answering; a task started by ${request.startedBy ?? 'ecs-deliver'} may run: check aws ecs list-tasks --cluster ${request.cluster ?? 'default'} --started-by ${request.startedBy ?? 'ecs-deliver'}`);
  }
  return reported(
    params.reporter,
    result('UNKNOWN', `RunTask did not answer (${lastError}); a task may have started: check aws ecs list-tasks --cluster ${request.cluster ?? 'default'} --started-by ${request.startedBy ?? 'ecs-deliver'}`),
  );
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
