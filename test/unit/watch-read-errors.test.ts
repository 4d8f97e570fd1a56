import { describe, expect, test } from 'vitest';
import { ServiceGoneError } from '../../src/watch/observe.js';
import { describeReadError, readErrorKind } from '../../src/watch/read-errors.js';

/** An error as the SDK's deserializer leaves it: the HTTP response hidden in `$response`. */
function withResponse<T extends Error>(error: T, fields: object = {}): T {
  Object.defineProperty(error, '$response', { value: { statusCode: 200 }, enumerable: false });
  return Object.assign(error, { $metadata: { httpStatusCode: 200 } }, fields);
}

const hint = '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';

describe('read errors while watching', () => {
  test.each([
    { name: 'an answer cut short', error: withResponse(new SyntaxError(`Unexpected end of JSON input${hint}`)), kind: 'transient' },
    { name: 'an HTML page instead of JSON', error: withResponse(new SyntaxError(`Unexpected token '<'${hint}`)), kind: 'transient' },
    { name: 'an answer of the wrong shape', error: withResponse(new TypeError(`Cannot read properties of null${hint}`)), kind: 'transient' },
    { name: 'a SyntaxError of our own (no answer attached)', error: new SyntaxError('bad'), kind: 'fatal' },
    {
      name: 'a modelled service error that carries the answer',
      error: withResponse(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }), { $fault: 'client', $metadata: { httpStatusCode: 400 } }),
      kind: 'fatal',
    },
    { name: 'the endpoint gone', error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), kind: 'transient' },
    { name: 'the service gone', error: new ServiceGoneError('service web is INACTIVE'), kind: 'fatal' },
  ])('$name: $kind', ({ error, kind }) => {
    expect(readErrorKind(error)).toBe(kind);
  });

  test('an unreadable answer is described in one line, without the SDK hint', () => {
    const error = withResponse(new SyntaxError(`Unexpected end of JSON input${hint}`));
    expect(readErrorKind(error)).toBe('transient');
    expect(describeReadError(error)).toBe('AWS sent an answer that could not be read: SyntaxError: Unexpected end of JSON input');
  });

  test('a gone service is described by its own message', () => {
    expect(describeReadError(new ServiceGoneError('service web not found in cluster prod (MISSING)'))).toBe(
      'service web not found in cluster prod (MISSING)',
    );
  });
});
