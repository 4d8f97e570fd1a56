export const id = 407;
export const ids = [407];
export const modules = {

/***/ 5346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WS: () => (/* binding */ parseAppSpec),
/* harmony export */   eZ: () => (/* binding */ serviceLaunchOf),
/* harmony export */   ee: () => (/* binding */ taskDefinitionOfAppSpec),
/* harmony export */   hX: () => (/* binding */ appSpecNeedsYaml),
/* harmony export */   mW: () => (/* binding */ describeAppSpec),
/* harmony export */   oW: () => (/* binding */ appSpecFor),
/* harmony export */   uo: () => (/* binding */ appSpecContent)
/* harmony export */ });
/* unused harmony exports generatedAppSpec, withTaskDefinition, hookNames */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// The AppSpec a CodeDeploy deployment of an ECS service is created with: the user's file with its TaskDefinition
// set to the revision this run deploys (everything else, Hooks included, kept as written), or, when there is no
// file, one made from the container name and port the service's load balancer names. Pure, apart from hashing.


/** The service's launch settings an AppSpec carries; empty when it has none. */
function serviceLaunchOf(service) {
    const strategy = service.capacityProviderStrategy ?? [];
    const awsvpc = service.networkConfiguration?.awsvpcConfiguration;
    return {
        ...(strategy.length > 0
            ? {
                CapacityProviderStrategy: strategy.map((item) => ({
                    CapacityProvider: item.capacityProvider ?? '',
                    ...(item.base !== undefined ? { Base: item.base } : {}),
                    ...(item.weight !== undefined ? { Weight: item.weight } : {}),
                })),
            }
            : {}),
        ...(service.platformVersion ? { PlatformVersion: service.platformVersion } : {}),
        ...(awsvpc?.subnets
            ? {
                NetworkConfiguration: {
                    AwsvpcConfiguration: {
                        Subnets: awsvpc.subnets,
                        ...(awsvpc.securityGroups ? { SecurityGroups: awsvpc.securityGroups } : {}),
                        ...(awsvpc.assignPublicIp ? { AssignPublicIp: awsvpc.assignPublicIp } : {}),
                    },
                },
            }
            : {}),
    };
}
/** Whether the text needs the YAML library: anything but a plain JSON document. */
function appSpecNeedsYaml(text) {
    try {
        JSON.parse(text);
        return false;
    }
    catch {
        return true;
    }
}
/** Reads an AppSpec file, JSON or YAML; `input` names the input in messages. */
function parseAppSpec(text, path, yaml, input = 'codedeploy-appspec') {
    const where = `${input}: ${path}`;
    let data;
    if (!appSpecNeedsYaml(text)) {
        data = JSON.parse(text);
    }
    else {
        if (!yaml)
            throw new Error(`parseAppSpec: ${path} is not plain JSON and no YAML library was given`);
        const document = yaml.parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
        const [error] = document.errors;
        if (error) {
            const at = error.linePos?.[0];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}: invalid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}; fix the file.`);
        }
        data = document.toJS({ maxAliasCount: 100 });
    }
    if (!isObject(data))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}: an AppSpec is a mapping with version and Resources; the file holds something else.`);
    targetServicesOf(data, where);
    return data;
}
/** The AppSpec CodeDeploy's console documents for an ECS service, for a run without a file of its own. */
function generatedAppSpec(taskDefinitionArn, containerName, containerPort, fromService = {}) {
    return {
        version: 0.0,
        Resources: [
            {
                TargetService: {
                    Type: 'AWS::ECS::Service',
                    Properties: {
                        TaskDefinition: taskDefinitionArn,
                        LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort },
                        ...fromService,
                    },
                },
            },
        ],
    };
}
/**
 * A copy of the user's AppSpec whose every TargetService names `taskDefinitionArn`. Keys are matched without regard
 * to case, as CodeDeploy reads them; the key the user wrote is kept.
 */
