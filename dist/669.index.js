export const id = 669;
export const ids = [669];
export const modules = {

/***/ 3669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  continueCodeDeployService: () => (/* binding */ continueCodeDeployService),
  rollBackCodeDeployService: () => (/* binding */ rollBackCodeDeployService)
});

// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/codedeploy/in-flight.ts
/** Every status CodeDeploy gives a deployment that has not ended. */
const NOT_ENDED = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
/**
 * CodeDeploy promises no order in ListDeployments: this many of the first listed are read, newest first by their
 * createTime. A group has one deployment in flight at a time (two while CodeDeploy starts a rollback).
 */
const READ_AT_MOST = 10;
/** The first listed deployments read, newest first. */
async function newestFirst(api, ids) {
    const read = await Promise.all(ids.slice(0, READ_AT_MOST).map((id) => api.getDeployment(id)));
    return read
        .filter((info) => info !== undefined)
        .sort((a, b) => (b.createTime?.getTime() ?? 0) - (a.createTime?.getTime() ?? 0));
}
/** The group's deployments that have not ended, newest first. */
async function deploymentsInFlight(api, group) {
    const listed = await api.listDeployments({
        applicationName: group.application,
        deploymentGroupName: group.deploymentGroup,
        includeOnlyStatuses: [...NOT_ENDED],
    });
    return (await newestFirst(api, listed.deployments)).filter((info) => NOT_ENDED.includes(info.status ?? ''));
}
/** What the group does now, for a refusal: the deployment in flight and its status, or how the newest one ended. */
async function whatTheGroupDoes(api, group, inFlight) {
    const [flying] = inFlight;
    if (flying)
        return `CodeDeploy deployment ${flying.deploymentId ?? '?'} is ${flying.status ?? '?'}`;
    const listed = await api.listDeployments({ applicationName: group.application, deploymentGroupName: group.deploymentGroup });
    const [newest] = await newestFirst(api, listed.deployments);
    if (!newest)
        return `CodeDeploy group ${group.application}/${group.deploymentGroup} has no deployment`;
    return `no CodeDeploy deployment is in flight; the newest, ${newest.deploymentId ?? '?'}, ended ${newest.status ?? '?'}`;
}

// EXTERNAL MODULE: ./src/codedeploy/ready.ts
var codedeploy_ready = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/codedeploy/continue-deployment.ts





/** Reads after the continue until CodeDeploy no longer shows the deployment Ready, so the watch does not stop at it. */
const LEFT_READY_READS = 10;
const LEFT_READY_PAUSE_MS = 500;
/**
 * The deployment of the group that waits in Ready: `given` (the codedeploy-deployment-id a paused deploy gave),
 * checked to be of this group and in Ready, or the one found. Refused (exit 2) saying what happens instead.
 */
