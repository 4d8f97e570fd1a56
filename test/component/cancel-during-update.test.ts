// A cancel that lands while UpdateService is on its way, with rollback-on-cancel: the update may have gone through
// with nobody left to watch it. What it started is read back on calls the cancel does not abort and undone; when
// the update was answered, the watcher gets it, and rolls back what it started.
import { DescribeClustersCommand, DescribeServicesCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand, type Service } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { arn, deliver, ecsMock, familyHas, harness, inputs, runningDefinition } from './deliver-harness.js';

beforeEach(() => ecsMock.reset());

const before: Service = {
  serviceName: 'web',
  status: 'ACTIVE',
  taskDefinition: arn(1),
  desiredCount: 2,
  runningCount: 2,
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: arn(1) }],
};
const moved: Service = {
  ...before,
  taskDefinition: arn(2),
  deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: arn(2) }, { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: arn(1) }],
};
const aborted = (): Error => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });

/** The first UpdateService reaches ECS, but the job is cancelled before its answer comes; later reads say `after`. */
function updateCutShort(h: ReturnType<typeof harness>, after: Service, readBackFails: boolean): void {
  ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
  let describes = 0;
  ecsMock.on(DescribeServicesCommand).callsFake(() => {
    describes += 1;
    if (describes === 1) return { services: [before], failures: [] };
    // The run's own read-back fails as the cancel aborts it; the read on the cancel-proof client answers.
    if (describes === 2 && readBackFails) throw aborted();
    return { services: [after], failures: [] };
  });
  let updates = 0;
  ecsMock.on(UpdateServiceCommand).callsFake(() => {
    updates += 1;
    if (updates > 1) return { service: { ...after, taskDefinition: arn(1) } };
    h.cancel.abort('SIGTERM');
    throw aborted();
  });
}

describe('a cancel during UpdateService with rollback-on-cancel', () => {
  test('the update went through and its answer was lost: it is read back and rolled back to the revision before', async () => {
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
    const h = harness();
    updateCutShort(h, moved, true);

    const { error, result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'rollback-on-cancel': 'true' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(result.deploymentStatus).toBe('CANCELLED');
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input)).toEqual([
      { cluster: 'default', service: 'web', taskDefinition: arn(2) },
      { cluster: 'default', service: 'web', taskDefinition: arn(1), desiredCount: 2 },
    ]);
    expect(h.reporter.text).toContain('Cancelled during UpdateService: the update had gone through; the rollback to web:1 started');
    expect(h.watched).toEqual([]);
  });

  test('the update never reached ECS: nothing is sent back', async () => {
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
    const h = harness();
    updateCutShort(h, before, true);

    const { error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'rollback-on-cancel': 'true' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(h.reporter.text).toContain('the update did not reach web, so there is nothing to undo');
  });

  test('the read-back found the update: what it started is rolled back at once, without a watch', async () => {
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
    const h = harness();
    updateCutShort(h, moved, false);

    const { error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'rollback-on-cancel': 'true' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((call) => call.args[0].input.taskDefinition)).toEqual([arn(2), arn(1)]);
    expect(h.reporter.text).toContain('Cancelled during UpdateService: the update had gone through; the rollback to web:1 started');
    expect(h.watched).toEqual([]);
  });

  test('without rollback-on-cancel nothing is undone and the watch does not start', async () => {
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
    const h = harness();
    updateCutShort(h, moved, false);

    const { error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(h.watched).toEqual([]);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    // What the read-back saw is said, in the log and in the run's ending (outputs and summary).
    expect((error as Error).message).toBe('cancelled by SIGTERM; the update was applied: web rolls out web:2 (deployment ecs-svc/2), not watched by this run');
    expect(h.reporter.text).toContain('Cancelled during UpdateService: the update was applied: web rolls out web:2 (deployment ecs-svc/2)');
  });
});
