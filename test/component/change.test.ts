// The one way a change is sent (aws/change.ts), and the stops made through it (aws/stops.ts), on a fake clock.
import type { EcsApi } from '../../src/aws/ecs.js';
import { describe, expect, test } from 'vitest';
import {
  CANCEL_ANSWER_WAIT_MS,
  ChangeCancelledError,
  backoffMs,
  readBackPauseMs,
  sendChange,
  type Change,
  type ReadBack,
} from '../../src/aws/change.js';
import { withSettledStops } from '../../src/aws/stops.js';
import { DeployError } from '../../src/errors.js';
import { FakeClock, RecordingReporter } from './watch-fakes.js';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
const unavailable = () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailableException', $fault: 'server', $metadata: { httpStatusCode: 503 } });
const refused = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/** A change whose effect is one flag: `answers` decides each send, in order. */
function flagChange(answers: ((signal: AbortSignal) => Promise<string>)[], applied: { value: boolean }, resendIsSafe = false): Change<string> & { sends: number } {
  const change = {
    sends: 0,
    action: 'Flip web',
    send(signal: AbortSignal) {
      const answer = answers[change.sends] ?? (() => Promise.resolve('done'));
      change.sends += 1;
      return answer(signal);
    },
    readBack: (): Promise<ReadBack<string>> => Promise.resolve(applied.value ? { applied: true, value: 'seen' } : { applied: false }),
    resendIsSafe,
    whatToCheck: 'the flag',
  };
  return change;
}

describe('pauses', () => {
  test('read-backs come at 1, 2, 4, 8, 16 s and then every 16 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(readBackPauseMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 16_000]);
  });

  test('backoff is jittered between half and all of a step that doubles up to 20 s', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1_000);
    expect(backoffMs(3, () => 0.5)).toBe(3_000);
    expect(backoffMs(10, () => 1)).toBe(20_000);
  });
});

describe('sendChange', () => {
  test('a refusal is final: sent once, reported in AWS\'s words', async () => {
    const change = flagChange([() => Promise.reject(refused('ClientException', 'TaskDefinition is inactive'))], { value: false });
    const error = await sendChange(change, { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toBe('Flip web: ClientException: TaskDefinition is inactive');
    expect(change.sends).toBe(1);
  });

  test('three throttles in a row do not fail the change: sent again after jittered pauses', async () => {
    const change = flagChange([() => Promise.reject(throttled()), () => Promise.reject(throttled()), () => Promise.reject(throttled())], { value: false });
    const clock = new FakeClock();
    expect(await sendChange(change, { clock, random: () => 0 })).toBe('done');
    expect(change.sends).toBe(4);
    expect(clock.sleeps).toEqual([500, 1_000, 2_000]);
  });

  test('a 503 whose change was applied 20 s later is found by a read-back, not sent again', async () => {
    const applied = { value: false };
    const clock = new FakeClock();
    const change = flagChange(
      [
        () => {
          clock.at(20_000, () => (applied.value = true));
          return Promise.reject(unavailable());
        },
      ],
      applied,
    );
    expect(await sendChange(change, { clock })).toBe('seen');
    expect(change.sends).toBe(1);
    expect(clock.sleeps.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  test('a change a second send cannot double is read back once after a lost answer, then sent again at once', async () => {
    const change = flagChange([() => Promise.reject(reset())], { value: false }, true);
    const clock = new FakeClock();
    expect(await sendChange(change, { clock, random: () => 0 })).toBe('done');
    expect(change.sends).toBe(2);
    expect(clock.elapsed).toBeLessThan(5_000);
  });

  test('a cancel waits for the answer in flight at most the cancel wait, aborts the call, reads back once and says what it saw', async () => {
    const clock = new FakeClock();
    const cancel = new AbortController();
    let aborted = false;
    const applied = { value: true };
    const change = flagChange(
      [
        (signal) =>
          new Promise<string>(() => {
            signal.addEventListener('abort', () => (aborted = true));
            cancel.abort('SIGTERM');
          }),
      ],
      applied,
    );
    const error = await sendChange(change, { clock, cancel: cancel.signal, reporter: new RecordingReporter() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeCancelledError);
    expect((error as ChangeCancelledError<string>).settled).toEqual({ state: 'applied', value: 'seen' });
    expect(aborted).toBe(true);
    expect(clock.sleeps[0]).toBe(CANCEL_ANSWER_WAIT_MS);
  });

  test('a cancel whose read-back shows nothing, while the request may still land, is unsettled and names what to check', async () => {
    const clock = new FakeClock();
    const cancel = new AbortController();
    const change = flagChange([() => new Promise<string>(() => cancel.abort('SIGTERM'))], { value: false });
    const error = (await sendChange(change, { clock, cancel: cancel.signal }).catch((e: unknown) => e)) as ChangeCancelledError;
    expect(error.settled).toEqual({ state: 'unsettled' });
    expect(error.message).toBe('cancelled during Flip web, which may still be applied: check the flag');
  });
});

describe('stops through the discipline (D4)', () => {
  const arn = 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc';

  function ecsWith(stop: (call: number) => Promise<unknown>, status: () => string): EcsApi {
    let calls = 0;
    return {
      stopServiceDeployment: () => stop(++calls),
      describeServiceDeployments: () => Promise.resolve({ serviceDeployments: [{ serviceDeploymentArn: arn, status: status() }], $metadata: {} }),
    } as unknown as EcsApi;
  }

  test('a 503 on StopServiceDeployment is sent again: the rollback starts', async () => {
    let state = 'IN_PROGRESS';
    const ecs = ecsWith(async (call) => {
      if (call === 1) throw unavailable();
      state = 'ROLLBACK_REQUESTED';
      return { serviceDeploymentArn: arn };
    }, () => state);
    const stops = withSettledStops(ecs, ecs, { clock: new FakeClock() });
    await expect(stops.stopServiceDeployment(arn, 'ROLLBACK')).resolves.toMatchObject({ serviceDeploymentArn: arn });
    expect(state).toBe('ROLLBACK_REQUESTED');
  });

  test('a reset after ECS acted is read back: the rollback is not reported failed', async () => {
    let state = 'IN_PROGRESS';
    const ecs = ecsWith(async () => {
      state = 'ROLLBACK_REQUESTED';
      throw reset();
    }, () => state);
    const stops = withSettledStops(ecs, ecs, { clock: new FakeClock() });
    await expect(stops.stopServiceDeployment(arn, 'ROLLBACK')).resolves.toMatchObject({ serviceDeploymentArn: arn });
  });

  test('a refusal ECS gives is the one failure reported', async () => {
    const ecs = ecsWith(() => Promise.reject(refused('InvalidParameterException', 'The deployment is not in a state that can be stopped.')), () => 'SUCCESSFUL');
    const stops = withSettledStops(ecs, ecs, { clock: new FakeClock() });
    await expect(stops.stopServiceDeployment(arn, 'ROLLBACK')).rejects.toThrow(
      'StopServiceDeployment arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc: InvalidParameterException: The deployment is not in a state that can be stopped.',
    );
  });
});
