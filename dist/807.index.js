export const id = 807;
export const ids = [807];
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

/***/ 2786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ settleCancelledCreate),
/* harmony export */   Yy: () => (/* binding */ createDeployment)
/* harmony export */ });
/* unused harmony export describedWithToken */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_change_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1149);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9373);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
// CreateDeployment, sent through aws/change.ts. The description carries a token of this run after the user's own
// text: when the answer is lost, the deployment group's deployments created since are read back, and the one whose
// description holds the token (and whose AppSpec, when CodeDeploy echoes it, is this run's) is this run's. A lost
// answer never starts two.





/** How far before an attempt the read-back looks, for the clocks of this machine and CodeDeploy to differ. */
const CLOCK_MARGIN_MS = 10_000;
const READ_BACK_PAGES = 5;
/** The user's description, then the run's token on a line of its own. */
function describedWithToken(description, token) {
    const mark = `ecs-deliver run ${token}`;
    return description ? `${description}\n${mark}` : mark;
}
async function createDeployment(api, request, options = {}) {
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m;
    const token = options.runToken ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const description = describedWithToken(request.description, token);
    const firstSentAt = clock.now();
    const where = `${request.application}/${request.deploymentGroup}`;
    return (0,_aws_change_js__WEBPACK_IMPORTED_MODULE_1__/* .sendChange */ .Xy)({
        action: `CreateDeployment in ${where}`,
        send: (signal) => api.createDeployment({
            applicationName: request.application,
            deploymentGroupName: request.deploymentGroup,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content: request.appSpec.content, sha256: request.appSpec.sha256 } },
            description,
            ...(request.deploymentConfig ? { deploymentConfigName: request.deploymentConfig } : {}),
        }, signal),
        async readBack() {
            const found = await deploymentOfRun(api, request, token, firstSentAt - CLOCK_MARGIN_MS);
            if (!found)
                return { applied: false };
            options.reporter?.info(`CodeDeploy deployment ${found} was created by that call.`);
            return { applied: true, value: found };
        },
        resendIsSafe: false,
        whatToCheck: `the deployments of ${where} (aws deploy list-deployments --application-name ${request.application} --deployment-group-name ${request.deploymentGroup})`,
    }, { clock, reporter: options.reporter, cancel: options.cancel });
}
/**
 * A cancel cut CreateDeployment short: a deployment the read-back found is stopped with rollback (within
 * CANCEL_FOLLOW_UP_MS); what could not be settled is named. Answers what the run's ending says about it.
 */
async function settleCancelledCreate(afterCancel, cancelled, request, { reporter, clock }) {
    const where = `${request.application}/${request.deploymentGroup}`;
    const seen = cancelled.settled;
    let detail;
    if (seen.state === 'not-applied')
        detail = `CreateDeployment started no deployment in ${where}`;
    else if (seen.state === 'unsettled')
        detail = `CreateDeployment may still start a deployment in ${where}: check it (aws deploy list-deployments --application-name ${request.application} --deployment-group-name ${request.deploymentGroup})`;
    else {
        const id = seen.value;
        const stopWaiting = new AbortController();
        const stop = await Promise.race([
            Promise.resolve()
                .then(() => afterCancel.stopDeployment(id, true))
                .then(() => 'stopped', (error) => ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error).includes('DeploymentAlreadyCompletedException') || (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'DeploymentAlreadyCompletedException' ? 'ended' : 'failed')),
            clock.sleep(_aws_change_js__WEBPACK_IMPORTED_MODULE_1__/* .CANCEL_FOLLOW_UP_MS */ .oP, stopWaiting.signal).then(() => 'failed'),
        ]);
        stopWaiting.abort();
        detail =
            stop === 'stopped'
                ? `CreateDeployment had started ${id} in ${where}: stopped it with rollback`
                : stop === 'ended'
                    ? `CreateDeployment had started ${id} in ${where}, which had already ended`
                    : `CreateDeployment had started ${id} in ${where}, and stopping it did not go through: stop it (aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled)`;
    }
    reporter.warn(`Cancelled during CreateDeployment: ${detail}.`);
    return detail;
}
/** The group's deployment created since `since` whose description carries `token`, if any. */
async function deploymentOfRun(api, request, token, since) {
    const mark = describedWithToken(undefined, token);
    let nextToken;
    for (let page = 0; page < READ_BACK_PAGES; page++) {
        const listed = await api.listDeployments({
            applicationName: request.application,
            deploymentGroupName: request.deploymentGroup,
            createTimeRange: { start: new Date(since) },
            ...(nextToken ? { nextToken } : {}),
        });
        for (const id of listed.deployments) {
            const info = await api.getDeployment(id);
            if (!info?.description?.includes(mark))
                continue;
            // CodeDeploy need not echo the AppSpec; when it does, it must be this run's.
            const echoed = info.revision?.appSpecContent?.content;
            if (echoed !== undefined && echoed !== request.appSpec.content)
                continue;
            return id;
        }
        nextToken = listed.nextToken;
        if (!nextToken)
            break;
    }
    return undefined;
}


