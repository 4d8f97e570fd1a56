import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import {
  FakeClock,
  FakeEcs,
  RecordingReporter,
  deployment,
  options,
  rollingUpdate,
  target,
  td,
} from './watch-fakes.js';

function healthyRollout(clock: FakeClock, completesAt: number): FakeEcs {
  return rollingUpdate(clock)
    .at(1_000, (ecs) => ecs.event('(service web) has started 2 tasks: (task aaa) (task bbb).'))
    .at(3_000, (ecs) => ecs.patchDeployment('ecs-svc/2', { runningCount: 1, pendingCount: 1 }))
    .at(completesAt, (ecs) => {
      ecs.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' }));
      ecs.event('(service web) (deployment ecs-svc/2) deployment completed.');
      ecs.event('(service web) has reached a steady state.');
    });
}

describe('a healthy rollout', () => {
  test.each([
    { completesAt: 5_000, latencyMs: 0, noticedAt: 6_000 },
    { completesAt: 6_000, latencyMs: 0, noticedAt: 6_000 },
    { completesAt: 6_001, latencyMs: 0, noticedAt: 8_000 },
    // Polls start an interval apart however long a call takes.
    { completesAt: 5_000, latencyMs: 300, noticedAt: 6_300 },
  ])('completing at $completesAt ms is noticed at the next poll ($noticedAt ms)', async ({ completesAt, latencyMs, noticedAt }) => {
    const clock = new FakeClock();
    const ecs = healthyRollout(clock, completesAt);
    ecs.latencyMs = latencyMs;
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome).toMatchObject({ status: 'COMPLETED' });
    expect(outcome.message).toMatch(/^deployment ecs-svc\/2 \(web:2\) completed in \d+(\.\d)?s$/);
    expect(clock.elapsed).toBe(noticedAt);
    expect(ecs.calls.filter((call) => call.op === 'describeServices').map((call) => call.at % 2_000)).toEqual(
      Array.from({ length: ecs.count('describeServices') }, () => 0),
    );
    expect(ecs.count('updateService')).toBe(0);
  });

  test('prints inside one group what happened, in order', async () => {
    const clock = new FakeClock();
    const ecs = healthyRollout(clock, 5_000);
    const reporter = new RecordingReporter();

    await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(reporter.groups).toEqual(['Watching rollout of web']);
    expect(reporter.lines.map((line) => line.text)).toEqual([
      'Following deployment ecs-svc/2 (web:2); timeout 10m',
      'PRIMARY ecs-svc/2 web:2: 0/2 running, 0 pending, 0 failed, IN_PROGRESS',
      'ACTIVE ecs-svc/1 web:1: 2/2 running, 0 pending, 0 failed, COMPLETED',
      '12:00:01Z (service web) has started 2 tasks: (task aaa) (task bbb).',
      'PRIMARY ecs-svc/2 web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS',
      '12:00:05Z (service web) (deployment ecs-svc/2) deployment completed.',
      '12:00:05Z (service web) has reached a steady state.',
      'PRIMARY ecs-svc/2 web:2: 2/2 running, 0 pending, 0 failed, COMPLETED',
      'deployment ecs-svc/2 (web:2) completed in 6s',
    ]);
    expect(reporter.lines.slice(0, -1).every((line) => line.group === 'Watching rollout of web')).toBe(true);
  });

  test('prints each new event once, and none from before the watch', async () => {
    const clock = new FakeClock();
    const ecs = healthyRollout(clock, 9_000);
    ecs.event('(service web) was unable to place a task because no container instance met all of its requirements.', -2_000);
    const reporter = new RecordingReporter();

    await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(ecs.count('describeServices')).toBe(6);
    expect(reporter.count('has started 2 tasks')).toBe(1);
    expect(reporter.count('was unable to place a task')).toBe(1);
    expect(reporter.count('deployment completed')).toBe(1);
    // The steady-state event an hour old belongs to the last deployment; only this rollout's is printed.
    expect(reporter.count('has reached a steady state')).toBe(1);
    expect(reporter.text).not.toContain('11:00:00Z');
  });

  test('prints nothing on polls where nothing changed', async () => {
    const clock = new FakeClock();
    const ecs = rollingUpdate(clock)
      .at(1_000, (e) => e.patchDeployment('ecs-svc/2', { runningCount: 1, pendingCount: 1 }))
      .at(120_000, (e) => e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })));
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(ecs.count('describeServices')).toBe(61);
    expect(reporter.lines).toHaveLength(6);
  });

  test('without rolloutState (classic load balancer) completes when it is the only deployment and all its tasks run', async () => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock);
    ecs.setDeployments(
      deployment({ id: 'ecs-svc/2', rolloutState: undefined, runningCount: 2 }),
      deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), rolloutState: undefined, runningCount: 1 }),
    );
    ecs.at(4_000, (e) => e.removeDeployment('ecs-svc/1'));
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.elapsed).toBe(4_000);
  });
});

