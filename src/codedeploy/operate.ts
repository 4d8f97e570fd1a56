// continue and rollback for a service CodeDeploy deploys, one call each for the verbs. continue: ContinueDeployment
// (READY_WAIT) of the deployment that waits in Ready, followed to its end like a deploy. rollback: a deployment in
// flight is stopped with CodeDeploy's rollback; once they all ended, a new deployment of the revision before
// (GetDeployment's previousRevision) or of task-definition-arn. Loaded only for a CODE_DEPLOY service.
import { familyRevision } from '../aws/names.js';
import { systemClock } from '../clock.js';
import { PreflightError } from '../errors.js';
import { continueReady, findReady } from './continue-deployment.js';
import { deploymentsInFlight } from './in-flight.js';
import { codeDeployTarget, end, operating, type OperateEnd, type OperateRequest } from './operating.js';
import { readRevision } from './previous-revision.js';
import { redeploy } from './redeploy.js';
import { stopWithRollback } from './stop-deployment.js';
import { watchCodeDeployment } from './watch.js';

/** `continue`: the deployment that waits in Ready (the given codedeploy-deployment-id, or the one found) goes on. */
export async function continueCodeDeployService(request: OperateRequest, givenDeploymentId: string): Promise<OperateEnd> {
  const { session, service, reporter, cancel } = request;
  const { apis, group, watch } = await operating(request);
  const ready = await findReady(apis.api, group, givenDeploymentId);
  const deploymentId = ready.deploymentId ?? givenDeploymentId;
  const revision = ready.revision ? await readRevision(apis.api, group.application, ready.revision) : undefined;
  const target = codeDeployTarget(request, group, deploymentId, revision?.taskDefinition ?? '', service.taskDefinition ?? '');
  reporter.info(`Continuing CodeDeploy deployment ${deploymentId} of ${familyRevision(target.taskDefinitionArn)}, which waits in Ready: ContinueDeployment (READY_WAIT)`);
  await continueReady(apis.afterCancel, deploymentId, { clock: systemClock, reporter, cancel });
  const outcome = await watchCodeDeployment({ ...apis, ecs: session.ecs, clock: systemClock, reporter }, target, watch);
  return end(request, target, outcome);
}

/** `rollback`: a deployment in flight is stopped with CodeDeploy's rollback; else the earlier revision is deployed. */
export async function rollBackCodeDeployService(request: OperateRequest): Promise<OperateEnd> {
  const { inputs, service, reporter } = request;
  const operate = await operating(request);
  const { apis, group, watch } = operate;
  const [flying] = await deploymentsInFlight(apis.api, group);
  if (!flying) return redeploy(request, operate);
  const deploymentId = flying.deploymentId ?? '';
  if (inputs.taskDefinitionArn) {
    throw new PreflightError(
      `task-definition-arn: CodeDeploy deployment ${deploymentId} of ${service.serviceName ?? '?'} is ${flying.status ?? '?'}, and CodeDeploy runs one deployment of a group at a time; leave task-definition-arn out to stop it with CodeDeploy's rollback, or run rollback once it ended.`,
    );
  }
  const revision = flying.revision ? await readRevision(apis.api, group.application, flying.revision) : undefined;
  const target = codeDeployTarget(request, group, deploymentId, revision?.taskDefinition ?? '', service.taskDefinition ?? '');
  reporter.info(
    `Rolling back ${target.service} to ${familyRevision(target.previousTaskDefinitionArn)}, the revision it ran before CodeDeploy deployment ${deploymentId} (${flying.status ?? '?'}) began: StopDeployment with rollback`,
  );
  const outcome = await stopWithRollback({ api: apis.api, clock: systemClock, reporter }, target, watch);
  return end(request, { ...target, taskDefinitionArn: target.previousTaskDefinitionArn }, outcome);
}

