export const id = 218;
export const ids = [218,775];
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


/***/ }),

/***/ 3218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  newFleetState: () => (/* binding */ newFleetState),
  resultsSoFar: () => (/* binding */ resultsSoFar),
  rollbackInputs: () => (/* binding */ rollbackInputs),
  rollsBackOnCancel: () => (/* binding */ rollsBackOnCancel),
  runFleet: () => (/* binding */ runFleet),
  serviceKey: () => (/* binding */ serviceKey)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/aws/batched-reads.ts
const DESCRIBE_SERVICES_LIMIT = 10;
const DESCRIBE_SERVICE_DEPLOYMENTS_LIMIT = 20;
/** How long the first call of a batch waits for others; watchers woken on a shared tick call within it. */
const BATCH_WINDOW_MS = 50;
/** Calls that share one key (a cluster), collected until the window ends or a full batch is there. */
class Batcher {
    limit;
    send;
    pick;
    options;
    pending = new Map();
    constructor(limit, send, pick, options) {
        this.limit = limit;
        this.send = send;
        this.pick = pick;
        this.options = options;
    }
    request(key, names) {
        return new Promise((resolve, reject) => {
            const waiter = { names, resolve, reject };
            let queue = this.pending.get(key);
            if (queue)
                queue.push(waiter);
            else {
                const started = [waiter];
                queue = started;
                this.pending.set(key, started);
                // The window belongs to this batch: a batch sent early when full leaves the next one its own window.
                this.options.schedule(() => {
                    if (this.pending.get(key) === started)
                        this.flush(key);
                }, this.options.windowMs);
            }
            if (this.distinctNames(queue).length >= this.limit)
                this.flush(key);
        });
    }
    distinctNames(queue) {
        return [...new Set(queue.flatMap((waiter) => waiter.names))];
    }
    flush(key) {
        const queue = this.pending.get(key);
        if (!queue)
            return;
        this.pending.delete(key);
        const names = this.distinctNames(queue);
        const chunks = [];
        for (let start = 0; start < names.length; start += this.limit)
            chunks.push(names.slice(start, start + this.limit));
        const answers = chunks.map((chunk) => this.send(key, chunk));
        for (const waiter of queue) {
            // A waiter's names may span chunks only when it asked for more than one; it waits for each of them.
            const mine = chunks.flatMap((chunk, index) => (chunk.some((name) => waiter.names.includes(name)) ? [answers[index]] : []));
            Promise.all(mine).then((parts) => waiter.resolve(this.pick(merge(parts), waiter.names)), (error) => waiter.reject(error));
        }
    }
}
function merge(parts) {
    if (parts.length === 1)
        return parts[0];
    const merged = {};
    for (const part of parts) {
        for (const [field, value] of Object.entries(part)) {
            merged[field] = Array.isArray(value) ? [...(merged[field] ?? []), ...value] : value;
        }
    }
    return merged;
}
/** A service named by name or ARN, as DescribeServices takes either. */
function isNamed(name, service) {
    return name === service.serviceName || name === service.serviceArn || (service.serviceArn?.endsWith(`/${name}`) ?? false);
}
function failureOf(name, failure) {
    return failure.arn === name || (failure.arn?.endsWith(`/${name}`) ?? false);
}
function batchingEcsApi(inner, options = {}) {
    const settings = {
        windowMs: options.windowMs ?? BATCH_WINDOW_MS,
        schedule: options.schedule ?? ((flush, ms) => void setTimeout(flush, ms)),
    };
    const services = new Batcher(DESCRIBE_SERVICES_LIMIT, (cluster, names) => inner.describeServices(cluster, names), (answer, names) => ({
        ...answer,
        services: (answer.services ?? []).filter((service) => names.some((name) => isNamed(name, service))),
        failures: (answer.failures ?? []).filter((failure) => names.some((name) => failureOf(name, failure))),
    }), settings);
    const deployments = new Batcher(DESCRIBE_SERVICE_DEPLOYMENTS_LIMIT, (_key, arns) => inner.describeServiceDeployments(arns), (answer, arns) => ({
        ...answer,
        serviceDeployments: (answer.serviceDeployments ?? []).filter((deployment) => arns.includes(deployment.serviceDeploymentArn ?? '')),
        failures: (answer.failures ?? []).filter((failure) => arns.includes(failure.arn ?? '')),
    }), settings);
    return {
        ...inner,
        describeServices: (cluster, names) => services.request(cluster, names),
        describeServiceDeployments: (arns) => deployments.request('', arns),
    };
}

// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(5290);
// EXTERNAL MODULE: ./src/deploy/apply.ts + 1 modules
var deploy_apply = __webpack_require__(2604);
// EXTERNAL MODULE: ./src/deploy/check-inputs.ts
var check_inputs = __webpack_require__(862);
// EXTERNAL MODULE: ./src/deploy/image-work.ts
var image_work = __webpack_require__(7085);
// EXTERNAL MODULE: ./src/deploy/plan.ts + 1 modules
var deploy_plan = __webpack_require__(2945);
// EXTERNAL MODULE: ./src/deploy/plan-report.ts
var plan_report = __webpack_require__(4030);
// EXTERNAL MODULE: ./src/deploy/result.ts
var result = __webpack_require__(3985);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(4533);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 6 modules
var parse = __webpack_require__(1703);
// EXTERNAL MODULE: ./src/inputs/schema.ts
var schema = __webpack_require__(7233);
// EXTERNAL MODULE: ./src/session.ts + 1 modules
var src_session = __webpack_require__(4088);
// EXTERNAL MODULE: ./src/taskdef/parse-file.ts
var parse_file = __webpack_require__(2211);
// EXTERNAL MODULE: ./src/wiring.ts + 7 modules
var wiring = __webpack_require__(4274);
;// CONCATENATED MODULE: ./src/fleet/limit.ts
// At most `limit` of the tasks run at once; the others wait their turn in the order they were asked for.
function limiter(limit) {
    let running = 0;
    const waiting = [];
    const release = () => {
        running -= 1;
        waiting.shift()?.();
    };
    return async (task) => {
        if (running >= limit)
            await new Promise((resolve) => waiting.push(resolve));
        running += 1;
        try {
            return await task();
        }
        finally {
            release();
        }
    };
}

// EXTERNAL MODULE: ./src/fleet/outcome.ts
var outcome = __webpack_require__(4775);
;// CONCATENATED MODULE: ./src/fleet/prefixed-reporter.ts
function prefixedReporter(inner, prefix) {
    const tag = (line) => line
        .split('\n')
        .map((part) => `[${prefix}] ${part}`)
        .join('\n');
    return {
        info: (line) => inner.info(tag(line)),
        warn: (line) => inner.warn(tag(line)),
        error: (line) => inner.error(tag(line)),
        group: async (title, body) => {
            inner.info(tag(`── ${title}`));
            return body();
        },
        mask: (secret) => inner.mask(secret),
    };
}

// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(1778);
;// CONCATENATED MODULE: ./src/fleet/services-file.ts
// The services-file: `defaults` and `services`, each a mapping of inputs checked against the one input schema.
// An entry's inputs reach parseInputs as raw strings, so an entry is read exactly as a single-service run reads
// its flags: entry first, then the file's defaults, then the inputs given the usual way.



