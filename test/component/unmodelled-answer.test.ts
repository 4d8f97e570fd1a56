// Fields ECS answers that the bundled SDK cannot read are named, not lost in silence; the answer still parses.
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ecsApi } from '../../src/aws/ecs.js';
import { fromDescribed } from '../../src/aws/taskdef-convert.js';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';

let standin: EcsStandin;
beforeAll(async () => {
  standin = await startEcsStandin();
});
afterAll(async () => standin?.close());

function api() {
  return ecsApi(new ECSClient({ endpoint: standin.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
}

test('a field newer than the SDK is named, and the rest of the answer is read as usual', async () => {
  standin.seedTaskDefinition({
    family: 'future',
    futureTaskField: { mode: 'on' },
    containerDefinitions: [{ name: 'app', image: 'nginx:1', futureKnob: 3 }],
  } as never);
  const out = await api().describeTaskDefinition('future');
  expect(out.unmodelledFields).toEqual(expect.arrayContaining(['futureTaskField', 'containerDefinitions[0].futureKnob']));
  const described = fromDescribed(out);
  expect(described).toMatchObject({ family: 'future', revision: 1 });
  expect(described.document.taskDefinition.containerDefinitions?.[0]).toMatchObject({ name: 'app', image: 'nginx:1' });
  expect(described.unmodelledFields).toHaveLength(2);
});

test('an answer the SDK fully models names nothing', async () => {
  standin.seedTaskDefinition({ family: 'plain', containerDefinitions: [{ name: 'app', image: 'nginx:1' }] });
  const out = await api().describeTaskDefinition('plain');
  expect(out.unmodelledFields).toBeUndefined();
  expect(fromDescribed(out).unmodelledFields).toEqual([]);
});
