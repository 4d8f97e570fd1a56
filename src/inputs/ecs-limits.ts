// The forms and limits ECS documents for the values inputs carry, checked before any AWS call.
import { InputError } from '../errors.js';
import type { KeyValueEdit, Tag } from '../taskdef/types.js';
import { checkTagLimits, COMPATIBILITIES, FAMILY } from '../taskdef/validate.js';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[\w.\-/]+$/;
const PARAMETER_NAME = /^\/?[\w.-]+(\/[\w.-]+)*$/;

export function checkFamily(name: string, family: string): void {
  if (family !== '' && !FAMILY.test(family)) {
    throw new InputError(`${name}: "${family}" is not a task definition family; use up to 255 letters, digits, hyphens and underscores.`);
  }
}

/** A role's ARN, or its name alone (ECS completes it with the account). */
export function checkRole(name: string, role: string): void {
  if (role !== '' && !ROLE_ARN.test(role) && !ROLE_NAME.test(role)) {
    throw new InputError(`${name}: "${role}" is neither an IAM role ARN (arn:aws:iam::123456789012:role/name) nor a role name.`);
  }
}

/** A Secrets Manager secret's ARN or name. */
export function checkRepositoryCredentials(name: string, secret: string): void {
  if (secret !== '' && !SECRET_ARN.test(secret) && !(SECRET_NAME.test(secret) && !secret.startsWith('arn:'))) {
    throw new InputError(
      `${name}: "${secret}" is neither a Secrets Manager secret ARN (arn:aws:secretsmanager:region:account:secret:name) nor a secret name.`,
    );
  }
}

/** valueFrom of a container secret: a Secrets Manager or SSM ARN, or the name of an SSM parameter in the region. */
export function checkSecretSources(name: string, secrets: readonly KeyValueEdit[]): void {
  for (const edit of secrets) {
    if (edit.op !== 'set') continue;
    const source = edit.value.trim();
    if (source === '') {
      throw new InputError(`${name}: ${edit.key} has an empty valueFrom; write ${edit.key}=<Secrets Manager or SSM parameter ARN, or a parameter name>.`);
    }
    const valid = source.startsWith('arn:')
      ? SECRET_ARN.test(source) || secretArnWithKey(source) || SSM_ARN.test(source)
      : PARAMETER_NAME.test(source) && source.length <= 2048;
    if (!valid) {
      throw new InputError(`${name}: the valueFrom of ${edit.key} is neither a Secrets Manager or SSM parameter ARN nor a parameter name.`);
    }
  }
}

/** Secrets Manager ARNs may end with :json-key:version-stage:version-id. */
function secretArnWithKey(source: string): boolean {
  return /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+(:[^:]*){1,3}$/.test(source);
}

export function checkCompatibilities(name: string, given: readonly string[]): void {
  const unknown = given.find((value) => !COMPATIBILITIES.includes(value));
  if (unknown !== undefined) {
    throw new InputError(`${name}: "${unknown}" is not a launch type ECS knows; use ${COMPATIBILITIES.join(', ')}.`);
  }
}

export function checkTags(name: string, tags: readonly Tag[]): void {
  checkTagLimits(name, tags);
}
