// The outputs come from the schema once: each output it lists has one rule, for one service and for many.
import { describe, expect, test } from 'vitest';
import { OUTPUT_RULES, manyOutputs, outputsOf } from '../../src/deploy/outputs.js';
import type { DeliveryResult } from '../../src/deploy/result.js';
import { deliveryResult } from '../support/delivery-result.js';
import { OUTPUTS } from '../../src/inputs/schema.js';

const result = (fields: Partial<DeliveryResult>): DeliveryResult => deliveryResult({ finishedAt: 1, ...fields });

describe('outputs', () => {
  test('every output of the schema has one rule, and every rule an output of the schema', () => {
    expect(Object.keys(OUTPUT_RULES).sort()).toEqual(OUTPUTS.map((output) => output.name).sort());
  });

  test('a run of one service sets every output but results and status, in the order of the schema', () => {
    const names = Object.keys(outputsOf(result({ deregistered: ['web:1'] })));
    expect(names).toEqual(OUTPUTS.map((output) => output.name).filter((name) => name !== 'results' && name !== 'status'));
    expect(outputsOf(result({ deregistered: ['web:1', 'web:0'] }))['deregistered']).toBe('web:1,web:0');
  });

  test('a services-file run sets every output; a family tidied for several services lists each revision once', () => {
    const outputs = manyOutputs([result({ deregistered: ['shared:1'] }), result({ service: 'api', deregistered: ['shared:1'] }), result({ service: 'worker' })]);
    expect(Object.keys(outputs)).toEqual(OUTPUTS.map((output) => output.name));
    expect(outputs['deregistered']).toBe('shared:1');
    expect(outputs['image']).toBe('example/web:2');
    expect(outputs['task-definition-revision']).toBe('2,2,2');
  });
});
