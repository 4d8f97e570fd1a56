import type { ServiceEvent } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { ChangedLines } from '../../src/watch/changed-lines.js';
import { EVENT_MARGIN_MS, EventLog, deploymentLine, deploymentLines, eventLine, serviceDeploymentLine } from '../../src/watch/progress.js';
import { stoppedTaskLines } from '../../src/watch/stopped-tasks.js';

const START = Date.UTC(2026, 0, 5, 12, 0, 0);
const at = (offset: number, id: string, message = id): ServiceEvent => ({ id, message, createdAt: new Date(START + offset) });

describe('lines', () => {
  test.each([
    [
      { id: 'ecs-svc/123', status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:r:1:task-definition/web:5', desiredCount: 2, runningCount: 1, pendingCount: 1, failedTasks: 0, rolloutState: 'IN_PROGRESS' as const },
      'PRIMARY ecs-svc/123 web:5: 1/2 running, 1 pending, 0 failed, IN_PROGRESS',
    ],
    [{ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: 'web:4' }, 'ACTIVE ecs-svc/1 web:4: 0/0 running, 0 pending, 0 failed'],
  ])('deploymentLine %#', (deployment, line) => {
    expect(deploymentLine(deployment)).toBe(line);
  });

  test.each([
    [{ status: 'IN_PROGRESS' as const, deploymentCircuitBreaker: { status: 'MONITORING' as const, failureCount: 2, threshold: 3 } }, 'Service deployment IN_PROGRESS, circuit breaker 2/3 failed tasks'],
    [{ status: 'STOPPED' as const, statusReason: 'breaker', deploymentCircuitBreaker: { status: 'DISABLED' as const } }, 'Service deployment STOPPED (breaker)'],
  ])('serviceDeploymentLine %#', (serviceDeployment, line) => {
    expect(serviceDeploymentLine(serviceDeployment)).toBe(line);
  });

  test('eventLine gives the UTC time of the event', () => {
    expect(eventLine(at(61_000, 'e', '(service web) has reached a steady state.'))).toBe('12:01:01Z (service web) has reached a steady state.');
  });

  test.each([
    [{ taskArn: 'arn:aws:ecs:r:1:task/prod/abc', stoppedReason: 'Essential container in task exited', stopCode: 'EssentialContainerExited', containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }] },
      ['task abc: Essential container in task exited (EssentialContainerExited)', '  container app: exit code 137: OutOfMemoryError: Container killed due to memory usage']],
    [{ taskArn: 'arn:aws:ecs:r:1:task/prod/def', containers: [{ name: 'app' }] }, ['task def: stopped, no reason given', '  container app: no exit code']],
  ])('stoppedTaskLines %#', (report, lines) => {
    expect(stoppedTaskLines(report)).toEqual(lines);
  });
});

describe('EventLog', () => {
  test('answers new events oldest first, each once, none older than the watch and its margin', () => {
    const log = new EventLog(START, new Set());
    const first = [at(3_000, 'c'), at(1_000, 'b'), at(-EVENT_MARGIN_MS + 1, 'a'), at(-EVENT_MARGIN_MS - 1, 'old')];
    expect(log.takeNew(first).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(log.takeNew([at(5_000, 'd'), ...first]).map((e) => e.id)).toEqual(['d']);
    expect(log.takeNew([at(5_000, 'd'), ...first])).toEqual([]);
  });

  test('a second log sharing the seen set does not repeat what the first printed', () => {
    const seen = new Set<string>();
    new EventLog(START, seen).takeNew([at(1_000, 'a')]);
    expect(new EventLog(START + 5_000, seen).takeNew([at(6_000, 'b'), at(1_000, 'a')]).map((e) => e.id)).toEqual(['b']);
  });
});

test('ChangedLines answers a deployment line only when it changed', () => {
  const changed = new ChangedLines();
  const lines = { changed: (service: Parameters<typeof deploymentLines>[0], sd: Parameters<typeof deploymentLines>[1]) => changed.changed(deploymentLines(service, sd)) };
  const d = { id: 'ecs-svc/2', status: 'PRIMARY', runningCount: 0, desiredCount: 2 };
  expect(lines.changed({ deployments: [d] }, undefined)).toHaveLength(1);
  expect(lines.changed({ deployments: [d] }, undefined)).toEqual([]);
  expect(lines.changed({ deployments: [{ ...d, runningCount: 1 }] }, undefined)).toEqual(['PRIMARY ecs-svc/2: 1/2 running, 0 pending, 0 failed']);
  expect(lines.changed({ deployments: [{ ...d, runningCount: 1 }] }, { status: 'IN_PROGRESS' })).toEqual(['Service deployment IN_PROGRESS']);
});
