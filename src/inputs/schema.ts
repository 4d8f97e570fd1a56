// The one description of every input. action.yml, the CLI flags, the ECS_DELIVER_* environment names,
// the GitLab component spec and the README tables are all generated from or checked against this list.
// Keep this module free of imports: `--help` and `--version` load nothing else.

export type InputGroup = 'image' | 'registry' | 'task-definition' | 'service' | 'express' | 'waiting' | 'run-task' | 'aws' | 'output' | 'staged' | 'services';

export type InputType = 'string' | 'boolean' | 'number' | 'duration' | 'lines' | 'choice';

export interface InputSpec {
  readonly name: string;
  readonly description: string;
  /** The empty string means "not set". */
  readonly default: string;
  readonly group: InputGroup;
  readonly type: InputType;
  readonly options?: readonly string[];
  /** Smallest value a number takes, or a duration in milliseconds. */
  readonly min?: number;
  /** Largest value a number takes, or a duration in milliseconds. */
  readonly max?: number;
  /** Secret inputs are never taken from a command-line flag: only from the environment or `--<name>-stdin`. */
  readonly secret?: boolean;
  /** Other spellings read as this input: those of the tools teams come from (aws-actions' run-task-assign-public-IP). */
  readonly aliases?: readonly string[];
  /** Holds for the whole run: refused inside a services-file entry or its defaults. */
  readonly runWide?: boolean;
}

export const GROUP_TITLES: Readonly<Record<InputGroup, string>> = {
  image: 'Image',
  registry: 'Registry',
  'task-definition': 'Task definition',
  service: 'Service',
  express: 'Express Mode services',
  waiting: 'Waiting',
  'run-task': 'One-off task',
  aws: 'AWS',
  output: 'Output',
  staged: 'Blue/green, linear and canary',
  services: 'Many services in one run',
};

