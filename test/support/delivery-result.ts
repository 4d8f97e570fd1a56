// The result of a run of one service as the unit tests of outputs and summaries start from: prod/web in eu-west-1,
// example/web:2 registered as web:2 and deployed, COMPLETED in 6.1 s.
import type { DeliveryResult } from '../../src/deploy/result.js';

/** That result with `fields` over it. */
export function deliveryResult(fields: Partial<DeliveryResult> = {}): DeliveryResult {
  return {
    dryRun: false,
    region: 'eu-west-1',
    cluster: 'prod',
    service: 'web',
    image: 'example/web:2',
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:2',
    revision: 2,
    registered: true,
    deploymentStatus: 'COMPLETED',
    diff: [],
    startedAt: 0,
    finishedAt: 6_100,
    deregistered: [],
    ...fields,
  };
}
