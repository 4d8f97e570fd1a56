import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import { CANCEL_ANSWER_CAP_MS } from '../../src/watch/settle.js';
import { FakeClock, RecordingReporter, awsError, options, rollbackCompletesAfter, rollingUpdate, target, td } from './watch-fakes.js';

function inProgress(clock: FakeClock) {
  return rollingUpdate(clock).at(3_000, (e) => e.patchDeployment('ecs-svc/2', { runningCount: 1, pendingCount: 1 }));
}

describe('cancel (SIGINT / SIGTERM)', () => {
  test('stops at once, prints where the deployments stood, and leaves the service alone', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    const cancel = new AbortController();
    clock.at(5_000, () => cancel.abort());
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ cancel: cancel.signal }));

    expect(outcome).toEqual({ status: 'CANCELLED', message: 'cancelled while deployment ecs-svc/2 (web:2) was in progress' });
    expect(clock.elapsed).toBe(5_000);
    expect(ecs.count('updateService')).toBe(0);
    expect(reporter.text).toContain('Deployments when cancelled:\n  PRIMARY ecs-svc/2 web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS');
  });

  test('with rollback-on-cancel, starts the rollback, returns as soon as ECS answers it, and does not wait for the rollback', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    ecs.onUpdateService = rollbackCompletesAfter(60_000);
    const cancel = new AbortController();
    clock.at(5_000, () => cancel.abort());
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ cancel: cancel.signal, rollbackOnCancel: true }));

    expect(outcome).toEqual({
      status: 'CANCELLED',
      message: 'cancelled while deployment ecs-svc/2 (web:2) was in progress; the rollback to web:1 started (ECS answered the UpdateService)',
    });
    expect(ecs.calls.filter((call) => call.op === 'updateService')).toEqual([
      { op: 'updateService', at: 5_000, input: { cluster: 'prod', service: 'web', taskDefinition: td(1), desiredCount: 2 } },
    ]);
    expect(ecs.calls.at(-1)?.op).toBe('updateService');
    expect(clock.elapsed).toBe(5_000);
  });

  test('an UpdateService that answers after 4 s is waited for, and no longer', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    ecs.onUpdateService = rollbackCompletesAfter(60_000);
    ecs.answerAfter = (op) => (op === 'updateService' ? 4_000 : 0);
    const cancel = new AbortController();
    clock.at(5_000, () => cancel.abort());

    const outcome = await watchRolling(
      { ecs, clock, reporter: new RecordingReporter() },
      target(),
      options({ cancel: cancel.signal, rollbackOnCancel: true }),
    );

    expect(outcome.message).toBe(
      'cancelled while deployment ecs-svc/2 (web:2) was in progress; the rollback to web:1 started (ECS answered the UpdateService)',
    );
    expect(clock.elapsed).toBe(9_000);
    expect(ecs.count('updateService')).toBe(1);
  });

  test('a call that never answers does not hold a cancelled job; a rollback request that never answers holds it 10 s', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    const cancel = new AbortController();
    ecs.hangOn = (op, n) => {
      if (op === 'describeServices' && n === 3) queueMicrotask(() => cancel.abort());
      return n >= 3;
    };
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ cancel: cancel.signal, rollbackOnCancel: true }));

    expect(outcome.status).toBe('CANCELLED');
    expect(outcome.message).toBe(
      'cancelled while deployment ecs-svc/2 (web:2) was in progress; the rollback to web:1 was requested, ' +
        'but ECS did not answer the UpdateService within 10s: it may not have started',
    );
    expect(ecs.count('updateService')).toBe(1);
    // Cancelled during the poll of 4 s; the rollback's UpdateService gets its 10 s, then the job ends.
    expect(clock.elapsed).toBe(4_000 + CANCEL_ANSWER_CAP_MS);
  });

  test('a rollback that ECS refuses on cancel: says so', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    ecs.failWhen = (op) => (op === 'updateService' ? awsError('ServiceNotActiveException', 400, 'Service was not ACTIVE.') : undefined);
    const cancel = new AbortController();
    clock.at(5_000, () => cancel.abort());

    const outcome = await watchRolling(
      { ecs, clock, reporter: new RecordingReporter() },
      target(),
      options({ cancel: cancel.signal, rollbackOnCancel: true }),
    );

    expect(outcome.message).toBe(
      'cancelled while deployment ecs-svc/2 (web:2) was in progress; the rollback to web:1 failed: ' +
        'UpdateService web: ServiceNotActiveException: Service was not ACTIVE.',
    );
    expect(clock.elapsed).toBe(5_000);
  });

  test('cancelled during our rollback: CANCELLED, and no second rollback', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock).at(7_000, (e) =>
      e.patchDeployment('ecs-svc/2', { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
    );
    ecs.onUpdateService = rollbackCompletesAfter(60_000);
    const cancel = new AbortController();
    clock.at(20_000, () => cancel.abort());

    const outcome = await watchRolling(
      { ecs, clock, reporter: new RecordingReporter() },
      target(),
      options({ cancel: cancel.signal, rollbackOnCancel: true }),
    );

    expect(outcome.status).toBe('CANCELLED');
    expect(outcome.message).toBe(
      'deployment ecs-svc/2 (web:2) failed: ECS deployment circuit breaker: tasks failed to start; cancelled while rolling back to web:1',
    );
    expect(ecs.count('updateService')).toBe(1);
    expect(clock.elapsed).toBe(20_000);
  });

  test('already cancelled before the first poll: no call at all', async () => {
    const clock = new FakeClock();
    const ecs = inProgress(clock);
    const cancel = new AbortController();
    cancel.abort();

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ cancel: cancel.signal }));

    expect(outcome.status).toBe('CANCELLED');
    expect(ecs.calls).toEqual([]);
  });
});
