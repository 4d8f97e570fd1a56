import { describe, expect, test } from 'vitest';
import { classifyError, describeError, isNotSupported } from '../../src/aws/errors.js';
import { consoleUrl, familyRevision, formatDuration, resourceName, sameTaskDefinition } from '../../src/aws/names.js';
import { nextPollInterval, sleepBeforeNextPoll } from '../../src/watch/pacing.js';

const sdkError = (name: string, status?: number, message = 'boom') =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('pacing', () => {
  test.each([
    { current: 2_000, throttled: true, next: 4_000 },
    { current: 4_000, throttled: true, next: 8_000 },
    { current: 8_000, throttled: true, next: 8_000 },
    { current: 8_000, throttled: false, next: 4_000 },
    { current: 4_000, throttled: false, next: 2_000 },
    { current: 2_000, throttled: false, next: 2_000 },
  ])('$current ms, throttled $throttled → $next ms', ({ current, throttled, next }) => {
    expect(nextPollInterval(current, 2_000, throttled)).toBe(next);
  });

  test.each([
    { now: 100, started: 0, interval: 2_000, deadline: 60_000, sleep: 1_900 },
    { now: 2_500, started: 0, interval: 2_000, deadline: 60_000, sleep: 0 },
    { now: 59_000, started: 59_000, interval: 2_000, deadline: 60_000, sleep: 1_000 },
  ])('sleep before next poll %#', ({ now, started, interval, deadline, sleep }) => {
    expect(sleepBeforeNextPoll(now, started, interval, deadline)).toBe(sleep);
  });
});

describe('errors', () => {
  test.each([
    [sdkError('ThrottlingException', 400), 'throttled'],
    [sdkError('TooManyRequestsException'), 'throttled'],
    [sdkError('Whatever', 429), 'throttled'],
    [sdkError('ServerException', 500), 'transient'],
    [sdkError('UnknownError', 502), 'transient'],
    [sdkError('TimeoutError'), 'transient'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }), 'transient'],
    [sdkError('AccessDeniedException', 400), 'fatal'],
    [sdkError('ServiceNotFoundException', 400), 'fatal'],
    [sdkError('ClusterNotFoundException', 400), 'fatal'],
    [new TypeError('x is undefined'), 'fatal'],
    ['a string', 'fatal'],
  ])('classifyError %#', (error, kind) => {
    expect(classifyError(error)).toBe(kind);
  });

  test.each([
    { error: sdkError('UnknownOperationException', 400), first: false, notSupported: true },
    { error: sdkError('InvalidParameterException', 400), first: false, notSupported: true },
    { error: sdkError('ServerException', 500), first: true, notSupported: true },
    { error: sdkError('InternalFailure', 500), first: true, notSupported: true },
    { error: sdkError('ServerException', 500), first: false, notSupported: false },
    { error: sdkError('ThrottlingException', 400), first: true, notSupported: false },
  ])('isNotSupported %#', ({ error, first, notSupported }) => {
    expect(isNotSupported(error, first)).toBe(notSupported);
  });

  test.each([
    [sdkError('ThrottlingException', 400, 'Rate exceeded'), 'ThrottlingException: Rate exceeded'],
    [sdkError('ServerException', 500, 'ServerException: oops'), 'ServerException: oops'],
    [new Error('plain'), 'plain'],
  ])('describeError %#', (error, text) => {
    expect(describeError(error)).toBe(text);
  });
});

describe('names', () => {
  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:5', 'web:5'],
    ['web:5', 'web:5'],
  ])('familyRevision(%s)', (input, name) => {
    expect(familyRevision(input)).toBe(name);
  });

  test.each([
    ['arn:aws:ecs:r:1:task-definition/web:5', 'web:5', true],
    ['arn:aws:ecs:r:1:task-definition/web:5', 'arn:aws:ecs:r:1:task-definition/web:50', false],
    [undefined, 'web:5', false],
  ])('sameTaskDefinition(%s, %s)', (a, b, same) => {
    expect(sameTaskDefinition(a, b)).toBe(same);
  });

  test.each([
    ['arn:aws:ecs:eu-west-1:1:cluster/prod', 'prod'],
    ['arn:aws:ecs:eu-west-1:1:service/prod/web', 'web'],
    ['web', 'web'],
  ])('resourceName(%s)', (input, name) => {
    expect(resourceName(input)).toBe(name);
  });

  test('consoleUrl uses names even when given ARNs', () => {
    expect(consoleUrl('us-east-2', 'arn:aws:ecs:us-east-2:1:cluster/prod', 'arn:aws:ecs:us-east-2:1:service/prod/web')).toBe(
      'https://us-east-2.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-2',
    );
  });

  test.each([
    [45_000, '45s'],
    [60_000, '1m'],
    [64_000, '1m 4s'],
    [30 * 60_000, '30m'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
  ])('formatDuration(%i)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
