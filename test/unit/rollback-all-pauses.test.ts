// on-failure rollback-all is the go-ahead for its own put-back: the put-back's service deployment is continued at
// each PAUSE hook, and the put-back is waited for until it completed, also when the run was asked to end PAUSED.
import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import type { EcsApi } from '../../src/aws/ecs.js';
import type { DeployPlan } from '../../src/deploy/plan.js';
import { newProgress, type DeliveryResult } from '../../src/deploy/result.js';
import { rollBackAll } from '../../src/fleet/rollback-all.js';
import type { ServiceRun } from '../../src/fleet/state.js';
import { staged } from '../../src/rollout/staged.js';
import { RecordingReporter } from '../support/recording-reporter.js';

const WEB_1 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const WEB_2 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
const SERVICE: Service = {
  serviceName: 'web',
  status: 'ACTIVE',
  taskDefinition: WEB_2,
  desiredCount: 2,
  deploymentController: { type: 'ECS' },
  deploymentConfiguration: { strategy: 'BLUE_GREEN' },
};

function movedRun(reporter: RecordingReporter): ServiceRun {
  const progress = newProgress();
  progress.target = {
    cluster: 'default',
    service: 'web',
    region: 'us-east-1',
    taskDefinitionArn: WEB_2,
    deploymentIdsBefore: [],
    previous: { taskDefinitionArn: WEB_1, desiredCount: 2 },
  };
  const plan = {
    region: 'us-east-1',
    cluster: 'default',
    taskDefinition: { kind: 'existing', arn: WEB_2, revision: 2, family: 'web' },
    update: { cluster: 'default', service: 'web', before: SERVICE, kind: staged, forceNewDeployment: false, watch: { timeoutMs: 60_000, pollIntervalMs: 10 } },
  } as unknown as DeployPlan;
  return {
    prefix: 'default/web',
    inputs: { service: 'web', waitTimeoutMs: 60_000, pollIntervalMs: 10, waitUntil: 'paused' },
    reporter,
    progress,
    result: { deploymentStatus: 'COMPLETED' } as DeliveryResult,
    plan,
  } as unknown as ServiceRun;
}

describe('rollback-all and PAUSE hooks', () => {
  test("the put-back's own deployment is continued at a PAUSE hook and waited for to its end", async () => {
    const reporter = new RecordingReporter();
    const continued: string[][] = [];
    const ecs = {
      describeCluster: async () => ({ clusterName: 'default', status: 'ACTIVE' }),
      describeServices: async () => ({ services: [SERVICE] }),
      continueServiceDeployment: async (arn: string, hookId: string, action: string) => {
        continued.push([arn, hookId, action]);
        return {};
      },
      describeServiceDeployments: async () => ({ serviceDeployments: [{ lifecycleHookDetails: [{ hookId: 'hook-1', status: 'SUCCEEDED' }] }] }),
    } as unknown as EcsApi;
    const web = movedRun(reporter);
    const failed = { prefix: 'default/api', progress: newProgress(), result: { deploymentStatus: 'FAILED' } } as unknown as ServiceRun;
    const plans: DeployPlan[] = [];

    await rollBackAll(
      {
        ecs,
        reporter,
        cancel: new AbortController().signal,
        clock: { now: () => 0, sleep: async () => undefined },
        apply: async (_run, plan) => {
          plans.push(plan);
          await plan.update?.watch?.continuePause?.({ serviceDeploymentArn: 'arn:sd/back', hookId: 'hook-1', stage: 'POST_TEST_TRAFFIC_SHIFT' });
          return { result: { deploymentStatus: 'COMPLETED', finishedAt: 1 } as DeliveryResult };
        },
      },
      [web, failed],
      failed,
    );

    expect(plans).toHaveLength(1);
    expect(plans[0]?.update?.watch?.waitUntil).toBe('completed');
    expect(continued).toEqual([['arn:sd/back', 'hook-1', 'CONTINUE']]);
    expect(reporter.text).toContain("rollback-all: the put-back's service deployment waits at PAUSE hook hook-1 (POST_TEST_TRAFFIC_SHIFT): ContinueServiceDeployment, action CONTINUE");
    expect(web.result?.deploymentStatus).toBe('ROLLED_BACK');
  });
});