/** Parses the file's text; YAML needs the library, which the caller loads only for text that is not JSON. */
function parseServicesFile(text, path, yaml) {
    const document = parseDocument(text, path, yaml);
    if (document === null || document === undefined)
        throw new errors/* InputError */.dz(`services-file: ${path} is empty; list the services under "services:".`);
    const where = `services-file ${path}`;
    if (!isMapping(document))
        throw new errors/* InputError */.dz(`${where}: must be a mapping with services (and optionally defaults).`);
    for (const key of Object.keys(document)) {
        if (key !== 'defaults' && key !== 'services') {
            const meant = (0,sources/* closest */.kp)(key, ['defaults', 'services']);
            throw new errors/* InputError */.dz(`${where}: unknown key "${key}"${meant ? `; did you mean ${meant}?` : ''}; the file holds defaults and services.`);
        }
    }
    const rawDefaults = document['defaults'] ?? {};
    if (!isMapping(rawDefaults))
        throw new errors/* InputError */.dz(`${where}: defaults must be a mapping of inputs, such as cluster: prod.`);
    const services = document['services'];
    if (!Array.isArray(services) || services.length === 0) {
        throw new errors/* InputError */.dz(`${where}: services must be a list with one entry per service, such as - service: web.`);
    }
    // Every wrong key of every mapping is named at once, so one edit of the file fixes them all.
    const problems = [];
    const defaults = entryValues(rawDefaults, `${where}, defaults`, problems);
    const entries = services.map((entry, index) => {
        const number = index + 1;
        if (!isMapping(entry)) {
            problems.push(`${where}, entry ${number}: must be a mapping of inputs, such as service: web.`);
            return { number, values: new Map() };
        }
        const label = typeof entry['service'] === 'string' ? ` (${entry['service']})` : '';
        return { number, values: entryValues(entry, `${where}, entry ${number}${label}`, problems) };
    });
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems.join('\n'));
    return { path, defaults, entries };
}
/** How an entry names itself in messages: its service (or family), else its number. */
function entryLabel(file, entry) {
    const named = entry.values.get('service') ?? entry.values.get('family') ?? entry.values.get('task-definition');
    return `services-file ${file.path}, entry ${entry.number}${named ? ` (${named})` : ''}`;
}
/** The entry's inputs over the file's defaults over the inputs given the usual way. */
function entryInputs(file, entry, usual) {
    const layers = [entry.values, file.defaults];
    const dropped = dropsWaitForMinutes(layers);
    const layered = (name) => entry.values.get(name) ?? file.defaults.get(name) ?? usual(name);
    const read = (name) => {
        if (name === 'wait-for-minutes' && dropped)
            return '';
        // The other timeout, set nowhere, still takes the wait-for-minutes that gave way.
        if (dropped && TIMEOUTS.includes(name) && !layers.some((values) => values.has(name)) && !(usual.given?.(name) ?? false)) {
            const minutes = layered('wait-for-minutes');
            if (/^\d+$/.test(minutes.trim()))
                return `${minutes.trim()}m`;
        }
        return layered(name);
    };
    return Object.assign(read, {
        given: (name) => {
            if (name === 'wait-for-minutes' && dropped)
                return false;
            return entry.values.has(name) || file.defaults.has(name) || (usual.given?.(name) ?? false);
        },
    });
}
/**
 * wait-for-minutes is the older spelling of both timeouts; a timeout set closer to the entry (the entry over the
 * defaults over the usual inputs) wins over a wait-for-minutes from further out, instead of refusing them as both set.
 */
