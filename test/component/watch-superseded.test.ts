import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import { FakeClock, FakeEcs, RecordingReporter, deployment, options, rollingUpdate, target, td } from './watch-fakes.js';

describe('another deployment takes over', () => {
  test('a second pipeline deploys web:3 during our rollout: SUPERSEDED, naming it, without a rollback', async () => {
    const clock = new FakeClock();
    const ecs = rollingUpdate(clock).at(5_000, (e) => {
      e.patchDeployment('ecs-svc/2', { status: 'ACTIVE' });
      e.setDeployments(deployment({ id: 'ecs-svc/9', taskDefinition: td(3) }), ...(e.service.deployments ?? []));
    });
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ rollback: true }));

    expect(outcome).toEqual({
      status: 'SUPERSEDED',
      supersededBy: 'web:3',
      message: 'deployment ecs-svc/2 (web:2) was superseded by deployment ecs-svc/9 (web:3), which another update started',
    });
    expect(clock.elapsed).toBe(6_000);
    expect(ecs.count('updateService')).toBe(0);
    expect(ecs.count('listTasks')).toBe(0);
  });

  test('while waiting for a steady service after an update that created no deployment', async () => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, { desiredCount: 2 });
    ecs.setDeployments(deployment({ id: 'ecs-svc/1', runningCount: 1 }));
    ecs.at(3_000, (e) =>
      e.setDeployments(deployment({ id: 'ecs-svc/7', taskDefinition: td(4) }), deployment({ id: 'ecs-svc/1', status: 'ACTIVE', runningCount: 1 })),
    );
    const noDeployment = target({ deploymentIdsBefore: ['ecs-svc/1'] });
    delete noDeployment.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, noDeployment, options());

    expect(outcome).toMatchObject({ status: 'SUPERSEDED', supersededBy: 'web:4' });
  });

  test('ECS rolling back to an older deployment is not a takeover', async () => {
    const clock = new FakeClock();
    const ecs = rollingUpdate(clock).at(5_000, (e) => {
      e.patchDeployment('ecs-svc/2', { status: 'ACTIVE', rolloutState: 'FAILED' });
      e.patchDeployment('ecs-svc/1', { status: 'PRIMARY' });
    });

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ waitForRollback: false }));

    expect(outcome.status).toBe('FAILED');
    expect(outcome.message).toContain('ECS is rolling back to web:1');
  });
});
