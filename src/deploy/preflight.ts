// Read-only checks that must pass before anything changes anywhere.
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import { fromDescribed, type DescribedRevision } from '../aws/taskdef-convert.js';
import { PreflightError } from '../errors.js';
import type { RolloutKind } from '../rollout/kind.js';
import { codeDeploy } from '../rollout/codedeploy.js';
import { kindFor, ROLLOUT_KINDS } from '../rollout/kinds.js';
import { express, missingExpressService } from '../rollout/express.js';
import { errorName } from '../aws/errors.js';
import { readFailure } from '../aws/read-failure.js';

export interface ServiceChecks {
  /** force-new-deployment was set: ECS can force a new deployment only of a service it deploys itself. */
  forceNewDeployment?: boolean;
  /** express-infrastructure-role-arn was given: a service that does not exist is created as an Express service. */
  createExpress?: boolean;
  /** wait-until paused: the service's deployments must be able to pause. */
  waitUntilPaused?: boolean;
}

export async function preflightService(
  ecs: EcsApi,
  cluster: string,
  serviceName: string,
  region: string,
  checks: ServiceChecks = {},
): Promise<{ service: Service; kind: RolloutKind }> {
  const clusterFound = await readOnly(`DescribeClusters ${cluster}`, cluster, region, () => ecs.describeCluster(cluster));
  if (!clusterFound || clusterFound.status === 'INACTIVE') {
    throw new PreflightError(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
  }
  const answer = await readOnly(`DescribeServices ${serviceName}`, cluster, region, () =>
    ecs.describeServices(cluster, [serviceName]),
  );
  const service = answer.services?.[0];
  const gone = !service || (service.status === 'INACTIVE' && checks.createExpress);
  if (gone && checks.createExpress) return checkedForce({ service: missingExpressService(serviceName), kind: express }, serviceName, checks);
  if (!service) {
    const reason = answer.failures?.[0]?.reason ?? 'MISSING';
    throw new PreflightError(
      `service: "${serviceName}" was not found in cluster ${cluster} (${reason}); check the service name, or create the service first (an Express service: set express-infrastructure-role-arn to create it).`,
    );
  }
  if (service.status !== 'ACTIVE') {
    throw new PreflightError(`service: "${serviceName}" is ${service.status ?? 'not active'}; only an ACTIVE service can be deployed to.`);
  }
  const controller = service.deploymentController?.type ?? 'ECS';
  if (controller === 'EXTERNAL') {
    throw new PreflightError(
      `service: "${serviceName}" uses the EXTERNAL deployment controller, whose task sets only your own tooling creates; ecs-deliver deploys services with the ECS or CODE_DEPLOY controller. Register only (leave service unset) and create the task set with your tooling (aws ecs create-task-set).`,
    );
  }
  const kind = kindFor(service);
  if (!kind) throw new PreflightError(unknownKind(serviceName, controller, service.deploymentConfiguration?.strategy));
  return checkedForce({ service, kind }, serviceName, checks);
}

/** force-new-deployment is refused for a kind ECS cannot force a deployment of. */
function checkedForce(read: { service: Service; kind: RolloutKind }, serviceName: string, checks: ServiceChecks): { service: Service; kind: RolloutKind } {
  const { kind } = read;
  if (!kind.forcesNewDeployment && checks.forceNewDeployment && kind.name === 'Express') {
    throw new PreflightError(
      `force-new-deployment: service "${serviceName}" is an Express service, whose update has no such setting; remove force-new-deployment (a changed image or configuration starts a deployment; deploy by digest with pin-digest to roll out new content under the same tag).`,
    );
  }
  if (!kind.forcesNewDeployment && checks.forceNewDeployment) {
    throw new PreflightError(
      `force-new-deployment: service "${serviceName}" is deployed by CodeDeploy, and ECS cannot force a new deployment of it; remove force-new-deployment (every run creates a CodeDeploy deployment).`,
    );
  }
  // Whether a CodeDeploy deployment waits is its deployment group's setting, checked when the group is read (codedeploy/plan.ts).
  if (checks.waitUntilPaused && kind !== codeDeploy && (kind.pausesAt?.(read.service) ?? []).length === 0) {
    throw new PreflightError(
      `wait-until: paused, but the deployments of service "${serviceName}" (${kind.name}) never pause: it has no PAUSE lifecycle hook; add one to its deployment configuration, or set wait-until to completed.`,
    );
  }
  return read;
}

/** A service no rollout kind takes: watched and undone the wrong way if it were deployed, so refused. */
function unknownKind(serviceName: string, controller: string, strategy: string | undefined): string {
  if (controller !== 'ECS') {
    return `service: "${serviceName}" uses the ${controller} deployment controller, which ecs-deliver does not know; register only (leave service unset).`;
  }
  const known = ROLLOUT_KINDS.map((kind) => kind.name).join('; ');
  return (
    `service: "${serviceName}" uses the ${strategy ?? '?'} deployment strategy, which ecs-deliver cannot watch or roll back (it deploys: ${known}); ` +
    `switch the service to a strategy it knows (aws ecs update-service --deployment-configuration strategy=ROLLING), or register only (leave service unset).`
  );
}

/** The revision a family, `family:revision` or ARN names; undefined when ECS has none. */
export async function findTaskDefinition(ecs: EcsApi, taskDefinition: string): Promise<DescribedRevision | undefined> {
  try {
    return fromDescribed(await ecs.describeTaskDefinition(taskDefinition));
  } catch (error) {
    if (errorName(error) === 'ClientException' || errorName(error) === 'InvalidParameterException') return undefined;
    throw readFailure(`DescribeTaskDefinition ${taskDefinition}`, error);
  }
}

async function readOnly<T>(action: string, cluster: string, region: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (errorName(error) === 'ClusterNotFoundException') {
      throw new PreflightError(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
    }
    throw readFailure(action, error);
  }
}

