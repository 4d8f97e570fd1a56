// Combinations of inputs that cannot make a deploy, found before anything is read from AWS.
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';

const RENDERING_INPUTS: readonly [keyof Inputs, string][] = [
  ['taskDefinitionFile', 'task-definition'],
  ['family', 'family'],
  ['image', 'image'],
  ['containerName', 'container-name'],
  ['executionRoleArn', 'execution-role-arn'],
  ['taskRoleArn', 'task-role-arn'],
  ['networkMode', 'network-mode'],
  ['taskCpu', 'task-cpu'],
  ['taskMemory', 'task-memory'],
  ['repositoryCredentials', 'repository-credentials'],
];

/**
 * Inputs that only a services-file run reads, given without one: they would change nothing, and a user who set
 * `on-failure: rollback-all` expects a rollback this run cannot make. `raw` reads an input's text as given.
 */
export function checkServicesFileOnlyInputs(raw: (name: string) => string): void {
  const onFailure = raw('on-failure').trim();
  if (onFailure !== '' && onFailure !== 'continue') {
    throw new InputError(`on-failure: ${onFailure} applies to the services of services-file; set services-file, or remove on-failure (a single service rolls back with rollback).`);
  }
  if (raw('max-parallel').trim() !== '') {
    throw new InputError('max-parallel applies to the services of services-file; set services-file or remove max-parallel.');
  }
}

export function checkInputCombination(inputs: Inputs): void {
  if (inputs.taskDefinitionArn) {
    const named = [
      ...RENDERING_INPUTS.filter(([key]) => inputs[key] !== '').map(([, name]) => name),
      ...(inputs.images.size > 0 ? ['images'] : []),
      ...(inputs.environment.length > 0 ? ['environment'] : []),
      ...(inputs.secrets.length > 0 ? ['secrets'] : []),
      ...(inputs.command ? ['command'] : []),
      ...(inputs.memory !== undefined ? ['memory'] : []),
      ...(inputs.cpu !== undefined ? ['cpu'] : []),
      ...(inputs.containerPort !== undefined ? ['container-port'] : []),
      ...(inputs.hostPort !== undefined ? ['host-port'] : []),
      ...(inputs.protocol !== undefined ? ['protocol'] : []),
      ...(inputs.tags.length > 0 ? ['tags'] : []),
      ...(inputs.requiresCompatibilities.length > 0 ? ['requires-compatibilities'] : []),
    ];
    if (named.length > 0) {
      throw new InputError(
        `task-definition-arn deploys an existing revision as it is, so ${named.join(', ')} would be ignored; remove them, or use family or task-definition to render a new revision.`,
      );
    }
  }
  const somethingToDeploy =
    inputs.taskDefinitionArn || inputs.taskDefinitionFile || inputs.family || inputs.service;
  if (!somethingToDeploy) {
    throw new InputError(
      'nothing to deploy: set service (and image), family, task-definition or task-definition-arn.',
    );
  }
  if (!inputs.service) {
    if (inputs.desiredCount !== undefined) throw new InputError('desired-count needs service; set service or remove desired-count.');
    if (inputs.forceNewDeployment) throw new InputError('force-new-deployment needs service; set service or remove it.');
    if (inputs.taskDefinitionArn) {
      throw new InputError('task-definition-arn without service changes nothing; set service to deploy that revision.');
    }
  }
  if (inputs.roleArn && !inputs.webIdentityToken) {
    throw new InputError('role-arn needs web-identity-token; set ECS_DELIVER_WEB_IDENTITY_TOKEN (such as a GitLab id_tokens variable) or remove role-arn.');
  }
  if (inputs.webIdentityToken && !inputs.roleArn) {
    throw new InputError('web-identity-token needs role-arn; set role-arn to the role to assume.');
  }
}
