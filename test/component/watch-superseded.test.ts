import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import { EPOCH, FakeClock, FakeEcs, RecordingReporter, awsError, deployment, options, rollingUpdate, sdArn, target, td } from './watch-fakes.js';

const OURS = sdArn(2);
const THEIRS = sdArn(3);

/**
 * Our service deployment goes STOPPED at 5 s, not by its checks, while DescribeServices still names it as the
 * service's current one; `theirs` lists a newer service deployment in ListServiceDeployments.
 */
function stoppedWhileServicesLag(clock: FakeClock, theirs: boolean): FakeEcs {
  const ecs = rollingUpdate(clock, { currentServiceDeployment: OURS });
  ecs.serviceDeployments.set(OURS, { serviceDeploymentArn: OURS, status: 'IN_PROGRESS', createdAt: new Date(EPOCH) });
  return ecs.at(5_000, (e) => {
    e.serviceDeployments.set(OURS, { ...e.serviceDeployments.get(OURS), status: 'STOPPED', statusReason: 'stopped' });
    if (theirs) e.serviceDeployments.set(THEIRS, { serviceDeploymentArn: THEIRS, status: 'IN_PROGRESS', createdAt: new Date(EPOCH + 4_500) });
  });
}

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

describe('our service deployment STOPPED while DescribeServices still names it current', () => {
  test('a newer one in ListServiceDeployments: SUPERSEDED, naming it, without a rollback', async () => {
    const clock = new FakeClock();
    const ecs = stoppedWhileServicesLag(clock, true);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target({ serviceDeploymentArn: OURS }), options({ rollback: true }));

    expect(outcome).toEqual({
      status: 'SUPERSEDED',
      message: `deployment ecs-svc/2 (web:2) was superseded by service deployment ${THEIRS}, which another update started`,
    });
    expect(ecs.count('updateService')).toBe(0);
    expect(ecs.count('stopServiceDeployment')).toBe(0);
  });

  test('none newer: FAILED, as ECS stopped it', async () => {
    const clock = new FakeClock();
    const ecs = stoppedWhileServicesLag(clock, false);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target({ serviceDeploymentArn: OURS }), options({ rollback: false }));

    expect(outcome).toMatchObject({ status: 'FAILED', message: 'deployment ecs-svc/2 (web:2) failed: stopped' });
    expect(ecs.count('listServiceDeployments')).toBe(1);
  });

  test('ListServiceDeployments refused: FAILED, with a warning saying why it could not tell', async () => {
    const clock = new FakeClock();
    const ecs = stoppedWhileServicesLag(clock, true);
    ecs.failWhen = (op) => (op === 'listServiceDeployments' ? awsError('AccessDeniedException', 400) : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target({ serviceDeploymentArn: OURS }), options({ rollback: false }));

    expect(outcome.status).toBe('FAILED');
    expect(reporter.lines).toContainEqual(expect.objectContaining({ level: 'warn', text: expect.stringContaining('ListServiceDeployments') }));
  });
});
