// The inputs only an Express Mode service takes: what CreateExpressGatewayService and UpdateExpressGatewayService
// carry beyond the task definition (infrastructure role, health check path, network, scaling target, service tags).
import { InputError } from '../errors.js';
import type { Tag } from '../taskdef/types.js';
import { checkTags } from './ecs-limits.js';
import { parseTagInput } from './migrated-forms.js';

export type AutoScalingMetric = 'AVERAGE_CPU' | 'AVERAGE_MEMORY' | 'REQUEST_COUNT_PER_TARGET';

export interface ExpressScalingTarget {
  minTaskCount?: number;
  maxTaskCount?: number;
  autoScalingMetric?: AutoScalingMetric;
  autoScalingTargetValue?: number;
}

export interface ExpressInputs {
  /** '' when not given: a missing service is then not created. */
  infrastructureRoleArn: string;
  /** '' when not given: unchanged. */
  healthCheckPath: string;
  /** Undefined when no scaling input is given: unchanged. */
  scalingTarget: ExpressScalingTarget | undefined;
  /** Empty when not given: unchanged. */
  subnets: string[];
  securityGroups: string[];
  serviceTags: Tag[];
  mutateTagsOnUpdate: boolean;
}

/** What parseInputs reads the Express inputs with. */
export interface ExpressInputReader {
  value(name: string): string;
  text(name: string): string;
  lines(name: string): string[];
  int(name: string): number | undefined;
  bool(name: string): boolean;
  choice<T extends string>(name: string): T;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SUBNET = /^subnet-[0-9a-z]{1,64}$/;
const SECURITY_GROUP = /^sg-[0-9a-z]{1,64}$/;
const TARGET_VALUE = /^\d+(\.\d+)?$/;

export function expressInputs(read: ExpressInputReader): ExpressInputs {
  const infrastructureRoleArn = read.value('express-infrastructure-role-arn');
  if (infrastructureRoleArn !== '' && !ROLE_ARN.test(infrastructureRoleArn)) {
    throw new InputError(
      `express-infrastructure-role-arn: "${infrastructureRoleArn}" is not an IAM role ARN; write it like arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices.`,
    );
  }
  const healthCheckPath = read.value('health-check-path');
  if (healthCheckPath !== '' && (!healthCheckPath.startsWith('/') || /\s/.test(healthCheckPath))) {
    throw new InputError(`health-check-path: "${healthCheckPath}" must start with / and hold no spaces, such as /health.`);
  }
  const serviceTags = parseTagInput(read.text('service-tags'), 'service-tags');
  checkTags('service-tags', serviceTags);
  const mutateTagsOnUpdate = read.bool('mutate-tags-on-update');
  if (mutateTagsOnUpdate && serviceTags.length === 0) {
    throw new InputError(
      "mutate-tags-on-update: true without service-tags would remove every tag of the service; set service-tags to the tags it should have, or leave mutate-tags-on-update out.",
    );
  }
  return {
    infrastructureRoleArn,
    healthCheckPath,
    scalingTarget: scalingTargetOf(read),
    subnets: idList(read, 'subnets', SUBNET, 'subnet-0123456789abcdef0'),
    securityGroups: idList(read, 'security-groups', SECURITY_GROUP, 'sg-0123456789abcdef0'),
    serviceTags,
    mutateTagsOnUpdate,
  };
}

function scalingTargetOf(read: ExpressInputReader): ExpressScalingTarget | undefined {
  const minTaskCount = read.int('min-task-count');
  const maxTaskCount = read.int('max-task-count');
  const metric = read.choice<'' | AutoScalingMetric>('auto-scaling-metric');
  const targetText = read.value('auto-scaling-target-value');
  if (targetText !== '' && (!TARGET_VALUE.test(targetText) || Number(targetText) <= 0)) {
    throw new InputError(`auto-scaling-target-value: "${targetText}" is not a number above zero; write it like 70 or 12.5.`);
  }
  if (minTaskCount !== undefined && maxTaskCount !== undefined && minTaskCount > maxTaskCount) {
    throw new InputError(`min-task-count: ${minTaskCount} is more than max-task-count (${maxTaskCount}); make it at most ${maxTaskCount}.`);
  }
  const target: ExpressScalingTarget = {
    ...(minTaskCount === undefined ? {} : { minTaskCount }),
    ...(maxTaskCount === undefined ? {} : { maxTaskCount }),
    ...(metric === '' ? {} : { autoScalingMetric: metric }),
    ...(targetText === '' ? {} : { autoScalingTargetValue: Number(targetText) }),
  };
  return Object.keys(target).length === 0 ? undefined : target;
}

function idList(read: ExpressInputReader, name: string, pattern: RegExp, example: string): string[] {
  const ids = read.lines(name);
  const wrong = ids.find((id) => !pattern.test(id));
  if (wrong !== undefined) throw new InputError(`${name}: "${wrong}" is not an ID such as ${example}; write IDs one a line or comma-separated.`);
  return [...new Set(ids)];
}
