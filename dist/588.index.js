export const id = 588;
export const ids = [588,253];
export const modules = {

/***/ 6925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tC: () => (/* binding */ addAnswerRules),
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony exports SDK_MAX_ATTEMPTS, wholeAnswerWithin, retryGarbledAnswers */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1317);


const SDK_MAX_ATTEMPTS = 5;
function clientConfig(options) {
    const responseMs = options.requestTimeoutMs ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .RESPONSE_TIMEOUT_MS */ .$;
    return {
        region: options.region,
        maxAttempts: options.maxAttempts ?? SDK_MAX_ATTEMPTS,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        requestHandler: {
            connectionTimeout: Math.min(_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .CONNECT_TIMEOUT_MS */ .c, responseMs),
            requestTimeout: responseMs,
            // Without it the SDK only logs a warning when requestTimeout passes.
            throwOnRequestTimeout: true,
            // Covers an answer whose headers came but whose body stalls; wholeAnswerWithin covers one that trickles.
            socketTimeout: responseMs,
        },
    };
}
/** The middleware every client gets: its deadline for headers and body together, and retries of garbled reads. */
function addAnswerRules(client, options, { retryGarbled }) {
    const ms = options.requestTimeoutMs ?? _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .RESPONSE_TIMEOUT_MS */ .$;
    client.middlewareStack.add(wholeAnswerWithin(ms), { step: 'deserialize', priority: 'low', name: 'ecsDeliverWholeAnswerWithin' });
    if (retryGarbled)
        client.middlewareStack.add(retryGarbledAnswers(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
}
/**
 * The request timeout ends the wait for headers, and the socket timeout a body that stalls, but a body that
 * trickles in a byte at a time is never idle: this ends the answer once headers and body together took `ms`.
 */
function wholeAnswerWithin(ms) {
    return (next) => async (args) => {
        const startedAt = Date.now();
        const result = await next(args);
        const body = result.response.body;
        if (isDestroyable(body)) {
            const timer = setTimeout(() => {
                const error = Object.assign(new Error(`the answer did not arrive whole within ${ms / 1000} s`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
                body.destroy(error);
            }, Math.max(0, ms - (Date.now() - startedAt)));
            // The socket keeps the process alive while the body comes; the timer alone must not.
            timer.unref();
            const clear = () => clearTimeout(timer);
            body.once('end', clear);
            body.once('close', clear);
            body.once('error', clear);
        }
        return result;
    };
}
function isDestroyable(body) {
    return typeof body === 'object' && body !== null && typeof body.destroy === 'function' && typeof body.once === 'function';
}
/**
 * A truncated or garbled answer to a read fails in the SDK's reader with a SyntaxError that its retry rules do not
 * cover; marking it retryable lets the SDK try the read again like any other transient fault.
 */
function retryGarbledAnswers() {
    return (next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isGarbledAnswer */ .gL)(error) && Object.isExtensible(error)) {
                error.$retryable = {};
            }
            throw error;
        }
    };
}


/***/ }),

/***/ 7585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ isThrottled),
/* harmony export */   GZ: () => (/* binding */ isDenied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   lE: () => (/* binding */ isPermanent)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// How the one-off task reads AWS errors, on top of the project's own classification (aws/errors.ts). Reads are
// retried until the task's own timeout; only an error that retrying cannot change (a denied permission, rejected
// credentials, a missing cluster) ends the wait early.


const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const PERMANENT = new Set([
    ...DENIED,
    'UnrecognizedClientException',
    'ExpiredTokenException',
    'CredentialsProviderError',
    'ClusterNotFoundException',
    'InvalidParameterException',
]);
function isDenied(error) {
    return DENIED.has((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error)) || /not authorized/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error));
}
/** True when asking again cannot help. Everything else (throttling, 5xx, resets, garbled answers) can. */
function isPermanent(error) {
    return PERMANENT.has((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error)) || isDenied(error);
}
function isThrottled(error) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyError */ .fe)(error) === 'throttled';
}
function isNotFound(error) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .Is)(error) === 'ResourceNotFoundException';
}


/***/ }),

