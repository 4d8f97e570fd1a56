export const id = 372;
export const ids = [372];
export const modules = {

/***/ 8372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7607);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6429);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(833);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3545);
/* harmony import */ var _deploy_preflight_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9646);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _fleet_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7564);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7179);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9367);
/* harmony import */ var _verb_result_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(247);
// `rollback`: puts a service back on the revision it ran before, and follows that to its end. The rollout kind the
// preflight chose decides how: what is in flight rolled back by ECS, else the earlier revision deployed its way.
// A cancel only stops following: the rollback goes on in ECS.










async function runRollback({ invocation, env, host, cancel }) {
    const reporter = host.reporter;
    const inputs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_6__/* .parseInputs */ .TL)(await (0,_fleet_run_js__WEBPACK_IMPORTED_MODULE_5__/* .readRawInputs */ .y)({ invocation, env, reporter }));
    if (inputs.services.file)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('services-file: rollback acts on one service; set service (and cluster) instead.');
    if (!inputs.service)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('service: not set; rollback needs the service (and cluster) to put back.');
    if (inputs.dryRun) {
        reporter.info(`Would roll back ${inputs.cluster}/${inputs.service}: a deployment in flight through ECS (ContinueServiceDeployment or StopServiceDeployment, ROLLBACK); otherwise deploy ${inputs.taskDefinitionArn || 'the revision it ran before its newest successful deployment'} (UpdateService, or UpdateExpressGatewayService for an Express service), continuing that deployment at each PAUSE hook it waits at (ContinueServiceDeployment, CONTINUE). A CodeDeploy service: StopDeployment with rollback of a deployment in flight; otherwise CreateDeployment of ${inputs.taskDefinitionArn || "the newest successful deployment's previousRevision"}, continued if it waits in Ready. Asking for the rollback is the go-ahead.`);
        reporter.info('Dry run: nothing was changed.');
        return _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    }
    const startedAt = _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m.now();
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_7__/* .openSession */ .f)(inputs, env, reporter, cancel);
    const { service, kind } = await (0,_deploy_preflight_js__WEBPACK_IMPORTED_MODULE_3__/* .preflightService */ .B)(session.ecs, inputs.cluster, inputs.service, session.region);
    if (!kind.rollBack)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PreflightError */ .wG(`service: "${inputs.service}" (${kind.name}) cannot be rolled back by ecs-deliver; deploy the earlier revision instead.`);
    const operated = await kind.rollBack({ session, reporter, clock: _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, cancel }, { inputs, service });
    return end(host, { ...(await (0,_verb_result_js__WEBPACK_IMPORTED_MODULE_8__/* .resultOf */ .B)(session.ecs, operated, startedAt)), rollbackAsked: true }, cancel);
}
async function end(host, result, cancel) {
    await host.finish(result, (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_2__.outputsOf)(result));
    if (result.deploymentStatus === 'ROLLED_BACK') {
        host.reporter.info(`Done in ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_9__/* .formatDuration */ .a)(result.finishedAt - result.startedAt)}: ${result.service ?? '?'} runs ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_10__/* .familyRevision */ .KW)(result.taskDefinitionArn)} again.`);
        return _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.ok;
    }
    host.fail(`rollback ${result.deploymentStatus}: ${result.statusMessage ?? ''}`);
    return cancel.aborted ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .exitCodeFor */ .Rr)(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc((0,_cancel_js__WEBPACK_IMPORTED_MODULE_0__/* .signalOf */ .oX)(cancel))) : _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.failed;
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
