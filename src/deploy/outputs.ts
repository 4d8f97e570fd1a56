// The run's outputs, one rule per output the schema lists: how it is read from one service's result, and how a
// services-file run sums its services up. A test checks that the rules and the schema name the same outputs.
import { OUTPUTS } from '../inputs/schema.js';
import type { DeploymentStatus } from '../watch/contract.js';
import type { DeliveryResult } from './result.js';

/**
 * Outcomes from best to worst; a services-file run's deployment-status is the worst of its services'.
 * NOT_STARTED ranks low: in a run that got past its preflight it only marks a service held back after another one
 * failed.
 */
export const OUTCOME_ORDER: readonly DeploymentStatus[] = [
  'COMPLETED',
  'SKIPPED',
  'PAUSED',
  'NOT_STARTED',
  'SUPERSEDED',
  'ROLLED_BACK',
  'TIMED_OUT',
  'FAILED',
  'UNKNOWN',
  'CANCELLED',
];

/** The worst of the statuses; NOT_STARTED for none (a run refused before it read its entries). */
export function worstStatus(statuses: readonly DeploymentStatus[]): DeploymentStatus {
  if (statuses.length === 0) return 'NOT_STARTED';
  let worst: DeploymentStatus = 'COMPLETED';
  for (const status of statuses) if (OUTCOME_ORDER.indexOf(status) > OUTCOME_ORDER.indexOf(worst)) worst = status;
  return worst;
}

/** As a run of that one service would have ended with exit 0. */
export function endedWell(result: DeliveryResult): boolean {
  return result.deploymentStatus === 'COMPLETED' || result.deploymentStatus === 'SKIPPED' || result.deploymentStatus === 'PAUSED';
}

interface OutputRule {
  /** The value for one service; unset for an output only a services-file run has. */
  of?(result: DeliveryResult): string;
  /**
   * A services-file run's value: `each`, one position per entry in the file's order, empty where that service has
   * no value (so the third value is the third entry's), and empty when no service has one; `distinct`, the
   * different values once each, for outputs that are lists of their own or the same for many services.
   */
  many: 'each' | 'distinct' | ((results: readonly DeliveryResult[]) => string);
}

const each = (of: (result: DeliveryResult) => string): OutputRule => ({ of, many: 'each' });

export const OUTPUT_RULES: Readonly<Record<string, OutputRule>> = {
  'task-definition-arn': each((result) => result.taskDefinitionArn),
  'task-definition-revision': each((result) => (result.revision ? String(result.revision) : '')),
  registered: { of: (result) => String(result.registered), many: (results) => String(results.some((result) => result.registered)) },
  image: { of: (result) => result.image, many: 'distinct' },
  'image-digest': { of: (result) => result.imageDigest ?? '', many: 'distinct' },
  'deployment-id': each((result) => result.deploymentId ?? ''),
  'codedeploy-deployment-id': each((result) => result.codeDeployDeploymentId ?? ''),
  'deployment-status': { of: (result) => result.deploymentStatus, many: (results) => worstStatus(results.map((result) => result.deploymentStatus)) },
  deregistered: { of: (result) => result.deregistered.join(','), many: (results) => [...new Set(results.flatMap((result) => result.deregistered))].join(',') },
  'run-task-arn': each((result) => result.runTask?.taskArn ?? ''),
  'run-task-exit-code': each((result) => (result.runTask?.exitCode === undefined ? '' : String(result.runTask.exitCode))),
  'service-deployment-arn': each((result) => result.serviceDeploymentArn ?? ''),
  endpoint: each((result) => result.endpoint ?? ''),
  'service-arn': each((result) => result.serviceArn ?? ''),
  results: { many: (results) => JSON.stringify(results.map(resultOutput)) },
  'hook-id': each((result) => result.paused?.hookId ?? ''),
  'paused-at': each((result) => result.paused?.stage ?? ''),
  'expires-at': each((result) => result.paused?.expiresAt ?? ''),
  // Set by the status operation only, never by a deploy.
  status: { many: () => '' },
};

function ruleOf(name: string): OutputRule {
  const rule = OUTPUT_RULES[name];
  if (!rule) throw new Error(`output ${name} is in the schema but has no rule in outputs.ts`);
  return rule;
}

/** A run of one service's outputs, keyed as in action.yml. */
export function outputsOf(result: DeliveryResult): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const { name } of OUTPUTS) {
    const rule = ruleOf(name);
    if (rule.of) outputs[name] = rule.of(result);
  }
  return outputs;
}

/** A services-file run's outputs: each single-service output summing up the run, and `results`. */
export function manyOutputs(results: readonly DeliveryResult[]): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const { name } of OUTPUTS) {
    const { of, many } = ruleOf(name);
    const values = of ? results.map(of) : [];
    if (typeof many === 'function') outputs[name] = many(results);
    else if (many === 'each') outputs[name] = values.some((value) => value !== '') ? values.join(',') : '';
    else outputs[name] = [...new Set(values.filter((value) => value !== ''))].join(',');
  }
  return outputs;
}

/** One object of the `results` output. */
export interface ServiceResultOutput {
  service: string;
  cluster: string;
  'task-definition-arn': string;
  registered: boolean;
  image: string;
  'deployment-id': string;
  'codedeploy-deployment-id': string;
  'service-deployment-arn': string;
  /** An Express service's URL; '' for any other service. */
  endpoint: string;
  'deployment-status': DeploymentStatus;
  reason: string;
}

export function resultOutput(result: DeliveryResult): ServiceResultOutput {
  return {
    service: result.service ?? '',
    cluster: result.cluster,
    'task-definition-arn': result.taskDefinitionArn,
    registered: result.registered,
    image: result.image,
    'deployment-id': result.deploymentId ?? '',
    'codedeploy-deployment-id': result.codeDeployDeploymentId ?? '',
    'service-deployment-arn': result.serviceDeploymentArn ?? '',
    endpoint: result.endpoint ?? '',
    'deployment-status': result.deploymentStatus,
    reason: endedWell(result) ? '' : (result.statusMessage ?? ''),
  };
}
