import { clusterArn, shortName } from '../arns.js';
import { type Body, optionalString, optionalStringList, pageSize } from '../input.js';
import { nextToken, paginate } from '../pagination.js';
import { clusterToWire } from '../wire.js';
import type { OperationContext } from './context.js';

export function describeClusters(body: Body, { world }: OperationContext): Body {
  const references = optionalStringList(body, 'clusters') ?? ['default'];
  const clusters: Body[] = [];
  const failures: Body[] = [];
  for (const reference of references) {
    const cluster = world.clusters.get(shortName(reference));
    if (cluster) clusters.push(clusterToWire(cluster));
    else failures.push({ arn: clusterArn(world.account, shortName(reference)), reason: 'MISSING' });
  }
  return { clusters, failures };
}

export function listClusters(body: Body, { world }: OperationContext): Body {
  const page = paginate([...world.clusters.values()], pageSize(body, 100, 100), optionalString(body, 'nextToken'));
  return { clusterArns: page.items.map((cluster) => clusterArn(world.account, cluster.name)), ...nextToken(page.nextToken) };
}
