export const id = 683;
export const ids = [683];
export const modules = {

/***/ 2683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   codeDeployApi: () => (/* binding */ codeDeployApi),
/* harmony export */   codeDeployApis: () => (/* binding */ codeDeployApis)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3369);
/* harmony import */ var _aws_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9728);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(386);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9439);
// The CodeDeploy calls ecs-deliver makes, behind one small interface (as aws/ecs.ts does for ECS). This module holds
// the CodeDeploy SDK: it is loaded only for a service whose deployment controller is CODE_DEPLOY.




/** Clients configured like the session's ECS ones: timeouts, SDK retries on reads, one attempt for each change. */
function codeDeployApis(options) {
    const reads = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CodeDeployClient */ .cHd((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_2__.clientConfig)(options));
    (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_2__.addAnswerRules)(reads, options, { retryGarbled: true });
    const changes = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CodeDeployClient */ .cHd((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_2__.clientConfig)({ ...options, maxAttempts: 1 }));
    (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_2__.addAnswerRules)(changes, options, { retryGarbled: false });
    const afterCancel = codeDeployApi(reads, changes, _aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .endOfRun */ .q_);
    return {
        api: withSettledStop(codeDeployApi(reads, changes, options.signal), afterCancel, options.signal),
        afterCancel: withSettledStop(afterCancel, afterCancel, undefined, AFTER_CANCEL_STOP_MS),
    };
}
/** A stop a cancel asks for is tried again only this long: the run must end soon after. */
const AFTER_CANCEL_STOP_MS = 6_000;
/**
 * StopDeployment through aws/change.ts: a throttled, 5xx or lost answer is sent again (stopping twice stops once)
 * and the deployment read back, so a stop is reported failed only when CodeDeploy refused it.
 */
function withSettledStop(api, reads, cancel, withinMs) {
    return {
        ...api,
        stopDeployment: (deploymentId, autoRollbackEnabled) => (0,_aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .sendChange */ .Xy)({
            action: `StopDeployment ${deploymentId}`,
            send: (signal) => api.stopDeployment(deploymentId, autoRollbackEnabled, signal),
            async readBack() {
                const status = (await reads.getDeployment(deploymentId))?.status;
                return status === 'Stopped' ? { applied: true, value: { status: 'Succeeded', $metadata: {} } } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws deploy get-deployment --deployment-id ${deploymentId}`,
        }, { clock: _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, cancel, ...(withinMs !== undefined ? { deadlineAt: _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m.now() + withinMs } : {}) }),
    };
}
function codeDeployApi(reads, changes = reads, signal) {
    const sendOptions = signal ? { abortSignal: signal } : {};
    return {
        async getDeploymentGroup(applicationName, deploymentGroupName) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentGroupCommand */ .WOp({ applicationName, deploymentGroupName }), sendOptions);
            return out.deploymentGroupInfo;
        },
        async getDeploymentConfig(deploymentConfigName) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentConfigCommand */ .z2K({ deploymentConfigName }), sendOptions);
            return out.deploymentConfigInfo;
        },
        async createDeployment(input, signal) {
            const out = await changes.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CreateDeploymentCommand */ .ttP(input), signal ? { abortSignal: signal } : {});
            if (!out.deploymentId)
                throw new Error('CreateDeployment answered without a deployment id');
            return out.deploymentId;
        },
        async getDeployment(deploymentId) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentCommand */ .Tvn({ deploymentId }), sendOptions);
            return out.deploymentInfo;
        },
        async listDeployments(input) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .ListDeploymentsCommand */ .sr8(input), sendOptions);
            return { deployments: out.deployments ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async listDeploymentTargets(deploymentId, nextToken) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .ListDeploymentTargetsCommand */ .$9V({ deploymentId, ...(nextToken ? { nextToken } : {}) }), sendOptions);
            return { targetIds: out.targetIds ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async getDeploymentTarget(deploymentId, targetId) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentTargetCommand */ .Oxg({ deploymentId, targetId }), sendOptions);
            return out.deploymentTarget;
        },
        stopDeployment: (deploymentId, autoRollbackEnabled, signal) => changes.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .StopDeploymentCommand */ .NzN({ deploymentId, autoRollbackEnabled }), signal ? { abortSignal: signal } : {}),
    };
}


/***/ })

};
