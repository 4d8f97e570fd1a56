import { clusterArn, shortName } from '../arns.js';
import { type Body, optionalStringList } from '../input.js';
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
