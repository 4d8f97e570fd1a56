// Plan and apply with the real ECS module over a mocked SDK client, and plain fakes for the image work, the
// watch and keep-revisions: what the deploy flow asks of AWS, in which order, and what it never asks.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  UpdateServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsSession } from '../../src/aws/clients.js';
import { ecsApi } from '../../src/aws/ecs.js';
import { expressApisOn } from '../../src/aws/express-api.js';
import { unmodelledFields } from '../../src/aws/unmodelled.js';
import { applyPlan, type Applied, type ApplyDeps } from '../../src/deploy/apply.js';
import type { KeepRevisionsRequest } from '../../src/deploy/keep-revisions.js';
import { planDeploy, type PlanDeps } from '../../src/deploy/plan.js';
import { newProgress, type Progress } from '../../src/deploy/result.js';
import { parseInputs, type Inputs } from '../../src/inputs/parse.js';
import { ecsTaskApi } from '../../src/runtask/ecs-task-api.js';
import type { LogsApi } from '../../src/runtask/logs.js';
import { runTaskStep } from '../../src/runtask/step.js';
import type { RolloutTarget } from '../../src/watch/contract.js';
import { FakeClock, RecordingReporter } from './watch-fakes.js';

export const ecsMock = mockClient(ECSClient);
export const REGION = 'us-east-1';
export const arn = (revision: number, family = 'web'): string => `arn:aws:ecs:${REGION}:123456789012:task-definition/${family}:${revision}`;

export const runningDefinition: TaskDefinition = {
  taskDefinitionArn: arn(1),
  family: 'web',
  revision: 1,
  status: 'ACTIVE',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256, cpu: 0, essential: true, environment: [{ name: 'KEEP', value: 'yes' }] }],
  requiresAttributes: [],
  compatibilities: ['EC2'],
};

export function inputs(values: Record<string, string>): Inputs {
  return parseInputs((name) => values[name] ?? '');
}

export function session(): AwsSession {
  const client = new ECSClient({ region: REGION, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const ecs = ecsApi(client);
  const express = expressApisOn(client, client, undefined);
  return { region: REGION, ecs, ecsAfterCancel: ecs, resolveCredentials: async () => ({}), options: { region: REGION }, express: async () => express };
}

export interface Harness {
  session: AwsSession;
  reporter: RecordingReporter;
  clock: FakeClock;
  cancel: AbortController;
  watched: RolloutTarget[];
  kept: KeepRevisionsRequest[];
  planDeps: PlanDeps;
  applyDeps: ApplyDeps;
}

export function harness(overrides: { plan?: Partial<PlanDeps>; apply?: Partial<ApplyDeps>; logs?: LogsApi } = {}): Harness {
  const reporter = new RecordingReporter();
  const clock = new FakeClock();
  const cancel = new AbortController();
  const watched: RolloutTarget[] = [];
  const kept: KeepRevisionsRequest[] = [];
  const real = session();
  const planDeps: PlanDeps = {
    reporter,
    env: {},
    readTextFile: () => {
      throw Object.assign(new Error('no file'), { code: 'ENOENT' });
    },
    unmodelledFields,
    ...overrides.plan,
  };
  const applyDeps: ApplyDeps = {
    session: real,
    reporter,
    clock,
    cancel: cancel.signal,
    publishImage: async () => ({ image: '', pushed: false, pushedNewDigest: false }),
    watch: async (target) => {
      watched.push(target);
      return { status: 'COMPLETED', message: 'completed' };
    },
    keepRevisions: async (request) => {
      kept.push(request);
      return [];
    },
    runTask: (plan, taskDefinitionArn, untouched) =>
      runTaskStep(plan, taskDefinitionArn, untouched, {
        api: ecsTaskApi(real),
        openLogs: async () => {
          if (!overrides.logs) throw new Error('no CloudWatch Logs in this test');
          return overrides.logs;
        },
        region: REGION,
        clock,
        reporter,
        signal: cancel.signal,
      }),
    ...overrides.apply,
  };
  return { session: real, reporter, clock, cancel, watched, kept, planDeps, applyDeps };
}

/** Plans with the session's reads, then applies: what main does outside a dry run. */
export async function deliver(h: Harness, given: Inputs, progress: Progress = newProgress()): Promise<Applied> {
  const plan = await planDeploy(h.planDeps, given, { ecs: h.session.ecs, region: h.session.region, ...(h.session.express ? { express: h.session.express } : {}) });
  return applyPlan(h.applyDeps, plan, h.clock.now(), progress);
}

export function serviceExists(fields: Record<string, unknown> = {}): void {
  ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [
      {
        serviceName: 'web',
        status: 'ACTIVE',
        taskDefinition: arn(1),
        desiredCount: 2,
        runningCount: 2,
        deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: arn(1) }],
        ...fields,
      },
    ],
    failures: [],
  });
}

export function familyHas(definition: TaskDefinition): void {
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: definition, tags: [] });
}

export function updateCreatesDeployment(taskDefinition: string): void {
  ecsMock.on(UpdateServiceCommand).resolves({
    service: {
      serviceName: 'web',
      deployments: [
        { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition },
        { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: arn(1) },
      ],
    },
  });
}

export const called = (command: Parameters<typeof ecsMock.commandCalls>[0]): number => ecsMock.commandCalls(command).length;