/***/ 253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KEPT_LINES: () => (/* binding */ KEPT_LINES),
/* harmony export */   LATE_LINES_MS: () => (/* binding */ LATE_LINES_MS),
/* harmony export */   LATE_LINES_POLL_MS: () => (/* binding */ LATE_LINES_POLL_MS),
/* harmony export */   LogTail: () => (/* binding */ LogTail),
/* harmony export */   createLogsApi: () => (/* binding */ createLogsApi),
/* harmony export */   logSourceFor: () => (/* binding */ logSourceFor)
/* harmony export */ });
/* harmony import */ var _aws_client_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6925);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7585);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4260);
// What a one-off task's container printed, read from CloudWatch Logs while the task runs and after it stops.
// Logs never fail a deploy: when they cannot be read, one line says why and the run goes on.




const KEPT_LINES = 20;
/** Pages read in one poll before the next DescribeTasks: a chatty task cannot starve the watch. */
const PAGES_PER_POLL = 10;
/** Pages read after the task stopped; a stream longer than this is cut, and the log says so. */
const PAGES_TO_DRAIN = 200;
/**
 * CloudWatch Logs shows lines some seconds after the container wrote them, and the last ones (often the error)
 * come after the task stopped: the stream is read again this often, until it stayed quiet this many times, for
 * at most LATE_LINES_MS.
 */
const LATE_LINES_POLL_MS = 1000;
const QUIET_READS = 3;
const LATE_LINES_MS = 15_000;
/** The container's awslogs stream: `prefix/container/task-id` in awslogs-group, in awslogs-region or the deploy's. */
function logSourceFor(definition, taskArn, deployRegion) {
    const container = definition?.name ?? 'the container';
    const configuration = definition?.logConfiguration;
    if (!configuration)
        return { notShown: `container ${container} has no logConfiguration` };
    if (configuration.logDriver !== 'awslogs') {
        return { notShown: `container ${container} logs with the ${configuration.logDriver ?? 'default'} driver, not awslogs` };
    }
    const options = configuration.options ?? {};
    const group = options['awslogs-group'];
    if (!group)
        return { notShown: `container ${container} sets no awslogs-group` };
    const prefix = options['awslogs-stream-prefix'];
    if (!prefix) {
        return { notShown: `container ${container} sets no awslogs-stream-prefix, so its stream is named after the Docker container id` };
    }
    return {
        target: {
            container,
            region: options['awslogs-region'] || deployRegion,
            group,
            stream: `${prefix}/${container}/${(0,_outcome_js__WEBPACK_IMPORTED_MODULE_3__/* .taskId */ .BS)(taskArn)}`,
        },
    };
}
/** Follows one log stream: `poll` while the task runs, `drain` once it stopped, `lastLines` for the failure report. */
class LogTail {
    api;
    source;
    reporter;
    token;
    stopped;
    streamSeen = false;
    printed = 0;
    kept = [];
    constructor(api, source, reporter) {
        this.api = api;
        this.source = source;
        this.reporter = reporter;
        if ('notShown' in source)
            this.giveUp(source.notShown);
    }
    /** Prints what is new since the last read. Quiet while the stream does not exist yet. */
    async poll() {
        await this.read(PAGES_PER_POLL, false);
    }
    /** Prints everything left in the stream, and the lines that arrive shortly after; called once the task stopped. */
    async drain(wait) {
        const deadline = wait ? wait.clock.now() + LATE_LINES_MS : 0;
        let quiet = 0;
        for (;;) {
            const final = !wait || quiet >= QUIET_READS || wait.clock.now() >= deadline || wait.signal?.aborted === true;
            const before = this.printed;
            const complete = await this.read(PAGES_TO_DRAIN, final);
            if (!complete && !this.stopped) {
                this.reporter.info(`logs cut after ${PAGES_TO_DRAIN} pages: the rest is in ${this.describeTarget()}`);
                return;
            }
            if (final || this.stopped || !wait)
                return;
            quiet = this.printed === before ? quiet + 1 : 0;
            await wait.clock.sleep(LATE_LINES_POLL_MS, wait.signal);
        }
    }
    /** The last lines printed, oldest first. */
    lastLines() {
        return [...this.kept];
    }
    /** Why logs are not (or no longer) shown, when they are not. */
    get notShown() {
        return this.stopped;
    }
    /** Reads up to `pages` pages; true when it reached the end of the stream. */
    async read(pages, final) {
        if (this.stopped || !('target' in this.source))
            return true;
        const target = this.source.target;
        for (let page = 0; page < pages; page += 1) {
            let answer;
            try {
                answer = await this.api.getLogEvents({
                    region: target.region,
                    logGroupName: target.group,
                    logStreamName: target.stream,
                    ...(this.token ? { nextToken: this.token } : {}),
                });
            }
            catch (error) {
                this.onError(error, final);
                return true;
            }
            this.streamSeen = true;
            for (const event of answer.events)
                this.print(event.message ?? '');
            const next = answer.nextForwardToken;
            const end = next === undefined || next === this.token;
            this.token = next ?? this.token;
            if (end)
                return true;
        }
        return false;
    }
    onError(error, final) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isDenied */ .GZ)(error))
            return this.giveUp(`reading ${this.describeTarget()} is denied (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}): grant logs:GetLogEvents`);
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error)) {
            // The stream appears once the container starts; only after the task stopped does its absence mean anything.
            if (final)
                this.giveUp(`${this.describeTarget()} does not exist${this.streamSeen ? ' any more' : ': the container wrote nothing, or never started'}`);
            return;
        }
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isPermanent */ .lE)(error) || final)
            this.giveUp(`${this.describeTarget()} could not be read (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)})`);
        // Anything else (throttling, 5xx, a reset) is tried again at the next poll.
    }
    giveUp(why) {
        if (this.stopped)
            return;
        this.stopped = why;
        this.reporter.info(`logs not shown: ${why}`);
    }
    print(message) {
        const container = 'target' in this.source ? this.source.target.container : '';
        for (const line of message.replace(/\r?\n$/, '').split(/\r?\n/)) {
            this.reporter.info(`${container} | ${line}`);
            this.printed += 1;
            this.kept.push(line);
            if (this.kept.length > KEPT_LINES)
                this.kept.shift();
        }
    }
    describeTarget() {
        if (!('target' in this.source))
            return 'the log stream';
        const { group, stream, region } = this.source.target;
        return `log stream ${stream} in group ${group} (${region})`;
    }
}
/**
 * CloudWatch Logs clients, one per region (awslogs-region may differ from the deploy's), configured as the deploy's
 * own: timeouts, retries, and a deadline on each whole answer. The SDK is loaded only here, when a task's logs are
 * read; it honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL.
 * @param options the deploy session's options (credentials, timeouts); its region is replaced.
 */