async function findReady(api, group, given) {
    const where = `${group.application}/${group.deploymentGroup}`;
    if (given) {
        const info = await api.getDeployment(given).catch((error) => {
            if ((0,aws_errors/* errorName */.Is)(error) === 'DeploymentDoesNotExistException')
                return undefined;
            throw error;
        });
        if (!info)
            throw new errors/* PreflightError */.wG(`codedeploy-deployment-id: "${given}" was not found; check it, or leave it unset to continue the deployment of ${where} that waits.`);
        if (info.applicationName !== group.application || info.deploymentGroupName !== group.deploymentGroup) {
            throw new errors/* PreflightError */.wG(`codedeploy-deployment-id: "${given}" is a deployment of ${info.applicationName ?? '?'}/${info.deploymentGroupName ?? '?'}, not of ${where}; give a deployment of this service's group.`);
        }
        if (!(0,codedeploy_ready/* waitsInReady */.ZW)(info)) {
            throw new errors/* PreflightError */.wG(`nothing waits in Ready: CodeDeploy deployment ${given} is ${info.status ?? '?'}; continue only lets a deployment that waits for its traffic reroute go on.`);
        }
        return info;
    }
    const inFlight = await deploymentsInFlight(api, group);
    const ready = inFlight.find(codedeploy_ready/* waitsInReady */.ZW);
    if (ready)
        return ready;
    throw new errors/* PreflightError */.wG(`nothing of CodeDeploy group ${where} waits in Ready: ${await whatTheGroupDoes(api, group, inFlight)}; continue only lets a deployment that waits for its traffic reroute go on.`);
}
/** ContinueDeployment READY_WAIT, then a few reads until CodeDeploy shows the reroute under way. */
async function continueReady(api, deploymentId, { clock, reporter, cancel }) {
    await (0,change/* sendChange */.Xy)({
        action: `ContinueDeployment ${deploymentId} (READY_WAIT)`,
        send: (signal) => api.continueDeployment(deploymentId, 'READY_WAIT', signal),
        async readBack() {
            const info = await api.getDeployment(deploymentId);
            return info && !(0,codedeploy_ready/* waitsInReady */.ZW)(info) ? { applied: true, value: undefined } : { applied: false, ...(info?.status ? { seen: info.status } : {}) };
        },
        resendIsSafe: false,
        whatToCheck: `aws deploy get-deployment --deployment-id ${deploymentId}`,
    }, { clock, reporter, cancel });
    for (let read = 0; read < LEFT_READY_READS; read++) {
        if (!(0,codedeploy_ready/* waitsInReady */.ZW)(await api.getDeployment(deploymentId)))
            return;
        await clock.sleep(LEFT_READY_PAUSE_MS, cancel);
    }
}

// EXTERNAL MODULE: ./src/codedeploy/plan.ts
var plan = __webpack_require__(8407);
;// CONCATENATED MODULE: ./src/codedeploy/operating.ts

/** The group read and checked as a deploy's plan does it, and the watch a deploy would make. */
async function operating(request) {
    const { session, inputs, service, reporter, cancel } = request;
    if (!session.codeDeploy)
        throw new Error('operating: the session has no CodeDeploy clients');
    const apis = await session.codeDeploy();
    const group = await (0,plan.planDeploymentGroup)({ api: apis.api, reporter }, inputs.codeDeploy, {
        cluster: inputs.cluster,
        service,
        region: session.region,
        waitTimeoutMs: inputs.waitTimeoutMs,
        waitTimeoutSet: inputs.waitTimeoutSet,
    });
    const watch = {
        timeoutMs: group.waitTimeoutMs ?? inputs.waitTimeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        rollback: inputs.rollback,
        cancel,
        untilTrafficShifted: inputs.waitUntil === 'traffic-shifted',
    };
    return { apis, group, watch };
}
function codeDeployTarget({ inputs, session, service }, group, deploymentId, taskDefinitionArn, previousTaskDefinitionArn) {
    return {
        deploymentId,
        application: group.application,
        deploymentGroup: group.deploymentGroup,
        cluster: inputs.cluster,
        service: service.serviceName ?? inputs.service,
        region: session.region,
        taskDefinitionArn,
        previousTaskDefinitionArn,
        ...(group.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: group.terminationWaitMinutes } : {}),
        ...(group.readyWaitMinutes !== undefined ? { readyWaitMinutes: group.readyWaitMinutes } : {}),
    };
}
/** The verb's result is made as a deploy's: from the task definition the service runs (or ran to) at the end. */
function end({ inputs, service }, target, outcome) {
    return {
        codeDeployDeploymentId: target.deploymentId,
        outcome,
        target: {
            cluster: inputs.cluster,
            service: target.service,
            region: target.region,
            taskDefinitionArn: target.taskDefinitionArn,
            deploymentIdsBefore: [],
            previous: { taskDefinitionArn: target.previousTaskDefinitionArn, desiredCount: service.desiredCount ?? 0 },
        },
    };
}

