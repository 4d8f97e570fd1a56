// The Express Mode changes, each sent through aws/change.ts as every change is: a refusal is final and said in
// AWS's words, a throttled request is sent again after a pause, and a lost answer is settled by what ECS shows. No
// Express call carries an idempotency token: a create is read back by name, an update by the service deployment
// it started, and neither is sent again while a late apply is still possible. Tags are set, not added: sending
// them again cannot double anything.
import type {
  CreateExpressGatewayServiceCommandInput,
  ECSExpressGatewayService,
  UpdateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { sendChange, type ChangeOptions } from '../aws/change.js';
import type { EcsApi } from '../aws/ecs.js';
import type { ExpressApis } from '../aws/express-api.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import type { Tag } from '../taskdef/types.js';
import { isExpressService } from './requests.js';

export interface ExpressChangeDeps {
  apis: ExpressApis;
  /** ECS reads for the read-backs, on calls the run's cancel does not abort. */
  ecs: Pick<EcsApi, 'describeServices' | 'describeServiceDeployments'>;
  clock: Pick<Clock, 'now' | 'sleep'>;
  reporter: Pick<Reporter, 'info' | 'warn'>;
  cancel: AbortSignal;
  /** How long a cancel waits for the answer in flight (longer with rollback-on-cancel). */
  cancelWaitMs?: number;
}

function changeOptions(deps: ExpressChangeDeps): ChangeOptions {
  return { clock: deps.clock, reporter: deps.reporter, cancel: deps.cancel, ...(deps.cancelWaitMs !== undefined ? { cancelWaitMs: deps.cancelWaitMs } : {}) };
}

/**
 * CreateExpressGatewayService. Its answer's service, or, after a lost answer, the service found by name: the
 * create went through when an Express service of that name is active in the cluster.
 */
export function createExpressService(deps: ExpressChangeDeps, request: CreateExpressGatewayServiceCommandInput): Promise<ECSExpressGatewayService | undefined> {
  const name = request.serviceName ?? '';
  const cluster = request.cluster ?? 'default';
  return sendChange(
    {
      action: `CreateExpressGatewayService ${name}`,
      send: (signal) => deps.apis.api.create(request, signal),
      async readBack() {
        const found = await expressServiceByName(deps.ecs, deps.apis.afterCancel, cluster, name);
        if (!found) return { applied: false, seen: `no Express service ${name} in ${cluster}` };
        deps.reporter.info(`Read the service back by name: the create went through, ${name} exists.`);
        return { applied: true, value: found };
      },
      resendIsSafe: false,
      whatToCheck: `whether the Express service ${name} exists (aws ecs describe-services --cluster ${cluster} --services ${name})`,
    },
    changeOptions(deps),
  );
}

/**
 * UpdateExpressGatewayService. Undefined when it was answered: the answer names no deployment, which its caller
 * then looks for. After a lost answer: the service once it shows the deployment the update started (another than
 * `deploymentBefore`, of the requested revision).
 */
export function updateExpressService(
  deps: ExpressChangeDeps,
  request: UpdateExpressGatewayServiceCommandInput,
  deploymentBefore: string | undefined,
): Promise<ECSExpressGatewayService | undefined> {
  const serviceArn = request.serviceArn ?? '';
  const revision = request.taskDefinitionArn ?? '';
  return sendChange<ECSExpressGatewayService | undefined>(
    {
      action: `UpdateExpressGatewayService ${serviceName(serviceArn)}`,
      async send(signal) {
        await deps.apis.api.update(request, signal);
        return undefined;
      },
      async readBack() {
        const described = await deps.apis.afterCancel.describe(serviceArn);
        const current = described?.currentDeployment;
        if (!described || !current || current === deploymentBefore) return { applied: false, seen: `the service deployment is still ${current ?? 'none'}` };
        if (!(await runsRevision(deps.ecs, described, current, revision))) return { applied: false, seen: `${current} does not deploy ${familyRevision(revision)}` };
        deps.reporter.info(`The update went through: service deployment ${current} of ${familyRevision(revision)} started.`);
        return { applied: true, value: described };
      },
      // The same update sent twice may start a second deployment: it is sent again only once it can no longer land late.
      resendIsSafe: false,
      whatToCheck: `the service deployments of ${serviceName(serviceArn)} (aws ecs describe-express-gateway-service --service-arn ${serviceArn}) for one of ${familyRevision(revision)}`,
    },
    changeOptions(deps),
  );
}

/** mutate-tags-on-update: TagResource for the tags new or changed, then UntagResource for the keys no longer wanted. */
export async function setServiceTags(deps: ExpressChangeDeps, serviceArn: string, tag: readonly Tag[], untagKeys: readonly string[]): Promise<void> {
  const tagsNow = async () => new Map(((await deps.apis.afterCancel.describe(serviceArn))?.tags ?? []).map((item) => [item.key, item.value ?? '']));
  const whatToCheck = `the tags of ${serviceName(serviceArn)} (aws ecs list-tags-for-resource --resource-arn ${serviceArn})`;
  if (tag.length > 0) {
    await sendChange(
      {
        action: `TagResource ${serviceName(serviceArn)}`,
        send: (signal) => deps.apis.api.tag(serviceArn, tag, signal),
        async readBack() {
          const now = await tagsNow();
          return tag.every((item) => now.get(item.key) === item.value) ? { applied: true, value: undefined } : { applied: false };
        },
        resendIsSafe: true,
        whatToCheck,
      },
      changeOptions(deps),
    );
  }
  if (untagKeys.length > 0) {
    await sendChange(
      {
        action: `UntagResource ${serviceName(serviceArn)}`,
        send: (signal) => deps.apis.api.untag(serviceArn, untagKeys, signal),
        async readBack() {
          const now = await tagsNow();
          return untagKeys.every((key) => !now.has(key)) ? { applied: true, value: undefined } : { applied: false };
        },
        resendIsSafe: true,
        whatToCheck,
      },
      changeOptions(deps),
    );
  }
}

/** The active Express service of that name in the cluster, read through DescribeServices; undefined when there is none. */
export async function expressServiceByName(
  ecs: Pick<EcsApi, 'describeServices'>,
  api: Pick<ExpressApis['api'], 'describe'>,
  cluster: string,
  name: string,
): Promise<ECSExpressGatewayService | undefined> {
  const answer = await ecs.describeServices(cluster, [name]);
  const service = answer.services?.find((item) => item.status === 'ACTIVE' && isExpressService(item));
  return service?.serviceArn ? api.describe(service.serviceArn) : undefined;
}

/** Whether the service deployment deploys the revision: its target service revision's configuration runs it. */
export async function runsRevision(
  ecs: Pick<EcsApi, 'describeServiceDeployments'>,
  described: ECSExpressGatewayService,
  deploymentArn: string,
  taskDefinitionArn: string,
): Promise<boolean> {
  const answer = await ecs.describeServiceDeployments([deploymentArn]);
  const revisionArn = answer.serviceDeployments?.[0]?.targetServiceRevision?.arn;
  const configuration = described.activeConfigurations?.find((item) => item.serviceRevisionArn === revisionArn);
  return configuration !== undefined && sameRevision(configuration.taskDefinitionArn, taskDefinitionArn);
}

/** The service's name, the last part of its ARN. */
function serviceName(serviceArn: string): string {
  return serviceArn.slice(serviceArn.lastIndexOf('/') + 1);
}
