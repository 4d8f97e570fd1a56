#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   i7: () => (/* binding */ AwsUnavailableError),
/* harmony export */   sH: () => (/* binding */ DeployError),
/* harmony export */   wG: () => (/* binding */ PreflightError)
/* harmony export */ });
// Typed errors carry what the user must do; `exitCodeFor` is the one place that maps them to exit codes.
const EXIT = {
    ok: 0,
    failed: 1,
    unchanged: 2,
    sigint: 130,
    sigterm: 143,
};
/** Bad input or a failed preflight: nothing was changed anywhere (exit 2). */
class InputError extends Error {
    name = 'InputError';
}
/** The preflight found the target cannot be deployed to: nothing was changed (exit 2). */
class PreflightError extends Error {
    name = 'PreflightError';
}
/** Something failed after a change began: register, update, rollout, build or push (exit 1). */
class DeployError extends Error {
    name = 'DeployError';
}
/** AWS kept failing to answer (throttling, 5xx, resets, garbled answers) after the retries ran out (exit 1). */
class AwsUnavailableError extends Error {
    name = 'AwsUnavailableError';
}
/** The job was cancelled by a signal. */
class CancelledError extends Error {
    signal;
    name = 'CancelledError';
    /** `detail`: what the cancel left behind, when a change was in flight. */
    constructor(signal, detail) {
        super(`cancelled by ${signal}${detail ? `; ${detail}` : ''}`);
        this.signal = signal;
    }
}
function exitCodeFor(error) {
    if (error instanceof InputError || error instanceof PreflightError)
        return EXIT.unchanged;
    if (error instanceof CancelledError)
        return error.signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    return EXIT.failed;
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_sources_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6203);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(311);
// Entry point for every host. --version loads this chunk only (argv parsing and the input schema); --help
// also loads its text, and a run imports main and everything it needs.