/***/ }),

/***/ 2029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ followDeployment)
/* harmony export */ });
/* unused harmony export FINAL_STATUSES */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7607);
/* harmony import */ var _watch_poll_loop_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9429);
/* harmony import */ var _watch_read_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6255);
/* harmony import */ var _watch_changed_lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2873);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7939);
/* harmony import */ var _ready_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7593);






/** How often the time left of the termination wait is printed. */
const WAIT_LINE_EVERY_MS = 60_000;
const FINAL_STATUSES = new Set(['Succeeded', 'Failed', 'Stopped']);
class DeploymentGoneError extends Error {
    name = 'DeploymentGoneError';
}
async function followDeployment(deps, deploymentId, deadline, options) {
    const { reporter } = deps;
    const changed = new _watch_changed_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .ChangedLines */ .M();
    const notices = new Set();
    let targetId;
    /** When this watch first saw traffic fully moved, and when it last said how much of the termination wait is left. */
    let shiftedAt;
    let waitLineAt;
    const noticeOnce = (key, line) => {
        if (notices.has(key))
            return;
        notices.add(key);
        reporter.info(line);
    };
    const judge = (seen, now) => {
        const { info, target } = seen;
        for (const line of changed.changed((0,_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .pollLines */ .v_)(deploymentId, info, target)))
            reporter.info(line);
        if (info.status === 'Ready') {
            const within = options.readyWaitMinutes ? ` within ${options.readyWaitMinutes} min, or the deployment group stops it` : '';
            noticeOnce('ready', `The replacement task set is ready; CodeDeploy waits for a go-ahead${within}: ${(0,_ready_js__WEBPACK_IMPORTED_MODULE_3__/* .continueCommand */ .ZU)(deploymentId)}`);
            if (options.untilReady)
                return { kind: 'ready', seen };
        }
        const shifted = (0,_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .trafficShifted */ .hD)(info, target);
        if (shifted && !FINAL_STATUSES.has(info.status ?? '')) {
            const waitMs = options.terminationWaitMinutes !== undefined ? options.terminationWaitMinutes * 60_000 : undefined;
            noticeOnce('shifted', `Production traffic moved to the replacement task set; the original one is kept for the deployment group's termination wait${waitMs !== undefined ? ` (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(waitMs)})` : ''}. To end the wait now: aws deploy continue-deployment --deployment-id ${deploymentId} --deployment-wait-type TERMINATION_WAIT`);
            if (options.untilTrafficShifted)
                return { kind: 'traffic-shifted', seen };
            // The wait began when AfterAllowTraffic ended, as CodeDeploy says; else when this watch first saw it.
            shiftedAt ??= target?.lifecycleEvents?.find((event) => event.lifecycleEventName === 'AfterAllowTraffic')?.endTime?.getTime() ?? now;
            const left = waitMs === undefined ? undefined : shiftedAt + waitMs - now;
            if (left !== undefined && left < 1000) {
                noticeOnce('wait over', 'Termination wait: over; CodeDeploy ends the deployment once the original task set is gone');
            }
            else if (left !== undefined && now - (waitLineAt ?? shiftedAt) >= WAIT_LINE_EVERY_MS) {
                waitLineAt = now;
                reporter.info(`Termination wait: about ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(left)} left`);
            }
        }
        return FINAL_STATUSES.has(info.status ?? '') ? { kind: 'final', seen } : undefined;
    };
    const poll = {
        answerer: 'CodeDeploy',
        waitingFor: `CodeDeploy deployment ${deploymentId}`,
        standing: standingOfSeen,
        read: async () => {
            const answer = await observe(deps.api, deploymentId, targetId);
            targetId = answer.targetId;
            return { info: answer.info, ...(answer.target ? { target: answer.target } : {}), at: deps.clock.now() };
        },
        errorKind: (error) => (error instanceof DeploymentGoneError ? 'fatal' : (0,_watch_read_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .readErrorKind */ .N)(error)),
        describeError: _watch_read_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeReadError */ .U,
        judge,
    };
    const looped = await (0,_watch_poll_loop_js__WEBPACK_IMPORTED_MODULE_5__/* .pollLoop */ .A)(deps, options, deadline, poll);
    const end = looped.end.kind === 'verdict' ? looped.end.verdict : looped.end;
    return { end, startedAt: looped.startedAt, ...(looped.last ? { last: looped.last } : {}) };
}
async function observe(api, deploymentId, knownTargetId) {
    const info = await api.getDeployment(deploymentId);
    if (!info)
        throw new DeploymentGoneError(`GetDeployment ${deploymentId} answered no deployment`);
    // An ECS deployment has one target (the service); it is listed once CodeDeploy has begun.
    const targetId = knownTargetId ?? (await api.listDeploymentTargets(deploymentId)).targetIds[0];
    if (!targetId)
        return { info };
    const target = (await api.getDeploymentTarget(deploymentId, targetId))?.ecsTarget;
    return { info, targetId, ...(target ? { target } : {}) };
}
/** `InProgress; AllowTraffic: InProgress; Task sets: ...`: the status, the event running or last done, the traffic. */
function standingOfSeen(seen) {
    const events = (seen.target?.lifecycleEvents ?? []).filter((event) => event.status && event.status !== 'Pending');
    const current = events.at(-1);
    const taskSets = seen.target?.taskSetsInfo ?? [];
    return [seen.info.status ?? '?', ...(current ? [(0,_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .lifecycleEventLine */ .Vv)(current)] : []), ...(taskSets.length > 0 ? [(0,_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .taskSetsLine */ .Jt)(taskSets)] : [])].join('; ');
}


