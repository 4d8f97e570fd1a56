export const id = 895;
export const ids = [895];
export const modules = {

/***/ 7895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  codeDeployApis: () => (/* binding */ codeDeployApis)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/aws/codedeploy-api.ts
// The CodeDeploy calls ecs-deliver makes, behind one small interface (as aws/ecs.ts does for ECS). This module holds
// the CodeDeploy SDK: it is loaded only for a service whose deployment controller is CODE_DEPLOY.



/**
 * The calls on clients the session configured: `reads` with the SDK's retries, `changes` with one attempt each.
 * `signal` is the run's cancel, which aborts reads and the sends it may abort.
 */
function codeDeployApisOn(reads, changes, signal) {
    const afterCancel = codeDeployApi(reads, changes, change/* endOfRun */.q_);
    return {
        api: withSettledStop(codeDeployApi(reads, changes, signal), afterCancel, signal),
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
        stopDeployment: (deploymentId, autoRollbackEnabled) => (0,change/* sendChange */.Xy)({
            action: `StopDeployment ${deploymentId}`,
            send: (signal) => api.stopDeployment(deploymentId, autoRollbackEnabled, signal),
            async readBack() {
                const status = (await reads.getDeployment(deploymentId))?.status;
                return status === 'Stopped' ? { applied: true, value: { status: 'Succeeded', $metadata: {} } } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws deploy get-deployment --deployment-id ${deploymentId}`,
        }, { clock: clock/* systemClock */.m, cancel, ...(withinMs !== undefined ? { deadlineAt: clock/* systemClock */.m.now() + withinMs } : {}) }),
    };
}
function codeDeployApi(reads, changes = reads, signal) {
    const sendOptions = signal ? { abortSignal: signal } : {};
    return {
        async getDeploymentGroup(applicationName, deploymentGroupName) {
            const out = await reads.send(new dist_cjs/* GetDeploymentGroupCommand */.WOp({ applicationName, deploymentGroupName }), sendOptions);
            return out.deploymentGroupInfo;
        },
        async getDeploymentConfig(deploymentConfigName) {
            const out = await reads.send(new dist_cjs/* GetDeploymentConfigCommand */.z2K({ deploymentConfigName }), sendOptions);
            return out.deploymentConfigInfo;
        },
        async createDeployment(input, signal) {
            const out = await changes.send(new dist_cjs/* CreateDeploymentCommand */.ttP(input), signal ? { abortSignal: signal } : {});
            if (!out.deploymentId)
                throw new Error('CreateDeployment answered without a deployment id');
            return out.deploymentId;
        },
        async getDeployment(deploymentId) {
            const out = await reads.send(new dist_cjs/* GetDeploymentCommand */.Tvn({ deploymentId }), sendOptions);
            return out.deploymentInfo;
        },
        async listDeployments(input) {
            const out = await reads.send(new dist_cjs/* ListDeploymentsCommand */.sr8(input), sendOptions);
            return { deployments: out.deployments ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async listDeploymentTargets(deploymentId, nextToken) {
            const out = await reads.send(new dist_cjs/* ListDeploymentTargetsCommand */.$9V({ deploymentId, ...(nextToken ? { nextToken } : {}) }), sendOptions);
            return { targetIds: out.targetIds ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async getDeploymentTarget(deploymentId, targetId) {
            const out = await reads.send(new dist_cjs/* GetDeploymentTargetCommand */.Oxg({ deploymentId, targetId }), sendOptions);
            return out.deploymentTarget;
        },
        stopDeployment: (deploymentId, autoRollbackEnabled, signal) => changes.send(new dist_cjs/* StopDeploymentCommand */.NzN({ deploymentId, autoRollbackEnabled }), signal ? { abortSignal: signal } : {}),
        async continueDeployment(deploymentId, deploymentWaitType, signal) {
            await changes.send(new dist_cjs/* ContinueDeploymentCommand */.Md$({ deploymentId, deploymentWaitType }), signal ? { abortSignal: signal } : {});
        },
        async getApplicationRevision(applicationName, revision) {
            const out = await reads.send(new dist_cjs/* GetApplicationRevisionCommand */.dpB({ applicationName, revision }), sendOptions);
            return out.revision;
        },
    };
}

// EXTERNAL MODULE: ./src/aws/client-config.ts
var client_config = __webpack_require__(6925);
;// CONCATENATED MODULE: ./src/aws/codedeploy-clients.ts
// The session's CodeDeploy clients, configured like its ECS ones: timeouts, SDK retries on reads, one attempt for
// each change. Loaded only for a service whose deployment controller is CODE_DEPLOY.



function codeDeployApis(options) {
    const reads = new dist_cjs/* CodeDeployClient */.cHd((0,client_config/* clientConfig */.yO)(options));
    (0,client_config/* addAnswerRules */.tC)(reads, options, { retryGarbled: true });
    const changes = new dist_cjs/* CodeDeployClient */.cHd((0,client_config/* clientConfig */.yO)({ ...options, maxAttempts: 1 }));
    (0,client_config/* addAnswerRules */.tC)(changes, options, { retryGarbled: false });
    return codeDeployApisOn(reads, changes, options.signal);
}


/***/ })

};