// EXTERNAL MODULE: ./src/aws/read-failure.ts
var read_failure = __webpack_require__(1494);
// EXTERNAL MODULE: ./src/codedeploy/appspec.ts
var appspec = __webpack_require__(5346);
;// CONCATENATED MODULE: ./src/codedeploy/previous-revision.ts






/** The AppSpec of `revision` in full, and its TaskDefinition; undefined when CodeDeploy has no such revision. */
async function readRevision(api, application, revision) {
    const given = revision.appSpecContent;
    let content = given?.content;
    if (content === undefined) {
        try {
            content = (await api.getApplicationRevision(application, revision))?.appSpecContent?.content;
        }
        catch (error) {
            if ((0,aws_errors/* errorName */.Is)(error) === 'RevisionDoesNotExistException')
                return undefined;
            throw (0,read_failure/* readFailure */.f)(`GetApplicationRevision ${given?.sha256 ?? '?'}`, error);
        }
    }
    if (content === undefined)
        return undefined;
    const yaml = (0,appspec/* appSpecNeedsYaml */.hX)(content) ? await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19)) : undefined;
    const taskDefinition = (0,appspec/* taskDefinitionOfAppSpec */.ee)((0,appspec/* parseAppSpec */.WS)(content, `revision ${given?.sha256 ?? ''}`, yaml, 'CodeDeploy'));
    if (!taskDefinition)
        return undefined;
    return { appSpec: { content, sha256: given?.sha256 ?? '' }, taskDefinition };
}
/**
 * The revision before the group's newest successful deployment; refused (exit 2) naming why when there is none, or
 * when it is what the service runs now.
 */
async function previousRevision(api, group, service) {
    const name = service.serviceName ?? '?';
    const where = `${group.application}/${group.deploymentGroup}`;
    const listed = await api.listDeployments({ applicationName: group.application, deploymentGroupName: group.deploymentGroup, includeOnlyStatuses: ['Succeeded'] });
    const [newestInfo] = await newestFirst(api, listed.deployments);
    const newest = newestInfo?.deploymentId;
    if (!newestInfo || !newest) {
        throw new errors/* PreflightError */.wG(`nothing to go back to: CodeDeploy group ${where} of ${name} has no successful deployment; give task-definition-arn to choose a revision.`);
    }
    const previous = newestInfo.previousRevision;
    if (!previous) {
        throw new errors/* PreflightError */.wG(`nothing to go back to: ${name}'s newest successful CodeDeploy deployment ${newest} names no previousRevision (CodeDeploy names none for a group's first successful deployment); give task-definition-arn to choose a revision.`);
    }
    const revision = await readRevision(api, group.application, previous);
    if (!revision) {
        throw new errors/* PreflightError */.wG(`nothing to go back to: the previousRevision of CodeDeploy deployment ${newest} cannot be read from application ${group.application}; give task-definition-arn to choose a revision.`);
    }
    if ((0,names/* sameRevision */.Y6)(revision.taskDefinition, service.taskDefinition)) {
        throw new errors/* PreflightError */.wG(`nothing to go back to: ${name} runs ${(0,names/* familyRevision */.KW)(revision.taskDefinition)}, the previousRevision of its newest successful CodeDeploy deployment ${newest}; give task-definition-arn to choose another revision.`);
    }
    return { ...revision, why: `the revision before ${name}'s newest successful CodeDeploy deployment ${newest} (its previousRevision)` };
}

// EXTERNAL MODULE: ./src/codedeploy/create-deployment.ts
var create_deployment = __webpack_require__(2786);
// EXTERNAL MODULE: ./src/codedeploy/watch.ts
var codedeploy_watch = __webpack_require__(7709);
;// CONCATENATED MODULE: ./src/codedeploy/redeploy.ts
// `rollback` of a CodeDeploy service whose deployments have all ended: a new CodeDeploy deployment of the revision it
// ran before (GetDeployment's previousRevision, deployed as it was), or of task-definition-arn (with the AppSpec a
// deploy of it would get), followed to its end. A group that waits in Ready is continued: asking for the rollback was
// the go-ahead.










