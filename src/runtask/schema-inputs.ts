// The run-task-* inputs, in the input schema's form, for src/inputs/schema.ts's INPUTS (group "run-task",
// titled "One-off task"). Data only: the schema module loads nothing else.
import type { InputSpec } from '../inputs/schema.js';

type RunTaskInputSpec = Omit<InputSpec, 'group'> & { readonly group: 'run-task' };

export const RUN_TASK_INPUTS: readonly RunTaskInputSpec[] = [
  { name: 'run-task-command', group: 'run-task', type: 'string', default: '', description: 'Run this command as a one-off task of the revision this run deploys, before the service is updated (a JSON array, or a command line split as a shell splits words); the deploy goes on only when it exits 0.' },
  { name: 'run-task', group: 'run-task', type: 'boolean', default: 'false', description: 'Run the revision as a one-off task with its own command, before the service is updated.' },
  { name: 'run-task-container-overrides', group: 'run-task', type: 'string', default: '', description: 'Container overrides for the one-off task, as the JSON array RunTask takes ([{"name":"app","command":["npm","run","migrate"]}]).' },
  { name: 'run-task-container', group: 'run-task', type: 'string', default: '', description: 'Container that runs run-task-command and whose exit code decides (default: the container that gets image).' },
  { name: 'run-task-subnets', group: 'run-task', type: 'lines', default: '', description: "Subnets for the one-off task under awsvpc (default: the service's; needed without a service)." },
  { name: 'run-task-security-groups', group: 'run-task', type: 'lines', default: '', description: "Security groups for the one-off task (default: the service's)." },
  { name: 'run-task-assign-public-ip', group: 'run-task', type: 'choice', options: ['', 'ENABLED', 'DISABLED'], default: '', description: "Give the one-off task a public IP (default: as the service does). run-task-assign-public-IP is accepted too." },
  { name: 'run-task-launch-type', group: 'run-task', type: 'choice', options: ['', 'EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'], default: '', description: "Launch type of the one-off task (default: the service's; without a service, the cluster's default capacity provider strategy)." },
  { name: 'run-task-capacity-provider-strategy', group: 'run-task', type: 'string', default: '', description: "Capacity provider strategy of the one-off task: lines of provider=NAME,weight=N,base=N, or the JSON array RunTask takes (default: the service's)." },
  { name: 'run-task-started-by', group: 'run-task', type: 'string', default: 'ecs-deliver', description: 'startedBy of the one-off task (letters, digits, -, _ and /, up to 128).' },
  { name: 'run-task-tags', group: 'run-task', type: 'lines', default: '', description: 'Lines of key=value tags on the one-off task.' },
  { name: 'run-task-propagate-tags', group: 'run-task', type: 'choice', options: ['', 'TASK_DEFINITION', 'NONE'], default: '', description: 'Copy the task definition tags to the one-off task (TASK_DEFINITION), as RunTask allows.' },
  { name: 'run-task-wait', group: 'run-task', type: 'boolean', default: 'true', description: 'Wait for the one-off task to stop (false only without a service: the task is started and left to run).' },
  { name: 'run-task-timeout', group: 'run-task', type: 'duration', default: '30m', description: 'Longest wait for the one-off task; then it is stopped and the deploy fails.' },
];

export const RUN_TASK_OUTPUTS = [
  { name: 'run-task-arn', description: 'ARN of the one-off task this run started, if any.' },
  { name: 'run-task-exit-code', description: "Exit code of the one-off task's chosen container, when it has one." },
] as const;
