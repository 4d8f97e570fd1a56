export const id = 149;
export const ids = [149];
export const modules = {

/***/ 8149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runContinue: () => (/* binding */ runContinue)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/* harmony import */ var _deploy_preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9646);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _fleet_conclude_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5871);
/* harmony import */ var _fleet_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7564);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7179);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9367);
/* harmony import */ var _verb_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(247);
// `continue`: lets the deployment that waits for someone go on, then follows it to its end as a deploy does: the
// same endings, outputs, summary and rollback rules. With wait-until paused it ends PAUSED again at the next pause.
// The rollout kind the preflight chose finds the deployment, makes the call and watches it.








async function runContinue({ invocation, env, host, cancel, running }) {
    const reporter = host.reporter;
    const raw = await (0,_fleet_run_js__WEBPACK_IMPORTED_MODULE_4__/* .readRawInputs */ .y)({ invocation, env, reporter });
    const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseInputs */ .TL)(raw);
    if (inputs.services.file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('services-file: continue acts on one service; set service (and cluster) instead.');
    if (!inputs.service)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('service: not set; continue needs the service (and cluster) whose deployment is paused.');
    const given = {
        serviceDeploymentArn: raw('service-deployment-arn').trim(),
        hookId: raw('hook-id').trim(),
        codeDeployDeploymentId: raw('codedeploy-deployment-id').trim(),
    };
    if (inputs.dryRun) {
        const which = given.hookId ? `PAUSE hook ${given.hookId}` : `the PAUSE hook of ${inputs.cluster}/${inputs.service} that awaits action`;
        reporter.info(`Would call ContinueServiceDeployment (action CONTINUE) on ${which}, then follow the deployment to its end.`);
        reporter.info(`For a CodeDeploy service: ContinueDeployment (READY_WAIT) of ${given.codeDeployDeploymentId || 'the deployment that waits in Ready'} instead.`);
        reporter.info('Dry run: nothing was changed.');
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok;
    }
    // A cancel while the continued deployment is followed is a deploy's cancel: rolled back with rollback-on-cancel.
    if (running)
        running.rollsBackOnCancel = inputs.rollbackOnCancel;
    const startedAt = _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m.now();
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_6__/* .openSession */ .f)(inputs, env, reporter, cancel);
    const { service, kind } = await (0,_deploy_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .preflightService */ .B)(session.ecs, inputs.cluster, inputs.service, session.region);
    if (!kind.continuePaused)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PreflightError */ .wG(`service: "${inputs.service}" (${kind.name}) has no deployments that wait for someone; continue has nothing to let go on.`);
    const operated = await kind.continuePaused({ session, reporter, clock: _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m, cancel }, { inputs, service, given });
    const ending = { result: await (0,_verb_result_js__WEBPACK_IMPORTED_MODULE_7__/* .resultOf */ .B)(session.ecs, operated, startedAt) };
    const problem = await (0,_fleet_conclude_js__WEBPACK_IMPORTED_MODULE_3__/* .publish */ .mk)(host, ending);
    const code = (0,_fleet_conclude_js__WEBPACK_IMPORTED_MODULE_3__/* .conclude */ .Ep)(host, ending, cancel, false);
    if (problem !== undefined && code === _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.ok) {
        host.fail(problem);
        return _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.failed;
    }
    return code;
}


/***/ }),

/***/ 247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ resultOf)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6429);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);


async function resultOf(ecs, { target, outcome, codeDeployDeploymentId }, startedAt) {
    const described = await ecs.describeTaskDefinition(target.taskDefinitionArn).catch(() => undefined);
    const taskDefinition = described?.taskDefinition;
    return {
        dryRun: false,
        region: target.region,
        cluster: target.cluster,
        service: target.service,
        image: taskDefinition?.containerDefinitions?.[0]?.image ?? '',
        taskDefinitionArn: target.taskDefinitionArn,
        revision: taskDefinition?.revision ?? Number((0,_aws_names_js__WEBPACK_IMPORTED_MODULE_1__/* .familyRevision */ .KW)(target.taskDefinitionArn).split(':')[1] ?? 0),
        registered: false,
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
        ...(codeDeployDeploymentId ? { codeDeployDeploymentId } : {}),
        serviceDeploymentArn: outcome.serviceDeploymentArn ?? target.serviceDeploymentArn ?? '',
        ...(outcome.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
        ...(outcome.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
        ...(outcome.paused ? { paused: outcome.paused } : {}),
        deploymentStatus: outcome.status,
        statusMessage: outcome.message,
        ...(outcome.failure ? { failure: outcome.failure } : {}),
        ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
        consoleUrl: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_1__/* .consoleUrl */ .B9)(target.region, target.cluster, target.service),
        diff: [],
        startedAt,
        finishedAt: _clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m.now(),
        deregistered: [],
    };
}


/***/ })

};