async function redeploy(request, { apis, group, watch }) {
    const { session, service, reporter, cancel } = request;
    const chosen = await chosenRevision(request, group);
    const to = (0,names/* familyRevision */.KW)(chosen.taskDefinition);
    reporter.info(`Rolling back ${service.serviceName ?? '?'} to ${to}: ${chosen.why}; CreateDeployment in ${group.application}/${group.deploymentGroup}`);
    const deploymentId = await (0,create_deployment/* createDeployment */.Yy)(apis.afterCancel, { application: group.application, deploymentGroup: group.deploymentGroup, appSpec: chosen.appSpec, description: `ecs-deliver rollback to ${to}` }, { reporter, clock: clock/* systemClock */.m, cancel });
    reporter.info(`CodeDeploy deployment ${deploymentId} started.`);
    const target = codeDeployTarget(request, group, deploymentId, chosen.taskDefinition, service.taskDefinition ?? '');
    const deps = { ...apis, ecs: session.ecs, clock: clock/* systemClock */.m, reporter };
    let outcome = await (0,codedeploy_watch/* watchCodeDeployment */.gY)(deps, target, { ...watch, untilReady: true });
    if (outcome.status === 'PAUSED') {
        reporter.info(`The rollback deployment ${deploymentId} waits in Ready: continuing it, as the rollback asked for it.`);
        await continueReady(apis.afterCancel, deploymentId, { clock: clock/* systemClock */.m, reporter, cancel });
        outcome = await (0,codedeploy_watch/* watchCodeDeployment */.gY)(deps, target, watch);
    }
    const rolledBack = outcome.status === 'COMPLETED' ? { ...outcome, status: 'ROLLED_BACK', rolledBackTo: to, message: `${service.serviceName ?? '?'} is back on ${to} (CodeDeploy deployment ${deploymentId})` } : outcome;
    return end(request, target, rolledBack);
}
/** task-definition-arn when given (it must exist and differ from what runs), else the previousRevision. */
async function chosenRevision({ session, inputs, service, reporter }, group) {
    const apis = await session.codeDeploy?.();
    if (!apis)
        throw new Error('redeploy: the session has no CodeDeploy clients');
    if (!inputs.taskDefinitionArn)
        return previousRevision(apis.api, group, service);
    const described = await session.ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
    const arn = described?.taskDefinition?.taskDefinitionArn;
    if (!arn)
        throw new errors/* PreflightError */.wG(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
    if (arn === service.taskDefinition)
        throw new errors/* PreflightError */.wG(`nothing to go back to: ${service.serviceName ?? '?'} already runs ${(0,names/* familyRevision */.KW)(arn)}, the task-definition-arn given.`);
    const source = await (0,plan.chooseAppSpec)({ api: apis.api, reporter }, inputs.codeDeploy.appspec || plan.DEFAULT_APPSPEC, service);
    return { appSpec: (0,appspec/* appSpecContent */.uo)((0,appspec/* appSpecFor */.oW)(source, arn)), taskDefinition: arn, why: 'task-definition-arn names it' };
}

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/watch/read-errors.ts
var read_errors = __webpack_require__(6255);
// EXTERNAL MODULE: ./src/codedeploy/follow.ts
var follow = __webpack_require__(2029);
// EXTERNAL MODULE: ./src/codedeploy/progress.ts
var progress = __webpack_require__(7939);
;// CONCATENATED MODULE: ./src/codedeploy/stop-deployment.ts
// `rollback` of a CodeDeploy deployment in flight (Ready included): StopDeployment with autoRollbackEnabled (through
// aws/change.ts, in api.ts), then the stopped deployment followed until CodeDeploy names its rollback deployment, and
// that one followed to its end. ROLLED_BACK only once the rollback deployment succeeded.





async function stopWithRollback(deps, target, options) {
    const { api, clock, reporter } = deps;
    const to = (0,names/* familyRevision */.KW)(target.previousTaskDefinitionArn);
    const deadline = clock.now() + options.timeoutMs;
    const answer = await api.stopDeployment(target.deploymentId, true);
    reporter.info(`StopDeployment ${target.deploymentId}: ${answer.status ?? '?'}${answer.statusMessage ? ` (${answer.statusMessage})` : ''}`);
    // A stop answered Pending ends the deployment later; either way CodeDeploy names the rollback on the stopped deployment.
    const stopped = await reporter.group(`Waiting for CodeDeploy to stop ${target.deploymentId}`, () => (0,follow/* followDeployment */.p)(deps, target.deploymentId, deadline, (0,codedeploy_watch/* followOptions */.AW)({ target, options }, false)));
    if (stopped.end.kind !== 'final')
        return notFollowed(reporter, `stopping ${target.deploymentId}`, stopped.end, options);
    if (stopped.end.seen.info.status === 'Succeeded') {
        const message = `CodeDeploy deployment ${target.deploymentId} succeeded before the stop took effect: ${target.service} runs ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}; run rollback again to go back from it`;
        reporter.error(message);
        return { status: 'FAILED', message };
    }
    const rollbackId = await rollbackIdOf(deps, target.deploymentId, stopped.end.seen.info.rollbackInfo?.rollbackDeploymentId, deadline, options);
    if (!rollbackId) {
        const message = `CodeDeploy stopped ${target.deploymentId} (${(0,progress/* errorInformationLine */.hh)(stopped.end.seen.info) ?? 'no reason given'}) but started no rollback deployment back to ${to}`;
        reporter.error(message);
        return { status: 'FAILED', message };
    }
    const rollback = await reporter.group(`Watching CodeDeploy's rollback ${rollbackId} to ${to}`, () => (0,follow/* followDeployment */.p)(deps, rollbackId, deadline, (0,codedeploy_watch/* followOptions */.AW)({ target, options }, false)));
    if (rollback.end.kind !== 'final')
        return notFollowed(reporter, `CodeDeploy's rollback ${rollbackId} to ${to}`, rollback.end, options);
    const info = rollback.end.seen.info;
    if (info.status === 'Succeeded') {
        const message = `CodeDeploy deployment ${target.deploymentId} was stopped, and CodeDeploy's rollback ${rollbackId} put ${target.service} back on ${to}`;
        reporter.info(message);
        return { status: 'ROLLED_BACK', message, rolledBackTo: to };
    }
    const message = `CodeDeploy's rollback ${rollbackId} to ${to} ended ${info.status ?? '?'}${(0,progress/* errorInformationLine */.hh)(info) ? ` (${(0,progress/* errorInformationLine */.hh)(info)})` : ''}`;
    reporter.error(message);
    return { status: 'FAILED', message };
}
/**
 * The rollback deployment CodeDeploy names on the stopped one. Whether it is named as the deployment reads Stopped
 * or a little later is not documented: it is read again until the deadline.
 */
async function rollbackIdOf(deps, deploymentId, named, deadline, options) {
    let id = named;
    while (!id && deps.clock.now() + options.pollIntervalMs < deadline && !options.cancel.aborted) {
        await deps.clock.sleep(options.pollIntervalMs, options.cancel);
        try {
            id = (await deps.api.getDeployment(deploymentId))?.rollbackInfo?.rollbackDeploymentId;
        }
        catch (error) {
            deps.reporter.warn(`Could not read ${deploymentId}: ${(0,read_errors/* describeReadError */.U)(error)}`);
        }
    }
    return id;
}
function notFollowed(reporter, what, end, options) {
    if (end.kind === 'cancelled') {
        const message = `cancelled while ${what}`;
        reporter.warn(message);
        return { status: 'CANCELLED', message };
    }
    if (end.kind === 'timed-out') {
        const message = `${what} did not finish within ${(0,duration/* formatDuration */.a)(options.timeoutMs)}`;
        reporter.error(message);
        return { status: 'TIMED_OUT', message };
    }
    const message = `the outcome of ${what} is unknown: ${end.kind === 'watch-error' ? end.message : end.kind === 'unobserved' ? end.problem : end.kind}`;
    reporter.error(message);
    return { status: 'UNKNOWN', message };
}

;// CONCATENATED MODULE: ./src/codedeploy/operate.ts
// continue and rollback for a service CodeDeploy deploys, one call each for the verbs. continue: ContinueDeployment
// (READY_WAIT) of the deployment that waits in Ready, followed to its end like a deploy. rollback: a deployment in
// flight is stopped with CodeDeploy's rollback; once they all ended, a new deployment of the revision before
// (GetDeployment's previousRevision) or of task-definition-arn. Loaded only for a CODE_DEPLOY service.










/** `continue`: the deployment that waits in Ready (the given codedeploy-deployment-id, or the one found) goes on. */
async function continueCodeDeployService(request, givenDeploymentId) {
    const { session, service, reporter, cancel } = request;
    const { apis, group, watch } = await operating(request);
    const ready = await findReady(apis.api, group, givenDeploymentId);
    const deploymentId = ready.deploymentId ?? givenDeploymentId;
    const revision = ready.revision ? await readRevision(apis.api, group.application, ready.revision) : undefined;
    const target = codeDeployTarget(request, group, deploymentId, revision?.taskDefinition ?? '', service.taskDefinition ?? '');
    reporter.info(`Continuing CodeDeploy deployment ${deploymentId} of ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}, which waits in Ready: ContinueDeployment (READY_WAIT)`);
    await continueReady(apis.afterCancel, deploymentId, { clock: clock/* systemClock */.m, reporter, cancel });
    const outcome = await (0,codedeploy_watch/* watchCodeDeployment */.gY)({ ...apis, ecs: session.ecs, clock: clock/* systemClock */.m, reporter }, target, watch);
    return end(request, target, outcome);
}
/** `rollback`: a deployment in flight is stopped with CodeDeploy's rollback; else the earlier revision is deployed. */
async function rollBackCodeDeployService(request) {
    const { inputs, service, reporter } = request;
    const operate = await operating(request);
    const { apis, group, watch } = operate;
    const [flying] = await deploymentsInFlight(apis.api, group);
    if (!flying)
        return redeploy(request, operate);
    const deploymentId = flying.deploymentId ?? '';
    if (inputs.taskDefinitionArn) {
        throw new errors/* PreflightError */.wG(`task-definition-arn: CodeDeploy deployment ${deploymentId} of ${service.serviceName ?? '?'} is ${flying.status ?? '?'}, and CodeDeploy runs one deployment of a group at a time; leave task-definition-arn out to stop it with CodeDeploy's rollback, or run rollback once it ended.`);
    }
    const revision = flying.revision ? await readRevision(apis.api, group.application, flying.revision) : undefined;
    const target = codeDeployTarget(request, group, deploymentId, revision?.taskDefinition ?? '', service.taskDefinition ?? '');
    reporter.info(`Rolling back ${target.service} to ${(0,names/* familyRevision */.KW)(target.previousTaskDefinitionArn)}, the revision it ran before CodeDeploy deployment ${deploymentId} (${flying.status ?? '?'}) began: StopDeployment with rollback`);
    const outcome = await stopWithRollback({ api: apis.api, clock: clock/* systemClock */.m, reporter }, target, watch);
    return end(request, { ...target, taskDefinitionArn: target.previousTaskDefinitionArn }, outcome);
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


/***/ })

};
