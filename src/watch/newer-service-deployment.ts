// A rolling service deployment ECS stopped may have been stopped by a newer update. DescribeServices may still name
// the stopped one as the service's current service deployment for a while; ListServiceDeployments tells sooner.
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { describeError } from '../aws/errors.js';
import type { WatchContext } from './context.js';

/**
 * The service deployment created after `ours` on the same service, when ListServiceDeployments lists one. A failed
 * read says none, with a warning: the stop is then judged on what DescribeServices said.
 */
export async function newerServiceDeployment(ctx: WatchContext, ours: ServiceDeployment, since: number): Promise<string | undefined> {
  const { ecs, target, reporter } = ctx;
  const createdAt = ours.createdAt?.getTime() ?? since;
  try {
    const answer = await ecs.listServiceDeployments({
      cluster: target.cluster,
      service: target.service,
      createdAt: { after: new Date(createdAt) },
    });
    const newer = (answer.serviceDeployments ?? [])
      .filter(
        (listed) =>
          listed.serviceDeploymentArn !== undefined &&
          listed.serviceDeploymentArn !== ours.serviceDeploymentArn &&
          listed.serviceDeploymentArn !== target.serviceDeploymentArnBefore &&
          (listed.createdAt?.getTime() ?? Number.POSITIVE_INFINITY) >= createdAt,
      )
      .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
    return newer?.serviceDeploymentArn;
  } catch (error) {
    reporter.warn(`ListServiceDeployments (looking for the update that stopped this run's deployment): ${describeError(error).split('\n')[0] ?? ''}`);
    return undefined;
  }
}
