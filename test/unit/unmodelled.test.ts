import { describe, expect, test } from 'vitest';
import { unmodelledFields } from '../../src/aws/unmodelled.js';

describe('unmodelledFields', () => {
  test.each([
    [{ family: 'web', containerDefinitions: [{ name: 'web', image: 'x' }] }, []],
    [{ family: 'web', futureTaskField: 1 }, ['futureTaskField']],
    [{ family: 'web', containerDefinitions: [{ name: 'a' }, { name: 'b', futureKnob: true }] }, ['containerDefinitions[1].futureKnob']],
    [{ family: 'web', containerDefinitions: [{ name: 'a', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '' }, newThing: 'x' } }] }, ['containerDefinitions[0].logConfiguration.newThing']],
    [{ family: 'web', containerDefinitions: [{ name: 'a', environment: [{ name: 'A', value: '', extra: 1 }] }] }, ['containerDefinitions[0].environment[0].extra']],
    [{ family: 'web', runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' }, tags: [{ key: 'a', value: 'b' }] }, []],
  ])('%j → %j', (input, expected) => {
    expect(unmodelledFields(input)).toEqual(expected);
  });
});