export const INPUTS: readonly InputSpec[] = [
  // Image
  { name: 'image', group: 'image', type: 'string', default: '', description: 'Image reference the task definition runs (repository:tag or repository@sha256:...).' },
  { name: 'images', group: 'image', type: 'lines', default: '', description: 'Lines of container=image, to set several containers at once.' },
  { name: 'build-context', group: 'image', type: 'string', default: '', description: 'Directory to run docker build in; the result is tagged as image.' },
  { name: 'dockerfile', group: 'image', type: 'string', default: '', description: 'Dockerfile for the build (default: Dockerfile in build-context).' },
  { name: 'build-args', group: 'image', type: 'lines', default: '', description: 'Lines of KEY=VALUE passed as --build-arg.' },
  { name: 'target', group: 'image', type: 'string', default: '', description: 'Build stage to build.' },
  { name: 'platform', group: 'image', type: 'string', default: '', description: 'Platform to build for, such as linux/amd64.' },
  { name: 'source-image', group: 'image', type: 'string', default: '', description: 'Image already built locally, tagged as image before the push.' },
  { name: 'push', group: 'image', type: 'boolean', default: '', description: 'Push image (not set: true when build-context or source-image is given).' },
  { name: 'pin-digest', group: 'image', type: 'boolean', default: 'false', description: 'Name the pushed image by digest (repository@sha256:...) in the task definition.' },
  { name: 'verify-image', group: 'image', type: 'choice', options: ['auto', 'true', 'false'], default: 'auto', description: 'Check that image exists before registering when nothing is pushed (auto: an unreachable registry only warns).' },
  { name: 'docker-command', runWide: true, group: 'image', type: 'string', default: 'docker', description: 'Container client to run (docker, podman).' },
  // Registry
  { name: 'registry-auth', group: 'registry', type: 'choice', options: ['auto', 'ecr', 'basic', 'none'], default: 'auto', description: 'How to log in to the registry: auto, ecr (ECR token for any host), basic (username and password) or none.' },
  { name: 'registry-username', group: 'registry', type: 'string', default: '', description: 'Username for a non-ECR registry such as Docker Hub.' },
  { name: 'registry-password', group: 'registry', type: 'string', default: '', secret: true, description: 'Password or token for registry-username (environment or --registry-password-stdin only).' },
  { name: 'repository-credentials', group: 'registry', type: 'string', default: '', description: 'Secrets Manager ARN set as the container repositoryCredentials, so ECS can pull from a private registry.' },
  { name: 'create-repository', group: 'registry', type: 'boolean', default: 'false', description: 'Create the ECR repository when it is missing (scan on push on).' },
  // Task definition
  { name: 'task-definition', group: 'task-definition', type: 'string', default: '', description: 'Path to a task definition file, JSON or YAML (RegisterTaskDefinition input or DescribeTaskDefinition output).' },
  { name: 'task-definition-arn', group: 'task-definition', type: 'string', default: '', description: 'Deploy this existing revision (family:revision or ARN) as it is; nothing is rendered or registered.' },
  { name: 'family', aliases: ['task-definition-family'], group: 'task-definition', type: 'string', default: '', description: "Task definition family; without a file its latest ACTIVE revision is the base. aws-actions' task-definition-family is accepted too." },
  { name: 'container-name', group: 'task-definition', type: 'string', default: '', description: 'Container that gets image (default: the only container, or the family for a new one).' },
  { name: 'memory', group: 'task-definition', type: 'number', min: 1, max: 2147483647, default: '', description: 'Container memory hard limit in MiB.' },
  { name: 'cpu', group: 'task-definition', type: 'number', min: 0, max: 2147483647, default: '', description: 'Container CPU units.' },
  { name: 'container-port', group: 'task-definition', type: 'number', min: 0, max: 65535, default: '', description: 'Container port to map on the chosen container; on an existing revision its mapping is added or updated.' },
  { name: 'host-port', group: 'task-definition', type: 'number', min: 0, max: 65535, default: '', description: 'Host port for container-port (0 or not set: any port under bridge; under awsvpc and host it must equal container-port).' },
  { name: 'protocol', group: 'task-definition', type: 'choice', options: ['', 'tcp', 'udp'], default: '', description: 'Protocol of the port mapping (not set: tcp for a new mapping, unchanged for an existing one).' },
  { name: 'network-mode', group: 'task-definition', type: 'choice', options: ['', 'bridge', 'host', 'awsvpc', 'none'], default: '', description: 'Task network mode (awsvpc for Fargate).' },
  { name: 'requires-compatibilities', group: 'task-definition', type: 'lines', default: '', description: 'Launch types the task definition must be valid for (EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES).' },
  { name: 'task-cpu', group: 'task-definition', type: 'string', default: '', description: 'Task-level CPU (units or vCPU, such as 256 or 1 vCPU).' },
  { name: 'task-memory', group: 'task-definition', type: 'string', default: '', description: 'Task-level memory (MiB or GB, such as 512 or 1 GB).' },
  { name: 'environment', aliases: ['environment-variables'], group: 'task-definition', type: 'lines', default: '', description: "Lines of KEY=VALUE merged into the container environment; a line -KEY removes KEY. aws-actions' environment-variables is accepted too." },
  { name: 'environment-mode', group: 'task-definition', type: 'choice', options: ['merge', 'replace'], default: 'merge', description: 'merge: change only the keys given; replace: the environment becomes exactly the lines given.' },
  { name: 'secrets', group: 'task-definition', type: 'lines', default: '', description: 'Lines of NAME=valueFrom (Secrets Manager or SSM ARN) merged into the container secrets; -NAME removes.' },
  { name: 'secrets-mode', group: 'task-definition', type: 'choice', options: ['merge', 'replace'], default: 'merge', description: 'merge: change only the names given; replace: the secrets become exactly the lines given.' },
  { name: 'command', group: 'task-definition', type: 'string', default: '', description: 'Container command: a JSON array, or a string split as a shell splits words.' },
  { name: 'execution-role-arn', group: 'task-definition', type: 'string', default: '', description: 'Task execution role ARN.' },
  { name: 'task-role-arn', group: 'task-definition', type: 'string', default: '', description: 'Task role ARN.' },
  { name: 'log-configuration-log-driver', group: 'task-definition', type: 'string', default: '', description: "Log driver of the chosen container (awslogs, awsfirelens, splunk, fluentd, gelf, json-file, journald, syslog); a driver other than the current one drops the current one's options." },
  { name: 'log-configuration-options', group: 'task-definition', type: 'lines', default: '', description: "Lines of key=value merged into the chosen container's log options (such as awslogs-group=/ecs/web)." },
  { name: 'docker-labels', group: 'task-definition', type: 'lines', default: '', description: "Lines of key=value merged into the chosen container's dockerLabels." },
  { name: 'env-files', group: 'task-definition', type: 'lines', default: '', description: "S3 object ARNs of .env files (arn:aws:s3:::bucket/key.env), one a line or comma-separated: the chosen container's environmentFiles become these." },
  { name: 'tags', group: 'task-definition', type: 'lines', default: '', description: 'Lines of key=value tags on the task definition.' },
  { name: 'register', group: 'task-definition', type: 'choice', options: ['if-changed', 'always'], default: 'if-changed', description: 'if-changed: reuse the latest revision when the rendered one equals it; always: register every time.' },
  { name: 'keep-revisions', group: 'task-definition', type: 'number', min: 1, max: 2147483647, default: '', description: 'After a successful deploy, deregister ACTIVE revisions older than the newest N (never one in use).' },
  // Service
  { name: 'operation', runWide: true, group: 'service', type: 'choice', options: ['deploy', 'status', 'continue', 'rollback'], default: 'deploy', description: 'What to do: deploy (the default); status (read-only: what runs now, the deployments in flight, the last events); continue (let the deployment paused at a PAUSE hook, or a CodeDeploy deployment waiting in Ready, go on, then follow it to its end); rollback (put the service back on the revision it ran before, or on task-definition-arn, and follow that to its end). From a shell: ecs-deliver <operation>.' },
  { name: 'service-deployment-arn', group: 'service', type: 'string', default: '', description: 'With operation continue: the paused service deployment (the output of a deploy with wait-until paused); not set: the one of service that is paused.' },
  { name: 'hook-id', group: 'service', type: 'string', default: '', description: 'With operation continue: the PAUSE hook to continue (the output of a deploy with wait-until paused); not set: the one that awaits action.' },
  { name: 'codedeploy-deployment-id', group: 'service', type: 'string', default: '', description: 'With operation continue, for a service CodeDeploy deploys: the deployment that waits in Ready (the output of a deploy with wait-until paused); not set: the one of its deployment group that waits.' },
  { name: 'cluster', group: 'service', type: 'string', default: 'default', description: 'ECS cluster name or ARN.' },
  { name: 'service', aliases: ['service-name'], group: 'service', type: 'string', default: '', description: "ECS service to update (not set: register the task definition only). aws-actions' service-name (Express Mode services) is accepted too." },
  { name: 'desired-count', group: 'service', type: 'number', min: 0, max: 2147483647, default: '', description: 'Desired task count (sent only when set).' },
  { name: 'force-new-deployment', group: 'service', type: 'boolean', default: 'false', description: 'Start a new deployment even when the task definition is unchanged.' },
  // Service deployed by CodeDeploy (deployment controller CODE_DEPLOY)
  { name: 'codedeploy-appspec', group: 'service', type: 'string', default: 'appspec.yaml', description: "AppSpec file (JSON or YAML) for a service CodeDeploy deploys: its TaskDefinition becomes the deployed revision, everything else (Hooks included) is kept. When the default appspec.yaml does not exist, one is made from the service's load balancer container name and port." },
  { name: 'codedeploy-application', group: 'service', type: 'string', default: '', description: 'CodeDeploy application of such a service (default: AppECS-<cluster>-<service>, as the ECS console names it).' },
  { name: 'codedeploy-deployment-group', group: 'service', type: 'string', default: '', description: 'CodeDeploy deployment group of such a service (default: DgpECS-<cluster>-<service>).' },
  { name: 'codedeploy-deployment-description', group: 'service', type: 'string', default: '', description: 'Description of the CodeDeploy deployment.' },
  { name: 'codedeploy-deployment-config', group: 'service', type: 'string', default: '', description: "CodeDeploy deployment configuration, such as CodeDeployDefault.ECSLinear10PercentEvery1Minutes (default: the deployment group's)." },
  { name: 'enable-ecs-managed-tags', group: 'service', type: 'boolean', default: '', description: "Turn ECS managed tags (aws:ecs:clusterName, aws:ecs:serviceName) on or off for the service's tasks (sent only when set)." },
  { name: 'propagate-tags', group: 'service', type: 'choice', options: ['', 'SERVICE', 'TASK_DEFINITION', 'NONE'], default: '', description: "Copy tags to the service's tasks from the service or the task definition (sent only when set)." },
  { name: 'service-managed-ebs-volume-name', group: 'service', type: 'string', default: '', description: 'Volume of the task definition, configured at launch, that gets service-managed-ebs-volume.' },
  { name: 'service-managed-ebs-volume', group: 'service', type: 'string', default: '', description: 'The EBS volume ECS creates for each task of the service, as the JSON object UpdateService takes ({"roleArn":"...","sizeInGiB":20}); roleArn is required.' },
  // Express Mode services (CreateExpressGatewayService / UpdateExpressGatewayService)
  { name: 'express-infrastructure-role-arn', aliases: ['infrastructure-role-arn'], group: 'express', type: 'string', default: '', description: "Infrastructure role ARN ECS uses to manage an Express Mode service's load balancer, security groups and scaling; given, a missing service is created as an Express service. aws-actions' infrastructure-role-arn is accepted too." },
  { name: 'health-check-path', group: 'express', type: 'string', default: '', description: "Path the load balancer checks on an Express service's container, such as /health (not set: unchanged; ECS's default is /ping)." },
  { name: 'min-task-count', group: 'express', type: 'number', min: 0, max: 2147483647, default: '', description: 'Fewest tasks auto scaling keeps for an Express service (not set: unchanged).' },
  { name: 'max-task-count', group: 'express', type: 'number', min: 1, max: 2147483647, default: '', description: 'Most tasks auto scaling runs for an Express service (not set: unchanged).' },
  { name: 'auto-scaling-metric', group: 'express', type: 'choice', options: ['', 'AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'], default: '', description: "Metric auto scaling tracks for an Express service (not set: unchanged; ECS's default is AVERAGE_CPU)." },
  { name: 'auto-scaling-target-value', group: 'express', type: 'string', default: '', description: "Value of auto-scaling-metric auto scaling keeps an Express service at, such as 70 (percent, or requests per task; not set: unchanged; ECS's default is 60)." },
  { name: 'subnets', group: 'express', type: 'lines', default: '', description: "Subnet IDs of an Express service's tasks, one a line or comma-separated (not set: unchanged; on creation the default VPC's)." },
  { name: 'security-groups', group: 'express', type: 'lines', default: '', description: "Security group IDs of an Express service's tasks, one a line or comma-separated (not set: unchanged; on creation ECS makes one)." },
  { name: 'service-tags', group: 'express', type: 'lines', default: '', description: 'Lines of key=value (or a JSON array of {"key", "value"}) tagging an Express service when it is created; on an update only with mutate-tags-on-update.' },
  { name: 'mutate-tags-on-update', group: 'express', type: 'boolean', default: 'false', description: "On an update, make the Express service's tags exactly service-tags: add and change those given, remove the others." },
  // Waiting
  { name: 'wait', aliases: ['wait-for-service-stability', 'wait-for-deployment'], group: 'waiting', type: 'boolean', default: 'true', description: "Wait until the rollout ends. aws-actions' wait-for-service-stability and wait-for-deployment are accepted too." },
  { name: 'wait-timeout', group: 'waiting', type: 'duration', min: 1, default: '30m', description: "Longest wait for the rollout, such as 90s, 15m or 1h. Not set, a CodeDeploy service waits its deployment's ready wait, traffic routing and termination wait plus 10m, at least 30m." },
  { name: 'wait-for-minutes', group: 'waiting', type: 'number', min: 1, max: 2147483647, default: '', description: "aws-actions' form of wait-timeout and run-task-timeout in minutes, such as 30; used where those are not set." },
  { name: 'poll-interval', runWide: true, group: 'waiting', type: 'duration', min: 1000, max: 300_000, default: '2s', description: 'Time between rollout checks.' },
  { name: 'max-failed-tasks', group: 'waiting', type: 'number', min: 1, max: 2147483647, default: '', description: 'Failed tasks that fail the deployment (not set: the circuit breaker threshold, else half the desired count, 3 to 200).' },
  { name: 'rollback', group: 'waiting', type: 'boolean', default: 'true', description: 'When the deployment fails or times out, put the service back on its previous task definition.' },
  { name: 'wait-for-rollback', group: 'waiting', type: 'boolean', default: 'true', description: 'When ECS rolls the deployment back by itself, follow that rollback to its end within the remaining wait-timeout (false: end the wait at once, FAILED, while ECS is rolling back).' },
  { name: 'rollback-on-cancel', group: 'waiting', type: 'boolean', default: 'false', description: 'When the job is cancelled during the wait, start a rollback before exiting.' },
  // One-off task
  { name: 'run-task-command', group: 'run-task', type: 'string', default: '', description: 'Run this command as a one-off task of the revision this run deploys, before the service is updated (a JSON array, or a command line split as a shell splits words); the deploy goes on only when it exits 0.' },
  { name: 'run-task', group: 'run-task', type: 'boolean', default: 'false', description: 'Run the revision as a one-off task with its own command, before the service is updated.' },
  { name: 'run-task-container-overrides', group: 'run-task', type: 'string', default: '', description: 'Container overrides for the one-off task, as the JSON array RunTask takes ([{"name":"app","command":["npm","run","migrate"]}]).' },
  { name: 'run-task-container', group: 'run-task', type: 'string', default: '', description: 'Container that runs run-task-command and whose exit code decides (default: the container that gets image).' },
  { name: 'run-task-subnets', group: 'run-task', type: 'lines', default: '', description: "Subnets for the one-off task under awsvpc (default: the service's; needed without a service)." },
  { name: 'run-task-security-groups', group: 'run-task', type: 'lines', default: '', description: "Security groups for the one-off task (default: the service's)." },
  { name: 'run-task-assign-public-ip', aliases: ['run-task-assign-public-IP'], group: 'run-task', type: 'choice', options: ['', 'ENABLED', 'DISABLED'], default: '', description: "Give the one-off task a public IP (default: as the service does). run-task-assign-public-IP is accepted too." },
  { name: 'run-task-launch-type', group: 'run-task', type: 'choice', options: ['', 'EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'], default: '', description: "Launch type of the one-off task (default: the service's; without a service, the cluster's default capacity provider strategy)." },
  { name: 'run-task-capacity-provider-strategy', group: 'run-task', type: 'string', default: '', description: "Capacity provider strategy of the one-off task: lines of provider=NAME,weight=N,base=N, or the JSON array RunTask takes (default: the service's)." },
  { name: 'run-task-started-by', group: 'run-task', type: 'string', default: 'ecs-deliver', description: 'startedBy of the one-off task (letters, digits, -, _ and /, up to 128).' },
  { name: 'run-task-tags', group: 'run-task', type: 'lines', default: '', description: 'Lines of key=value tags on the one-off task.' },
  { name: 'run-task-propagate-tags', group: 'run-task', type: 'choice', options: ['', 'TASK_DEFINITION', 'NONE'], default: '', description: 'Copy the task definition tags to the one-off task (TASK_DEFINITION), as RunTask allows.' },
  { name: 'run-task-enable-ecs-managed-tags', group: 'run-task', type: 'boolean', default: '', description: 'Turn ECS managed tags on or off for the one-off task (not set: as enable-ecs-managed-tags).' },
  { name: 'run-task-managed-ebs-volume-name', group: 'run-task', type: 'string', default: '', description: 'Volume of the task definition, configured at launch, that gets run-task-managed-ebs-volume.' },
  { name: 'run-task-managed-ebs-volume', group: 'run-task', type: 'string', default: '', description: 'The EBS volume ECS creates for the one-off task, as the JSON object RunTask takes ({"roleArn":"...","sizeInGiB":20}); roleArn is required.' },
  { name: 'run-task-wait', aliases: ['wait-for-task-stopped'], group: 'run-task', type: 'boolean', default: 'true', description: "Wait for the one-off task to stop (false only without a service: the task is started and left to run). aws-actions' wait-for-task-stopped is accepted too." },
  { name: 'run-task-timeout', group: 'run-task', type: 'duration', default: '30m', description: 'Longest wait for the one-off task; then it is stopped and the deploy fails.' },
  // AWS
  { name: 'region', runWide: true, group: 'aws', type: 'string', default: '', description: 'AWS region (default: AWS_REGION or AWS_DEFAULT_REGION).' },
  { name: 'role-arn', runWide: true, group: 'aws', type: 'string', default: '', description: 'IAM role to assume with web-identity-token (OIDC).' },
  { name: 'web-identity-token', runWide: true, group: 'aws', type: 'string', default: '', secret: true, description: 'OIDC token for role-arn, such as a GitLab id_tokens variable (environment or --web-identity-token-stdin only).' },
  // Output
  { name: 'dry-run', runWide: true, group: 'output', type: 'boolean', default: 'false', description: 'Print the rendered task definition, the diff and the plan; change nothing.' },
  // Blue/green, linear and canary (ECS deploymentConfiguration.strategy)
  { name: 'wait-until', group: 'staged', type: 'choice', options: ['completed', 'traffic-shifted', 'paused'], default: 'completed', description: 'completed: wait for the whole deployment. traffic-shifted: for blue/green, linear and canary services, end the wait once production traffic has fully moved (bake time still running; keep-revisions is skipped); for rolling services the same as completed. paused: end with status PAUSED (exit 0) once a PAUSE lifecycle hook awaits action, or a CodeDeploy deployment waits in Ready for its traffic reroute; refused for a service without a PAUSE hook, or whose CodeDeploy group does not wait.' },
  { name: 'pause-timeout', group: 'staged', type: 'duration', default: '', description: 'Longest wait at a PAUSE lifecycle hook for ContinueServiceDeployment; when set, pauses do not count toward wait-timeout (not set: they do).' },
  // Many services in one run
  { name: 'services-file', runWide: true, group: 'services', type: 'string', default: '', description: 'JSON or YAML file of services to deploy in one run: `defaults` (inputs for every entry) and `services` (one entry of inputs per service). The other inputs apply to every entry too, below defaults.' },
  { name: 'max-parallel', runWide: true, group: 'services', type: 'number', min: 1, max: 1000, default: '', description: 'Services of services-file updated and watched at once (not set: all).' },
  { name: 'max-parallel-builds', runWide: true, group: 'services', type: 'number', min: 1, max: 100, default: '2', description: 'Images of services-file built and pushed at once.' },
  { name: 'on-failure', runWide: true, group: 'services', type: 'choice', options: ['continue', 'stop', 'rollback-all'], default: 'continue', description: 'When a service of services-file fails: continue (each ends as it ends), stop (start no further service) or rollback-all (put every service this run moved back on its previous revision).' },
];