/***/ }),

/***/ 7939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ failedEventLines),
/* harmony export */   Jt: () => (/* binding */ taskSetsLine),
/* harmony export */   NG: () => (/* binding */ failedEventOf),
/* harmony export */   Vv: () => (/* binding */ lifecycleEventLine),
/* harmony export */   hD: () => (/* binding */ trafficShifted),
/* harmony export */   hh: () => (/* binding */ errorInformationLine),
/* harmony export */   v_: () => (/* binding */ pollLines)
/* harmony export */ });
/* unused harmony exports ECS_LIFECYCLE_EVENTS, LOG_TAIL_LINES */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);

/** CodeDeploy's lifecycle events for an ECS deployment, in the order they run. */
const ECS_LIFECYCLE_EVENTS = (/* unused pure expression or super */ null && ([
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'AllowTestTraffic',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AllowTraffic',
    'AfterAllowTraffic',
]));
/** Log lines of the diagnostics' log tail shown for a failed event. */
const LOG_TAIL_LINES = 20;
function lifecycleEventLine(event) {
    const took = event.startTime && event.endTime ? ` (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(event.endTime.getTime() - event.startTime.getTime())})` : '';
    return `${event.lifecycleEventName ?? '?'}: ${event.status ?? '?'}${took}`;
}
function taskSetsLine(taskSets) {
    const parts = [...taskSets]
        .sort((a, b) => (a.taskSetLabel ?? '').localeCompare(b.taskSetLabel ?? ''))
        .map((set) => `${set.taskSetLabel ?? set.identifer ?? 'task set'} ${set.runningCount ?? 0}/${set.desiredCount ?? 0} running, ` +
        `${set.trafficWeight ?? 0}% of traffic`);
    return `Task sets: ${parts.join('; ')}`;
}
/** The failed lifecycle event and what CodeDeploy says about it: error code, message, the hook's log tail. */
function failedEventLines(event) {
    const diagnostics = event.diagnostics;
    const what = [diagnostics?.errorCode, diagnostics?.message].filter(Boolean).join(': ');
    const lines = [`Lifecycle event ${event.lifecycleEventName ?? '?'} failed${what ? `: ${what}` : ''}`];
    if (diagnostics?.scriptName)
        lines.push(`  hook: ${diagnostics.scriptName}`);
    const tail = (diagnostics?.logTail ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
    if (tail.length > 0)
        lines.push('  log tail:', ...tail.slice(-LOG_TAIL_LINES).map((line) => `    ${line}`));
    return lines;
}
function failedEventOf(target) {
    return target?.lifecycleEvents?.find((event) => event.status === 'Failed');
}
/** Traffic has fully moved to the replacement: the original task set's termination wait began, or every event through AfterAllowTraffic passed. */
function trafficShifted(info, target) {
    if (info?.instanceTerminationWaitTimeStarted === true)
        return true;
    const afterAllowTraffic = target?.lifecycleEvents?.find((event) => event.lifecycleEventName === 'AfterAllowTraffic');
    return afterAllowTraffic?.status === 'Succeeded';
}
/** `HOOK_EXECUTION_FAILURE: ...`, or what is known. */
function errorInformationLine(info) {
    const error = info?.errorInformation;
    if (!error?.code && !error?.message)
        return undefined;
    return [error.code, error.message?.replace(/\.+$/, '')].filter(Boolean).join(': ');
}
/** The lines one poll may print, keyed so that only a change prints again. */
function pollLines(deploymentId, info, target) {
    const lines = [];
    for (const event of target?.lifecycleEvents ?? []) {
        // Pending events say nothing yet; they print once they start, or when skipped.
        if (event.status === 'Pending')
            continue;
        lines.push([`event ${event.lifecycleEventName ?? '?'}`, `  ${lifecycleEventLine(event)}`]);
    }
    const taskSets = target?.taskSetsInfo ?? [];
    if (taskSets.length > 0)
        lines.push(['task sets', `  ${taskSetsLine(taskSets)}`]);
    // Last, so that the events that led to a final status come before it.
    lines.push(['status', `CodeDeploy deployment ${deploymentId}: ${info.status ?? '?'}`]);
    return lines;
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


/***/ }),

