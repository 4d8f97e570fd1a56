// How a one-off task reads in a log line or a dry run: which revision, which command, where. Loads nothing that
// talks to AWS, so a dry run without credentials stays free of the SDK.
import type { RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { formatDuration } from '../duration.js';
import { describePlacement } from './placement.js';
import { commandOf } from './request.js';

export function label(taskDefinition: string | undefined): string {
  if (!taskDefinition) return 'the task definition';
  return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}

export function commandLine(request: RunTaskCommandInput, container: string): string {
  const command = commandOf(request, container);
  if (command) return `container ${container} runs ${shellLine(command)}`;
  const overridden = request.overrides?.containerOverrides?.map((override) => override.name).filter(Boolean) ?? [];
  if (overridden.length > 0) return `overrides for ${overridden.join(', ')}; container ${container} decides`;
  return `container ${container} runs its own command`;
}

function shellLine(words: readonly string[]): string {
  return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** What a dry run prints: the task it would run, where, with which command, and what would follow. */
export function describeRunTask(request: RunTaskCommandInput, container: string, wait: boolean, timeoutMs: number): string[] {
  const lines = [
    `Would run one task of ${label(request.taskDefinition)} in cluster ${request.cluster ?? 'default'}, started by ${request.startedBy ?? 'ecs-deliver'}`,
    `  command: ${commandLine(request, container)}`,
    `  where: ${describePlacement(request)}`,
  ];
  if (request.tags?.length) lines.push(`  tags: ${request.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}`);
  if (request.propagateTags) lines.push(`  propagate tags from: ${request.propagateTags}`);
  if (request.enableECSManagedTags !== undefined) lines.push(`  ECS managed tags: ${request.enableECSManagedTags ? 'on' : 'off'}`);
  for (const volume of request.volumeConfigurations ?? []) lines.push(`  EBS volume: ${describeEbsVolume(volume)}`);
  lines.push(
    wait
      ? `  then: wait up to ${formatDuration(timeoutMs)} for it to stop; go on only when ${container} exits with exit code 0`
      : '  then: go on without waiting for it (run-task-wait: false)',
  );
  return lines;
}

/** One managed EBS volume as a dry run prints it: "data: 20 GiB gp3 xfs, encrypted, role arn:...". */
export function describeEbsVolume(volume: { name?: string | undefined; managedEBSVolume?: Record<string, unknown> | object | undefined }): string {
  const config = (volume.managedEBSVolume ?? {}) as Record<string, unknown>;
  const size = typeof config['sizeInGiB'] === 'number' ? `${config['sizeInGiB']} GiB` : '';
  const parts = [
    [size, config['volumeType'], config['filesystemType']].filter((part): part is string => typeof part === 'string' && part !== '').join(' '),
    config['snapshotId'] ? `from snapshot ${String(config['snapshotId'])}` : '',
    config['encrypted'] === true ? 'encrypted' : '',
    `role ${String(config['roleArn'])}`,
  ].filter((part) => part !== '');
  return `${volume.name ?? '?'}: ${parts.join(', ')}`;
}

