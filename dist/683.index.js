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
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3369);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2477);
// The CodeDeploy calls ecs-deliver makes, behind one small interface (as aws/ecs.ts does for ECS). This module holds
// the CodeDeploy SDK: it is loaded only for a service whose deployment controller is CODE_DEPLOY.


/** Clients configured like the session's ECS ones: timeouts, SDK retries on reads, one attempt for each change. */
function codeDeployApis(options) {
    const reads = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .CodeDeployClient */ .cHd((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__.clientConfig)(options));
    reads.middlewareStack.add((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__.retryGarbledAnswers)(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
    const changes = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .CodeDeployClient */ .cHd((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_0__.clientConfig)({ ...options, maxAttempts: 1 }));
    return {
        api: codeDeployApi(reads, changes, options.signal),
        afterCancel: codeDeployApi(reads, changes, undefined),
    };
}
function codeDeployApi(reads, changes = reads, signal) {
    const sendOptions = signal ? { abortSignal: signal } : {};
    return {
        async getDeploymentGroup(applicationName, deploymentGroupName) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .GetDeploymentGroupCommand */ .WOp({ applicationName, deploymentGroupName }), sendOptions);
            return out.deploymentGroupInfo;
        },
        async getDeploymentConfig(deploymentConfigName) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .GetDeploymentConfigCommand */ .z2K({ deploymentConfigName }), sendOptions);
            return out.deploymentConfigInfo;
        },
        async createDeployment(input) {
            const out = await changes.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .CreateDeploymentCommand */ .ttP(input), sendOptions);
            if (!out.deploymentId)
                throw new Error('CreateDeployment answered without a deployment id');
            return out.deploymentId;
        },
        async getDeployment(deploymentId) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .GetDeploymentCommand */ .Tvn({ deploymentId }), sendOptions);
            return out.deploymentInfo;
        },
        async listDeployments(input) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .ListDeploymentsCommand */ .sr8(input), sendOptions);
            return { deployments: out.deployments ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async listDeploymentTargets(deploymentId, nextToken) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .ListDeploymentTargetsCommand */ .$9V({ deploymentId, ...(nextToken ? { nextToken } : {}) }), sendOptions);
            return { targetIds: out.targetIds ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async getDeploymentTarget(deploymentId, targetId) {
            const out = await reads.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .GetDeploymentTargetCommand */ .Oxg({ deploymentId, targetId }), sendOptions);
            return out.deploymentTarget;
        },
        stopDeployment: (deploymentId, autoRollbackEnabled) => changes.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_1__/* .StopDeploymentCommand */ .NzN({ deploymentId, autoRollbackEnabled }), sendOptions),
    };
}


/***/ })

};
