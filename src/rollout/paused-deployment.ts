// The service deployment that waits for someone at a PAUSE hook, as the kinds ECS deploys find it for `continue`:
// by itself from the service, or checked against the service-deployment-arn and hook-id a deploy with wait-until
// paused gave; and the one in flight, for `rollback`.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { familyRevision } from '../aws/names.js';
import { PreflightError } from '../errors.js';
import type { PausedAt } from '../watch/contract.js';
import type { GivenPause } from './operate.js';

const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'] as const;
/** What a rollback can still stop: a deployment already rolling back or stopping is left to end. */
const STOPPABLE = ['PENDING', 'IN_PROGRESS'] as const;

export interface PausedDeployment extends PausedAt {
  serviceDeploymentArn: string;
  deployment: ServiceDeployment;
}

/** The lifecycle stages where the service's deployments wait at a PAUSE hook. */
export function pauseStages(service: Service): string[] {
  return (service.deploymentConfiguration?.lifecycleHooks ?? []).filter((hook) => hook.targetType === 'PAUSE').flatMap((hook) => hook.lifecycleStages ?? []);
}

/** The paused deployment; a PreflightError saying what happens instead when nothing of the service is paused. */
export async function findPaused(ecs: EcsApi, service: Service, given: GivenPause): Promise<PausedDeployment> {
  const name = service.serviceName ?? '?';
  const deployments = given.serviceDeploymentArn ? await givenDeployment(ecs, service, given.serviceDeploymentArn) : await inFlight(ecs, service);
  const paused = deployments.flatMap((deployment) =>
    deployment.status === 'IN_PROGRESS'
      ? (deployment.lifecycleHookDetails ?? []).filter((hook) => hook.status === 'AWAITING_ACTION').map((hook) => ({ deployment, hook }))
      : [],
  );
  const chosen = given.hookId ? paused.find(({ hook }) => hook.hookId === given.hookId) : paused[0];
  if (chosen) {
    const { deployment, hook } = chosen;
    return {
      serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
      hookId: hook.hookId ?? '',
      stage: deployment.lifecycleStage ?? '?',
      ...(hook.expiresAt ? { expiresAt: hook.expiresAt.toISOString() } : {}),
      deployment,
    };
  }
  if (given.hookId) {
    const waiting = paused.map(({ hook }) => hook.hookId).join(', ');
    throw new PreflightError(
      `hook-id: "${given.hookId}" is not a PAUSE hook of service ${name} that awaits action${waiting ? `; ${waiting} does` : ''}; give the hook-id of this service's paused deployment, or leave it unset to continue the one that waits.`,
    );
  }
  throw new PreflightError(`nothing of service ${name} is paused: ${whatHappens(service, deployments)}; continue only lets a deployment that waits at a PAUSE hook go on.`);
}

async function givenDeployment(ecs: EcsApi, service: Service, arn: string): Promise<ServiceDeployment[]> {
  const described = await ecs.describeServiceDeployments([arn]);
  const deployment = described.serviceDeployments?.[0];
  if (!deployment) throw new PreflightError(`service-deployment-arn: "${arn}" was not found; check it, or leave it unset to continue the deployment of service ${service.serviceName ?? '?'} that waits.`);
  if (deployment.serviceArn !== undefined && service.serviceArn !== undefined && deployment.serviceArn !== service.serviceArn) {
    throw new PreflightError(`service-deployment-arn: "${arn}" is a deployment of ${deployment.serviceArn}, not of service ${service.serviceName ?? '?'}; give a deployment of this service.`);
  }
  return [deployment];
}

/** The service deployment a rollback stops; undefined when none is in flight or the endpoint lists none. */
export async function stoppableDeployment(ecs: EcsApi, service: Service): Promise<ServiceDeployment | undefined> {
  const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...STOPPABLE] }).catch(() => undefined);
  const arns = (listed?.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
  if (arns.length === 0) return undefined;
  return (await ecs.describeServiceDeployments(arns)).serviceDeployments?.[0];
}

async function inFlight(ecs: EcsApi, service: Service): Promise<ServiceDeployment[]> {
  const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...IN_FLIGHT] });
  const arns = (listed.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
  if (arns.length === 0) return [];
  return (await ecs.describeServiceDeployments(arns)).serviceDeployments ?? [];
}

function whatHappens(service: Service, deployments: readonly ServiceDeployment[]): string {
  const [first] = deployments;
  if (!first) return `no deployment is in flight, it runs ${familyRevision(service.taskDefinition ?? '?')}`;
  const stage = first.lifecycleStage ? ` at ${first.lifecycleStage}` : '';
  return `service deployment ${first.serviceDeploymentArn ?? '?'} is ${first.status ?? '?'}${stage}`;
}