export interface OutputSpec {
  readonly name: string;
  readonly description: string;
}

export const OUTPUTS: readonly OutputSpec[] = [
  { name: 'task-definition-arn', description: 'ARN of the task definition deployed or registered.' },
  { name: 'task-definition-revision', description: 'Revision number of that task definition.' },
  { name: 'registered', description: 'true when this run registered a new revision, false when it reused one.' },
  { name: 'image', description: 'Image reference deployed.' },
  { name: 'image-digest', description: 'Digest of the pushed image, when this run pushed one.' },
  { name: 'deployment-id', description: 'ID of the deployment the service update created, if any.' },
  { name: 'codedeploy-deployment-id', description: 'ID of the CodeDeploy deployment this run created, for a service CodeDeploy deploys.' },
  { name: 'deployment-status', description: 'COMPLETED, PAUSED (wait-until paused), ROLLED_BACK, FAILED, TIMED_OUT, SUPERSEDED, CANCELLED, SKIPPED, UNKNOWN (the outcome could not be observed) or NOT_STARTED (nothing was changed).' },
  { name: 'deregistered', description: 'Revisions deregistered by keep-revisions, comma-separated.' },
  { name: 'run-task-arn', description: 'ARN of the one-off task this run started, if any.' },
  { name: 'run-task-exit-code', description: "Exit code of the one-off task's chosen container, when it has one." },
  { name: 'service-deployment-arn', description: 'ARN of the service deployment the update started (ListServiceDeployments / DescribeServiceDeployments), when ECS named one.' },
  { name: 'endpoint', description: 'An Express service: its URL (the endpoint of its ingress path).' },
  { name: 'service-arn', description: 'An Express service: the ARN of the service updated or created.' },
  { name: 'hook-id', description: 'With wait-until paused: the PAUSE lifecycle hook the deployment waits at (status PAUSED).' },
  { name: 'paused-at', description: 'With wait-until paused: the lifecycle stage the deployment waits at (Ready for a CodeDeploy deployment that waits for its traffic reroute).' },
  { name: 'expires-at', description: 'With wait-until paused: when the PAUSE hook expires and ECS goes on or rolls back by itself, or when CodeDeploy stops a deployment left waiting in Ready (ISO 8601).' },
  { name: 'status', description: 'With operation status: a JSON object, one entry per service in services (revision, images, counts, deployments in flight, last events).' },
  { name: 'results', description: 'With services-file: a JSON array, one object per service (service, cluster, task-definition-arn, registered, image, deployment-id, codedeploy-deployment-id, service-deployment-arn, endpoint, deployment-status, reason); the other outputs then summarise the run, a per-service list with one comma-separated position per entry, empty where that service has no value. On GitLab it is the artifact ecs-deliver-results.json instead of a dotenv variable.' },
];

export function envName(input: string): string {
  return `ECS_DELIVER_${input.toUpperCase().replace(/-/g, '_')}`;
}

export function findInput(name: string): InputSpec | undefined {
  return INPUTS.find((spec) => spec.name === name);
}
