export const id = 213;
export const ids = [213];
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


/***/ })

};