describe('an update that created no deployment', () => {
  test.each([
    {
      name: 'nothing changed: the one deployment runs all its tasks',
      deployments: [deployment({ id: 'ecs-svc/1', taskDefinition: td(2), runningCount: 2, rolloutState: 'COMPLETED' })],
      before: ['ecs-svc/1'],
      steadyAt: 0,
    },
    {
      name: 'the one deployment of our revision, running count caught up later',
      deployments: [deployment({ id: 'ecs-svc/1', taskDefinition: td(2), runningCount: 1, rolloutState: 'IN_PROGRESS' })],
      before: ['ecs-svc/1'],
      steadyAt: 4_000,
    },
    {
      name: 'a deployment still draining: steady once it is gone',
      deployments: [
        deployment({ id: 'ecs-svc/1', taskDefinition: td(2), runningCount: 2, rolloutState: 'COMPLETED' }),
        deployment({ id: 'ecs-svc/0', status: 'ACTIVE', taskDefinition: td(1), runningCount: 1 }),
      ],
      before: ['ecs-svc/1', 'ecs-svc/0'],
      steadyAt: 4_000,
    },
  ])('$name', async ({ deployments, before, steadyAt }) => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, { taskDefinition: 'web:2', events: [] });
    ecs.setDeployments(...deployments);
    ecs.at(steadyAt, (e) => e.setDeployments({ ...deployments[0]!, runningCount: 2 }));
    const reporter = new RecordingReporter();
    const noDeployment = target({ deploymentIdsBefore: before });
    delete noDeployment.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter }, noDeployment, options());

    expect(outcome).toEqual({ status: 'COMPLETED', message: 'service web is steady on web:2' });
    expect(clock.elapsed).toBe(steadyAt);
    expect(reporter.text).toContain('No new deployment to follow');
    expect(reporter.text).not.toMatch(/roll/i);
    expect(ecs.count('updateService')).toBe(0);
  });

  test('times out when the service never runs its desired count, without calling it a rollback', async () => {
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, { taskDefinition: 'web:2' });
    ecs.setDeployments(deployment({ id: 'ecs-svc/1', taskDefinition: td(2), runningCount: 1 }));
    const reporter = new RecordingReporter();
    const noDeployment = target({ deploymentIdsBefore: ['ecs-svc/1'] });
    delete noDeployment.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter }, noDeployment, options({ timeoutMs: 30_000, rollback: false }));

    expect(outcome.status).toBe('TIMED_OUT');
    expect(clock.elapsed).toBe(30_000);
    expect(outcome.message).toBe('deployment of web:2 did not finish within 30s');
    expect(reporter.text).not.toMatch(/roll/i);
  });

  test.each([
    { name: 'with the ids from before', before: ['ecs-svc/1'] },
    { name: 'without them', before: [] },
  ])('moto-like: the only deployment runs the old revision with every task: not steady; TIMED_OUT naming it ($name)', async ({ before }) => {
    // moto keeps the old deployment (id, task definition, rolloutState) and echoes `web:2` as the service's task definition.
    const clock = new FakeClock();
    const ecs = new FakeEcs(clock, { taskDefinition: 'web:2', events: [] });
    ecs.setDeployments(deployment({ id: 'ecs-svc/1', taskDefinition: td(1), runningCount: 2, rolloutState: 'IN_PROGRESS' }));
    const reporter = new RecordingReporter();
    const noDeployment = target({ deploymentIdsBefore: before });
    delete noDeployment.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter }, noDeployment, options({ timeoutMs: 30_000, rollback: false }));

    expect(outcome).toMatchObject({ status: 'TIMED_OUT', message: 'deployment of web:2 did not finish within 30s: service web runs web:1 instead' });
    expect(clock.elapsed).toBe(30_000);
    expect(reporter.text).toContain('No new deployment to follow: waiting until web runs web:2 in one deployment with all its tasks');
    expect(reporter.text).not.toContain('steady');
    expect(reporter.text).toContain('  PRIMARY ecs-svc/1 web:1: 2/2 running, 0 pending, 0 failed, IN_PROGRESS');
  });
});
