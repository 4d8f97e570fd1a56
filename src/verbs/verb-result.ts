// The result of a verb that followed a deployment (`continue`, `rollback`), in the shape a deploy's result has: the
// same outputs, summary and dotenv report.
import type { EcsApi } from '../aws/ecs.js';
import { consoleUrl, familyRevision } from '../aws/names.js';
import { systemClock } from '../clock.js';
import type { DeliveryResult } from '../deploy/result.js';
import type { Operated } from '../rollout/operate.js';

export async function resultOf(ecs: EcsApi, { target, outcome, codeDeployDeploymentId }: Operated, startedAt: number): Promise<DeliveryResult> {
  const described = await ecs.describeTaskDefinition(target.taskDefinitionArn).catch(() => undefined);
  const taskDefinition = described?.taskDefinition;
  return {
    dryRun: false,
    region: target.region,
    cluster: target.cluster,
    service: target.service,
    image: taskDefinition?.containerDefinitions?.[0]?.image ?? '',
    taskDefinitionArn: target.taskDefinitionArn,
    revision: taskDefinition?.revision ?? Number(familyRevision(target.taskDefinitionArn).split(':')[1] ?? 0),
    registered: false,
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    ...(codeDeployDeploymentId ? { codeDeployDeploymentId } : {}),
    serviceDeploymentArn: outcome.serviceDeploymentArn ?? target.serviceDeploymentArn ?? '',
    ...(outcome.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
    ...(outcome.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
    ...(outcome.paused ? { paused: outcome.paused } : {}),
    deploymentStatus: outcome.status,
    statusMessage: outcome.message,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
    consoleUrl: consoleUrl(target.region, target.cluster, target.service),
    diff: [],
    startedAt,
    finishedAt: systemClock.now(),
    deregistered: [],
  };
}