async function createLogsApi(options) {
    const { CloudWatchLogsClient, GetLogEventsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19));
    const clients = new Map();
    const clientFor = (region) => {
        let client = clients.get(region);
        if (!client) {
            const regional = { ...options, region };
            client = new CloudWatchLogsClient((0,_aws_client_config_js__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(regional));
            (0,_aws_client_config_js__WEBPACK_IMPORTED_MODULE_0__/* .addAnswerRules */ .tC)(client, regional, { retryGarbled: true });
            clients.set(region, client);
        }
        return client;
    };
    return {
        async getLogEvents(request) {
            const answer = await clientFor(request.region).send(new GetLogEventsCommand({
                logGroupName: request.logGroupName,
                logStreamName: request.logStreamName,
                startFromHead: true,
                ...(request.nextToken ? { nextToken: request.nextToken } : {}),
            }));
            return { events: answer.events ?? [], nextForwardToken: answer.nextForwardToken };
        },
    };
}


/***/ }),

/***/ 4260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ taskId),
/* harmony export */   ei: () => (/* binding */ judgeStoppedTask),
/* harmony export */   v6: () => (/* binding */ runTaskOutputs)
/* harmony export */ });
const STOPPED_BY_ECS = new Set([137, 143]);
/** The last segment of a task ARN: what the console and the log stream call the task. */
function taskId(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}
/**
 * @param essential names of the essential containers from the task definition; undefined: all are.
 * @param stopOrder the poll at which each container was first seen stopped. ECS stops the other containers once
 *   an essential one exits, and a sidecar may answer that SIGTERM with any code: one seen stopping after the chosen
 *   container is not a failure. Where the polls could not tell which stopped first, the task is not a success.
 */
