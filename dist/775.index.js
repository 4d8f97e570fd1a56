export const id = 775;
export const ids = [775];
export const modules = {

/***/ 4775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OUTCOME_ORDER: () => (/* binding */ OUTCOME_ORDER),
/* harmony export */   endedWell: () => (/* binding */ endedWell),
/* harmony export */   fleetExitCode: () => (/* binding */ fleetExitCode),
/* harmony export */   fleetOutputs: () => (/* binding */ fleetOutputs),
/* harmony export */   label: () => (/* binding */ label),
/* harmony export */   outcomeTable: () => (/* binding */ outcomeTable),
/* harmony export */   resultOutput: () => (/* binding */ resultOutput),
/* harmony export */   runResult: () => (/* binding */ runResult),
/* harmony export */   worstStatus: () => (/* binding */ worstStatus)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5290);
/* harmony import */ var _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7624);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4533);
// How a run of many services ends: one result per service, the run's worst outcome, the outputs and the table.



/**
 * Outcomes from best to worst; the run's deployment-status is the worst of its services'. NOT_STARTED ranks low:
 * in a run that got past its preflight it only marks a service held back after another one failed.
 */
const OUTCOME_ORDER = [
    'COMPLETED',
    'SKIPPED',
    'NOT_STARTED',
    'SUPERSEDED',
    'ROLLED_BACK',
    'TIMED_OUT',
    'FAILED',
    'UNKNOWN',
    'CANCELLED',
];
/** The worst of the statuses; NOT_STARTED for none (a run refused before it read its entries). */
function worstStatus(statuses) {
    if (statuses.length === 0)
        return 'NOT_STARTED';
    let worst = 'COMPLETED';
    for (const status of statuses)
        if (OUTCOME_ORDER.indexOf(status) > OUTCOME_ORDER.indexOf(worst))
            worst = status;
    return worst;
}
/** As a run of that one service would have ended with exit 0. */
function endedWell(result) {
    return result.deploymentStatus === 'COMPLETED' || result.deploymentStatus === 'SKIPPED';
}
function resultOutput(result) {
    return {
        service: result.service ?? '',
        cluster: result.cluster,
        'task-definition-arn': result.taskDefinitionArn,
        registered: result.registered,
        image: result.image,
        'deployment-id': result.deploymentId ?? '',
        'codedeploy-deployment-id': result.codeDeployDeploymentId ?? '',
        'service-deployment-arn': result.serviceDeploymentArn ?? '',
        'deployment-status': result.deploymentStatus,
        reason: endedWell(result) ? '' : (result.statusMessage ?? ''),
    };
}
/**
 * The single-service outputs summarising the run, and `results`. A per-service list has one position per entry,
 * in the file's order, empty where that service has no value (so the third value is the third entry's), and is
 * empty when no service has one. deregistered, a list of revisions of its own, keeps to the values.
 */
function fleetOutputs(results) {
    const each = results.map(_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .outputsOf */ .Y);
    const list = (name) => {
        const values = each.map((outputs) => outputs[name] ?? '');
        return values.some((value) => value !== '') ? values.join(',') : '';
    };
    const deregistered = each
        .map((outputs) => outputs['deregistered'] ?? '')
        .filter((value) => value !== '')
        .join(',');
    return {
        'task-definition-arn': list('task-definition-arn'),
        'task-definition-revision': list('task-definition-revision'),
        registered: String(results.some((result) => result.registered)),
        image: [...new Set(results.map((result) => result.image).filter(Boolean))].join(','),
        'image-digest': [...new Set(results.map((result) => result.imageDigest ?? '').filter(Boolean))].join(','),
        'deployment-id': list('deployment-id'),
        'codedeploy-deployment-id': list('codedeploy-deployment-id'),
        'service-deployment-arn': list('service-deployment-arn'),
        'deployment-status': worstStatus(results.map((result) => result.deploymentStatus)),
        deregistered,
        'run-task-arn': list('run-task-arn'),
        'run-task-exit-code': list('run-task-exit-code'),
        results: JSON.stringify(results.map(resultOutput)),
    };
}
/**
 * The run as one DeliveryResult, for what a host shows of any run (the final status, the outputs it prints).
 * error: what stopped the run before its first change; a run that changed nothing says that error.
 */
function runResult(results, times) {
    const status = results.length === 0 && times.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc ? 'CANCELLED' : worstStatus(results.map((result) => result.deploymentStatus));
    const notWell = results.filter((result) => !endedWell(result));
    const clusters = [...new Set(results.map((result) => result.cluster))];
    const stoppedBy = times.error !== undefined && (results.length === 0 || status === 'NOT_STARTED') ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(times.error) : undefined;
    return {
        dryRun: times.dryRun,
        region: times.region,
        cluster: clusters.join(','),
        image: '',
        taskDefinitionArn: '',
        revision: 0,
        registered: results.some((result) => result.registered),
        deploymentStatus: status,
        ...(stoppedBy !== undefined
            ? { statusMessage: stoppedBy }
            : notWell.length > 0
                ? { statusMessage: `${notWell.length} of ${results.length} services did not end well: ${notWell.map((result) => `${label(result)} ${result.deploymentStatus}`).join(', ')}` }
                : {}),
        diff: [],
        startedAt: times.startedAt,
        finishedAt: times.finishedAt,
        deregistered: results.flatMap((result) => result.deregistered),
    };
}
/** 0 only when every service ended as it would have alone with exit 0; a cancel ends as the signal says. */
function fleetExitCode(results, signal) {
    if (results.every(endedWell))
        return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.ok;
    if (signal && results.some((result) => result.deploymentStatus === 'CANCELLED'))
        return signal === 'SIGINT' ? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.sigint : _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.sigterm;
    return _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.failed;
}
function label(result) {
    return result.service ? `${result.cluster}/${result.service}` : `${result.cluster}/(register only ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_2__/* .familyRevision */ .KW)(result.taskDefinitionArn) || 'task definition'})`;
}
/** The end-of-run table: service, revision, outcome, time, reason; plain text, columns padded. */
function outcomeTable(results) {
    const rows = results.map((result) => [
        label(result),
        result.taskDefinitionArn ? (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_2__/* .familyRevision */ .KW)(result.taskDefinitionArn) : '-',
        result.deploymentStatus,
        seconds(result.finishedAt - result.startedAt),
        endedWell(result) ? '' : (result.statusMessage ?? ''),
    ]);
    const header = ['SERVICE', 'REVISION', 'OUTCOME', 'TIME', 'REASON'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells) => cells
        .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)];
}
function seconds(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}


/***/ })

};
