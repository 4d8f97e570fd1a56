export const id = 253;
export const ids = [253];
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


/***/ })

};