const TIMEOUTS = ['wait-timeout', 'run-task-timeout'];
function dropsWaitForMinutes(layers) {
    const layerOf = (name) => {
        const found = layers.findIndex((values) => values.has(name));
        return found === -1 ? layers.length : found;
    };
    const timeout = Math.min(layerOf('wait-timeout'), layerOf('run-task-timeout'));
    return timeout < layers.length && layerOf('wait-for-minutes') > timeout;
}
function parseDocument(text, path, yaml) {
    const content = text.replace(/^\uFEFF/, '');
    if (content.trim() === '')
        return undefined;
    if (!yaml) {
        try {
            return JSON.parse(content);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`services-file: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
        }
    }
    // Failsafe: every scalar stays the text written, so 1.10, 01234 or a long account number reach the input unchanged.
    const document = yaml.parseDocument(content, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
    const problem = document.errors[0];
    if (problem)
        throw new errors/* InputError */.dz(`services-file: ${path} is not valid YAML or JSON (${problem.message.split('\n')[0] ?? ''}).`);
    return document.toJS({ maxAliasCount: 100 });
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const BY_SPELLING = new Map(schema/* INPUTS */.mc.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])].map((name) => [name, spec])));
/** Checks every key of one mapping against the schema and turns its values into the strings an input takes. */
function entryValues(mapping, where, problems) {
    const values = new Map();
    for (const [key, value] of Object.entries(mapping)) {
        const problem = keyProblem(key, values, where);
        if (problem) {
            problems.push(problem);
            continue;
        }
        const name = BY_SPELLING.get(key)?.name ?? key;
        try {
            values.set(name, inputText(value, `${where}: ${key}`));
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            problems.push(error.message);
        }
    }
    return values;
}
/** What is wrong with a key of an entry or the defaults, if anything. */
function keyProblem(key, values, where) {
    const spec = BY_SPELLING.get(key);
    if (!spec) {
        const meant = (0,sources/* closest */.kp)(key, schema/* INPUTS */.mc.filter((input) => !input.runWide && !input.secret).map((input) => input.name));
        return `${where}: unknown input "${key}"${meant ? `; did you mean ${meant}?` : '; see the inputs in the README.'}`;
    }
    if (spec.secret)
        return `${where}: ${key} is a secret and is not read from a file; set ${(0,schema/* envName */.pD)(spec.name)} instead.`;
    if (spec.runWide)
        return `${where}: ${key} holds for the whole run and cannot differ per service; give it outside the file (a flag, ${(0,schema/* envName */.pD)(spec.name)} or with:).`;
    if (values.has(spec.name))
        return `${where}: ${spec.name} is given twice (as ${key} too); keep one.`;
    return undefined;
}
/** Scalars as their text; a list as lines; a mapping as KEY=VALUE lines (environment, secrets, tags, build-args). */
function inputText(value, where) {
    if (Array.isArray(value)) {
        return value.map((item) => (isScalar(item) ? scalarText(item, where) : refuse(where))).join('\n');
    }
    if (isMapping(value)) {
        return Object.entries(value)
            .map(([key, item]) => (isScalar(item) ? `${key}=${scalarText(item, `${where}: ${key}`)}` : refuse(where)))
            .join('\n');
    }
    if (isScalar(value) || value === undefined)
        return scalarText(value ?? null, where);
    return refuse(where);
}
/**
 * A scalar as its text. YAML scalars arrive as written; a JSON number has lost its text, so only a whole number
 * that String() gives back exactly is taken; 1.10 or 12345678901234567890 would change, so they must be quoted.
 */
function scalarText(value, where) {
    if (value === null)
        return '';
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
        throw new errors/* InputError */.dz(`${where}: JSON reads this number as ${String(value)}, which may not be what the file says; write it in quotes, as text.`);
    }
    return String(value);
}
function isScalar(value) {
    return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
function refuse(where) {
    throw new errors/* InputError */.dz(`${where}: give a text, a number, true/false, a list of lines or a mapping of KEY: value.`);
}

;// CONCATENATED MODULE: ./src/fleet/shared-tick.ts
function sharedTickClock(clock, periodMs, origin = clock.now()) {
    return {
        now: () => clock.now(),
        sleep: (ms, signal) => {
            const now = clock.now();
            const ticks = Math.ceil((now + ms - origin) / periodMs);
            return clock.sleep(Math.max(0, origin + ticks * periodMs - now), signal);
        },
    };
}

;// CONCATENATED MODULE: ./src/fleet/run.ts
// A run of many services from a services-file, on the single-service plan and apply steps: every entry is read
// and planned first (nothing changes when one is wrong), then each distinct image is published once, then every
// revision is registered or reused, then the services are updated and watched side by side, their polls joined
// into batched reads. on-failure decides what one failure does to the others.




















/** Entries planned, and revisions registered, at once: enough to be quick, few enough not to be throttled. */
const PLAN_PARALLEL = 4;
const REGISTER_PARALLEL = 4;
function newFleetState(startedAt) {
    return { startedAt, runs: [], dryRun: false, rollsBackOnCancel: false };
}
/** Every service's result as far as the run got; services that ended have theirs, the others what they did. */
function resultsSoFar(state, now, error) {
    return state.runs.map((run) => {
        if (run.result)
            return run.result;
        if (!run.plan) {
            return (0,result/* notStartedResult */.SZ)({ ...(state.region ? { region: state.region } : {}), cluster: run.inputs.cluster, service: run.inputs.service, image: run.inputs.image }, error, {
                startedAt: run.startedAt,
                finishedAt: now,
            });
        }
        return (0,result/* deliveryResult */.qQ)(run.plan, run.progress, { startedAt: run.startedAt, finishedAt: now, dryRun: state.dryRun, ...(error !== undefined ? { error } : {}) });
    });
}
async function runFleet(ctx) {
    const { state, clock } = ctx;
    let sessions;
    try {
        state.runs = await readEntries(ctx);
        state.rollsBackOnCancel = rollsBackOnCancel(state.runs);
        if (ctx.usual.dryRun)
            return await dryRun(ctx);
        const opened = await (0,src_session/* openSession */.f)(ctx.usual, ctx.env, ctx.reporter, ctx.cancel);
        state.region = opened.region;
        // Every watcher's DescribeServices and DescribeServiceDeployments go through one batching wrapper.
        const session = joinedReads(opened);
        const access = (0,image_work/* imageAccess */.s)(opened, ctx.reporter, ctx.cancel, ctx.env);
        await planAll(ctx, (run) => ({ ...(0,wiring/* readsOf */.JP)(session), access: accessFor(access, run) }));
        state.rollsBackOnCancel = rollsBackOnCancel(state.runs);
        sessions = { batched: session, access };
    }
    catch (caught) {
        const error = ctx.cancel.aborted && !(caught instanceof errors/* CancelledError */.cc) ? new errors/* CancelledError */.cc((0,deploy_apply/* signalOf */.oX)(ctx.cancel)) : caught;
        return { results: resultsSoFar(state, clock.now(), error), error };
    }
    return await applyAll(ctx, sessions);
}
/**
 * Whether a cancel starts a rollback anywhere: rollback-on-cancel on a service, or a planned CodeDeploy service,
 * whose cancel always stops its deployment with rollback.
 */
function rollsBackOnCancel(runs) {
    return runs.some((run) => run.inputs.rollbackOnCancel || run.plan?.update?.codeDeploy !== undefined);
}
async function readEntries(ctx) {
    const path = ctx.options.servicesFile;
    const text = (0,parse_file/* readTaskDefinitionFile */.BD)((0,external_node_path_.resolve)(path), path, 'services-file');
    const file = parseServicesFile(text, path, (0,parse_file/* needsYaml */.Tf)(text) ? await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.t.bind(__webpack_require__, 3645, 19)) : undefined);
    const runs = [];
    const problems = [];
    const seen = new Map();
    for (const entry of file.entries) {
        const where = entryLabel(file, entry);
        try {
            const raw = entryInputs(file, entry, ctx.usualRaw);
            const inputs = (0,parse/* parseInputs */.TL)(raw);
            (0,check_inputs/* checkInputCombination */.a)(inputs);
            const prefix = inputs.service ? `${(0,names/* resourceName */.Iy)(inputs.cluster)}/${inputs.service}` : `${(0,names/* resourceName */.Iy)(inputs.cluster)}/${inputs.family || `entry ${entry.number}`}`;
            if (inputs.service) {
                const key = serviceKey(inputs);
                const first = seen.get(key);
                if (first)
                    throw new errors/* InputError */.dz(`service ${inputs.service} in cluster ${inputs.cluster} is already deployed by ${first}; keep one entry per service.`);
                seen.set(key, `entry ${entry.number}`);
            }
            runs.push({ where, prefix, raw, inputs, reporter: prefixedReporter(ctx.reporter, prefix), progress: (0,result/* newProgress */.gu)(), startedAt: ctx.state.startedAt });
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            problems.push(`${where}: ${error.message}`);
        }
    }
    if (problems.length > 0)
        throw wrongEntries(ctx.reporter, problems, file.entries.length, errors/* InputError */.dz);
    return runs;
}
/** One service however written: `web` and `arn:aws:ecs:...:service/prod/web` in cluster prod (or its ARN) are the same. */
function serviceKey(inputs) {
    return `${(0,names/* resourceName */.Iy)(inputs.cluster)}/${(0,names/* resourceName */.Iy)(inputs.service)}`;
}
function wrongEntries(reporter, problems, total, kind) {
    if (problems.length === 1)
        return new kind(problems[0] ?? '');
    for (const problem of problems)
        reporter.error(problem);
    return new kind(`${problems.length} of ${total} entries of the services-file are wrong (each named above); nothing was changed.`);
}
/** Plans every entry; when any cannot be deployed, nothing is changed and each problem is named. */
async function planAll(ctx, readsFor) {
    const limit = limiter(PLAN_PARALLEL);
    const problems = [];
    let other;
    await Promise.all(ctx.state.runs.map((run) => limit(async () => {
        if (ctx.cancel.aborted)
            return;
        const reads = readsFor(run);
        try {
            const deps = await (0,wiring/* planDeps */.o9)(run.inputs, ctx.env, reads?.access ?? (0,image_work/* imageAccess */.s)(undefined, run.reporter, ctx.cancel, ctx.env), run.reporter, reads !== undefined);
            run.plan = (await (0,deploy_plan/* planDeploy */.b)(deps, run.inputs, reads ? { ecs: reads.ecs, region: reads.region, ...(reads.codeDeploy ? { codeDeploy: reads.codeDeploy } : {}) } : undefined));
        }
        catch (error) {
            if (error instanceof errors/* InputError */.dz || error instanceof errors/* PreflightError */.wG)
                problems.push(`${run.where}: ${error.message}`);
            else
                other ??= error;
        }
    })));
    if (ctx.cancel.aborted)
        throw new errors/* CancelledError */.cc((0,deploy_apply/* signalOf */.oX)(ctx.cancel));
    if (other !== undefined)
        throw other;
    if (problems.length > 0)
        throw wrongEntries(ctx.reporter, problems, ctx.state.runs.length, errors/* PreflightError */.wG);
}
/** Each cluster is described once per run, however many of its services the preflight checks. */
function describedOncePerCluster(ecs) {
    const clusters = new Map();
    return {
        ...ecs,
        describeCluster: (cluster) => {
            const known = clusters.get(cluster);
            if (known)
                return known;
            const answer = ecs.describeCluster(cluster);
            clusters.set(cluster, answer);
            // A failed read is not kept: the next service's preflight asks again.
            answer.catch(() => clusters.delete(cluster));
            return answer;
        },
    };
}
function accessFor(access, run) {
    return { ...access, reporter: run.reporter };
}
async function dryRun(ctx) {
    const { state, clock } = ctx;
    state.dryRun = true;
    const opened = await (0,src_session/* openDryRunSession */.z)(ctx.usual, ctx.env, ctx.reporter, ctx.cancel);
    if (opened)
        state.region = opened.region;
    const session = opened ? joinedReads(opened) : undefined;
    const access = (0,image_work/* imageAccess */.s)(opened, ctx.reporter, ctx.cancel, ctx.env);
    await planAll(ctx, (run) => (session ? { ...(0,wiring/* readsOf */.JP)(session), access: accessFor(access, run) } : undefined));
    for (const run of state.runs) {
        if (!run.plan)
            continue;
        await (0,plan_report/* reportDryRun */.__)(run.reporter, run.plan);
        run.result = (0,result/* deliveryResult */.qQ)(run.plan, (0,result/* newProgress */.gu)(), { startedAt: state.startedAt, finishedAt: clock.now(), dryRun: true });
    }
    const results = resultsSoFar(state, clock.now());
    reportTable(ctx.reporter, results);
    return { results };
}
/** The steps that change things, once every entry has a plan. */
async function applyAll(ctx, session) {
    const { state, clock, options, reporter } = ctx;
    const runs = state.runs;
    const access = session.access;
    const watchClock = sharedTickClock(clock, ctx.usual.pollIntervalMs);
    const images = publishDistinctImages(ctx, access);
    await Promise.allSettled(images.values());
    const apply = async (run, part, plan, progress, startedAt) => {
        const deps = (0,wiring/* applyDeps */.Be)({
            session: session.batched,
            access: accessFor(access, run),
            reporter: run.reporter,
            clock,
            watchClock,
            // The first poll falls on the tick too, so every poll of the run is joined with the others.
            beforeWatch: (cancel) => watchClock.sleep(0, cancel),
            cancel: ctx.cancel,
            publishImage: async (work) => images.get(imageKey(work)) ?? (0,wiring/* publishImages */.YU)(accessFor(access, run), work),
        });
        return (0,deploy_apply/* applyPlan */.gj)(deps, plan, startedAt, progress, part);
    };
    // Written from the callbacks below, so kept in an object the compiler does not narrow.
    const failure = {};
    const registerLimit = limiter(REGISTER_PARALLEL);
    await Promise.all(runs.map((run) => registerLimit(async () => {
        if (!run.plan)
            return;
        const applied = await apply(run, 'prepare', run.plan, run.progress, clock.now());
        if (applied.error !== undefined) {
            run.result = applied.result;
            failure.first ??= run;
        }
    })));
    const holdBack = () => (options.onFailure !== 'continue' ? failure.first : undefined);
    const deployLimit = limiter(options.maxParallel ?? Math.max(1, runs.length));
    if (options.maxParallel !== undefined && options.maxParallel < runs.length) {
        reporter.info(`Updating ${options.maxParallel} services at a time (max-parallel), ${runs.length} in all.`);
    }
    await Promise.all(runs.map((run) => deployLimit(async () => {
        if (run.result || !run.plan)
            return;
        const startedAt = clock.now();
        const failed = holdBack();
        if (failed) {
            run.result = heldBack(run, run.plan, failed, options.onFailure, startedAt);
            return;
        }
        run.startedAt = startedAt;
        const applied = await apply(run, 'deploy', run.plan, run.progress, startedAt);
        run.result = applied.result;
        if (!(0,outcome.endedWell)(applied.result))
            failure.first ??= run;
    })));
    if (options.onFailure === 'rollback-all' && failure.first && !ctx.cancel.aborted) {
        await rollBackAll(ctx, failure.first, async (run, plan, progress) => apply(run, 'all', plan, progress, clock.now()), session.batched, access);
    }
    const results = resultsSoFar(state, clock.now());
    reportTable(reporter, results);
    return { results };
}
/** The session with every DescribeServices and DescribeServiceDeployments batched, each cluster described once. */
function joinedReads(session) {
    return { ...session, ecs: describedOncePerCluster(batchingEcsApi(session.ecs)) };
}
/**
 * A blue/green, linear, canary or CodeDeploy deployment that completed cannot be undone: going back is a new
 * deployment of the previous revision, with its own stages or lifecycle events.
 */
function putBackLine(run, target, to) {
    const service = run.inputs.service;
    const deployed = (0,names/* familyRevision */.KW)(target.taskDefinitionArn);
    const completed = run.result?.deploymentStatus === 'COMPLETED';
    if (run.plan?.update?.codeDeploy) {
        return `a new CodeDeploy deployment puts ${service} back on ${to}${completed ? `; the completed CodeDeploy deployment of ${deployed} is not undone` : ''}.`;
    }
    if (target.strategy && target.strategy !== 'ROLLING') {
        const kind = target.strategy === 'BLUE_GREEN' ? 'blue/green' : target.strategy.toLowerCase();
        return `a new ${kind} service deployment puts ${service} back on ${to}, through its stages again${completed ? `; the completed deployment of ${deployed} is not undone` : ''}.`;
    }
    return `a new rolling deployment puts ${service} back on ${to}.`;
}
function heldBack(run, plan, failed, onFailure, at) {
    const why = `not started: on-failure is ${onFailure} and ${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
    run.reporter.warn(why);
    return {
        ...(0,result/* deliveryResult */.qQ)(plan, run.progress, { startedAt: at, finishedAt: at, dryRun: false }),
        deploymentStatus: 'NOT_STARTED',
        statusMessage: why,
    };
}
/** Each distinct image published once, max-parallel-builds at a time, keyed by what is built and where it goes. */
function publishDistinctImages(ctx, access) {
    const limit = limiter(ctx.options.maxParallelBuilds);
    const images = new Map();
    const users = new Map();
    for (const run of ctx.state.runs) {
        const work = run.plan?.image;
        if (!work?.main)
            continue;
        const key = imageKey(work);
        users.set(key, [...(users.get(key) ?? []), run.prefix]);
        if (!images.has(key))
            images.set(key, limit(() => (0,wiring/* publishImages */.YU)(accessFor(access, run), work)));
    }
    for (const [key, names] of users) {
        if (names.length > 1)
            ctx.reporter.info(`Image ${JSON.parse(key)[0]} is published once for ${names.join(', ')}.`);
    }
    return images;
}
function imageKey(work) {
    const o = work.main?.options;
    if (!o)
        return '';
    return JSON.stringify([o.image, o.buildContext, o.dockerfile, o.target, o.platform, o.sourceImage, o.buildArgs, o.push, o.pinDigest, o.region]);
}
/** Statuses after which a service that moved is put back: not one ECS or the watcher already put back, nor one another deploy took over. */
const PUT_BACK = new Set(['COMPLETED', 'SKIPPED', 'FAILED', 'TIMED_OUT', 'UNKNOWN']);
/**
 * Every service this run moved goes back on the revision it ran before, through the single-service path with
 * task-definition-arn set to that revision: a new deployment of whatever kind the service deploys with.
 */
async function rollBackAll(ctx, failed, applyAll, session, access) {
    const moved = ctx.state.runs.filter((run) => {
        const target = run.progress.target;
        return target && run.result && PUT_BACK.has(run.result.deploymentStatus) && !(0,names/* sameRevision */.Y6)(target.previous.taskDefinitionArn, target.taskDefinitionArn);
    });
    const cause = `${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
    if (moved.length === 0) {
        ctx.reporter.info(`on-failure rollback-all: ${cause}; no service of this run is left on a new revision.`);
        return;
    }
    ctx.reporter.warn(`on-failure rollback-all: ${cause}; putting ${moved.map((run) => run.prefix).join(', ')} back on the revision each ran before.`);
    await Promise.all(moved.map(async (run) => {
        const target = run.progress.target;
        const before = run.result;
        if (!target || !before)
            return;
        const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
        run.reporter.warn(`rollback-all: ${putBackLine(run, target, to)}`);
        let ended;
        let problem;
        try {
            const inputs = (0,parse/* parseInputs */.TL)(rollbackInputs(run.raw, target.previous));
            const deps = await (0,wiring/* planDeps */.o9)(inputs, ctx.env, accessFor(access, run), run.reporter, true);
            const plan = await (0,deploy_plan/* planDeploy */.b)(deps, inputs, (0,wiring/* readsOf */.JP)(session));
            const applied = await applyAll(run, plan, (0,result/* newProgress */.gu)());
            ended = applied.result;
            if (applied.result.deploymentStatus !== 'COMPLETED')
                problem = applied.result.statusMessage ?? applied.result.deploymentStatus;
        }
        catch (error) {
            problem = (0,errors/* errorMessage */.gJ)(error);
        }
        const said = before.statusMessage ? `${before.deploymentStatus}: ${before.statusMessage}` : `${before.deploymentStatus} on ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}`;
        run.result = problem
            ? { ...before, deploymentStatus: ctx.cancel.aborted ? 'CANCELLED' : 'FAILED', statusMessage: `${said}; rollback-all could not put it back on ${to}: ${problem}`, finishedAt: ctx.clock.now() }
            : {
                ...before,
                deploymentStatus: 'ROLLED_BACK',
                statusMessage: `${said}; put back on ${to} by on-failure rollback-all, as ${cause}`,
                rolledBackTo: to,
                finishedAt: ended?.finishedAt ?? ctx.clock.now(),
            };
        run.reporter.info(problem ? `rollback-all: ${run.inputs.service} is not back on ${to}: ${problem}` : `rollback-all: ${run.inputs.service} is back on ${to}.`);
    }));
}
/**
 * Inputs that deploy the previous revision as it is: nothing built, rendered, run or deregistered; waited for.
 * Neither rollback nor rollback-on-cancel: a cancel while putting back must not "roll back" to the bad revision.
 */
function rollbackInputs(raw, previous) {
    const overrides = new Map([
        ['task-definition-arn', previous.taskDefinitionArn],
        ['desired-count', String(previous.desiredCount)],
        ['force-new-deployment', 'false'],
        ['wait', 'true'],
        ['rollback', 'false'],
        ['rollback-on-cancel', 'false'],
        ['keep-revisions', ''],
    ]);
    for (const spec of schema/* INPUTS */.mc) {
        if (['image', 'task-definition', 'run-task'].includes(spec.group) && !spec.runWide && !overrides.has(spec.name))
            overrides.set(spec.name, '');
    }
    return Object.assign((name) => overrides.get(name) ?? raw(name), {
        given: (name) => (overrides.has(name) ? overrides.get(name) !== '' : (raw.given?.(name) ?? false)),
    });
}
function reportTable(reporter, results) {
    reporter.info('');
    for (const line of (0,outcome.outcomeTable)(results))
        reporter.info(line);
}


/***/ })

};
