// The container settings teams set with aws-actions' render action: the log configuration, docker labels and
// environment files of the chosen container. Applied the same on every run, so an unchanged input renders an
// unchanged definition and the family's latest revision is reused.
import { InputError } from '../errors.js';
import type { ContainerDefinition, KeyValue, LogConfigurationEdit, TaskDefinitionEdits } from './types.js';

export interface ContainerExtraValues {
  /** '' when not given. */
  logDriver: string;
  logOptions: readonly KeyValue[];
  dockerLabels: readonly KeyValue[];
  envFiles: readonly string[];
}

type ContainerExtras = Pick<TaskDefinitionEdits, 'logConfiguration' | 'dockerLabels' | 'environmentFiles'>;

/** Only what was given: an input left out changes nothing in the container. */
export function containerExtrasEdits(values: ContainerExtraValues): ContainerExtras {
  const logConfiguration: LogConfigurationEdit | undefined =
    values.logDriver !== '' || values.logOptions.length > 0
      ? { ...(values.logDriver !== '' ? { logDriver: values.logDriver } : {}), options: values.logOptions }
      : undefined;
  return {
    ...(logConfiguration ? { logConfiguration } : {}),
    ...(values.dockerLabels.length > 0 ? { dockerLabels: values.dockerLabels } : {}),
    ...(values.envFiles.length > 0 ? { environmentFiles: values.envFiles } : {}),
  };
}

/** The input names of the extras given, for choosing (and naming in messages) the container they apply to. */
export function containerExtrasGiven(edits: ContainerExtras): string[] {
  return [
    ...(edits.logConfiguration?.logDriver !== undefined ? ['log-configuration-log-driver'] : []),
    ...((edits.logConfiguration?.options.length ?? 0) > 0 ? ['log-configuration-options'] : []),
    ...(edits.dockerLabels ? ['docker-labels'] : []),
    ...(edits.environmentFiles ? ['env-files'] : []),
  ];
}

export function applyContainerExtras(container: ContainerDefinition, edits: ContainerExtras): void {
  if (edits.logConfiguration) applyLogConfiguration(container, edits.logConfiguration);
  if (edits.dockerLabels) container.dockerLabels = { ...container.dockerLabels, ...Object.fromEntries(edits.dockerLabels.map(({ key, value }) => [key, value])) };
  if (edits.environmentFiles) container.environmentFiles = edits.environmentFiles.map((value) => ({ value, type: 's3' }));
}

/**
 * The driver replaces the current one. Options belong to their driver (awslogs-group means nothing to splunk, and
 * Docker refuses an option its driver does not know), so a different driver starts from no options; the same
 * driver, or none given, keeps the current options and merges the given ones in.
 */
function applyLogConfiguration(container: ContainerDefinition, edit: LogConfigurationEdit): void {
  const current = container.logConfiguration;
  const driver = edit.logDriver ?? current?.logDriver;
  if (driver === undefined) {
    throw new InputError(
      `log-configuration-options: container "${container.name ?? '?'}" has no log driver to give them to; set log-configuration-log-driver too`,
    );
  }
  const next = current && current.logDriver === driver ? structuredClone(current) : { logDriver: driver };
  if (edit.options.length > 0) next.options = { ...next.options, ...Object.fromEntries(edit.options.map(({ key, value }) => [key, value])) };
  container.logConfiguration = next;
}
