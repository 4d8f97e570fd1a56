// `rollback` of an Express service with nothing in flight: UpdateExpressGatewayService back to the earlier
// revision, which ECS deploys as a canary service deployment like any update; an UpdateService would leave the
// Express configuration naming the revision rolled back from.
import type { ECSExpressGatewayService } from '@aws-sdk/client-ecs';
import type { ExpressApi } from '../aws/express-api.js';
import { updateExpressService, type ExpressChangeDeps } from '../express/changes.js';
import type { OperateDeps } from './operate.js';
import { rolledBackTarget, type Redeploy } from './roll-back.js';

/** How long the update's own service deployment may take to show in DescribeExpressGatewayService. */
const FIND_DEPLOYMENT_MS = 60_000;

export const expressBack: Redeploy = {
  call: 'UpdateExpressGatewayService',
  start: async (deps, { inputs, service }, to) => {
    const apis = await deps.session.express?.();
    if (!apis) throw new Error('expressBack: the session has no Express calls');
    const changes: ExpressChangeDeps = { apis, ecs: deps.session.ecsAfterCancel, clock: deps.clock, reporter: deps.reporter, cancel: deps.cancel };
    const serviceArn = service.serviceArn ?? '';
    const before = (await apis.api.describe(serviceArn))?.currentDeployment;
    // Refusals come back from sendChange in ECS's words; a lost answer is read back, never sent twice.
    const applied = await updateExpressService(changes, { serviceArn, taskDefinitionArn: to }, before);
    const after = applied ?? (await newDeployment(deps, apis.api, serviceArn, before, inputs.pollIntervalMs));
    if (!after?.currentDeployment) throw new Error(`UpdateExpressGatewayService ${inputs.service} was answered, but no new service deployment showed within ${FIND_DEPLOYMENT_MS / 1000}s.`);
    return rolledBackTarget(inputs, deps.session.region, service, to, after.currentDeployment);
  },
};

/** The service once `currentDeployment` names another deployment than before the update: ECS may lag a while. */
async function newDeployment({ clock, cancel }: OperateDeps, api: ExpressApi, serviceArn: string, before: string | undefined, pollMs: number): Promise<ECSExpressGatewayService | undefined> {
  const until = clock.now() + FIND_DEPLOYMENT_MS;
  while (!cancel.aborted) {
    const described = await api.describe(serviceArn);
    if (described?.currentDeployment && described.currentDeployment !== before) return described;
    if (clock.now() >= until) return undefined;
    await clock.sleep(pollMs, cancel);
  }
  return undefined;
}
