export const id = 372;
export const ids = [372,213];
export const modules = {

/***/ 6213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resultOf: () => (/* binding */ resultOf),
  runContinue: () => (/* binding */ runContinue)
});

// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/deploy/preflight.ts + 5 modules
var preflight = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/rollout/codedeploy.ts
var codedeploy = __webpack_require__(2655);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fleet/conclude.ts
var conclude = __webpack_require__(5871);
// EXTERNAL MODULE: ./src/fleet/run.ts + 20 modules
var run = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 7 modules
var parse = __webpack_require__(7179);
// EXTERNAL MODULE: ./src/session.ts + 1 modules
var src_session = __webpack_require__(9367);
// EXTERNAL MODULE: ./src/watch/snapshot.ts
var snapshot = __webpack_require__(8263);
// EXTERNAL MODULE: ./src/watch/watch-rollout.ts + 6 modules
var watch_rollout = __webpack_require__(8790);
;// CONCATENATED MODULE: ./src/verbs/paused.ts


const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
/** The paused deployment; a PreflightError saying what happens instead when nothing of the service is paused. */
async function findPaused(ecs, service, given) {
    const name = service.serviceName ?? '?';
    const deployments = given.serviceDeploymentArn ? await givenDeployment(ecs, service, given.serviceDeploymentArn) : await inFlight(ecs, service);
    const paused = deployments.flatMap((deployment) => deployment.status === 'IN_PROGRESS'
        ? (deployment.lifecycleHookDetails ?? []).filter((hook) => hook.status === 'AWAITING_ACTION').map((hook) => ({ deployment, hook }))
        : []);
    const chosen = given.hookId ? paused.find(({ hook }) => hook.hookId === given.hookId) : paused[0];
    if (chosen) {
        const { deployment, hook } = chosen;
        return {
            serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
            hookId: hook.hookId ?? '',
            stage: deployment.lifecycleStage ?? '?',
            ...(hook.expiresAt ? { expiresAt: hook.expiresAt.toISOString() } : {}),
            deployment,
        };
    }
    if (given.hookId) {
        const waiting = paused.map(({ hook }) => hook.hookId).join(', ');
        throw new errors/* PreflightError */.wG(`hook-id: "${given.hookId}" is not a PAUSE hook of service ${name} that awaits action${waiting ? `; ${waiting} does` : ''}; give the hook-id of this service's paused deployment, or leave it unset to continue the one that waits.`);
    }
    throw new errors/* PreflightError */.wG(`nothing of service ${name} is paused: ${whatHappens(service, deployments)}; continue only lets a deployment that waits at a PAUSE hook go on.`);
}
async function givenDeployment(ecs, service, arn) {
    const described = await ecs.describeServiceDeployments([arn]);
    const deployment = described.serviceDeployments?.[0];
    if (!deployment)
        throw new errors/* PreflightError */.wG(`service-deployment-arn: "${arn}" was not found; check it, or leave it unset to continue the deployment of service ${service.serviceName ?? '?'} that waits.`);
    if (deployment.serviceArn !== undefined && service.serviceArn !== undefined && deployment.serviceArn !== service.serviceArn) {
        throw new errors/* PreflightError */.wG(`service-deployment-arn: "${arn}" is a deployment of ${deployment.serviceArn}, not of service ${service.serviceName ?? '?'}; give a deployment of this service.`);
    }
    return [deployment];
}
async function inFlight(ecs, service) {
    const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...IN_FLIGHT] });
    const arns = (listed.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
    if (arns.length === 0)
        return [];
    return (await ecs.describeServiceDeployments(arns)).serviceDeployments ?? [];
}
function whatHappens(service, deployments) {
    const [first] = deployments;
    if (!first)
        return `no deployment is in flight, it runs ${(0,names/* familyRevision */.KW)(service.taskDefinition ?? '?')}`;
    const stage = first.lifecycleStage ? ` at ${first.lifecycleStage}` : '';
    return `service deployment ${first.serviceDeploymentArn ?? '?'} is ${first.status ?? '?'}${stage}`;
}