function judgeStoppedTask(task, container, essential, stopOrder) {
    const id = taskId(task.taskArn ?? '');
    const reason = stoppedReason(task);
    const main = (task.containers ?? []).find((candidate) => candidate.name === container);
    if (!main) {
        return { succeeded: false, line: `task ${id} failed: it has no container ${container}${reason}` };
    }
    if (main.exitCode === undefined) {
        const own = main.reason ? ` (${main.reason})` : '';
        return { succeeded: false, line: `task ${id} failed: container ${container} never started: it has no exit code${own}${reason}` };
    }
    if (main.exitCode !== 0) {
        const own = main.reason ? ` (${main.reason})` : '';
        return { succeeded: false, exitCode: main.exitCode, line: `task ${id} failed: container ${container} exited with exit code ${main.exitCode}${own}${reason}` };
    }
    const mainStopped = stopOrder?.get(container);
    const stoppedAfterMain = (other) => {
        const at = stopOrder?.get(other.name ?? '');
        return mainStopped !== undefined && at !== undefined && at > mainStopped;
    };
    const culprit = (task.containers ?? []).find((other) => other !== main && (essential?.has(other.name ?? '') ?? true) && endedOnItsOwn(other) && !stoppedAfterMain(other));
    if (culprit) {
        const code = culprit.exitCode === undefined ? 'no exit code' : `exit code ${culprit.exitCode}`;
        const own = culprit.reason ? ` (${culprit.reason})` : '';
        const at = stopOrder?.get(culprit.name ?? '');
        const seenFirst = at !== undefined && (mainStopped === undefined || at < mainStopped);
        const when = seenFirst
            ? `before ${container} stopped`
            : `as the task stopped, and the polls could not tell whether before ${container} (which exited 0)`;
        return {
            succeeded: false,
            exitCode: 0,
            line: `task ${id} failed: essential container ${culprit.name} exited with ${code}${own} ${when}${reason}`,
        };
    }
    return { succeeded: true, exitCode: 0, line: `task ${id} succeeded: container ${container} exited with exit code 0` };
}
function endedOnItsOwn(container) {
    if (container.exitCode === undefined)
        return container.reason !== undefined && container.reason !== '';
    if (container.exitCode === 0)
        return false;
    return !STOPPED_BY_ECS.has(container.exitCode) || Boolean(container.reason);
}
function stoppedReason(task) {
    const parts = [task.stopCode, task.stoppedReason].filter((part) => Boolean(part));
    return parts.length > 0 ? `; stopped reason: ${parts.join(': ')}` : '';
}
function runTaskOutputs(taskArn, verdict) {
    return {
        'run-task-arn': taskArn ?? '',
        'run-task-exit-code': verdict?.exitCode === undefined ? '' : String(verdict.exitCode),
    };
}


/***/ }),

/***/ 5588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlannedTask: () => (/* binding */ runPlannedTask),
  runTaskError: () => (/* binding */ runTaskError),
  runTaskStep: () => (/* binding */ runTaskStep)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtask/plan.ts
var runtask_plan = __webpack_require__(8721);
// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/runtask/logs.ts
var logs = __webpack_require__(253);
// EXTERNAL MODULE: ./src/runtask/outcome.ts
var runtask_outcome = __webpack_require__(4260);
// EXTERNAL MODULE: ./src/runtask/placement.ts
var placement = __webpack_require__(1599);
// EXTERNAL MODULE: ./src/runtask/describe.ts
var describe = __webpack_require__(7635);
// EXTERNAL MODULE: ./src/runtask/aws-errors.ts
var runtask_aws_errors = __webpack_require__(7585);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/runtask/watch-task.ts
// Follows one task until it stops: DescribeTasks every poll interval, each change of its status printed as it
// happens, bounded by the task's own timeout. A timeout or a cancel stops the task, so nothing is left running
// that the log does not name. Read errors (throttling, 5xx, resets, garbled answers) are retried until the
// timeout; throttling also slows the polls down, since ECS throttles the whole account.




