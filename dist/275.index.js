export const id = 275;
export const ids = [275];
export const modules = {

/***/ 5275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderServicesSummary: () => (/* binding */ renderServicesSummary),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony exports taskDefinitionLabel, duration, code, fenced */
function renderSummary(result) {
    const sections = [
        `### ${headline(result)}`,
        ...(result.statusMessage ? [inline(result.statusMessage)] : []),
        table(result),
        ...afterTable(result),
        ...(result.runTask ? [oneOffTaskSection(result.runTask)] : []),
        diffSection(result),
        ...(result.failure ? failureSections(result.failure, result.codeDeployDeploymentId === undefined ? 'service' : 'CodeDeploy') : []),
    ];
    return `${sections.join('\n\n')}\n`;
}
function headline(result) {
    const taskDefinition = taskDefinitionLabel(result.taskDefinitionArn);
    if (result.dryRun)
        return `🔍 ecs-deliver dry run: nothing was changed`;
    if (result.deploymentStatus === 'NOT_STARTED') {
        return `❌ ecs-deliver: nothing was changed${result.service ? ` on ${result.service}` : ''}: the run stopped before its first change`;
    }
    const task = result.runTask;
    if (task && task.status !== 'SUCCEEDED' && task.status !== 'STARTED' && result.deploymentStatus !== 'CANCELLED') {
        const left = result.service === undefined ? '' : `, so ${result.service} on ${result.cluster} was left as it was`;
        return `❌ ecs-deliver: the one-off task of ${taskDefinition} failed${left}`;
    }
    if (result.service === undefined) {
        if (result.deploymentStatus === 'FAILED')
            return `❌ ecs-deliver: registering ${taskDefinition || 'the task definition'} failed`;
        if (result.deploymentStatus === 'CANCELLED')
            return `⚠️ ecs-deliver: cancelled${taskDefinition ? ` after registering ${taskDefinition}` : ''}`;
        return result.registered
            ? `✅ ecs-deliver registered ${taskDefinition}`
            : `✅ ecs-deliver reused ${taskDefinition}: nothing to register`;
    }
    const service = `${result.service} on ${result.cluster}`;
    switch (result.deploymentStatus) {
        case 'COMPLETED':
            return `✅ ecs-deliver deployed ${taskDefinition} to ${service}`;
        case 'ROLLED_BACK':
            if (result.rollbackAsked)
                return `↩️ ecs-deliver put ${service} back on ${result.rolledBackTo ?? taskDefinition}`;
            return `❌ ecs-deliver: the deployment to ${service} failed and was rolled back`;
        case 'FAILED':
            return `❌ ecs-deliver: the deployment to ${service} failed`;
        case 'TIMED_OUT':
            return `❌ ecs-deliver: the deployment to ${service} did not finish in time`;
        case 'SUPERSEDED':
            return `⚠️ ecs-deliver: another deployment to ${service} took over`;
        case 'CANCELLED':
            return `⚠️ ecs-deliver: cancelled while deploying to ${service}`;
        case 'SKIPPED':
            return `✅ ecs-deliver updated ${service} to ${taskDefinition} (rollout not watched)`;
        case 'PAUSED':
            return `⏸️ ecs-deliver: the deployment of ${taskDefinition} to ${service} is paused and waits for someone to continue or roll it back`;
        case 'UNKNOWN':
            return `❓ ecs-deliver: the outcome of the deployment to ${service} could not be observed`;
    }
}
function table(result) {
    const rows = [
        ['Cluster', known(result.cluster)],
        ['Service', serviceCell(result)],
        ['Image', known(result.image)],
    ];
    if (result.imageDigest !== undefined)
        rows.push(['Image digest', code(result.imageDigest)]);
    rows.push(['Task definition', taskDefinitionCell(result)]);
    if (result.desiredCount !== undefined)
        rows.push(['Desired count', String(result.desiredCount)]);
    if (result.service !== undefined || result.deploymentStatus === 'NOT_STARTED') {
        rows.push(['Deployment', result.dryRun ? 'none (dry run)' : deploymentCell(result)]);
    }
    if (result.serviceDeploymentArn !== undefined)
        rows.push(['Service deployment', code(lastSegment(result.serviceDeploymentArn))]);
    if (result.endpoint !== undefined)
        rows.push(['Endpoint', result.endpoint]);
    rows.push(['Region', known(result.region)]);
    rows.push(['Time taken', duration(result.finishedAt - result.startedAt)]);
    if (result.consoleUrl !== undefined)
        rows.push(['Console', `[open in the AWS console](${result.consoleUrl})`]);
    return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`)].join('\n');
}
/** A run stopped by bad input may not have read the service it was given: it is not known, not "none". */
function serviceCell(result) {
    if (result.service !== undefined)
        return code(result.service);
    return result.deploymentStatus === 'NOT_STARTED' ? 'not known: the run stopped before it read the inputs' : 'none: task definition only';
}
function taskDefinitionCell(result) {
    const label = taskDefinitionLabel(result.taskDefinitionArn);
    if (result.dryRun) {
        // A dry run names a revision only when it would use an existing one.
        return label === '' ? 'a new revision (not registered: dry run)' : `${code(label)} (dry run: nothing registered)`;
    }
    if (label === '')
        return 'none registered';
    return result.registered ? `${code(label)}, registered by this run` : `${code(label)}, reused: unchanged`;
}
function deploymentCell(result) {
    const status = `**${result.deploymentStatus}**`;
    const id = result.deploymentId ?? result.codeDeployDeploymentId;
    return id === undefined ? status : `${status} ${code(id)}`;
}
function afterTable(result) {
    const lines = [];
    if (result.stages !== undefined && result.stages.length > 0) {
        lines.push(`🚦 Stages passed: ${result.stages.map(code).join(' → ')}.`);
    }
    if (result.bakeTimeRunning) {
        lines.push('⏳ Production traffic had fully moved, but the bake time was still running when the wait ended (wait-until: traffic-shifted): ECS may still roll back, and keep-revisions was skipped.');
    }
    if (result.paused && result.codeDeployDeploymentId) {
        const id = result.codeDeployDeploymentId;
        lines.push(`⏸️ CodeDeploy deployment ${code(id)} waits in ${code(result.paused.stage)} for its traffic reroute${result.paused.expiresAt ? `; CodeDeploy stops it by itself at ${result.paused.expiresAt}` : ''}. To continue: run ecs-deliver with operation ${code('continue')} (or ${code('rollback')}) for this service, or ${code(`aws deploy continue-deployment --deployment-id ${id} --deployment-wait-type READY_WAIT`)} (or ${code(`aws deploy stop-deployment --deployment-id ${id} --auto-rollback-enabled`)} to roll back).`);
    }
    else if (result.paused && result.serviceDeploymentArn) {
        lines.push(`⏸️ Paused at ${code(result.paused.stage)}, PAUSE hook ${code(result.paused.hookId)}${result.paused.expiresAt ? `, which expires at ${result.paused.expiresAt}` : ''}. To continue: run ecs-deliver with operation ${code('continue')} (or ${code('rollback')}) for this service, or ${code(`aws ecs continue-service-deployment --service-deployment-arn ${result.serviceDeploymentArn} --hook-id ${result.paused.hookId} --action CONTINUE`)} (or ${code('--action ROLLBACK')} to roll back).`);
    }
    if (result.rolledBackTo !== undefined)
        lines.push(`↩️ The service was put back on ${code(result.rolledBackTo)}.`);
    if (result.deregistered.length > 0) {
        lines.push(`🧹 Deregistered old revisions: ${result.deregistered.map((arn) => code(taskDefinitionLabel(arn))).join(', ')}.`);
    }
    return lines;
}
/** The task run before the update: which container decided, with which exit code, why it stopped, its last lines. */
function oneOffTaskSection(task) {
    const facts = [
        `- container ${code(task.container)}: ${task.exitCode === undefined ? 'no exit code' : `exit code ${task.exitCode}`}`,
        ...(task.taskArn ? [`- task ${code(lastSegment(task.taskArn))}`] : []),
        `- ${inline(task.line)}`,
    ];
    const sections = [`#### One-off task: ${task.status}\n\n${facts.join('\n')}`];
    if (task.lastLogLines.length > 0)
        sections.push(`Last ${task.lastLogLines.length} log lines:\n\n${fenced('text', task.lastLogLines)}`);
    return sections.join('\n\n');
}
function diffSection(result) {
    if (result.diff.length === 0)
        return '#### Task definition changes\n\nNo change to the task definition.';
    return `#### Task definition changes\n\n${fenced('text', result.diff)}`;
}
/** `eventsOf`: whose events the failure lists: the service's, or the CodeDeploy deployment's. */
function failureSections(failure, eventsOf) {
    const sections = [`#### Why it failed\n\n${quote(failure.reason)}`];
    if (failure.stoppedTasks.length > 0) {
        sections.push(`#### Stopped tasks\n\n${failure.stoppedTasks.map(stoppedTaskLines).join('\n')}`);
    }
    if (failure.events.length > 0)
        sections.push(`#### Last ${eventsOf} events\n\n${fenced('text', failure.events)}`);
    return sections;
}
function stoppedTaskLines(task) {
    const why = [task.stoppedReason, task.stopCode === undefined ? undefined : `(${task.stopCode})`]
        .filter((part) => part !== undefined)
        .join(' ');
    const lines = [`- task ${code(lastSegment(task.taskArn))}${why === '' ? '' : `: ${inline(why)}`}`];
    for (const container of task.containers) {
        const facts = [
            container.exitCode === undefined ? undefined : `exit code ${container.exitCode}`,
            container.reason === undefined ? undefined : inline(container.reason),
        ].filter((part) => part !== undefined);
        lines.push(`  - container ${code(container.name)}${facts.length === 0 ? '' : `: ${facts.join(', ')}`}`);
    }
    return lines.join('\n');
}
/** Values a run that stopped early may not know yet (the image when none is given, the region). */
function known(value) {
    return value === '' ? 'none' : code(value);
}
/** `family:revision` from a task definition ARN; anything else as given. */
function taskDefinitionLabel(arn) {
    const marker = ':task-definition/';
    const at = arn.indexOf(marker);
    return at === -1 ? arn : arn.slice(at + marker.length);
}
function lastSegment(arn) {
    return arn.slice(arn.lastIndexOf('/') + 1);
}
/** 850 → "0.9s", 65_000 → "1m 05s", 3_723_000 → "1h 02m 03s". */
function duration(ms) {
    const tenths = Math.round(Math.max(0, ms) / 100);
    if (tenths < 600)
        return `${(tenths / 10).toFixed(1)}s`;
    const total = Math.round(tenths / 10);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = String(total % 60).padStart(2, '0');
    return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m ${seconds}s` : `${minutes}m ${seconds}s`;
}
/** An inline code span that survives backticks in the value. */
function code(value) {
    const longestRun = Math.max(0, ...[...value.matchAll(/`+/g)].map((run) => run[0].length));
    const ticks = '`'.repeat(longestRun + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${value}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside. */
function fenced(language, lines) {
    const longestRun = Math.max(0, ...lines.flatMap((line) => [...line.matchAll(/`+/g)].map((run) => run[0].length)));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}
/** Table cells end at '|' and at a line break, even inside code spans. */
function cell(value) {
    return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** Text from ECS shown as prose: no markup, no HTML, one line. */
function inline(text) {
    return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}
function quote(text) {
    return text
        .split(/\r?\n/)
        .map((line) => `> ${inline(line)}`)
        .join('\n');
}
/** The job summary of a run of many services (services-file): the run's outcome, then one row per service. */
function renderServicesSummary(run, services) {
    // Refused before anything changed (a wrong file, a failed preflight): the one reason says more than a table,
    // and the run as a whole has no one service, image or revision to show.
    if (!run.dryRun && (services.length === 0 || run.deploymentStatus === 'NOT_STARTED')) {
        const sections = [`### ${headline(run)}`, ...(run.statusMessage ? [quote(run.statusMessage)] : []), `Region ${known(run.region)}, ${duration(run.finishedAt - run.startedAt)} in all.`];
        return `${sections.join('\n\n')}\n`;
    }
    const well = services.filter((service) => service.deploymentStatus === 'COMPLETED' || service.deploymentStatus === 'SKIPPED').length;
    const title = run.dryRun
        ? `🔍 ecs-deliver dry run of ${services.length} services: nothing was changed`
        : well === services.length
            ? `✅ ecs-deliver delivered ${services.length} services`
            : `❌ ecs-deliver: ${services.length - well} of ${services.length} services did not end well (${run.deploymentStatus})`;
    const rows = services.map((service) => [
        service.service === undefined ? 'none: task definition only' : code(service.service),
        known(service.cluster),
        service.taskDefinitionArn === '' ? 'none' : `${code(taskDefinitionLabel(service.taskDefinitionArn))}${service.registered ? ' (registered)' : ''}`,
        `**${service.deploymentStatus}**`,
        service.deploymentId === undefined ? '' : code(service.deploymentId),
        duration(service.finishedAt - service.startedAt),
    ]
        .map(cell)
        // inline() already escapes '|' and line breaks; cell() would escape its escapes again.
        .concat(service.deploymentStatus === 'COMPLETED' || service.deploymentStatus === 'SKIPPED' ? '' : inline(service.statusMessage ?? ''))
        .join(' | '));
    const table = ['| Service | Cluster | Revision | Outcome | Deployment | Time | Reason |', '|---|---|---|---|---|---|---|', ...rows.map((row) => `| ${row} |`)];
    return `${[`### ${title}`, table.join('\n'), `Region ${known(run.region)}, ${duration(run.finishedAt - run.startedAt)} in all.`].join('\n\n')}\n`;
}


/***/ })

};