async function entry() {
    let invocation;
    try {
        invocation = (0,_inputs_sources_js__WEBPACK_IMPORTED_MODULE_1__/* .parseArgv */ .SB)(process.argv.slice(2), process.env);
    }
    catch (error) {
        if (!(error instanceof _inputs_sources_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb))
            throw error;
        process.stderr.write(`error: ${error.message}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.unchanged;
    }
    if (invocation.version) {
        process.stdout.write(`${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x}\n`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
    }
    if (invocation.help) {
        const { helpText } = await __nccwpck_require__.e(/* import() */ 911).then(__nccwpck_require__.bind(__nccwpck_require__, 7911));
        process.stdout.write(helpText({ color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env), version: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x }));
        return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
    }
    const { run } = await __nccwpck_require__.e(/* import() */ 867).then(__nccwpck_require__.bind(__nccwpck_require__, 1867));
    return run(invocation);
}
process.exitCode = await entry();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2898:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ GROUP_TITLES),
/* harmony export */   cu: () => (/* binding */ findInput),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   pD: () => (/* binding */ envName),
/* harmony export */   py: () => (/* binding */ OUTPUTS)
/* harmony export */ });
// The one description of every input. action.yml, the CLI flags, the ECS_DELIVER_* environment names,
// the GitLab component spec and the README tables are all generated from or checked against this list.
// Keep this module free of imports: `--help` and `--version` load nothing else.
const GROUP_TITLES = {
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
const INPUTS = [
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
const OUTPUTS = [
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
function envName(input) {
    return `ECS_DELIVER_${input.toUpperCase().replace(/-/g, '_')}`;
}
function findInput(name) {
    return INPUTS.find((spec) => spec.name === name);
}


/***/ }),

/***/ 6203:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ allSpellings),
/* harmony export */   LN: () => (/* binding */ githubInputName),
/* harmony export */   SB: () => (/* binding */ parseArgv),
/* harmony export */   a8: () => (/* binding */ rawInputReader),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   kp: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export detectHost */
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2898);
// Where inputs come from on each host: INPUT_* variables on a GitHub Actions step, otherwise
// `--name value` flags (which win) and ECS_DELIVER_* variables. Imports only the schema: --help stays light.

class UsageError extends Error {
    name = 'UsageError';
}
const HOST_CHOICES = { github: 'github-action', gitlab: 'gitlab', shell: 'shell' };
function detectHost(argv, env) {
    const forced = env['ECS_DELIVER_HOST'];
    if (forced !== undefined && forced.trim() !== '') {
        const host = HOST_CHOICES[forced.trim().toLowerCase()];
        if (!host)
            throw new UsageError(`ECS_DELIVER_HOST: "${forced}" is not one of ${Object.keys(HOST_CHOICES).join(', ')}; set it to one of them or unset it.`);
        return host;
    }
    const actionInputs = Object.keys(env).some((key) => key.startsWith('INPUT_'));
    if (env['GITHUB_ACTIONS'] === 'true' && argv.length === 0 && actionInputs)
        return 'github-action';
    if (env['GITLAB_CI'] === 'true')
        return 'gitlab';
    return 'shell';
}
function parseArgv(argv, env) {
    const flags = new Map();
    const stdinInputs = [];
    let json = false;
    let help = false;
    let version = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--json')
            json = true;
        else if (arg === '--help' || arg === '-h')
            help = true;
        else if (arg === '--version' || arg === '-v')
            version = true;
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
            const secretStdin = _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((spec) => spec.secret && `${spec.name}-stdin` === name);
            if (secretStdin) {
                stdinInputs.push(secretStdin.name);
                continue;
            }
            const spec = _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((input) => input.name === name || input.aliases?.includes(name));
            if (!spec) {
                const meant = closest(name, [..._schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.map((input) => input.name), 'json', 'help', 'version']);
                throw new UsageError(`unknown flag --${name}; ${meant ? `did you mean --${meant}? ` : ''}run with --help to list the inputs.`);
            }
            if (spec.secret) {
                throw new UsageError(`--${name} is not accepted on the command line, where process lists and logs show it; set ${(0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .envName */ .pD)(name)} or pass --${name}-stdin.`);
            }
            if (eq !== -1)
                flags.set(spec.name, arg.slice(eq + 1));
            else if (takesBareFlag(spec, argv[i + 1]))
                flags.set(spec.name, 'true');
            else {
                const next = argv[i + 1];
                if (next === undefined)
                    throw new UsageError(`--${name} needs a value; write --${name} <value>.`);
                flags.set(spec.name, next);
                i++;
            }
        }
        else if (i === 0) {
            flags.set('operation', verbNamed(arg));
        }
        else {
            throw new UsageError(`unexpected argument "${arg}"; inputs are given as --name value (see --help).`);
        }
    }
    return { host: detectHost(argv, env), flags, stdinInputs, json, help, version };
}
/** The first word names the operation: `ecs-deliver status`. */
function verbNamed(word) {
    const verbs = _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((spec) => spec.name === 'operation')?.options ?? [];
    if (verbs.includes(word))
        return word;
    const meant = closest(word, verbs);
    throw new UsageError(`unknown operation "${word}"; ${meant ? `did you mean ${meant}? ` : ''}ecs-deliver takes ${verbs.join(', ')} (deploy when none is given).`);
}
function takesBareFlag(spec, next) {
    if (spec.type !== 'boolean')
        return false;
    return next === undefined || next.startsWith('--') || !/^(true|false|yes|no|1|0|on|off)$/i.test(next);
}
/**
 * The raw string of one input for this invocation ("" when not given), and whether it was given at all.
 * A GitHub step reads `with:` inputs as INPUT_* variables; the secret inputs may also come from their
 * ECS_DELIVER_* variable there, as on every host, with the `with:` input winning.
 */
function rawInputReader(invocation, env, stdinValues) {
    const secret = new Set(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.filter((spec) => spec.secret).map((spec) => spec.name));
    /**
     * The input's variable, unless it is blank or holds the default (GitHub sets every input action.yml gives a
     * default): then an alias variable that is set, such as INPUT_WAIT-FOR-TASK-STOPPED.
     */
    const variable = (name, nameOf) => {
        const own = env[nameOf(name)];
        const spec = _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((input) => input.name === name);
        if (own !== undefined && own.trim() !== '' && own.trim() !== spec?.default)
            return own;
        for (const alias of spec?.aliases ?? []) {
            const found = env[nameOf(alias)];
            if (found !== undefined && found.trim() !== '')
                return found;
        }
        return own;
    };
    const read = (name) => {
        if (invocation.host === 'github-action') {
            const input = stdinValues.get(name) ?? invocation.flags.get(name) ?? variable(name, githubInputName);
            if (input !== undefined && input.trim() !== '')
                return input;
            return secret.has(name) ? (env[(0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .envName */ .pD)(name)] ?? input) : input;
        }
        return stdinValues.get(name) ?? invocation.flags.get(name) ?? variable(name, _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .envName */ .pD);
    };
    return Object.assign((name) => read(name) ?? '', {
        // GitHub and the GitLab component set every input, so only a flag (or, from a shell, a variable) tells.
        given: (name) => invocation.flags.has(name) ||
            (invocation.host === 'shell' && spellings(name).some((spelling) => env[(0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .envName */ .pD)(spelling)] !== undefined)),
    });
}
function githubInputName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** The input's name and its aliases. */
function spellings(name) {
    return [name, ...(_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((spec) => spec.name === name)?.aliases ?? [])];
}
/** Every name an input is read under: its own and its aliases'. */
function allSpellings() {
    return _schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
}
/** The candidate nearest to `given` by edit distance, when it is near enough to be a slip. */
function closest(given, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(given.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const allowed = Math.max(2, Math.floor(given.length / 4));
    return bestDistance <= allowed ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = '2.0.0';


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