const TASK_POLL_MS = 2000;
const MAX_BACKOFF_FACTOR = 4;
/** A cancel must end the run within about 2 s: StopTask gets this long. */
const STOP_ON_CANCEL_MS = 1500;
const STOP_ON_TIMEOUT_MS = 10_000;
async function watchTask(params) {
    const deadline = params.clock.now() + params.timeoutMs;
    const progress = params.reporter.waiting?.(`one-off task ${(0,runtask_outcome/* taskId */.BS)(params.taskArn)}`, () => deadline - params.clock.now());
    try {
        return await followTask(params, deadline, progress);
    }
    finally {
        progress?.end();
    }
}
async function followTask(params, deadline, progress) {
    const { api, cluster, taskArn, clock, reporter, signal } = params;
    const id = (0,runtask_outcome/* taskId */.BS)(taskArn);
    const basePoll = params.pollMs ?? TASK_POLL_MS;
    const started = clock.now();
    let interval = basePoll;
    let last;
    let failing;
    let polls = 0;
    const stopOrder = new Map();
    for (;;) {
        if (signal?.aborted) {
            const stopRequested = await stop(params, 'the job was cancelled', STOP_ON_CANCEL_MS);
            return { kind: 'cancelled', ...(last ? { last } : {}), stopRequested };
        }
        const pollStarted = clock.now();
        try {
            const task = (await api.describeTasks(cluster, [taskArn])).find((candidate) => candidate.taskArn === taskArn);
            if (failing)
                reporter.info(`task ${id}: DescribeTasks answers again`);
            failing = undefined;
            interval = Math.max(basePoll, interval / 2);
            // Right after RunTask the task may not be visible yet: that is not an answer about it.
            if (task) {
                polls += 1;
                for (const container of task.containers ?? []) {
                    const name = container.name ?? '';
                    if (!stopOrder.has(name) && (container.lastStatus === 'STOPPED' || container.exitCode !== undefined))
                        stopOrder.set(name, polls);
                }
                if (task.lastStatus && task.lastStatus !== last?.lastStatus) {
                    reporter.info(statusLine(id, task, clock.now() - started));
                }
                last = task;
                progress?.stands(task.lastStatus ?? '?');
                if (task.lastStatus === 'STOPPED')
                    return { kind: 'stopped', task, stopOrder };
                const watched = params.untilContainerExits;
                if (watched !== undefined && stopOrder.has(watched)) {
                    const exit = task.containers?.find((container) => container.name === watched)?.exitCode;
                    reporter.info(`task ${id}: container ${watched} exited${exit === undefined ? '' : ` with exit code ${exit}`}; it is not essential, so the task is stopped`);
                    await stop(params, `container ${watched} exited`, STOP_ON_TIMEOUT_MS);
                    return { kind: 'stopped', task, stopOrder };
                }
            }
        }
        catch (error) {
            // A cancel aborts the read in flight: that is no answer about the task, and the loop's top stops it.
            if (signal?.aborted)
                continue;
            const reason = (0,aws_errors/* describeError */.Uc)(error);
            if ((0,runtask_aws_errors/* isPermanent */.lE)(error))
                return { kind: 'unreadable', ...(last ? { last } : {}), reason };
            if ((0,runtask_aws_errors/* isThrottled */.B5)(error))
                interval = Math.min(interval * 2, basePoll * MAX_BACKOFF_FACTOR);
            if (failing === undefined)
                reporter.warn(`task ${id}: DescribeTasks failed (${reason}); trying again until run-task-timeout`);
            failing = reason;
        }
        if (params.onPoll)
            await params.onPoll();
        const now = clock.now();
        if (now >= deadline) {
            const stopRequested = await stop(params, `run-task-timeout of ${(0,duration/* formatDuration */.a)(params.timeoutMs)} passed`, STOP_ON_TIMEOUT_MS);
            return { kind: 'timed-out', ...(last ? { last } : {}), stopRequested };
        }
        await clock.sleep(Math.max(0, Math.min(pollStarted + interval, deadline) - now), signal);
    }
}
function statusLine(id, task, elapsedMs) {
    const after = `after ${Math.round(elapsedMs / 1000)}s`;
    if (task.lastStatus === 'STOPPED' && task.stoppedReason)
        return `task ${id}: STOPPED ${after} (${task.stoppedReason})`;
    return `task ${id}: ${task.lastStatus} ${after}`;
}
/** Asks ECS to stop the task, waiting at most `capMs` for the answer; says what happened either way. */
async function stop(params, why, capMs) {
    const { api, cluster, taskArn, clock, reporter } = params;
    const reason = `ecs-deliver: ${why}`;
    const fix = `stop it yourself: aws ecs stop-task --cluster ${cluster} --task ${taskArn}`;
    // The timer is cleared once StopTask answers, so it never holds the process open.
    const timer = new AbortController();
    const outcome = await Promise.race([
        api.stopTask(cluster, taskArn, reason).then(() => 'stopped', (error) => (0,aws_errors/* describeError */.Uc)(error)),
        clock.sleep(capMs, timer.signal).then(() => 'no answer'),
    ]);
    timer.abort();
    if (outcome === 'stopped') {
        reporter.warn(`${why}: stopping task ${(0,runtask_outcome/* taskId */.BS)(taskArn)} (StopTask: "${reason}")`);
        return true;
    }
    const problem = outcome === 'no answer' ? `StopTask did not answer within ${(0,duration/* formatDuration */.a)(capMs)}` : `StopTask failed (${outcome})`;
    reporter.warn(`${why}, but task ${(0,runtask_outcome/* taskId */.BS)(taskArn)} may still run: ${problem}; ${fix}`);
    return false;
}


