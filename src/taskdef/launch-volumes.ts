// A managed EBS volume is given at launch (UpdateService, RunTask) for a volume the task definition declares with
// configuredAtLaunch: true. ECS refuses any other name only when the call is made, after the revision is registered.
import { InputError } from '../errors.js';
import type { TaskDefinition } from './types.js';

export function checkLaunchVolume(taskDefinition: TaskDefinition, volumeName: string, inputName: string): void {
  const volumes = Array.isArray(taskDefinition['volumes']) ? (taskDefinition['volumes'] as { name?: unknown; configuredAtLaunch?: unknown }[]) : [];
  const volume = volumes.find((candidate) => candidate.name === volumeName);
  if (volume?.configuredAtLaunch === true) return;
  const atLaunch = volumes.filter((candidate) => candidate.configuredAtLaunch === true).map((candidate) => String(candidate.name));
  throw new InputError(
    volume
      ? `${inputName}: volume "${volumeName}" of the task definition is not configuredAtLaunch, so ECS takes no EBS volume for it; set "configuredAtLaunch": true on it in the task definition`
      : `${inputName}: the task definition has no volume "${volumeName}"${atLaunch.length > 0 ? ` (configured at launch: ${atLaunch.join(', ')})` : ''}; add {"name": "${volumeName}", "configuredAtLaunch": true} to its volumes, or name one of them`,
  );
}
