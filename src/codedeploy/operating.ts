// What continue and rollback of a CodeDeploy service share: the deployment group read and checked as a deploy's plan
// does it, the watch a deploy would make, and the result the verb reports.
import type { Service } from '@aws-sdk/client-ecs';
import type { AwsSession } from '../aws/clients.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import type { RolloutTarget, WatchOutcome } from '../watch/contract.js';
import type { CodeDeployApis } from '../aws/codedeploy-api.js';
import { planDeploymentGroup, type CodeDeployPlan } from './plan.js';
import type { CodeDeployTarget, CodeDeployWatchOptions } from './watch.js';

export interface OperateRequest {
  session: AwsSession;
  inputs: Inputs;
  service: Service;
  reporter: Reporter;
  cancel: AbortSignal;
}

/** What the verb reports: the deployment followed, its outcome, and the target its result is made from. */
export interface OperateEnd {
  codeDeployDeploymentId: string;
  outcome: WatchOutcome;
  target: RolloutTarget;
}

export interface Operating {
  apis: CodeDeployApis;
  group: Omit<CodeDeployPlan, 'appSpec'>;
  watch: CodeDeployWatchOptions;
}

/** The group read and checked as a deploy's plan does it, and the watch a deploy would make. */
export async function operating(request: OperateRequest): Promise<Operating> {
  const { session, inputs, service, reporter, cancel } = request;
  if (!session.codeDeploy) throw new Error('operating: the session has no CodeDeploy clients');
  const apis = await session.codeDeploy();
  const group = await planDeploymentGroup({ api: apis.api, reporter }, inputs.codeDeploy, {
    cluster: inputs.cluster,
    service,
    region: session.region,
    waitTimeoutMs: inputs.waitTimeoutMs,
    waitTimeoutSet: inputs.waitTimeoutSet,
  });
  const watch = {
    timeoutMs: group.waitTimeoutMs ?? inputs.waitTimeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    rollback: inputs.rollback,
    cancel,
    untilTrafficShifted: inputs.waitUntil === 'traffic-shifted',
  };
  return { apis, group, watch };
}

export function codeDeployTarget(
  { inputs, session, service }: OperateRequest,
  group: Operating['group'],
  deploymentId: string,
  taskDefinitionArn: string,
  previousTaskDefinitionArn: string,
): CodeDeployTarget {
  return {
    deploymentId,
    application: group.application,
    deploymentGroup: group.deploymentGroup,
    cluster: inputs.cluster,
    service: service.serviceName ?? inputs.service,
    region: session.region,
    taskDefinitionArn,
    previousTaskDefinitionArn,
    ...(group.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: group.terminationWaitMinutes } : {}),
    ...(group.readyWaitMinutes !== undefined ? { readyWaitMinutes: group.readyWaitMinutes } : {}),
  };
}

/** The verb's result is made as a deploy's: from the task definition the service runs (or ran to) at the end. */
export function end({ inputs, service }: OperateRequest, target: CodeDeployTarget, outcome: WatchOutcome): OperateEnd {
  return {
    codeDeployDeploymentId: target.deploymentId,
    outcome,
    target: {
      cluster: inputs.cluster,
      service: target.service,
      region: target.region,
      taskDefinitionArn: target.taskDefinitionArn,
      deploymentIdsBefore: [],
      previous: { taskDefinitionArn: target.previousTaskDefinitionArn, desiredCount: service.desiredCount ?? 0 },
    },
  };
}