function withTaskDefinition(data, taskDefinitionArn) {
    const copy = structuredClone(data);
    for (const target of targetServicesOf(copy, 'codedeploy-appspec')) {
        const properties = ensureObject(target, 'Properties');
        properties[keyOf(properties, 'TaskDefinition') ?? 'TaskDefinition'] = taskDefinitionArn;
    }
    return copy;
}
/** The appspec for this run, from its source. */
function appSpecFor(source, taskDefinitionArn) {
    return source.kind === 'file'
        ? withTaskDefinition(source.data, taskDefinitionArn)
        : generatedAppSpec(taskDefinitionArn, source.containerName, source.containerPort, source.fromService);
}
/** The revision CreateDeployment takes: the AppSpec as JSON, and its SHA-256, by which a lost answer is read back. */
function appSpecContent(data) {
    const content = JSON.stringify(data);
    return { content, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex') };
}
/** The TaskDefinition the AppSpec's first TargetService names; undefined when it names none. */
function taskDefinitionOfAppSpec(data) {
    const [target] = targetServicesOf(data, 'AppSpec');
    const propertiesKey = target ? keyOf(target, 'Properties') : undefined;
    const properties = propertiesKey && target ? target[propertiesKey] : undefined;
    if (!isObject(properties))
        return undefined;
    const key = keyOf(properties, 'TaskDefinition');
    const value = key ? properties[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** The names of the lifecycle hooks the AppSpec runs, in the order written. */
function hookNames(data) {
    const hooksKey = keyOf(data, 'Hooks');
    const hooks = hooksKey ? data[hooksKey] : undefined;
    if (!Array.isArray(hooks))
        return [];
    return hooks.flatMap((hook) => (isObject(hook) ? Object.keys(hook) : []));
}
/** One line for the log: where the AppSpec came from and what it keeps. */
function describeAppSpec(source) {
    if (source.kind === 'generated') {
        const carried = Object.keys(source.fromService ?? {}).map((key) => SERVICE_LAUNCH_NAMES[key]);
        const settings = carried.length > 0 ? `; ${carried.join(', ')} from the service` : '';
        return `generated (no appspec file): container ${source.containerName}, port ${source.containerPort} from the service's load balancer${settings}`;
    }
    const hooks = hookNames(source.data);
    return `${source.path}, TaskDefinition replaced${hooks.length > 0 ? `; hooks kept: ${hooks.join(', ')}` : ''}`;
}
const SERVICE_LAUNCH_NAMES = {
    CapacityProviderStrategy: 'capacity provider strategy',
    PlatformVersion: 'platform version',
    NetworkConfiguration: 'network configuration',
};
function targetServicesOf(data, where) {
    const resourcesKey = keyOf(data, 'Resources');
    const resources = resourcesKey ? data[resourcesKey] : undefined;
    const targets = Array.isArray(resources)
        ? resources.flatMap((resource) => {
            if (!isObject(resource))
                return [];
            const key = keyOf(resource, 'TargetService');
            const target = key ? resource[key] : undefined;
            return isObject(target) ? [target] : [];
        })
        : [];
    if (targets.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${where}: no Resources entry with a TargetService; an ECS AppSpec names its service under Resources: - TargetService.`);
    }
    return targets;
}
function ensureObject(parent, name) {
    const key = keyOf(parent, name) ?? name;
    const value = parent[key];
    if (isObject(value))
        return value;
    const made = {};
    parent[key] = made;
    return made;
}
function keyOf(object, name) {
    const lower = name.toLowerCase();
    return Object.keys(object).find((key) => key.toLowerCase() === lower);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 8407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_APPSPEC: () => (/* binding */ DEFAULT_APPSPEC),
/* harmony export */   chooseAppSpec: () => (/* binding */ chooseAppSpec),
/* harmony export */   defaultApplication: () => (/* binding */ defaultApplication),
/* harmony export */   defaultDeploymentGroup: () => (/* binding */ defaultDeploymentGroup),
/* harmony export */   planCodeDeploy: () => (/* binding */ planCodeDeploy),
/* harmony export */   planDeploymentGroup: () => (/* binding */ planDeploymentGroup),
/* harmony export */   readAppSpecFile: () => (/* binding */ readAppSpecFile),
/* harmony export */   routingMinutesOf: () => (/* binding */ routingMinutesOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6429);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7607);
/* harmony import */ var _aws_read_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1494);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _ready_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7593);
/* harmony import */ var _appspec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5346);







const DEFAULT_APPSPEC = 'appspec.yaml';
const MAX_APPSPEC_BYTES = 1024 * 1024;
/** Time beyond the group's waits and the routing for the deployment itself, and the least wait. */
const SLACK_MINUTES = 10;
const LEAST_WAIT_MINUTES = 30;
function defaultApplication(cluster, service) {
    return `AppECS-${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(cluster)}-${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(service)}`;
}
function defaultDeploymentGroup(cluster, service) {
    return `DgpECS-${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(cluster)}-${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(service)}`;
}
/** The whole plan of a deploy: the AppSpec, then the deployment group. */
async function planCodeDeploy(deps, inputs, target) {
    const appSpec = await chooseAppSpec(deps, inputs.appspec || DEFAULT_APPSPEC, target.service);
    return { ...(await planDeploymentGroup(deps, inputs, target, (0,_appspec_js__WEBPACK_IMPORTED_MODULE_4__/* .describeAppSpec */ .mW)(appSpec))), appSpec };
}
/**
 * The deployment group's part of the plan: the group must exist and deploy this service; its waits set the wait.
 * Alone (no AppSpec read) for the verbs that act on deployments already made.
 */
async function planDeploymentGroup(deps, inputs, target, appSpecLine) {
    const serviceName = target.service.serviceName ?? '';
    const application = inputs.application || defaultApplication(target.cluster, serviceName);
    const deploymentGroup = inputs.deploymentGroup || defaultDeploymentGroup(target.cluster, serviceName);
    const group = await readDeploymentGroup(deps.api, application, deploymentGroup, target.region, inputs);
    if (group.computePlatform && group.computePlatform !== 'ECS') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-group: "${deploymentGroup}" deploys to ${group.computePlatform}, not ECS; name the deployment group of service ${serviceName}.`);
    }
    const services = group.ecsServices ?? [];
    const ours = services.some((listed) => listed.serviceName === serviceName && (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(listed.clusterName ?? '') === (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(target.cluster));
    if (services.length > 0 && !ours) {
        const named = services.map((listed) => `${listed.serviceName ?? '?'} in ${listed.clusterName ?? '?'}`).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-group: "${deploymentGroup}" deploys ${named}, not ${serviceName} in ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .resourceName */ .Iy)(target.cluster)}; set codedeploy-deployment-group (and codedeploy-application) to the group of this service.`);
    }
    const configName = inputs.deploymentConfig || group.deploymentConfigName;
    const config = configName ? await checkDeploymentConfig(deps.api, configName, target.region, inputs.deploymentConfig ? 'codedeploy-deployment-config' : undefined) : undefined;
    const routing = routingMinutesOf(config);
    deps.reporter.info(`CodeDeploy: ${application}/${deploymentGroup}${appSpecLine ? `; AppSpec: ${appSpecLine}` : ''}.`);
    const blueGreen = group.blueGreenDeploymentConfiguration;
    const termination = blueGreen?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes;
    const ready = blueGreen?.deploymentReadyOption;
    const readyWait = (0,_ready_js__WEBPACK_IMPORTED_MODULE_6__/* .readyWaitMinutesOf */ .J$)(ready);
    if (target.waitUntilPaused && readyWait === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`wait-until: paused, but CodeDeploy deployment group ${application}/${deploymentGroup} reroutes traffic without waiting (deploymentReadyOption ${ready?.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT'}), so its deployments never pause; set its traffic rerouting to "specify when to reroute traffic" (STOP_DEPLOYMENT), or set wait-until to completed.`);
    }
    const readyMinutes = readyWait ?? 0;
    const neededMinutes = readyMinutes + routing + (termination ?? 0) + SLACK_MINUTES;
    const parts = `ready wait ${readyMinutes} min + traffic routing ${routing} min${configName ? ` (${configName})` : ''} + termination wait ${termination ?? 0} min + ${SLACK_MINUTES} min`;
    let chosenWaitMs;
    if (target.waitTimeoutMs !== undefined && target.waitTimeoutSet === false) {
        chosenWaitMs = Math.max(LEAST_WAIT_MINUTES, neededMinutes) * 60_000;
        deps.reporter.info(`CodeDeploy wait: ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_7__/* .formatDuration */ .a)(chosenWaitMs)} (wait-timeout not set; at least ${LEAST_WAIT_MINUTES} min, and ${parts}).`);
    }
    else if (target.waitTimeoutMs !== undefined && neededMinutes * 60_000 > target.waitTimeoutMs) {
        deps.reporter.warn(`wait-timeout ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_7__/* .formatDuration */ .a)(target.waitTimeoutMs)} is shorter than this CodeDeploy deployment may take: ${parts} = ${neededMinutes} min; raise wait-timeout, or leave it out to wait that long.`);
    }
    return {
        application,
        deploymentGroup,
        ...(inputs.description ? { description: inputs.description } : {}),
        ...(inputs.deploymentConfig ? { deploymentConfig: inputs.deploymentConfig } : {}),
        ...(group.deploymentConfigName ? { groupDeploymentConfig: group.deploymentConfigName } : {}),
        ...(termination !== undefined ? { terminationWaitMinutes: termination } : {}),
        ...(readyWait !== undefined ? { readyWaitMinutes: readyWait } : {}),
        ...(routing > 0 ? { routingMinutes: routing } : {}),
        ...(chosenWaitMs !== undefined ? { waitTimeoutMs: chosenWaitMs } : {}),
    };
}
/**
 * Minutes from the first traffic shift to the last: a linear config shifts its share every interval until all of
 * it moved (10% every 3 minutes: 9 intervals, 27 minutes); a canary shifts the rest after one interval.
 */
function routingMinutesOf(config) {
    const routing = config?.trafficRoutingConfig;
    if (routing?.type === 'TimeBasedLinear') {
        const percentage = routing.timeBasedLinear?.linearPercentage ?? 100;
        const interval = routing.timeBasedLinear?.linearInterval ?? 0;
        return percentage > 0 ? (Math.ceil(100 / percentage) - 1) * interval : 0;
    }
    if (routing?.type === 'TimeBasedCanary')
        return routing.timeBasedCanary?.canaryInterval ?? 0;
    return 0;
}
/**
 * The user's file when there is one; only when the default appspec.yaml does not exist is one generated, from the
 * container name and port of the service's load balancer.
 */
async function chooseAppSpec(deps, path, service) {
    const text = (deps.readFile ?? readAppSpecFile)(path);
    if (text !== undefined) {
        const yaml = (0,_appspec_js__WEBPACK_IMPORTED_MODULE_4__/* .appSpecNeedsYaml */ .hX)(text) ? await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19)) : undefined;
        return { kind: 'file', path, data: (0,_appspec_js__WEBPACK_IMPORTED_MODULE_4__/* .parseAppSpec */ .WS)(text, path, yaml) };
    }
    if (path !== DEFAULT_APPSPEC) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`codedeploy-appspec: "${path}" does not exist; give a path relative to the working directory, or leave codedeploy-appspec out.`);
    }
    const balancer = (service.loadBalancers ?? []).find((candidate) => Boolean(candidate.containerName) && candidate.containerPort !== undefined);
    if (!balancer) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-appspec: there is no ${DEFAULT_APPSPEC} in the working directory, and service ${service.serviceName ?? ''} names no load balancer container and port to make one from; add an AppSpec file, or set codedeploy-appspec to yours.`);
    }
    const fromService = (0,_appspec_js__WEBPACK_IMPORTED_MODULE_4__/* .serviceLaunchOf */ .eZ)(service);
    return {
        kind: 'generated',
        containerName: balancer.containerName,
        containerPort: balancer.containerPort,
        ...(Object.keys(fromService).length > 0 ? { fromService } : {}),
    };
}
/** The file's text, or undefined when there is no such file. */
function readAppSpecFile(path) {
    let size;
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        if (!stat.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`codedeploy-appspec: "${path}" is not a regular file; give the path of a JSON or YAML AppSpec.`);
        size = stat.size;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz)
            throw error;
        const code = error.code;
        if (code === 'ENOENT')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`codedeploy-appspec: cannot read "${path}" (${code ?? String(error)}); check the file.`);
    }
    if (size > MAX_APPSPEC_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`codedeploy-appspec: "${path}" is ${size} bytes; an AppSpec is far smaller.`);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').replace(/^\uFEFF/, '');
}
async function readDeploymentGroup(api, application, deploymentGroup, region, inputs) {
    try {
        const group = await api.getDeploymentGroup(application, deploymentGroup);
        if (!group)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-group: "${deploymentGroup}" was not found in ${application}.`);
        return group;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG)
            throw error;
        const name = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error);
        if (name === 'ApplicationDoesNotExistException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-application: "${application}" does not exist in ${region}; set codedeploy-application to the CodeDeploy application of this service${inputs.application ? '' : ' (the default is the name the ECS console gives)'}.`);
        }
        if (name === 'DeploymentGroupDoesNotExistException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-group: "${deploymentGroup}" does not exist in application ${application}; set codedeploy-deployment-group to the deployment group of this service${inputs.deploymentGroup ? '' : ' (the default is the name the ECS console gives)'}.`);
        }
        throw (0,_aws_read_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .readFailure */ .f)(`GetDeploymentGroup ${application}/${deploymentGroup}`, error);
    }
}
/** The deployment config; `input` names the input that named it (none: the group's own, which is not checked). */
async function checkDeploymentConfig(api, name, region, input) {
    try {
        const config = await api.getDeploymentConfig(name);
        if (input && config?.computePlatform && config.computePlatform !== 'ECS') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-config: "${name}" is for ${config.computePlatform}, not ECS; name an ECS configuration such as CodeDeployDefault.ECSAllAtOnce.`);
        }
        return config;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG)
            throw error;
        if (!input)
            return undefined;
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error) === 'DeploymentConfigDoesNotExistException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`codedeploy-deployment-config: "${name}" does not exist in ${region}; name an ECS configuration such as CodeDeployDefault.ECSAllAtOnce, or leave it out to use the deployment group's.`);
        }
        throw (0,_aws_read_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .readFailure */ .f)(`GetDeploymentConfig ${name}`, error);
    }
}


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J$: () => (/* binding */ readyWaitMinutesOf),
/* harmony export */   S2: () => (/* binding */ readyOutcome),
/* harmony export */   ZU: () => (/* binding */ continueCommand),
/* harmony export */   ZW: () => (/* binding */ waitsInReady)
/* harmony export */ });
/* unused harmony exports READY_STAGE, readySince, pausedAtReady */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6429);

