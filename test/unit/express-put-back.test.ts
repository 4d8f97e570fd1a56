// What on-failure rollback-all means for an Express service: going back on the revision it ran and the
// configuration the run found, and, for one this run created, nothing to go back on.
import { describe, expect, test } from 'vitest';
import type { EcsApi } from '../../src/aws/ecs.js';
import { newProgress, type DeliveryResult } from '../../src/deploy/result.js';
import { rollBackAll } from '../../src/fleet/rollback-all.js';
import type { ServiceRun } from '../../src/fleet/state.js';
import type { ExpressInputs } from '../../src/inputs/express.js';
import { express, putBackInputs } from '../../src/rollout/express.js';
import { RecordingReporter } from '../support/recording-reporter.js';

const RUN_INPUTS: ExpressInputs = {
  infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra',
  healthCheckPath: '/health',
  scalingTarget: { maxTaskCount: 8 },
  subnets: ['subnet-new'],
  securityGroups: [],
  serviceTags: [{ key: 'team', value: 'web' }],
  mutateTagsOnUpdate: true,
};

describe('putting an Express service back', () => {
  test('the configuration in force before the run, and its tags as they were when the run changed them', () => {
    const described = {
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web',
      tags: [{ key: 'team', value: 'old' }, { key: 'aws:cloudformation:stack-name', value: 'x' }],
      activeConfigurations: [
        {
          taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
          healthCheckPath: '/ping',
          scalingTarget: { minTaskCount: 1, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU' as const, autoScalingTargetValue: 60 },
          networkConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-a'] },
        },
      ],
    };

    expect(putBackInputs({ inputs: RUN_INPUTS, described })).toEqual({
      infrastructureRoleArn: '',
      healthCheckPath: '/ping',
      scalingTarget: { minTaskCount: 1, maxTaskCount: 4, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 },
      subnets: ['subnet-a'],
      securityGroups: ['sg-a'],
      serviceTags: [{ key: 'team', value: 'old' }],
      mutateTagsOnUpdate: true,
    });
    expect(putBackInputs({ inputs: { ...RUN_INPUTS, mutateTagsOnUpdate: false }, described })).toMatchObject({ serviceTags: [], mutateTagsOnUpdate: false });
  });

  test('rollback-all leaves an Express service this run created as it is: it ran no revision before', async () => {
    const reporter = new RecordingReporter();
    const progress = newProgress();
    progress.target = {
      cluster: 'default',
      service: 'web',
      region: 'us-east-1',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
      deploymentIdsBefore: [],
      previous: { taskDefinitionArn: '', desiredCount: 0 },
    };
    const result = { deploymentStatus: 'COMPLETED' } as DeliveryResult;
    const created = {
      prefix: 'default/web',
      inputs: { service: 'web' },
      reporter,
      progress,
      result,
      plan: { update: { kind: express } },
    } as unknown as ServiceRun;
    const failed = { prefix: 'default/api', progress: newProgress(), result: { deploymentStatus: 'FAILED' } } as unknown as ServiceRun;
    const applied: string[] = [];

    await rollBackAll(
      {
        ecs: {} as EcsApi,
        reporter,
        cancel: new AbortController().signal,
        clock: { now: () => 0, sleep: async () => undefined },
        apply: async (run) => {
          applied.push(run.prefix);
          throw new Error('nothing should be put back');
        },
      },
      [created, failed],
      failed,
    );

    expect(applied).toEqual([]);
    expect(created.result).toBe(result);
    expect(reporter.text).toContain('rollback-all: web was created by this run, so there is no revision to put it back on; it stays as it is.');
    expect(reporter.text).toContain('no service of this run is left on a new revision');
  });
});
