// What the run-task-* inputs mean once read: a one-off task run from the revision this run deploys, before the
// service is updated. The input schema splits the raw strings; this module holds the typed options, the parsers
// of the two structured inputs, and the check that refuses combinations with two meanings.
import type { CapacityProviderStrategyItem, ContainerOverride, LaunchType, Tag, TaskVolumeConfiguration } from '@aws-sdk/client-ecs';
import { InputError } from '../errors.js';

export const RUN_TASK_DEFAULTS = {
  startedBy: 'ecs-deliver',
  wait: true,
  timeoutMs: 30 * 60_000,
} as const;

export type AssignPublicIp = 'ENABLED' | 'DISABLED';
/** RunTask refuses SERVICE: a one-off task has no service to copy tags from. */
export type RunTaskPropagateTags = 'TASK_DEFINITION' | 'NONE';

export interface RunTaskOptions {
  /** run-task-command, already split into words (shell words or a JSON array). */
  command?: readonly string[];
  /** run-task: true runs the revision with its own command. */
  useOwnCommand: boolean;
  /** run-task-container-overrides, parsed by parseContainerOverrides. */
  containerOverrides?: readonly ContainerOverride[];
  /** run-task-container; not set: the container that gets image. */
  container?: string;
  subnets: readonly string[];
  securityGroups: readonly string[];
  assignPublicIp?: AssignPublicIp;
  launchType?: LaunchType;
  capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
  startedBy: string;
  tags: readonly Tag[];
  propagateTags?: RunTaskPropagateTags;
  enableEcsManagedTags?: boolean;
  /** run-task-managed-ebs-volume-name and run-task-managed-ebs-volume: the EBS volume ECS creates for the task. */
  volumeConfigurations?: readonly TaskVolumeConfiguration[];
  wait: boolean;
  timeoutMs: number;
}

/** What the check needs to know about the run the task belongs to. */
export interface RunTaskContext {
  /** A service is updated after the task: the task must finish first. */
  hasService: boolean;
  /** The network mode of the revision the task runs (undefined: the ECS default, not awsvpc). */
  networkMode?: string | undefined;
  /** Container names of that revision. */
  containers: readonly string[];
  /** The container that gets image, the default for run-task-container. */
  defaultContainer?: string | undefined;
}

/** True when any of run-task, run-task-command or run-task-container-overrides asks for a task. */
export function runTaskRequested(options: RunTaskOptions): boolean {
  return options.useOwnCommand || options.command !== undefined || options.containerOverrides !== undefined;
}

const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;
const LAUNCH_TYPES: readonly string[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];

/** Refuses what ECS would refuse, and what could mean two things, before anything is changed. */
export function checkRunTaskOptions(options: RunTaskOptions, context: RunTaskContext): void {
  if (!runTaskRequested(options)) {
    const stray = strayInput(options);
    if (stray) {
      throw new InputError(
        `${stray}: only used when a one-off task runs: set run-task-command, run-task: true or run-task-container-overrides, or remove ${stray}`,
      );
    }
    return;
  }
  if (options.useOwnCommand && options.command !== undefined) {
    throw new InputError(
      'run-task-command: run-task: true runs the revision with its own command, so a run-task-command as well is ambiguous: set only one of them',
    );
  }
  if (options.command !== undefined && options.containerOverrides !== undefined) {
    throw new InputError(
      'run-task-command: run-task-container-overrides also sets what the task runs, so both are ambiguous: put the command into the overrides, or remove them',
    );
  }
  if (options.command !== undefined && options.command.length === 0) {
    throw new InputError('run-task-command: is empty: write the command to run, such as npm run migrate');
  }
  if (options.launchType !== undefined && options.capacityProviderStrategy !== undefined) {
    throw new InputError(
      'run-task-launch-type: ECS takes a launch type or a capacity provider strategy, not both: remove run-task-launch-type or run-task-capacity-provider-strategy',
    );
  }
  if (options.launchType !== undefined && !LAUNCH_TYPES.includes(options.launchType)) {
    throw new InputError(`run-task-launch-type: "${options.launchType}" is not one of ${LAUNCH_TYPES.join(', ')}`);
  }
  if (!STARTED_BY.test(options.startedBy)) {
    throw new InputError(
      'run-task-started-by: up to 128 letters, digits, hyphens, underscores and slashes: remove the other characters',
    );
  }
  if (!(options.timeoutMs > 0)) throw new InputError('run-task-timeout: must be longer than 0, such as 30m');
  if (!options.wait && context.hasService) {
    throw new InputError(
      'run-task-wait: the service is updated only after the task succeeds, so the run must wait for it: remove run-task-wait: false, or run the task without a service',
    );
  }
  checkNetwork(options, context);
  checkContainers(options, context);
  checkOverridesSize(options, chosenContainer(options, context));
}