/** How paused-at names the wait: CodeDeploy's own status of a deployment that waits for the reroute. */
const READY_STAGE = 'Ready';
/** The ready wait as the group configures it; undefined when the group reroutes traffic without waiting. */
function readyWaitMinutesOf(readyOption) {
    return readyOption?.actionOnTimeout === 'STOP_DEPLOYMENT' ? (readyOption.waitTimeInMinutes ?? 0) : undefined;
}
/**
 * When the deployment began to wait: CodeDeploy reports no such time, so the end of AfterAllowTestTraffic (the last
 * event before the wait), else when this run first saw it Ready.
 */
function readySince(target, seenAt) {
    const event = target?.lifecycleEvents?.find((candidate) => candidate.lifecycleEventName === 'AfterAllowTestTraffic');
    return event?.status === 'Succeeded' && event.endTime ? event.endTime.getTime() : seenAt;
}
/** Where the deployment waits and when CodeDeploy stops it by itself (unknown without the group's wait). */
function pausedAtReady(target, seenAt, readyWaitMinutes) {
    const expiresAt = readyWaitMinutes === undefined ? undefined : new Date(readySince(target, seenAt) + readyWaitMinutes * 60_000).toISOString();
    return { hookId: '', stage: READY_STAGE, ...(expiresAt ? { expiresAt } : {}) };
}
/** The command that lets a deployment waiting in Ready go on, for a person to run. */
function continueCommand(deploymentId) {
    return `aws deploy continue-deployment --deployment-id ${deploymentId} --deployment-wait-type READY_WAIT`;
}
/** wait-until paused: the deployment waits in Ready, PAUSED with where and until when. */
function readyOutcome(ctx, seen) {
    const { target, reporter } = ctx;
    const paused = pausedAtReady(seen.target, seen.at, target.readyWaitMinutes);
    const until = paused.expiresAt ? `; CodeDeploy stops it by itself at ${paused.expiresAt}` : '';
    const message = `CodeDeploy deployment ${target.deploymentId} (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .familyRevision */ .KW)(target.taskDefinitionArn)}) waits in Ready for traffic to be rerouted (wait-until: paused)${until}`;
    reporter.info(message);
    reporter.info(`To continue: ecs-deliver continue --cluster ${target.cluster} --service ${target.service} (or ${continueCommand(target.deploymentId)}); to roll back: ecs-deliver rollback --cluster ${target.cluster} --service ${target.service}.`);
    return { status: 'PAUSED', message, paused };
}
/** True while the deployment waits for the reroute. */
function waitsInReady(info) {
    return info?.status === 'Ready';
}


/***/ })

};
