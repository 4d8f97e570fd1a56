// Forms of values that teams bring from aws-actions' render and deploy actions: environment files in S3, and
// tags written as the JSON array their run-task-tags takes.
import { InputError } from '../errors.js';
import type { Tag } from '../taskdef/types.js';
import { parseTagLines } from './kv-lines.js';

/** An S3 object ARN (no region or account in S3 ARNs): bucket name rules as S3 documents them, a key ending in .env. */
const S3_ENV_FILE = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.*\S.*\.env$/;

/** The log drivers ECS takes in a container's logConfiguration. */
export const LOG_DRIVERS: readonly string[] = ['awslogs', 'awsfirelens', 'splunk', 'fluentd', 'gelf', 'json-file', 'journald', 'syslog', 'logentries'];

export function checkLogDriver(name: string, driver: string): void {
  if (driver !== '' && !LOG_DRIVERS.includes(driver)) {
    throw new InputError(`${name}: "${driver}" is not a log driver ECS takes; use one of ${LOG_DRIVERS.join(', ')}`);
  }
}

/** ECS reads environment files only from S3 objects whose names end in .env. */
export function checkEnvFiles(name: string, files: readonly string[]): void {
  for (const file of files) {
    if (S3_ENV_FILE.test(file)) continue;
    const why = !file.startsWith('arn:') || !/^arn:aws[a-z-]*:s3:::/.test(file)
      ? 'is not an S3 object ARN'
      : !file.endsWith('.env')
        ? 'does not end in .env, which ECS requires of an environment file'
        : 'is not an S3 object ARN of a valid bucket and key';
    throw new InputError(`${name}: "${file}" ${why}; write arn:aws:s3:::bucket/path/name.env`);
  }
}

/** key=value lines, or the JSON array of {"key", "value"} objects aws-actions' run-task-tags takes. */
export function parseTagInput(text: string, name: string): Tag[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return parseTagLines(text, name);
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new InputError(`${name}: starts with '[' but is not JSON: write [{"key":"team","value":"web"}] or key=value lines`);
  }
  if (!Array.isArray(value)) throw new InputError(`${name}: expected a JSON array of {"key", "value"} objects`);
  const tags = value.map((element: unknown, at): Tag => {
    if (typeof element !== 'object' || element === null || Array.isArray(element)) throw new InputError(`${name}: element ${at} is not an object`);
    const { key, value: tagValue, ...rest } = element as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new InputError(`${name}: element ${at}: unknown field ${Object.keys(rest).join(', ')}: use key and value`);
    if (typeof key !== 'string' || key.trim() === '') throw new InputError(`${name}: element ${at} needs a "key" string`);
    if (typeof tagValue !== 'string' && tagValue !== undefined) throw new InputError(`${name}: element ${at}: "value" must be a string`);
    if (key.toLowerCase().startsWith('aws:')) {
      throw new InputError(`${name}: the tag key "${key}" starts with "aws:", which AWS reserves: choose another key`);
    }
    return { key, value: tagValue ?? '' };
  });
  // The last one for a key wins, as with lines.
  return [...new Map(tags.map((tag) => [tag.key, tag])).values()];
}

/** The inputs above, and those of the service update, that mean nothing with what else is given. */
export interface MigratedCombination {
  taskDefinitionArn: string;
  service: string;
  logDriver: string;
  logOptions: readonly unknown[];
  dockerLabels: readonly unknown[];
  envFiles: readonly unknown[];
  enableEcsManagedTags: boolean | undefined;
  propagateTags: string;
  serviceVolume: unknown;
  /** A one-off task runs: enable-ecs-managed-tags applies to it too. */
  runsTask: boolean;
}

export function checkMigratedCombination(inputs: MigratedCombination): void {
  if (inputs.taskDefinitionArn) {
    const named = [
      ...(inputs.logDriver ? ['log-configuration-log-driver'] : []),
      ...(inputs.logOptions.length > 0 ? ['log-configuration-options'] : []),
      ...(inputs.dockerLabels.length > 0 ? ['docker-labels'] : []),
      ...(inputs.envFiles.length > 0 ? ['env-files'] : []),
    ];
    if (named.length > 0) {
      throw new InputError(
        `task-definition-arn deploys an existing revision as it is, so ${named.join(', ')} would be ignored; remove them, or use family or task-definition to render a new revision.`,
      );
    }
  }
  if (!inputs.service) {
    const named = [
      ...(inputs.enableEcsManagedTags !== undefined && !inputs.runsTask ? ['enable-ecs-managed-tags'] : []),
      ...(inputs.propagateTags ? ['propagate-tags'] : []),
      ...(inputs.serviceVolume !== undefined ? ['service-managed-ebs-volume'] : []),
    ];
    const first = named[0];
    if (first !== undefined) {
      throw new InputError(`${named.join(', ')} ${named.length === 1 ? 'changes' : 'change'} the service, so ${first} needs service; set service or remove ${named.length === 1 ? 'it' : 'them'}.`);
    }
  }
}