;// CONCATENATED MODULE: ./src/verbs/continue.ts












/** Reads after the continue until ECS no longer shows the hook awaiting action, so the watch does not stop at it. */
const HOOK_LEFT_READS = 10;
async function runContinue({ invocation, env, host, cancel }) {
    const reporter = host.reporter;
    const raw = await (0,run/* readRawInputs */.y)({ invocation, env, reporter });
    const inputs = (0,parse/* parseInputs */.TL)(raw);
    if (inputs.services.file)
        throw new errors/* InputError */.dz('services-file: continue acts on one service; set service (and cluster) instead.');
    if (!inputs.service)
        throw new errors/* InputError */.dz('service: not set; continue needs the service (and cluster) whose deployment is paused.');
    const given = { serviceDeploymentArn: raw('service-deployment-arn').trim(), hookId: raw('hook-id').trim() };
    if (inputs.dryRun) {
        const which = given.hookId ? `PAUSE hook ${given.hookId}` : `the PAUSE hook of ${inputs.cluster}/${inputs.service} that awaits action`;
        reporter.info(`Would call ContinueServiceDeployment (action CONTINUE) on ${which}, then follow the deployment to its end.`);
        reporter.info('Dry run: nothing was changed.');
        return errors/* EXIT */.dc.ok;
    }
    const startedAt = clock/* systemClock */.m.now();
    const session = await (0,src_session/* openSession */.f)(inputs, env, reporter, cancel);
    const { service, kind } = await (0,preflight/* preflightService */.B)(session.ecs, inputs.cluster, inputs.service, session.region);
    if (kind === codedeploy/* codeDeploy */.h) {
        throw new errors/* PreflightError */.wG(`service: "${inputs.service}" is deployed by CodeDeploy; continue lets an ECS deployment paused at a PAUSE hook go on, and does not continue CodeDeploy deployments yet (aws deploy continue-deployment does).`);
    }
    const paused = await findPaused(session.ecs, service, given);
    reporter.info(`Continuing service deployment ${paused.serviceDeploymentArn} at ${paused.stage}: ContinueServiceDeployment hook ${paused.hookId}, action CONTINUE (${kind.name})`);
    await session.ecs.continueServiceDeployment(paused.serviceDeploymentArn, paused.hookId, 'CONTINUE');
    await hookLeft(session.ecs, paused, inputs.pollIntervalMs);
    const target = await targetOf(session.ecs, inputs, session.region, paused);
    const outcome = await (0,watch_rollout/* watchStaged */.G)({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock: clock/* systemClock */.m, reporter }, target, {
        timeoutMs: inputs.waitTimeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
        rollback: inputs.rollback,
        rollbackOnCancel: inputs.rollbackOnCancel,
        waitUntil: inputs.waitUntil,
        ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
        cancel,
    });
    const ending = { result: await resultOf(session.ecs, target, outcome, startedAt) };
    const problem = await (0,conclude/* publish */.mk)(host, ending);
    const code = (0,conclude/* conclude */.Ep)(host, ending, cancel, false);
    if (problem !== undefined && code === errors/* EXIT */.dc.ok) {
        host.fail(problem);
        return errors/* EXIT */.dc.failed;
    }
    return code;
}
/** ECS may still show the hook awaiting action in the first answers after the continue. */
async function hookLeft(ecs, paused, pollIntervalMs) {
    for (let read = 0; read < HOOK_LEFT_READS; read++) {
        const answer = await ecs.describeServiceDeployments([paused.serviceDeploymentArn]);
        const hook = answer.serviceDeployments?.[0]?.lifecycleHookDetails?.find((detail) => detail.hookId === paused.hookId);
        if (hook?.status !== 'AWAITING_ACTION')
            return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, 1_000)));
    }
}
/** What the watcher follows: the paused deployment's revision, and the one a rollback goes back to. */
async function targetOf(ecs, inputs, region, paused) {
    const service = (await ecs.describeServices(inputs.cluster, [inputs.service])).services?.[0];
    const deployments = service?.deployments ?? [];
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
    const previous = deployments.find((deployment) => deployment.status === 'ACTIVE') ?? primary;
    return {
        cluster: inputs.cluster,
        service: inputs.service,
        region,
        taskDefinitionArn: primary?.taskDefinition ?? service?.taskDefinition ?? '',
        ...(primary?.id ? { deploymentId: primary.id } : {}),
        serviceDeploymentArn: paused.serviceDeploymentArn,
        deploymentIdsBefore: deployments.flatMap((deployment) => (deployment !== primary && deployment.id ? [deployment.id] : [])),
        eventKeysBefore: (service?.events ?? []).map(snapshot/* eventKey */.Mk),
        previous: { taskDefinitionArn: previous?.taskDefinition ?? '', desiredCount: previous?.desiredCount ?? service?.desiredCount ?? 0 },
        ...(service?.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
    };
}
async function resultOf(ecs, target, outcome, startedAt) {
    const described = await ecs.describeTaskDefinition(target.taskDefinitionArn).catch(() => undefined);
    const taskDefinition = described?.taskDefinition;
    return {
        dryRun: false,
        region: target.region,
        cluster: target.cluster,
        service: target.service,
        image: taskDefinition?.containerDefinitions?.[0]?.image ?? '',
        taskDefinitionArn: target.taskDefinitionArn,
        revision: taskDefinition?.revision ?? Number((0,names/* familyRevision */.KW)(target.taskDefinitionArn).split(':')[1] ?? 0),
        registered: false,
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
        serviceDeploymentArn: outcome.serviceDeploymentArn ?? target.serviceDeploymentArn ?? '',
        ...(outcome.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
        ...(outcome.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
        ...(outcome.paused ? { paused: outcome.paused } : {}),
        deploymentStatus: outcome.status,
        statusMessage: outcome.message,
        ...(outcome.failure ? { failure: outcome.failure } : {}),
        ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
        consoleUrl: (0,names/* consoleUrl */.B9)(target.region, target.cluster, target.service),
        diff: [],
        startedAt,
        finishedAt: clock/* systemClock */.m.now(),
        deregistered: [],
    };
}


/***/ }),

/***/ 8372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6429);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7607);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/* harmony import */ var _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3545);
/* harmony import */ var _deploy_preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6052);
/* harmony import */ var _rollout_codedeploy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2655);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _fleet_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7564);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7179);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9367);
/* harmony import */ var _watch_snapshot_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8263);
/* harmony import */ var _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8790);
/* harmony import */ var _continue_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6213);












