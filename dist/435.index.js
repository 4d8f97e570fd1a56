export const id = 435;
export const ids = [435];
export const modules = {

/***/ 435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deployWithCodeDeploy: () => (/* binding */ deployWithCodeDeploy)
/* harmony export */ });
/* unused harmony export setDesiredCount */
/* harmony import */ var _aws_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1149);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6429);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(833);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _appspec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5346);
/* harmony import */ var _create_deployment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2786);
/* harmony import */ var _watch_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7709);







async function deployWithCodeDeploy(deps, request) {
    const { session, reporter, clock } = deps;
    const { update, codeDeploy, taskDefinitionArn, done } = request;
    if (!session.codeDeploy)
        throw new Error('deployWithCodeDeploy: the session has no CodeDeploy clients');
    const { api, afterCancel } = await session.codeDeploy();
    if (update.desiredCount !== undefined) {
        reporter.info(`Setting the desired count of ${update.service} to ${update.desiredCount} before the CodeDeploy deployment.`);
        await setDesiredCount(session.ecs, update, update.desiredCount, { reporter, clock, cancel: deps.cancel });
    }
    request.step('update');
    const appSpec = (0,_appspec_js__WEBPACK_IMPORTED_MODULE_3__/* .appSpecContent */ .uo)((0,_appspec_js__WEBPACK_IMPORTED_MODULE_3__/* .appSpecFor */ .oW)(codeDeploy.appSpec, taskDefinitionArn));
    const config = codeDeploy.deploymentConfig ?? codeDeploy.groupDeploymentConfig;
    reporter.info(`Creating a CodeDeploy deployment of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(taskDefinitionArn)} in ${codeDeploy.application}/${codeDeploy.deploymentGroup}` +
        `${config ? ` (${config})` : ''}; AppSpec: ${(0,_appspec_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAppSpec */ .mW)(codeDeploy.appSpec)}.`);
    const create = {
        application: codeDeploy.application,
        deploymentGroup: codeDeploy.deploymentGroup,
        appSpec,
        ...(codeDeploy.description ? { description: codeDeploy.description } : {}),
        ...(codeDeploy.deploymentConfig ? { deploymentConfig: codeDeploy.deploymentConfig } : {}),
    };
    let deploymentId;
    try {
        // On the calls a cancel does not abort: its read-back must still answer after a cancel.
        deploymentId = await (0,_create_deployment_js__WEBPACK_IMPORTED_MODULE_4__/* .createDeployment */ .Yy)(afterCancel, create, { reporter, clock, cancel: deps.cancel });
    }
    catch (error) {
        if (error instanceof _aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .ChangeCancelledError */ .e7) {
            const seen = error.settled;
            if (seen.state === 'applied')
                done.codeDeployDeploymentId = seen.value;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc((0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .signalOf */ .oX)(deps.cancel), await (0,_create_deployment_js__WEBPACK_IMPORTED_MODULE_4__/* .settleCancelledCreate */ .$$)(afterCancel, error, create, { reporter, clock }));
        }
        throw error;
    }
    done.codeDeployDeploymentId = deploymentId;
    done.target = {
        cluster: update.cluster,
        service: update.service,
        region: request.region,
        taskDefinitionArn,
        deploymentIdsBefore: (update.before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
        previous: { taskDefinitionArn: update.before.taskDefinition ?? '', desiredCount: update.before.desiredCount ?? 0 },
    };
    reporter.info(`CodeDeploy deployment ${deploymentId} started.`);
    if (!update.watch) {
        reporter.info('wait is false: not waiting for the CodeDeploy deployment.');
        return 'not-waited';
    }
    // Not request.step: a cancel from here on must reach the watcher, which stops the deployment it created.
    done.step = 'watch';
    // wait-until: traffic-shifted ends the wait once production traffic has moved.
    const waitUntil = update.watch.waitUntil;
    await deps.beforeWatch?.(deps.cancel);
    const outcome = await (0,_watch_js__WEBPACK_IMPORTED_MODULE_5__/* .watchCodeDeployment */ .gY)({ api, afterCancel, ecs: session.ecs, clock: deps.watchClock ?? clock, reporter }, {
        deploymentId,
        application: codeDeploy.application,
        deploymentGroup: codeDeploy.deploymentGroup,
        cluster: update.cluster,
        service: update.service,
        region: request.region,
        taskDefinitionArn,
        previousTaskDefinitionArn: update.before.taskDefinition ?? '',
        ...(codeDeploy.terminationWaitMinutes !== undefined ? { terminationWaitMinutes: codeDeploy.terminationWaitMinutes } : {}),
        ...(codeDeploy.readyWaitMinutes !== undefined ? { readyWaitMinutes: codeDeploy.readyWaitMinutes } : {}),
    }, {
        timeoutMs: codeDeploy.waitTimeoutMs ?? update.watch.timeoutMs,
        pollIntervalMs: update.watch.pollIntervalMs,
        rollback: update.watch.rollback,
        cancel: deps.cancel,
        untilTrafficShifted: waitUntil === 'traffic-shifted',
        untilReady: waitUntil === 'paused',
    });
    const { trafficShiftedOnly, ...watched } = outcome;
    done.outcome = watched;
    if (outcome.status === 'PAUSED')
        return 'paused';
    if (outcome.status !== 'COMPLETED')
        return 'not-completed';
    return trafficShiftedOnly ? 'traffic-shifted' : 'completed';
}
/**
 * UpdateService with the desired count alone, through aws/change.ts. Sending the same count again changes nothing,
 * so a lost answer is simply sent again; a refusal is not.
 */
async function setDesiredCount(ecs, update, desiredCount, { reporter, clock, cancel }) {
    await (0,_aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .sendChange */ .Xy)({
        action: `UpdateService ${update.service} (desired count ${desiredCount})`,
        send: async (signal) => void (await ecs.updateService({ cluster: update.cluster, service: update.service, desiredCount }, signal)),
        async readBack() {
            const now = (await ecs.describeServices(update.cluster, [update.service])).services?.[0];
            return now?.desiredCount === desiredCount ? { applied: true, value: undefined } : { applied: false };
        },
        resendIsSafe: true,
        whatToCheck: `aws ecs describe-services --cluster ${update.cluster} --services ${update.service}`,
    }, { clock, reporter, cancel });
}


/***/ })

};
