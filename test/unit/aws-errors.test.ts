import { describe, expect, test } from 'vitest';
import { changeOutcome, classifyError, describeError, isGarbledAnswer, isNotSupported } from '../../src/aws/errors.js';

const sdkError = (name: string, status?: number, message = 'boom') =>
  Object.assign(new Error(message), {
    name,
    ...(status ? { $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } } : {}),
  });

/** What the SDK's reader throws for a truncated answer: a SyntaxError carrying the raw response, no fault fields. */
function truncatedAnswer(): Error {
  const error = new SyntaxError('Unexpected end of JSON input\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.');
  Object.defineProperty(error, '$response', { value: { statusCode: 200 }, enumerable: false });
  return Object.assign(error, { $metadata: { httpStatusCode: 200 } });
}

const network = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('classifyError and changeOutcome', () => {
  test.each([
    ['ThrottlingException', sdkError('ThrottlingException', 400, 'Rate exceeded'), 'throttled', 'not-applied'],
    ['TooManyRequestsException', sdkError('TooManyRequestsException', 429), 'throttled', 'not-applied'],
    ['any 429', sdkError('Whatever', 429), 'throttled', 'not-applied'],
    ['500 ServerException', sdkError('ServerException', 500), 'transient', 'doubtful'],
    ['502', sdkError('UnknownError', 502), 'transient', 'doubtful'],
    ['503', sdkError('ServiceUnavailable', 503), 'transient', 'doubtful'],
    ['507, outside the SDK list of transient statuses', sdkError('UnknownError', 507), 'transient', 'doubtful'],
    ['a truncated answer', truncatedAnswer(), 'transient', 'doubtful'],
    ['a reset socket', network('ECONNRESET', 'socket hang up'), 'transient', 'doubtful'],
    ['a reset socket, as the SDK renames it', Object.assign(network('ECONNRESET', 'socket hang up'), { name: 'TimeoutError' }), 'transient', 'doubtful'],
    ['a response timeout', Object.assign(new Error('a request has exceeded the configured 10000 ms requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' }), 'transient', 'doubtful'],
    ['a connection refused', network('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566'), 'transient', 'not-applied'],
    ['an unknown host', network('ENOTFOUND', 'getaddrinfo ENOTFOUND ecs.example'), 'transient', 'not-applied'],
    ['ClientException', sdkError('ClientException', 400), 'fatal', 'not-applied'],
    ['InvalidParameterException', sdkError('InvalidParameterException', 400), 'fatal', 'not-applied'],
    ['AccessDeniedException', sdkError('AccessDeniedException', 400), 'fatal', 'not-applied'],
    ['AccessDeniedException without its fault fields', sdkError('AccessDeniedException'), 'fatal', 'not-applied'],
    ['ServiceNotFoundException', sdkError('ServiceNotFoundException', 400), 'fatal', 'not-applied'],
    ['ClusterNotFoundException', sdkError('ClusterNotFoundException', 400), 'fatal', 'not-applied'],
    ['missing credentials', sdkError('CredentialsProviderError'), 'fatal', 'not-applied'],
    ['the run cancelled', sdkError('AbortError'), 'fatal', 'doubtful'],
    ['a bug of our own', new TypeError('x is undefined'), 'fatal', 'doubtful'],
    ['a string', 'a string', 'fatal', 'doubtful'],
  ])('%s: %s, a change %s', (_name, error, kind, outcome) => {
    expect(classifyError(error)).toBe(kind);
    expect(changeOutcome(error)).toBe(outcome);
  });

  test('a service error keeps its raw answer too, but is not a garbled one', () => {
    const refused = sdkError('ClientException', 400);
    Object.defineProperty(refused, '$response', { value: { statusCode: 400 } });
    expect(isGarbledAnswer(refused)).toBe(false);
    expect(isGarbledAnswer(truncatedAnswer())).toBe(true);
  });
});

describe('isNotSupported', () => {
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
});

describe('describeError', () => {
  test.each([
    [sdkError('ThrottlingException', 400, 'Rate exceeded'), 'ThrottlingException: Rate exceeded'],
    [sdkError('ServerException', 500, 'ServerException: oops'), 'ServerException: oops'],
    [new Error('plain'), 'plain'],
    [truncatedAnswer(), 'AWS sent an answer that could not be read: SyntaxError: Unexpected end of JSON input'],
  ])('describeError %#', (error, text) => {
    expect(describeError(error)).toBe(text);
  });
});