const IN_FLIGHT = ['PENDING', 'IN_PROGRESS'];
const STAGED = new Set(['BLUE_GREEN', 'LINEAR', 'CANARY']);
const ROLLBACK_ENDS = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'SUCCESSFUL', 'STOPPED']);
async function runRollback({ invocation, env, host, cancel }) {
    const reporter = host.reporter;
    const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_6__/* .parseInputs */ .TL)(await (0,_fleet_run_js__WEBPACK_IMPORTED_MODULE_5__/* .readRawInputs */ .y)({ invocation, env, reporter }));
    if (inputs.services.file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('services-file: rollback acts on one service; set service (and cluster) instead.');
    if (!inputs.service)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('service: not set; rollback needs the service (and cluster) to put back.');
    if (inputs.dryRun) {
        reporter.info(`Would roll back ${inputs.cluster}/${inputs.service}: a deployment in flight through ECS (ContinueServiceDeployment or StopServiceDeployment, ROLLBACK); otherwise UpdateService to ${inputs.taskDefinitionArn || 'the revision it ran before its newest successful deployment'}.`);
        reporter.info('Dry run: nothing was changed.');
        return _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    }
    const startedAt = _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m.now();
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_7__/* .openSession */ .f)(inputs, env, reporter, cancel);
    const { service, kind } = await (0,_deploy_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .preflightService */ .B)(session.ecs, inputs.cluster, inputs.service, session.region);
    if (kind === _rollout_codedeploy_js__WEBPACK_IMPORTED_MODULE_3__/* .codeDeploy */ .h) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`service: "${inputs.service}" is deployed by CodeDeploy; rollback puts back services ECS deploys, and does not roll back CodeDeploy deployments yet (aws deploy stop-deployment --auto-rollback-enabled does).`);
    }
    const ecs = session.ecs;
    const flying = inputs.taskDefinitionArn ? undefined : await inFlight(ecs, service);
    let outcome;
    let target;
    if (flying) {
        const to = await sourceOf(ecs, flying);
        if (!to)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`nothing to go back to: service deployment ${flying.serviceDeploymentArn ?? '?'} of ${inputs.service} names no earlier revision.`);
        target = targetOf(inputs, session.region, service, to, flying.serviceDeploymentArn);
        await stopInFlight(ecs, reporter, inputs.service, flying, to);
        outcome = await followRollback(ecs, reporter, flying.serviceDeploymentArn ?? '', to, inputs, cancel);
    }
    else {
        const chosen = await earlierRevision(ecs, service, inputs);
        reporter.info(`Rolling back ${inputs.service} to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(chosen.taskDefinition)}: ${chosen.why}; UpdateService`);
        const answer = await ecs.updateService({ cluster: inputs.cluster, service: inputs.service, taskDefinition: chosen.taskDefinition });
        target = targetOf(inputs, session.region, answer.service ?? service, chosen.taskDefinition, answer.service?.currentServiceDeployment, service);
        const watch = STAGED.has(service.deploymentConfiguration?.strategy ?? '') ? _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_8__/* .watchStaged */ .G : _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_8__/* .watchRolling */ .T;
        const watched = await watch({ ecs, ecsAfterCancel: session.ecsAfterCancel, clock: _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m, reporter }, target, {
            timeoutMs: inputs.waitTimeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            rollback: false,
            rollbackOnCancel: false,
            cancel,
        });
        outcome = watched.status === 'COMPLETED' ? { ...watched, status: 'ROLLED_BACK', rolledBackTo: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(chosen.taskDefinition), message: `${inputs.service} is back on ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(chosen.taskDefinition)}` } : watched;
    }
    return end(host, { ...(await (0,_continue_js__WEBPACK_IMPORTED_MODULE_9__.resultOf)(ecs, target, outcome, startedAt)), rollbackAsked: true });
}
async function end(host, result) {
    await host.finish(result, (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__.outputsOf)(result));
    if (result.deploymentStatus === 'ROLLED_BACK') {
        host.reporter.info(`Done in ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_11__/* .formatDuration */ .a)(result.finishedAt - result.startedAt)}: ${result.service ?? '?'} runs ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(result.taskDefinitionArn)} again.`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    }
    host.fail(`rollback ${result.deploymentStatus}: ${result.statusMessage ?? ''}`);
    return _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.failed;
}
async function inFlight(ecs, service) {
    const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...IN_FLIGHT] }).catch(() => undefined);
    const arns = (listed?.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
    if (arns.length === 0)
        return undefined;
    return (await ecs.describeServiceDeployments(arns)).serviceDeployments?.[0];
}
/** The task definition of the revision a service deployment started from. */
async function sourceOf(ecs, deployment) {
    const arn = deployment.sourceServiceRevisions?.[0]?.arn;
    if (!arn)
        return undefined;
    return (await ecs.describeServiceRevisions([arn])).serviceRevisions?.[0]?.taskDefinition;
}
async function stopInFlight(ecs, reporter, name, deployment, to) {
    const arn = deployment.serviceDeploymentArn ?? '';
    const hook = deployment.status === 'IN_PROGRESS' ? deployment.lifecycleHookDetails?.find((detail) => detail.status === 'AWAITING_ACTION') : undefined;
    if (hook?.hookId) {
        reporter.info(`Rolling back ${name} to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)}, the revision its deployment in flight started from: it is paused at ${deployment.lifecycleStage ?? '?'}; ContinueServiceDeployment hook ${hook.hookId}, action ROLLBACK`);
        await ecs.continueServiceDeployment(arn, hook.hookId, 'ROLLBACK');
        return;
    }
    reporter.info(`Rolling back ${name} to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)}, the revision its deployment in flight started from: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
    await ecs.stopServiceDeployment(arn, 'ROLLBACK');
}
/** Follows the service deployment ECS rolls back until it ends, or wait-timeout. */
async function followRollback(ecs, reporter, arn, to, inputs, cancel) {
    const deadline = _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m.now() + inputs.waitTimeoutMs;
    let seen = '';
    while (!cancel.aborted) {
        const deployment = (await ecs.describeServiceDeployments([arn])).serviceDeployments?.[0];
        const status = deployment?.status ?? '?';
        const line = `Service deployment ${status}${deployment?.lifecycleStage ? ` at ${deployment.lifecycleStage}` : ''}`;
        if (line !== seen)
            reporter.info((seen = line));
        if (status === 'ROLLBACK_SUCCESSFUL')
            return { status: 'ROLLED_BACK', message: `rolled back to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)}`, rolledBackTo: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to), serviceDeploymentArn: arn };
        if (ROLLBACK_ENDS.has(status)) {
            const why = deployment?.statusReason ? `: ${deployment.statusReason}` : '';
            return { status: status === 'SUCCESSFUL' ? 'COMPLETED' : 'FAILED', message: `the rollback to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)} did not happen; the service deployment ended ${status}${why}`, serviceDeploymentArn: arn };
        }
        if (_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m.now() >= deadline)
            return { status: 'TIMED_OUT', message: `the rollback to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)} did not finish within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_11__/* .formatDuration */ .a)(inputs.waitTimeoutMs)}`, serviceDeploymentArn: arn };
        await new Promise((resolve) => setTimeout(resolve, inputs.pollIntervalMs));
    }
    return { status: 'CANCELLED', message: `cancelled while rolling back to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(to)}`, serviceDeploymentArn: arn };
}
/** The revision to go back to, and why that one; refused when there is none. */
async function earlierRevision(ecs, service, inputs) {
    const now = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(service.taskDefinition ?? '?');
    if (inputs.taskDefinitionArn) {
        const described = await ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
        const arn = described?.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
        if (arn === service.taskDefinition)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`nothing to go back to: ${inputs.service} already runs ${now}, the task-definition-arn given.`);
        return { taskDefinition: arn, why: 'task-definition-arn names it' };
    }
    const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: ['SUCCESSFUL'] }).catch(() => undefined);
    if (!listed)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`nothing known to go back to: ECS does not list the service deployments of ${inputs.service} here; give task-definition-arn.`);
    const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
    const deployment = newest ? (await ecs.describeServiceDeployments([newest])).serviceDeployments?.[0] : undefined;
    const source = deployment ? await sourceOf(ecs, deployment) : undefined;
    if (!source || source === service.taskDefinition) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`nothing to go back to: ${inputs.service} runs ${now}, and no successful deployment of it started from another revision; give task-definition-arn to choose one.`);
    }
    return { taskDefinition: source, why: `the revision it ran before its newest successful deployment (${newest ?? '?'})` };
}
function targetOf(inputs, region, service, to, serviceDeploymentArn, before = service) {
    const deployments = service.deployments ?? [];
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY' && deployment.taskDefinition === to);
    const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
    return {
        cluster: inputs.cluster,
        service: inputs.service,
        region,
        taskDefinitionArn: to,
        ...(primary?.id && !idsBefore.includes(primary.id) ? { deploymentId: primary.id } : {}),
        ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
        deploymentIdsBefore: before === service ? [] : idsBefore,
        ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
        eventKeysBefore: (before.events ?? []).map(_watch_snapshot_js__WEBPACK_IMPORTED_MODULE_12__/* .eventKey */ .Mk),
        previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
        ...(service.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
    };
}


/***/ })

};