/** ECS takes at most this many characters of RunTask overrides, the JSON formatting of the structure included. */
export const OVERRIDES_MAX_CHARACTERS = 8192;

/** The overrides RunTask sends for the task, in the JSON form ECS counts. */
export function overridesJson(options: Pick<RunTaskOptions, 'command' | 'containerOverrides'>, container: string): string | undefined {
  if (options.command) return JSON.stringify({ containerOverrides: [{ name: container, command: options.command }] });
  if (options.containerOverrides) return JSON.stringify({ containerOverrides: options.containerOverrides });
  return undefined;
}

/** `container`: the container the command goes to; before it is known, its name counts as empty (a lower bound). */
function checkOverridesSize(options: RunTaskOptions, container: string): void {
  const length = overridesJson(options, container)?.length ?? 0;
  if (length <= OVERRIDES_MAX_CHARACTERS) return;
  const input = options.command ? 'run-task-command' : 'run-task-container-overrides';
  throw new InputError(
    `${input}: makes RunTask overrides of ${length} characters, above the ${OVERRIDES_MAX_CHARACTERS} ECS takes (JSON formatting included); shorten it, or move the values into the task definition`,
  );
}

function strayInput(options: RunTaskOptions): string | undefined {
  if (options.container !== undefined) return 'run-task-container';
  if (options.subnets.length > 0) return 'run-task-subnets';
  if (options.securityGroups.length > 0) return 'run-task-security-groups';
  if (options.assignPublicIp !== undefined) return 'run-task-assign-public-ip';
  if (options.launchType !== undefined) return 'run-task-launch-type';
  if (options.capacityProviderStrategy !== undefined) return 'run-task-capacity-provider-strategy';
  if (options.tags.length > 0) return 'run-task-tags';
  if (options.propagateTags !== undefined) return 'run-task-propagate-tags';
  if (options.enableEcsManagedTags !== undefined) return 'run-task-enable-ecs-managed-tags';
  if (options.volumeConfigurations !== undefined) return 'run-task-managed-ebs-volume';
  return undefined;
}

function checkNetwork(options: RunTaskOptions, context: RunTaskContext): void {
  if (context.networkMode !== 'awsvpc') {
    const given = options.subnets.length > 0 ? 'run-task-subnets'
      : options.securityGroups.length > 0 ? 'run-task-security-groups'
        : options.assignPublicIp !== undefined ? 'run-task-assign-public-ip' : undefined;
    if (given) {
      throw new InputError(
        `${given}: only used when the task definition's network mode is awsvpc (it is ${context.networkMode ?? 'not set'}): remove ${given}`,
      );
    }
    return;
  }
  if (!context.hasService && options.subnets.length === 0) {
    throw new InputError(
      'run-task-subnets: the task definition uses awsvpc and there is no service to copy the network from: list the subnets the task runs in',
    );
  }
}

function checkContainers(options: RunTaskOptions, context: RunTaskContext): void {
  const chosen = options.container ?? context.defaultContainer;
  if (chosen === undefined) {
    throw new InputError(
      `run-task-container: the task definition has ${context.containers.length} containers (${context.containers.join(', ')}): name the one whose exit code decides`,
    );
  }
  if (!context.containers.includes(chosen)) {
    throw new InputError(
      `run-task-container: "${chosen}" is not a container of the task definition (${context.containers.join(', ')}): name one of them`,
    );
  }
  for (const override of options.containerOverrides ?? []) {
    if (override.name !== undefined && !context.containers.includes(override.name)) {
      throw new InputError(
        `run-task-container-overrides: "${override.name}" is not a container of the task definition (${context.containers.join(', ')}): name one of them`,
      );
    }
  }
}

/** The container whose exit code decides: run-task-container, else the container that gets image. */
export function chosenContainer(options: RunTaskOptions, context: Pick<RunTaskContext, 'defaultContainer'>): string {
  const chosen = options.container ?? context.defaultContainer;
  if (chosen === undefined) throw new InputError('run-task-container: not set and no container gets image: name the container to run');
  return chosen;
}

// Capacity provider strategy: lines such as `provider=FARGATE_SPOT,weight=2,base=0`, or the JSON array RunTask takes.

const STRATEGY_INPUT = 'run-task-capacity-provider-strategy';

export function parseCapacityProviderStrategy(text: string, inputName = STRATEGY_INPUT): CapacityProviderStrategyItem[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const items = trimmed.startsWith('[') ? strategyFromJson(trimmed, inputName) : strategyFromLines(trimmed, inputName);
  if (items.length === 0) throw new InputError(`${inputName}: names no capacity provider: write provider=NAME,weight=1`);
  if (items.filter((item) => (item.base ?? 0) > 0).length > 1) {
    throw new InputError(`${inputName}: only one capacity provider may have a base above 0: set the others' base to 0`);
  }
  const names = new Set<string>();
  for (const item of items) {
    if (names.has(item.capacityProvider ?? '')) {
      throw new InputError(`${inputName}: names ${item.capacityProvider} twice: keep one line per provider`);
    }
    names.add(item.capacityProvider ?? '');
  }
  return items;
}