;// CONCATENATED MODULE: ./src/runtask/run-task.ts








/** How long RunTask is sent again through throttling, 5xx and lost answers before the run gives up on it. */
const RUN_TASK_DEADLINE_MS = 120_000;
async function runOneOffTask(params) {
    const { reporter, request, container } = params;
    if (params.signal?.aborted)
        return result('CANCELLED', 'the job was cancelled before the task started');
    reporter.info(`Running one task of ${(0,describe/* label */.Pf)(request.taskDefinition)} in cluster ${request.cluster ?? 'default'}: ${(0,describe/* commandLine */.ay)(request, container)}`);
    reporter.info(`  where: ${(0,placement/* describePlacement */.B)(request)}`);
    const started = await startTask(params);
    if ('status' in started)
        return started;
    const taskArn = started.taskArn;
    const id = (0,runtask_outcome/* taskId */.BS)(taskArn);
    reporter.info(`Started task ${id} (${taskArn})`);
    if (!params.wait) {
        reporter.info(`Not waiting for task ${id} (run-task-wait: false)`);
        return result('STARTED', `task ${id} started; not waited for`, taskArn);
    }
    const tail = await openTail(params, taskArn);
    const essential = new Set(params.containerDefinitions.filter((definition) => definition.essential !== false).map((definition) => definition.name ?? ''));
    const end = await watchTask({
        api: params.api,
        cluster: request.cluster ?? 'default',
        taskArn,
        timeoutMs: params.timeoutMs,
        ...(params.pollMs !== undefined ? { pollMs: params.pollMs } : {}),
        clock: params.clock,
        reporter,
        signal: params.signal,
        onPoll: () => tail.poll(),
        ...(essential.has(container) ? {} : { untilContainerExits: container }),
    });
    // Whatever the ending, what the container printed until now is shown before the verdict.
    if (!params.signal?.aborted)
        await tail.drain({ clock: params.clock, signal: params.signal });
    const lastLogLines = tail.lastLines();
    switch (end.kind) {
        case 'stopped': {
            const verdict = (0,runtask_outcome/* judgeStoppedTask */.ei)(end.task, container, essential, end.stopOrder);
            const status = verdict.succeeded ? 'SUCCEEDED' : 'FAILED';
            const outcome = result(status, verdict.line, taskArn, verdict.exitCode, lastLogLines);
            report(reporter, outcome);
            return outcome;
        }
        case 'timed-out':
            return reported(reporter, result('TIMED_OUT', `task ${id} did not stop within run-task-timeout ${(0,duration/* formatDuration */.a)(params.timeoutMs)}${end.stopRequested ? '; it was stopped' : ''}`, taskArn, undefined, lastLogLines));
        case 'cancelled':
            return result('CANCELLED', `the job was cancelled while task ${id} ran${end.stopRequested ? '; it was stopped' : ''}`, taskArn, undefined, lastLogLines);
        case 'unreadable':
            return reported(reporter, result('UNKNOWN', `task ${id}: its outcome cannot be read (${end.reason}); it was left running: check it with aws ecs describe-tasks --cluster ${request.cluster ?? 'default'} --tasks ${taskArn}`, taskArn, undefined, lastLogLines));
    }
}
async function startTask(params) {
    const { api, request, clock } = params;
    const cluster = request.cluster ?? 'default';
    const startedBy = request.startedBy ?? 'ecs-deliver';
    const check = `aws ecs list-tasks --cluster ${cluster} --started-by ${startedBy}`;
    const sentAt = clock.now();
    let answer;
    try {
        answer = await (0,change/* sendChange */.Xy)({
            action: 'RunTask',
            send: (signal) => api.runTask(request, signal),
            // Sent again with the same client token, ECS answers with the task the first send started, or starts it
            // now: either way the task is known, and a cancel can stop it.
            readBack: async (signal) => ({ applied: true, value: await api.runTask(request, signal) }),
            // The client token: ECS answers a second send with the task the first one started.
            resendIsSafe: true,
            resendReadsBack: true,
            whatToCheck: check,
        }, { clock, reporter: params.reporter, cancel: params.signal, deadlineAt: sentAt + RUN_TASK_DEADLINE_MS });
    }
    catch (error) {
        if (error instanceof change/* ChangeCancelledError */.e7)
            return await afterCancelledRun(params, error.settled, check);
        if (error instanceof change/* MayHaveBeenAppliedError */.fq || !(error instanceof errors/* DeployError */.sH)) {
            const lost = error instanceof change/* MayHaveBeenAppliedError */.fq ? error.lost : (0,aws_errors/* describeError */.Uc)(error);
            return reported(params.reporter, result('UNKNOWN', `RunTask did not answer (${lost}); a task may have started: check ${check}`));
        }
        return reported(params.reporter, result('FAILED', error.message));
    }
    const taskArn = answer.tasks?.[0]?.taskArn;
    if (taskArn) {
        if (params.signal?.aborted)
            return afterCancelledRun(params, { state: 'applied', value: answer }, check);
        return { taskArn };
    }
    const failures = (answer.failures ?? []).map((failure) => [failure.arn, failure.reason, failure.detail].filter(Boolean).join(': '));
    return reported(params.reporter, result('FAILED', `RunTask started no task: ${failures.join('; ') || 'ECS gave no reason'}`));
}
/** A cancel while RunTask was on its way: a task it started is stopped, and one that may start is named. */
async function afterCancelledRun(params, seen, check) {
    const taskArn = seen.state === 'applied' ? seen.value.tasks?.[0]?.taskArn : undefined;
    if (seen.state === 'not-applied' || (seen.state === 'applied' && !taskArn))
        return result('CANCELLED', 'the job was cancelled before the task started');
    if (!taskArn) {
        const line = `the job was cancelled while RunTask was not answering; RunTask may still start a task: check ${check}`;
        params.reporter.warn(line);
        return result('CANCELLED', line);
    }
    const stopWaiting = new AbortController();
    const stopped = await Promise.race([
        Promise.resolve()
            .then(() => params.api.stopTask(params.request.cluster ?? 'default', taskArn, 'ecs-deliver: the job was cancelled'))
            .then(() => true, () => false),
        params.clock.sleep(change/* CANCEL_FOLLOW_UP_MS */.oP, stopWaiting.signal).then(() => false),
    ]);
    stopWaiting.abort();
    const line = stopped
        ? `the job was cancelled as task ${(0,runtask_outcome/* taskId */.BS)(taskArn)} started; it was stopped`
        : `the job was cancelled as task ${(0,runtask_outcome/* taskId */.BS)(taskArn)} started, and stopping it did not go through: stop it with aws ecs stop-task --cluster ${params.request.cluster ?? 'default'} --task ${taskArn}`;
    params.reporter.warn(line);
    return result('CANCELLED', line, taskArn);
}
async function openTail(params, taskArn) {
    const definition = params.containerDefinitions.find((candidate) => candidate.name === params.container);
    const source = (0,logs.logSourceFor)(definition, taskArn, params.region);
    if ('notShown' in source)
        return new logs.LogTail(unusedLogs, source, params.reporter);
    try {
        return new logs.LogTail(await params.openLogs(), source, params.reporter);
    }
    catch (error) {
        return new logs.LogTail(unusedLogs, { notShown: `the CloudWatch Logs client could not start (${(0,errors/* errorMessage */.gJ)(error)})` }, params.reporter);
    }
}
const unusedLogs = {
    getLogEvents: () => Promise.reject(new Error('logs are not read')),
};
function result(status, line, taskArn, exitCode, lastLogLines = []) {
    return {
        status,
        line,
        lastLogLines,
        ...(taskArn ? { taskArn } : {}),
        ...(exitCode !== undefined ? { exitCode } : {}),
        outputs: (0,runtask_outcome/* runTaskOutputs */.v6)(taskArn, exitCode === undefined ? undefined : { exitCode }),
    };
}
function reported(reporter, outcome) {
    report(reporter, outcome);
    return outcome;
}
function report(reporter, outcome) {
    if (outcome.status === 'SUCCEEDED') {
        reporter.info(outcome.line);
        return;
    }
    for (const line of failureReport(outcome))
        reporter.error(line);
}
/** The lines a failed task leaves in the log and the job summary: what happened, then its last log lines. */
function failureReport(outcome) {
    const lines = [outcome.line];
    if (outcome.lastLogLines.length > 0) {
        lines.push(`last ${outcome.lastLogLines.length} log lines:`);
        lines.push(...outcome.lastLogLines.map((line) => `  ${line}`));
    }
    return lines;
}


