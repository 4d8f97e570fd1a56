import { describe, expect, test } from 'vitest';
import { renderTaskDefinition } from '../../src/deploy/render.js';
import { InputError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { checkRegisterRequestSize, registerRequestBytes, REGISTER_REQUEST_LIMIT_BYTES } from '../../src/taskdef/request-size.js';
import type { TaskDefinitionDocument } from '../../src/taskdef/types.js';

/** A one-container document whose request JSON is exactly `bytes` long. */
function ofSize(bytes: number, tags: TaskDefinitionDocument['tags'] = []): TaskDefinitionDocument {
  const doc = (value: string): TaskDefinitionDocument => ({
    taskDefinition: { family: 'web', containerDefinitions: [{ name: 'web', image: 'i', environment: [{ name: 'BIG', value }] }] },
    tags,
  });
  const overhead = registerRequestBytes(doc(''));
  return doc('x'.repeat(bytes - overhead));
}

describe('the 64 KiB limit of RegisterTaskDefinition', () => {
  test('counts the request JSON in UTF-8 bytes, tags included', () => {
    const doc: TaskDefinitionDocument = { taskDefinition: { family: 'wéb' }, tags: [{ key: 'k', value: 'v' }] };
    expect(registerRequestBytes(doc)).toBe(Buffer.byteLength('{"family":"wéb","tags":[{"key":"k","value":"v"}]}'));
  });

  test('exactly 64 KiB is accepted', () => {
    const doc = ofSize(REGISTER_REQUEST_LIMIT_BYTES);
    expect(registerRequestBytes(doc)).toBe(65536);
    expect(() => checkRegisterRequestSize(doc)).not.toThrow();
  });

  test('one byte more is refused, naming the size and the limit', () => {
    const doc = ofSize(REGISTER_REQUEST_LIMIT_BYTES + 1);
    expect(() => checkRegisterRequestSize(doc)).toThrow(InputError);
    expect(() => checkRegisterRequestSize(doc)).toThrow(
      /^task-definition: the rendered task definition is 65537 bytes as a RegisterTaskDefinition request, over ECS's limit of 65536 bytes \(64 KiB\)/,
    );
  });

  test('renderTaskDefinition refuses a definition that environment makes too large', () => {
    const inputs = parseInputs((name) => ({ family: 'web', image: 'nginx:1', environment: `BIG=${'y'.repeat(70_000)}` })[name] ?? '');
    expect(() => renderTaskDefinition(inputs, { source: 'inputs', label: 'inputs' }, 'nginx:1')).toThrow(/over ECS's limit of 65536 bytes/);
  });
});