/***/ 7709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ followOptions),
/* harmony export */   gY: () => (/* binding */ watchCodeDeployment)
/* harmony export */ });
/* unused harmony exports codeDeployConsoleUrl, lastSeenLine */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6429);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7607);
/* harmony import */ var _watch_failure_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9040);
/* harmony import */ var _watch_read_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6255);
/* harmony import */ var _watch_settle_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4484);
/* harmony import */ var _watch_endings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(695);
/* harmony import */ var _watch_stopped_tasks_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8985);
/* harmony import */ var _follow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2029);
/* harmony import */ var _ready_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7593);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7939);









function codeDeployConsoleUrl(region, deploymentId) {
    return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(deploymentId)}?region=${region}`;
}
async function watchCodeDeployment(deps, target, options) {
    const ctx = { ...deps, target, options };
    const { reporter, clock } = deps;
    const result = await reporter.group(`Watching CodeDeploy deployment ${target.deploymentId} of ${target.service}`, () => {
        reporter.info(`Following CodeDeploy deployment ${target.deploymentId} (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(target.taskDefinitionArn)}) in ${target.application}/${target.deploymentGroup}; timeout ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(options.timeoutMs)}`);
        return (0,_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .followDeployment */ .p)(deps, target.deploymentId, clock.now() + options.timeoutMs, followOptions(ctx));
    });
    const outcome = await conclude(ctx, result);
    // The lifecycle events this deployment passed, in CodeDeploy's order: the stages the job summary lists.
    const passed = (result.last?.target?.lifecycleEvents ?? []).flatMap((event) => event.status === 'Succeeded' && event.lifecycleEventName ? [event.lifecycleEventName] : []);
    return passed.length > 0 ? { ...outcome, stages: passed } : outcome;
}
/** How to follow a deployment: the run's own (`main`) ends where wait-until says; a stop's or a rollback's at its end. */
function followOptions(ctx, main = true) {
    const { target, options } = ctx;
    return {
        pollIntervalMs: options.pollIntervalMs,
        cancel: options.cancel,
        untilTrafficShifted: main && options.untilTrafficShifted === true,
        untilReady: main && options.untilReady === true,
        ...(target.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: target.terminationWaitMinutes } : {}),
        ...(target.readyWaitMinutes !== undefined ? { readyWaitMinutes: target.readyWaitMinutes } : {}),
    };
}
function what(ctx) {
    return `CodeDeploy deployment ${ctx.target.deploymentId} (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(ctx.target.taskDefinitionArn)})`;
}
async function conclude(ctx, result) {
    const { reporter, clock } = ctx;
    const end = result.end;
    switch (end.kind) {
        case 'ready':
            return (0,_ready_js__WEBPACK_IMPORTED_MODULE_6__/* .readyOutcome */ .S2)(ctx, end.seen);
        case 'traffic-shifted': {
            const message = `${what(ctx)} shifted all traffic in ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(clock.now() - result.startedAt)}; the original task set is still in its termination wait, and CodeDeploy ends the deployment after it`;
            reporter.info(message);
            return { status: 'COMPLETED', message, trafficShiftedOnly: true };
        }
        case 'final':
            switch (end.seen.info.status) {
                case 'Succeeded': {
                    const message = `${what(ctx)} succeeded in ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(clock.now() - result.startedAt)}`;
                    reporter.info(message);
                    return { status: 'COMPLETED', message };
                }
                case 'Failed':
                    return failed(ctx, end.seen);
                default:
                    return stoppedElsewhere(ctx, end.seen);
            }
        case 'timed-out':
            return timedOut(ctx, result);
        case 'cancelled':
            return cancelled(ctx, `cancelled while ${what(ctx)} was in progress`);
        case 'unobserved':
        case 'watch-error':
            return unknown(ctx, result);
    }
}
/** Why it failed: the failed lifecycle event with its diagnostics, and CodeDeploy's error information. */
function failureReason(seen) {
    const event = (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .failedEventOf */ .NG)(seen.target);
    const diagnostics = event?.diagnostics;
    const eventPart = event
        ? `lifecycle event ${event.lifecycleEventName ?? '?'} failed${diagnostics?.errorCode || diagnostics?.message ? ` (${[diagnostics.errorCode, diagnostics.message].filter(Boolean).join(': ')})` : ''}`
        : undefined;
    return [eventPart, (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .errorInformationLine */ .hh)(seen.info)].filter(Boolean).join('; ') || 'CodeDeploy gave no reason';
}
async function failed(ctx, seen) {
    const reason = failureReason(seen);
    const headline = `${what(ctx)} failed: ${reason}`;
    const failure = await reportFailure(ctx, seen, reason, headline);
    const rollbackId = seen.info.rollbackInfo?.rollbackDeploymentId;
    if (!rollbackId)
        return { status: 'FAILED', message: headline, failure };
    return followRollback(ctx, rollbackId, headline, failure, 'FAILED');
}
/** CodeDeploy's own rollback (a new deployment that moves traffic back): followed to its end. */
async function followRollback(ctx, rollbackId, headline, failure, otherwise) {
    const { reporter, clock, target, options } = ctx;
    const to = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(target.previousTaskDefinitionArn);
    const rollback = await reporter.group(`Watching CodeDeploy's rollback ${rollbackId} to ${to}`, () => (0,_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .followDeployment */ .p)(ctx, rollbackId, clock.now() + options.timeoutMs, followOptions(ctx, false)));
    const end = rollback.end;
    if (end.kind === 'final' && end.seen.info.status === 'Succeeded') {
        const message = `${headline}; CodeDeploy rolled back to ${to}`;
        reporter.warn(message);
        return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
    }
    if (end.kind === 'cancelled') {
        const message = `${headline}; cancelled while CodeDeploy rolled back to ${to} (rollback ${rollbackId})`;
        reporter.warn(message);
        return { status: 'CANCELLED', message, failure };
    }
    const how = end.kind === 'final'
        ? `ended ${end.seen.info.status ?? '?'}${(0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .errorInformationLine */ .hh)(end.seen.info) ? ` (${(0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .errorInformationLine */ .hh)(end.seen.info)})` : ''}`
        : end.kind === 'timed-out'
            ? `did not finish within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(options.timeoutMs)}`
            : `could not be observed (${end.kind === 'watch-error' ? end.message : end.kind === 'unobserved' ? end.problem : end.kind})`;
    const message = `${headline}; CodeDeploy's rollback ${rollbackId} to ${to} ${how}`;
    reporter.error(message);
    return { status: otherwise, message, failure };
}
async function timedOut(ctx, result) {
    const { reporter, options, target, clock } = ctx;
    const where = result.last ? `; last seen: ${lastSeenLine(result.last)}` : '';
    const headline = `${what(ctx)} did not finish within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(options.timeoutMs)}${where}`;
    if (result.last && (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .trafficShifted */ .hD)(result.last.info, result.last.target)) {
        // Traffic already moved: stopping now would roll back a deployment that only waits to remove the original tasks.
        const message = `${headline}; production traffic had moved and the original task set was in its termination wait, so the deployment is left to finish`;
        reporter.error(message);
        reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
        return { status: 'TIMED_OUT', message };
    }
    const failure = await reportFailure(ctx, result.last, `did not finish within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(options.timeoutMs)}`, headline);
    // A cancel while the failure was read: the run's clients are aborted, and the cancel's stop is the one to send.
    if (options.cancel.aborted)
        return cancelled(ctx, `${headline}; cancelled`);
    reporter.warn(`Stopping ${target.deploymentId}${options.rollback ? ' with rollback' : ' (rollback is false: no rollback)'}`);
    try {
        const answer = await ctx.api.stopDeployment(target.deploymentId, options.rollback);
        reporter.info(`StopDeployment: ${answer.status ?? '?'}${answer.statusMessage ? ` (${answer.statusMessage})` : ''}`);
    }
    catch (error) {
        // The deployment may have ended between the last poll and the stop: what it says now is the outcome.
        const now = await readOnce(ctx);
        if (now?.status === 'Succeeded') {
            const message = `${what(ctx)} succeeded just as the wait timed out (StopDeployment was refused: ${(0,_watch_read_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(error)})`;
            reporter.info(message);
            return { status: 'COMPLETED', message };
        }
        const message = `${headline}; stopping it failed: ${(0,_watch_read_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(error)}`;
        reporter.error(message);
        return { status: 'TIMED_OUT', message, failure };
    }
    if (!options.rollback)
        return { status: 'TIMED_OUT', message: `${headline}; stopped`, failure };
    // The stopped deployment names its rollback once CodeDeploy has created it.
    const stopped = await (0,_follow_js__WEBPACK_IMPORTED_MODULE_3__/* .followDeployment */ .p)(ctx, target.deploymentId, clock.now() + options.timeoutMs, followOptions(ctx, false));
    const rollbackId = stopped.end.kind === 'final' ? stopped.end.seen.info.rollbackInfo?.rollbackDeploymentId : undefined;
    if (!rollbackId) {
        const message = `${headline}; stopped, and CodeDeploy started no rollback`;
        reporter.error(message);
        return { status: 'TIMED_OUT', message, failure };
    }
    return followRollback(ctx, rollbackId, `${headline}; stopped`, failure, 'TIMED_OUT');
}
/** The deployment as CodeDeploy tells it now; undefined when it does not answer. */
async function readOnce(ctx) {
    try {
        return await ctx.api.getDeployment(ctx.target.deploymentId);
    }
    catch {
        return undefined;
    }
}
/** Stops the deployment with rollback, waiting for CodeDeploy to answer that one call, not for the rollback. */
async function cancelled(ctx, headline) {
    const { clock, target, reporter } = ctx;
    const id = target.deploymentId;
    const said = await (0,_watch_endings_js__WEBPACK_IMPORTED_MODULE_2__/* .rollBackOnCancel */ .qP)(ctx.afterCancel.stopDeployment(id, true), {
        call: `StopDeployment of ${id}`,
        to: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(target.previousTaskDefinitionArn),
        answeredBy: 'CodeDeploy',
        byHand: `stop it with aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled`,
    }, clock);
    const message = `${headline}; ${said}`;
    reporter.warn(message);
    return { status: 'CANCELLED', message };
}
/** Stopped by someone else: by a later deployment of the group, or by hand. */
async function stoppedElsewhere(ctx, seen) {
    const { api, target, reporter } = ctx;
    const reason = (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .errorInformationLine */ .hh)(seen.info) ?? 'no reason given';
    const rollbackId = seen.info.rollbackInfo?.rollbackDeploymentId;
    let later;
    try {
        const since = seen.info.createTime;
        const listed = await api.listDeployments({
            applicationName: target.application,
            deploymentGroupName: target.deploymentGroup,
            ...(since ? { createTimeRange: { start: since } } : {}),
        });
        later = listed.deployments.find((id) => id !== target.deploymentId && id !== rollbackId);
    }
    catch (error) {
        reporter.warn(`Could not list the deployment group's deployments: ${(0,_watch_read_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(error)}`);
    }
    if (later) {
        const message = `${what(ctx)} was stopped (${reason}); deployment ${later}, started after it, took over`;
        reporter.warn(message);
        return { status: 'SUPERSEDED', message };
    }
    const headline = `${what(ctx)} was stopped outside this run (${reason})`;
    const failure = await reportFailure(ctx, seen, reason, headline);
    if (rollbackId)
        return followRollback(ctx, rollbackId, headline, failure, 'FAILED');
    return { status: 'FAILED', message: headline, failure };
}
function unknown(ctx, result) {
    const { reporter, clock, options, target } = ctx;
    const end = result.end;
    const why = end.kind === 'watch-error'
        ? `could not follow it: ${end.message}`
        : `CodeDeploy did not answer${result.last ? ` in the last ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(clock.now() - result.last.at)}` : ''} of the ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(options.timeoutMs)} wait (${end.kind === 'unobserved' ? end.problem : 'no answer'})`;
    const seen = result.last ? lastSeenLine(result.last) : undefined;
    const message = `the outcome of ${what(ctx)} is unknown: ${why}${seen ? `; last seen: ${seen}` : ''}`;
    reporter.error(message);
    reporter.info('Not stopping it: the outcome is not known.');
    reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
    return {
        status: 'UNKNOWN',
        message,
        ...(seen && result.last ? { lastSeen: seen, lastSeenAt: new Date(result.last.at).toISOString() } : {}),
    };
}
/** `InProgress; AllowTraffic: InProgress`: the status and the lifecycle event running or last done. */
function lastSeenLine(seen) {
    const events = (seen.target?.lifecycleEvents ?? []).filter((event) => event.status && event.status !== 'Pending');
    const current = events.at(-1);
    return `${seen.info.status ?? '?'}${current ? `; ${(0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .lifecycleEventLine */ .Vv)(current)}` : ''}`;
}
/** Prints the headline as an error, then the failed event's diagnostics and the stopped tasks of the new revision. */
async function reportFailure(ctx, seen, reason, headline) {
    const { reporter, target } = ctx;
    const event = (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .failedEventOf */ .NG)(seen?.target);
    const eventLines = event ? (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .failedEventLines */ .BN)(event) : [];
    const { tasks, unread } = await stoppedTasks(ctx);
    reporter.error(headline);
    for (const line of eventLines)
        reporter.info(line);
    const error = (0,_progress_js__WEBPACK_IMPORTED_MODULE_7__/* .errorInformationLine */ .hh)(seen?.info);
    if (error)
        reporter.info(`CodeDeploy: ${error}`);
    if (tasks.length > 0) {
        reporter.info(`Stopped tasks of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(target.taskDefinitionArn)}, newest first:`);
        for (const line of tasks.flatMap(_watch_stopped_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .stoppedTaskLines */ .a$))
            reporter.info(`  ${line}`);
    }
    else {
        reporter.info(unread ? `The stopped tasks could not be read (${unread}).` : `No stopped tasks of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(target.taskDefinitionArn)}.`);
    }
    reporter.info(`Console: ${codeDeployConsoleUrl(target.region, target.deploymentId)}`);
    return { reason, events: eventLines, stoppedTasks: tasks };
}
async function stoppedTasks(ctx) {
    const { ecs, target, options, clock } = ctx;
    if (options.cancel.aborted)
        return { tasks: [], unread: 'cancelled' };
    const query = { cluster: target.cluster, service: target.service, taskDefinitionArn: target.taskDefinitionArn };
    const answer = await (0,_watch_settle_js__WEBPACK_IMPORTED_MODULE_9__/* .settleWithin */ .fb)((0,_watch_stopped_tasks_js__WEBPACK_IMPORTED_MODULE_8__/* .stoppedTasksOf */ .bd)(ecs, query), _watch_failure_report_js__WEBPACK_IMPORTED_MODULE_0__/* .STOPPED_TASKS_WAIT_MS */ .G$, clock, options.cancel);
    if (answer.state === 'fulfilled')
        return { tasks: answer.value };
    return { tasks: [], unread: answer.state === 'rejected' ? (0,_watch_read_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReadError */ .U)(answer.error) : `no answer within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(_watch_failure_report_js__WEBPACK_IMPORTED_MODULE_0__/* .STOPPED_TASKS_WAIT_MS */ .G$)}` };
}


/***/ })

};
