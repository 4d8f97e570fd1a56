// The deploy flow with a blue/green service: the strategy read in the preflight reaches the watch, the wait-until
// and pause-timeout inputs reach its options, and a wait that ended before the bake time skips keep-revisions.
import { RegisterTaskDefinitionCommand, type TaskDefinition } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { WatchOptions } from '../../src/watch/contract.js';
import { arn, deliver, ecsMock, familyHas, harness, inputs, serviceExists, updateCreatesDeployment } from './deliver-harness.js';

const running: TaskDefinition = { family: 'web', revision: 1, taskDefinitionArn: arn(1), status: 'ACTIVE', containerDefinitions: [{ name: 'web', image: 'nginx:1' }] };

beforeEach(() => {
  ecsMock.reset();
  serviceExists({ deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 } });
  familyHas(running);
  ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...running, revision: 2, taskDefinitionArn: arn(2) } });
  updateCreatesDeployment(arn(2));
});

describe('a blue/green service', () => {
  test('the watch gets the strategy from the preflight and the wait-until and pause-timeout inputs', async () => {
    const seen: WatchOptions[] = [];
    const h = harness({ apply: { watch: async (_target, options) => (seen.push(options), { status: 'COMPLETED', message: 'ok' }) } });
    await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:2', 'wait-until': 'traffic-shifted', 'pause-timeout': '15m' }));
    expect(seen[0]).toMatchObject({ waitUntil: 'traffic-shifted', pauseTimeoutMs: 15 * 60_000 });
  });

  test('the rollout target carries the BLUE_GREEN strategy the preflight read', async () => {
    const h = harness();
    await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:2' }));
    expect(h.watched[0]?.strategy).toBe('BLUE_GREEN');
  });

  test('COMPLETED while the bake time still ran: keep-revisions is skipped, and the log says why', async () => {
    const h = harness({
      apply: { watch: async () => ({ status: 'COMPLETED', message: 'traffic moved', bakeTimeRunning: true, stages: ['BAKE_TIME'], serviceDeploymentArn: 'arn:sd' }) },
    });
    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:2', 'keep-revisions': '1' }));
    expect(h.kept).toHaveLength(0);
    expect(h.reporter.text).toContain('keep-revisions: not run, as the bake time was still running (wait-until: traffic-shifted).');
    expect(result).toMatchObject({ deploymentStatus: 'COMPLETED', bakeTimeRunning: true, stages: ['BAKE_TIME'], serviceDeploymentArn: 'arn:sd' });
  });
});
