import type { Container, Task } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { judgeStoppedTask, runTaskOutputs, taskId } from '../../src/runtask/outcome.js';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const EXITED = 'Essential container in task exited';

function task(containers: Container[], stoppedReason = EXITED, stopCode = 'EssentialContainerExited'): Task {
  return { taskArn: ARN, lastStatus: 'STOPPED', stopCode: stopCode as Task['stopCode'], stoppedReason, containers };
}

describe('judgeStoppedTask', () => {
  test.each<[string, Task, ReadonlySet<string> | undefined, boolean, number | undefined, RegExp]>([
    ['the chosen container exits 0', task([{ name: 'migrate', exitCode: 0 }]), undefined, true, 0, /^task 0f1e2d3c4b5a69788796a5b4c3d2e1f0 succeeded: container migrate exited with exit code 0$/],
    [
      'the chosen container exits 3',
      task([{ name: 'migrate', exitCode: 3 }]),
      undefined,
      false,
      3,
      /^task 0f1e.*failed: container migrate exited with exit code 3; stopped reason: EssentialContainerExited: Essential container in task exited$/,
    ],
    [
      'sidecars stopped by ECS with 137 and 143 after the main container exits 0',
      task([{ name: 'migrate', exitCode: 0 }, { name: 'log-router', exitCode: 137 }, { name: 'envoy', exitCode: 143 }]),
      new Set(['migrate', 'log-router', 'envoy']),
      true,
      0,
      /succeeded/,
    ],
    [
      'an essential sidecar that exited 1, the polls not telling which container stopped first',
      task([{ name: 'migrate', exitCode: 0 }, { name: 'envoy', exitCode: 1 }]),
      new Set(['migrate', 'envoy']),
      false,
      0,
      /failed: essential container envoy exited with exit code 1 as the task stopped, and the polls could not tell whether before migrate \(which exited 0\); stopped reason: /,
    ],
    [
      'an essential sidecar killed for memory, not by ECS stopping the task',
      task([{ name: 'migrate', exitCode: 0 }, { name: 'envoy', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }]),
      undefined,
      false,
      0,
      /essential container envoy exited with exit code 137 \(OutOfMemoryError: Container killed due to memory usage\) as the task stopped/,
    ],
    [
      'a sidecar that is not essential may exit 1',
      task([{ name: 'migrate', exitCode: 0 }, { name: 'helper', exitCode: 1 }]),
      new Set(['migrate']),
      true,
      0,
      /succeeded/,
    ],
    [
      'the chosen container never started',
      task([{ name: 'migrate', reason: 'CannotPullContainerError: pull image manifest has been retried 5 times' }], 'Task failed to start', 'TaskFailedToStart'),
      undefined,
      false,
      undefined,
      /failed: container migrate never started: it has no exit code \(CannotPullContainerError: .*\); stopped reason: TaskFailedToStart: Task failed to start/,
    ],
    [
      'the chosen container never started, without a reason of its own',
      task([{ name: 'migrate' }], 'ResourceInitializationError: unable to pull secrets'),
      undefined,
      false,
      undefined,
      /container migrate never started: it has no exit code; stopped reason: EssentialContainerExited: ResourceInitializationError/,
    ],
    ['the task has no such container', task([{ name: 'web', exitCode: 0 }]), undefined, false, undefined, /failed: it has no container migrate/],
    [
      'an essential sidecar that never started, with a reason',
      task([{ name: 'migrate', exitCode: 0 }, { name: 'envoy', reason: 'CannotStartContainerError' }]),
      undefined,
      false,
      0,
      /essential container envoy exited with no exit code \(CannotStartContainerError\) as the task stopped/,
    ],
  ])('%s', (_, stopped, essential, succeeded, exitCode, line) => {
    const verdict = judgeStoppedTask(stopped, 'migrate', essential);
    expect(verdict.succeeded).toBe(succeeded);
    expect(verdict.exitCode).toBe(exitCode);
    expect(verdict.line).toMatch(line);
  });

  test('a sidecar seen stopping after the chosen container exited 0 (its answer to SIGTERM) is no failure', () => {
    const stopped = task([{ name: 'migrate', exitCode: 0 }, { name: 'envoy', exitCode: 1 }]);
    const verdict = judgeStoppedTask(stopped, 'migrate', new Set(['migrate', 'envoy']), new Map([['migrate', 3], ['envoy', 4]]));
    expect(verdict).toMatchObject({ succeeded: true, exitCode: 0, line: expect.stringMatching(/succeeded: container migrate exited with exit code 0/) });
  });

  test('a sidecar seen stopped before the chosen container is the failure, said as seen', () => {
    const stopped = task([{ name: 'migrate', exitCode: 0 }, { name: 'envoy', exitCode: 1 }]);
    const verdict = judgeStoppedTask(stopped, 'migrate', new Set(['migrate', 'envoy']), new Map([['envoy', 2], ['migrate', 3]]));
    expect(verdict.succeeded).toBe(false);
    expect(verdict.line).toMatch(/essential container envoy exited with exit code 1 before migrate stopped/);
  });
});

test.each<[string, string]>([
  [ARN, '0f1e2d3c4b5a69788796a5b4c3d2e1f0'],
  ['arn:aws:ecs:eu-west-1:123456789012:task/abc', 'abc'],
  ['abc', 'abc'],
])('taskId(%s)', (arn, id) => {
  expect(taskId(arn)).toBe(id);
});

test('outputs: the ARN and the chosen container’s exit code, empty when there is none', () => {
  expect(runTaskOutputs(ARN, { exitCode: 3 })).toEqual({ 'run-task-arn': ARN, 'run-task-exit-code': '3' });
  expect(runTaskOutputs(ARN, { exitCode: 0 })).toEqual({ 'run-task-arn': ARN, 'run-task-exit-code': '0' });
  expect(runTaskOutputs(undefined, undefined)).toEqual({ 'run-task-arn': '', 'run-task-exit-code': '' });
});
