// `rollback` of a CodeDeploy service whose deployments have all ended: a new CodeDeploy deployment of the revision it
// ran before (GetDeployment's previousRevision, deployed as it was), or of task-definition-arn (with the AppSpec a
// deploy of it would get), followed to its end. A group that waits in Ready is continued: asking for the rollback was
// the go-ahead.
import { familyRevision } from '../aws/names.js';
import { systemClock } from '../clock.js';
import { PreflightError } from '../errors.js';
import type { WatchOutcome } from '../watch/contract.js';
import { appSpecContent, appSpecFor } from './appspec.js';
import { continueReady } from './continue-deployment.js';
import { createDeployment } from './create-deployment.js';
import { codeDeployTarget, end, type OperateEnd, type OperateRequest, type Operating } from './operating.js';
import { chooseAppSpec, DEFAULT_APPSPEC } from './plan.js';
import { previousRevision, type ChosenRevision } from './previous-revision.js';
import { watchCodeDeployment } from './watch.js';

export async function redeploy(request: OperateRequest, { apis, group, watch }: Operating): Promise<OperateEnd> {
  const { session, service, reporter, cancel } = request;
  const chosen = await chosenRevision(request, group);
  const to = familyRevision(chosen.taskDefinition);
  reporter.info(`Rolling back ${service.serviceName ?? '?'} to ${to}: ${chosen.why}; CreateDeployment in ${group.application}/${group.deploymentGroup}`);
  const deploymentId = await createDeployment(
    apis.afterCancel,
    { application: group.application, deploymentGroup: group.deploymentGroup, appSpec: chosen.appSpec, description: `ecs-deliver rollback to ${to}` },
    { reporter, clock: systemClock, cancel },
  );
  reporter.info(`CodeDeploy deployment ${deploymentId} started.`);
  const target = codeDeployTarget(request, group, deploymentId, chosen.taskDefinition, service.taskDefinition ?? '');
  const deps = { ...apis, ecs: session.ecs, clock: systemClock, reporter };
  let outcome: WatchOutcome = await watchCodeDeployment(deps, target, { ...watch, untilReady: true });
  if (outcome.status === 'PAUSED') {
    reporter.info(`The rollback deployment ${deploymentId} waits in Ready: continuing it, as the rollback asked for it.`);
    await continueReady(apis.afterCancel, deploymentId, { clock: systemClock, reporter, cancel });
    outcome = await watchCodeDeployment(deps, target, watch);
  }
  const rolledBack: WatchOutcome =
    outcome.status === 'COMPLETED' ? { ...outcome, status: 'ROLLED_BACK', rolledBackTo: to, message: `${service.serviceName ?? '?'} is back on ${to} (CodeDeploy deployment ${deploymentId})` } : outcome;
  return end(request, target, rolledBack);
}

/** task-definition-arn when given (it must exist and differ from what runs), else the previousRevision. */
async function chosenRevision({ session, inputs, service, reporter }: OperateRequest, group: Operating['group']): Promise<ChosenRevision> {
  const apis = await session.codeDeploy?.();
  if (!apis) throw new Error('redeploy: the session has no CodeDeploy clients');
  if (!inputs.taskDefinitionArn) return previousRevision(apis.api, group, service);
  const described = await session.ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
  const arn = described?.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new PreflightError(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
  if (arn === service.taskDefinition) throw new PreflightError(`nothing to go back to: ${service.serviceName ?? '?'} already runs ${familyRevision(arn)}, the task-definition-arn given.`);
  const source = await chooseAppSpec({ api: apis.api, reporter }, inputs.codeDeploy.appspec || DEFAULT_APPSPEC, service);
  return { appSpec: appSpecContent(appSpecFor(source, arn)), taskDefinition: arn, why: 'task-definition-arn names it' };
}