;// CONCATENATED MODULE: ./src/runtask/step.ts
// The one-off task as apply runs it: after the revision is registered, before UpdateService. Apply calls
// runPlannedTask, sets the outputs, and goes on only when runTaskError gives nothing back.





function runPlannedTask(plan, taskDefinitionArn, deps) {
    return runOneOffTask({
        ...deps,
        request: (0,runtask_plan/* runTaskRequestFor */.X2)(plan, taskDefinitionArn, deps.clientToken ?? (0,external_node_crypto_.randomUUID)()),
        container: plan.container,
        containerDefinitions: plan.containerDefinitions,
        wait: plan.options.wait,
        timeoutMs: plan.options.timeoutMs,
    });
}
/**
 * The one-off task as a step of apply: runs it, and answers the error that ends the run when it did not succeed.
 * @param untouched what is left as it was when the task fails, for the message, such as "service web".
 */
async function runTaskStep(plan, taskDefinitionArn, untouched, deps) {
    const result = await runPlannedTask(plan, taskDefinitionArn, deps);
    const error = runTaskError(result, untouched, deps.signal ? (0,cancel/* signalOf */.oX)(deps.signal) : 'SIGTERM');
    return error ? { result, error } : { result };
}
/**
 * The error that ends the run when the task did not succeed (undefined when the deploy may go on).
 * @param untouched what was left as it was, for the message, such as "service web".
 */
function runTaskError(result, untouched, cancelledBy = 'SIGTERM') {
    const left = untouched ? `; ${untouched} was left as it was` : '';
    switch (result.status) {
        case 'SUCCEEDED':
        case 'STARTED':
            return undefined;
        case 'CANCELLED':
            return new errors/* CancelledError */.cc(cancelledBy);
        case 'UNKNOWN':
            return new errors/* AwsUnavailableError */.i7(`one-off task: ${result.line}${left}`);
        case 'FAILED':
        case 'TIMED_OUT':
            return new errors/* DeployError */.sH(`one-off task: ${result.line}${left}`);
    }
}


/***/ })

};
