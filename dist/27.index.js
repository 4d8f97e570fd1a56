export const id = 27;
export const ids = [27];
export const modules = {

/***/ 27:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runStatus: () => (/* binding */ runStatus)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fleet/entries.ts + 2 modules
var entries = __webpack_require__(8116);
// EXTERNAL MODULE: ./src/fleet/run.ts + 20 modules
var run = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 7 modules
var parse = __webpack_require__(7179);
// EXTERNAL MODULE: ./src/session.ts + 1 modules
var src_session = __webpack_require__(9367);
// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
;// CONCATENATED MODULE: ./src/verbs/status-read.ts


/** Events shown per service: enough to see the last rollout's end, few enough to read. */
const LAST_EVENTS = 5;
const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
async function readServiceStatus(ecs, cluster, name) {
    const answer = await ecs.describeServices(cluster, [name]);
    const service = answer.services?.[0];
    if (!service || service.status === 'INACTIVE') {
        throw new errors/* PreflightError */.wG(`service ${name} not found in cluster ${(0,names/* resourceName */.Iy)(cluster)}; check service and cluster.`);
    }
    const taskDefinition = service.taskDefinition ?? service.deployments?.[0]?.taskDefinition ?? '';
    return {
        cluster: (0,names/* resourceName */.Iy)(cluster),
        service: service.serviceName ?? name,
        status: service.status ?? '',
        taskDefinition,
        images: taskDefinition ? await imagesOf(ecs, taskDefinition) : {},
        desiredCount: service.desiredCount ?? 0,
        runningCount: service.runningCount ?? 0,
        pendingCount: service.pendingCount ?? 0,
        deploymentController: service.deploymentController?.type ?? 'ECS',
        ...(service.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
        deployments: (service.deployments ?? []).map(deploymentStatus),
        inFlight: await inFlight(ecs, service),
        events: (service.events ?? []).slice(0, LAST_EVENTS).map((event) => ({ at: event.createdAt?.toISOString() ?? '', message: event.message ?? '' })),
    };
}
async function imagesOf(ecs, taskDefinition) {
    const described = await ecs.describeTaskDefinition(taskDefinition);
    const images = {};
    for (const container of described.taskDefinition?.containerDefinitions ?? [])
        images[container.name ?? ''] = container.image ?? '';
    return images;
}
function deploymentStatus(deployment) {
    return {
        id: deployment.id ?? '',
        status: deployment.status ?? '',
        ...(deployment.rolloutState ? { rolloutState: deployment.rolloutState } : {}),
        taskDefinition: revisionName(deployment.taskDefinition ?? ''),
        desiredCount: deployment.desiredCount ?? 0,
        runningCount: deployment.runningCount ?? 0,
        pendingCount: deployment.pendingCount ?? 0,
        failedTasks: deployment.failedTasks ?? 0,
    };
}
/**
 * The service deployments in flight, with their stage and hooks. A region or endpoint without the
 * service-deployment API answers nothing here: the deployments of DescribeServices still show what moves.
 */
async function inFlight(ecs, service) {
    if ((service.deploymentController?.type ?? 'ECS') !== 'ECS')
        return [];
    let arns;
    try {
        const listed = await ecs.listServiceDeployments({
            cluster: service.clusterArn,
            service: service.serviceName,
            status: [...IN_FLIGHT],
        });
        arns = (listed.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
    }
    catch {
        return [];
    }
    if (arns.length === 0)
        return [];
    const described = await ecs.describeServiceDeployments(arns);
    return (described.serviceDeployments ?? []).map(inFlightStatus);
}
function inFlightStatus(deployment) {
    return {
        serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
        status: deployment.status ?? '',
        ...(deployment.lifecycleStage ? { stage: deployment.lifecycleStage } : {}),
        ...(deployment.targetServiceRevision?.arn ? { targetRevision: deployment.targetServiceRevision.arn } : {}),
        hooks: (deployment.lifecycleHookDetails ?? []).map((hook) => ({
            hookId: hook.hookId ?? '',
            ...(hook.targetType ? { type: hook.targetType } : {}),
            ...(hook.status ? { status: hook.status } : {}),
            ...(hook.expiresAt ? { expiresAt: hook.expiresAt.toISOString() } : {}),
        })),
    };
}
/** `family:revision` of a task definition ARN. */
function revisionName(arn) {
    return arn.includes(':task-definition/') ? (arn.split(':task-definition/')[1] ?? arn) : arn;
}
/** The lines a person reads for one service. */
function statusLines(status) {
    const kind = status.deploymentController === 'ECS' ? (status.strategy ?? 'ROLLING').toLowerCase() : status.deploymentController;
    const lines = [
        `${status.cluster}/${status.service} (${kind}): runs ${revisionName(status.taskDefinition)}; ${status.runningCount} running, ${status.pendingCount} pending of ${status.desiredCount} desired`,
    ];
    for (const [container, image] of Object.entries(status.images))
        lines.push(`  image ${container}: ${image}`);
    for (const deployment of status.deployments) {
        lines.push(`  deployment ${deployment.id} ${deployment.status}${deployment.rolloutState ? ` ${deployment.rolloutState}` : ''}: ${deployment.taskDefinition}, ${deployment.runningCount}/${deployment.desiredCount} running${deployment.failedTasks > 0 ? `, ${deployment.failedTasks} failed` : ''}`);
    }
    if (status.inFlight.length === 0)
        lines.push('  nothing in flight');
    for (const flight of status.inFlight) {
        lines.push(`  in flight: ${flight.serviceDeploymentArn} ${flight.status}${flight.stage ? ` at ${flight.stage}` : ''}`);
        for (const hook of flight.hooks) {
            lines.push(`    hook ${hook.hookId}${hook.type ? ` (${hook.type})` : ''}: ${hook.status ?? 'unknown'}${hook.expiresAt ? `, expires ${hook.expiresAt}` : ''}`);
        }
    }
    for (const event of status.events)
        lines.push(`  ${event.at} ${event.message}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/verbs/status.ts
// `status`: what runs now on each service the inputs name (or each entry of a services-file). Read-only: it
// changes nothing, and ends 0 unless a service cannot be read.






async function runStatus({ invocation, env, host, cancel }) {
    const reporter = host.reporter;
    const raw = await (0,run/* readRawInputs */.y)({ invocation, env, reporter });
    const inputs = (0,parse/* parseInputs */.TL)(raw);
    const targets = inputs.services.file
        ? (await (0,entries/* readEntries */.$2)(inputs.services.file, raw, reporter, Date.now())).filter((run) => run.inputs.service).map((run) => run.inputs)
        : [inputs];
    if (targets.length === 0 || targets.some((target) => !target.service)) {
        throw new errors/* InputError */.dz('service: not set; status needs service (and cluster), or a services-file of services.');
    }
    if (inputs.dryRun) {
        for (const target of targets) {
            reporter.info(`Dry run: status would read ${target.cluster}/${target.service} (DescribeServices, DescribeTaskDefinition, ListServiceDeployments, DescribeServiceDeployments); nothing is read.`);
        }
        return errors/* EXIT */.dc.ok;
    }
    const session = await (0,src_session/* openSession */.f)(inputs, env, reporter, cancel);
    const read = [];
    let code = errors/* EXIT */.dc.ok;
    for (const target of targets) {
        try {
            const status = await readServiceStatus(session.ecs, target.cluster, target.service);
            read.push(status);
            for (const line of statusLines(status))
                reporter.info(line);
        }
        catch (error) {
            reporter.error(`${target.cluster}/${target.service}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            code = Math.max(code, error instanceof errors/* PreflightError */.wG ? errors/* EXIT */.dc.unchanged : (0,errors/* exitCodeFor */.Rr)(error) || errors/* EXIT */.dc.failed);
        }
    }
    await publishStatus(invocation, { services: read });
    return code;
}
/** The JSON form: on standard output with --json, and as the step output `status` on GitHub. */
async function publishStatus(invocation, document) {
    const json = JSON.stringify(document);
    if (invocation.host === 'github-action')
        (await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 6421))).setOutput('status', json);
    else if (invocation.json)
        process.stdout.write(`${json}\n`);
}


/***/ })

};