function strategyFromLines(text: string, inputName: string): CapacityProviderStrategyItem[] {
  const items: CapacityProviderStrategyItem[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields: Record<string, string> = {};
    for (const part of line.split(',')) {
      const at = part.indexOf('=');
      const key = part.slice(0, at).trim();
      if (at < 0 || key === '') {
        throw new InputError(`${inputName}: line ${index + 1} is not of the form provider=NAME,weight=N,base=N`);
      }
      fields[key === 'capacityProvider' ? 'provider' : key] = part.slice(at + 1).trim();
    }
    items.push(strategyItem(fields, `${inputName}: line ${index + 1}`));
  }
  return items;
}

function strategyFromJson(text: string, inputName: string): CapacityProviderStrategyItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(`${inputName}: starts with '[' but is not JSON: write [{"capacityProvider":"FARGATE","weight":1}] or provider=FARGATE,weight=1 lines`);
  }
  if (!Array.isArray(value)) throw new InputError(`${inputName}: expected a JSON array of {capacityProvider, weight, base}`);
  return value.map((element: unknown, index) => {
    const where = `${inputName}: element ${index}`;
    if (!isRecord(element)) throw new InputError(`${where} is not an object`);
    const fields: Record<string, string> = {};
    for (const [key, field] of Object.entries(element)) {
      if (typeof field !== 'string' && typeof field !== 'number') throw new InputError(`${where}: ${key} must be a string or a number`);
      fields[key === 'capacityProvider' ? 'provider' : key] = String(field);
    }
    return strategyItem(fields, where);
  });
}

function strategyItem(fields: Record<string, string>, where: string): CapacityProviderStrategyItem {
  const unknown = Object.keys(fields).filter((key) => !['provider', 'weight', 'base'].includes(key));
  if (unknown.length > 0) throw new InputError(`${where}: unknown field ${unknown.join(', ')}: use provider, weight and base`);
  const provider = fields['provider'];
  if (!provider) throw new InputError(`${where}: names no provider: add provider=NAME`);
  const item: CapacityProviderStrategyItem = { capacityProvider: provider };
  if (fields['weight'] !== undefined) item.weight = boundedInteger(fields['weight'], 0, 1000, `${where}: weight`);
  if (fields['base'] !== undefined) item.base = boundedInteger(fields['base'], 0, 100_000, `${where}: base`);
  return item;
}

function boundedInteger(text: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(text)) throw new InputError(`${what} "${text}" is not a whole number from ${min} to ${max}`);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(`${what} ${value} is outside ${min} to ${max}`);
  return value;
}

// Container overrides: the JSON array RunTask's overrides.containerOverrides takes, as aws-actions' input does.
// Fields this SDK does not know would be dropped without a word on the way out, so they are refused instead.
// Messages name fields, never values: an environment value may be a secret.

const OVERRIDES_INPUT = 'run-task-container-overrides';
const OVERRIDE_FIELDS = ['name', 'command', 'environment', 'environmentFiles', 'cpu', 'memory', 'memoryReservation', 'resourceRequirements'];

export function parseContainerOverrides(text: string, inputName = OVERRIDES_INPUT): ContainerOverride[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new InputError(`${inputName}: is not JSON: write a JSON array such as [{"name":"app","command":["npm","run","migrate"]}]`);
  }
  if (!Array.isArray(value)) throw new InputError(`${inputName}: expected a JSON array of container overrides`);
  const seen = new Set<string>();
  return value.map((element: unknown, index) => {
    const where = `${inputName}: element ${index}`;
    if (!isRecord(element)) throw new InputError(`${where} is not an object`);
    const unknown = Object.keys(element).filter((key) => !OVERRIDE_FIELDS.includes(key));
    if (unknown.length > 0) throw new InputError(`${where}: unknown field ${unknown.join(', ')}: use ${OVERRIDE_FIELDS.join(', ')}`);
    const name = element['name'];
    if (typeof name !== 'string' || name === '') throw new InputError(`${where}: needs "name", the container it changes`);
    if (seen.has(name)) throw new InputError(`${where}: overrides ${name} a second time: merge the two`);
    seen.add(name);
    const override: ContainerOverride = { name };
    if (element['command'] !== undefined) override.command = stringArray(element['command'], `${where}: command`);
    if (element['environment'] !== undefined) override.environment = nameValues(element['environment'], `${where}: environment`);
    if (element['environmentFiles'] !== undefined) override.environmentFiles = environmentFiles(element['environmentFiles'], `${where}: environmentFiles`);
    for (const field of ['cpu', 'memory', 'memoryReservation'] as const) {
      const number = element[field];
      if (number === undefined) continue;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) throw new InputError(`${where}: ${field} must be a whole number`);
      override[field] = number;
    }
    if (element['resourceRequirements'] !== undefined) {
      override.resourceRequirements = records(element['resourceRequirements'], `${where}: resourceRequirements`).map((entry, at) => {
        const type = entry['type'];
        if (type !== 'GPU' && type !== 'InferenceAccelerator') throw new InputError(`${where}: resourceRequirements[${at}].type must be GPU or InferenceAccelerator`);
        return { type, value: requiredString(entry['value'], `${where}: resourceRequirements[${at}].value`) };
      });
    }
    return override;
  });
}

function stringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((word): word is string => typeof word === 'string')) {
    throw new InputError(`${what} must be an array of strings`);
  }
  return value;
}

function records(value: unknown, what: string): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isRecord)) throw new InputError(`${what} must be an array of objects`);
  return value;
}

function nameValues(value: unknown, what: string): { name: string; value: string }[] {
  return records(value, what).map((entry, at) => ({
    name: requiredString(entry['name'], `${what}[${at}].name`),
    value: requiredString(entry['value'], `${what}[${at}].value`),
  }));
}

function environmentFiles(value: unknown, what: string): { type: 's3'; value: string }[] {
  return records(value, what).map((entry, at) => {
    if (entry['type'] !== 's3') throw new InputError(`${what}[${at}].type must be s3`);
    return { type: 's3', value: requiredString(entry['value'], `${what}[${at}].value`) };
  });
}

function requiredString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new InputError(`${what} must be a string`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The run-task-* inputs as the schema-driven reader yields them (booleans, durations and lines already read). */
export interface RunTaskInputValues {
  runTask: boolean;
  command: string;
  containerOverrides: string;
  container: string;
  subnets: readonly string[];
  securityGroups: readonly string[];
  assignPublicIp: string;
  launchType: string;
  capacityProviderStrategy: string;
  startedBy: string;
  tags: readonly Tag[];
  propagateTags: string;
  enableEcsManagedTags?: boolean | undefined;
  /** Already read and checked (src/inputs/managed-ebs.ts). */
  managedEbsVolume?: TaskVolumeConfiguration | undefined;
  wait: boolean;
  timeoutMs: number;
}

/**
 * RunTaskOptions from the input values; an empty value means "not set".
 * @param splitCommand the `command` input's reader (shell words or a JSON array), given so this module stays small.
 */
export function runTaskOptionsFrom(
  values: RunTaskInputValues,
  splitCommand: (text: string, inputName: string) => string[],
): RunTaskOptions {
  const options: RunTaskOptions = {
    useOwnCommand: values.runTask,
    subnets: values.subnets,
    securityGroups: values.securityGroups,
    startedBy: values.startedBy.trim() || RUN_TASK_DEFAULTS.startedBy,
    tags: values.tags,
    wait: values.wait,
    timeoutMs: values.timeoutMs,
  };
  if (values.command.trim() !== '') options.command = splitCommand(values.command, 'run-task-command');
  const overrides = parseContainerOverrides(values.containerOverrides);
  if (overrides) options.containerOverrides = overrides;
  if (values.container.trim() !== '') options.container = values.container.trim();
  const publicIp = values.assignPublicIp.trim().toUpperCase();
  if (publicIp !== '') {
    if (publicIp !== 'ENABLED' && publicIp !== 'DISABLED') {
      throw new InputError(`run-task-assign-public-ip: "${values.assignPublicIp}" is not ENABLED or DISABLED`);
    }
    options.assignPublicIp = publicIp;
  }
  if (values.launchType.trim() !== '') options.launchType = values.launchType.trim().toUpperCase() as LaunchType;
  const strategy = parseCapacityProviderStrategy(values.capacityProviderStrategy);
  if (strategy) options.capacityProviderStrategy = strategy;
  const propagate = values.propagateTags.trim().toUpperCase();
  if (propagate !== '') {
    if (propagate !== 'TASK_DEFINITION' && propagate !== 'NONE') {
      throw new InputError(`run-task-propagate-tags: "${values.propagateTags}" is not TASK_DEFINITION or NONE (RunTask cannot copy tags from a service)`);
    }
    options.propagateTags = propagate;
  }
  if (values.enableEcsManagedTags !== undefined) options.enableEcsManagedTags = values.enableEcsManagedTags;
  if (values.managedEbsVolume !== undefined) options.volumeConfigurations = [values.managedEbsVolume];
  checkOverridesSize(options, options.container ?? '');
  return options;
}
