export const id = 867;
export const ids = [867];
export const modules = {

/***/ 2058:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;


const CLOCK_SKEW_ERROR_CODES = [
    "AuthFailure",
    "InvalidSignatureException",
    "RequestExpired",
    "RequestInTheFuture",
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
];
const THROTTLING_ERROR_CODES = [
    "BandwidthLimitExceeded",
    "EC2ThrottledException",
    "LimitExceededException",
    "PriorRequestNotComplete",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "ThrottledException",
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "TransactionInProgressException",
];
const TRANSIENT_ERROR_CODES = ["TimeoutError", "RequestTimeout", "RequestTimeoutException"];
const TRANSIENT_ERROR_STATUS_CODES = [500, 502, 503, 504];
const NODEJS_TIMEOUT_ERROR_CODES = ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"];
const NODEJS_NETWORK_ERROR_CODES = ["EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND"];

const isRetryableByTrait = (error) => error?.$retryable !== undefined;
const isClockSkewError = (error) => CLOCK_SKEW_ERROR_CODES.includes(error.name);
const isClockSkewCorrectedError = (error) => error.$metadata?.clockSkewCorrected;
const isBrowserNetworkError = (error) => {
    const errorMessages = new Set([
        "Failed to fetch",
        "NetworkError when attempting to fetch resource",
        "The Internet connection appears to be offline",
        "Load failed",
        "Network request failed",
    ]);
    const isValid = error && error instanceof TypeError;
    if (!isValid) {
        return false;
    }
    return errorMessages.has(error.message);
};
const isThrottlingError = (error) => error.$metadata?.httpStatusCode === 429 ||
    THROTTLING_ERROR_CODES.includes(error.name) ||
    error.$retryable?.throttling == true;
const isTransientError = (error, depth = 0) => isRetryableByTrait(error) ||
    isClockSkewCorrectedError(error) ||
    (error.name === "InvalidSignatureException" && error.message?.includes("Signature expired")) ||
    TRANSIENT_ERROR_CODES.includes(error.name) ||
    NODEJS_TIMEOUT_ERROR_CODES.includes(error?.code || "") ||
    NODEJS_NETWORK_ERROR_CODES.includes(error?.code || "") ||
    TRANSIENT_ERROR_STATUS_CODES.includes(error.$metadata?.httpStatusCode || 0) ||
    isBrowserNetworkError(error) ||
    isNodeJsHttp2TransientError(error) ||
    (error.cause !== undefined && depth <= 10 && isTransientError(error.cause, depth + 1));
const isServerError = (error) => {
    if (error.$metadata?.httpStatusCode !== undefined) {
        const statusCode = error.$metadata.httpStatusCode;
        if (500 <= statusCode && statusCode <= 599 && !isTransientError(error)) {
            return true;
        }
        return false;
    }
    return false;
};
function isNodeJsHttp2TransientError(error) {
    return error.code === "ERR_HTTP2_STREAM_ERROR" && error.message.includes("NGHTTP2_REFUSED_STREAM");
}

__webpack_unused_export__ = isBrowserNetworkError;
__webpack_unused_export__ = isClockSkewCorrectedError;
__webpack_unused_export__ = isClockSkewError;
__webpack_unused_export__ = isNodeJsHttp2TransientError;
__webpack_unused_export__ = isRetryableByTrait;
exports.GQ = isServerError;
exports.Qb = isThrottlingError;
exports.bV = isTransientError;


/***/ }),

/***/ 1149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JD: () => (/* binding */ changesUnderway),
/* harmony export */   OR: () => (/* binding */ abandonCallsInFlight),
/* harmony export */   Xy: () => (/* binding */ sendChange),
/* harmony export */   a4: () => (/* binding */ CANCEL_ANSWER_WAIT_ROLLBACK_MS),
/* harmony export */   e7: () => (/* binding */ ChangeCancelledError),
/* harmony export */   fq: () => (/* binding */ MayHaveBeenAppliedError),
/* harmony export */   i9: () => (/* binding */ CANCEL_WITH_CHANGE_MS),
/* harmony export */   oP: () => (/* binding */ CANCEL_FOLLOW_UP_MS),
/* harmony export */   q_: () => (/* binding */ endOfRun)
/* harmony export */ });
/* unused harmony exports LATE_APPLY_MARGIN_MS, CHANGE_DEADLINE_MS, CANCEL_ANSWER_WAIT_MS, ChangeRefusedError, backoffMs, readBackPauseMs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1317);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);



/** The longest a request may take to reach AWS and be applied after the client stopped waiting for it. */
const LATE_APPLY_MARGIN_MS = 60_000;
const CHANGE_DEADLINE_MS = 10 * 60_000;
/** A cancel waits this long for the answer to a change in flight, then reads back once. */
const CANCEL_ANSWER_WAIT_MS = 5_000;
/** With rollback-on-cancel: what the update did must be known to undo it. */
const CANCEL_ANSWER_WAIT_ROLLBACK_MS = 8_000;
/** The one read-back after a cancel, and a stop it leads to, each wait at most this long. */
const CANCEL_FOLLOW_UP_MS = 2_000;
/** The longest a cancel with a change underway takes to end the run: the answer, one read-back, one stop. */
const CANCEL_WITH_CHANGE_MS = CANCEL_ANSWER_WAIT_MS + 2 * CANCEL_FOLLOW_UP_MS + 500;
const FIRST_READ_BACK_MS = 1_000;
const LONGEST_READ_BACK_PAUSE_MS = 16_000;
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 20_000;
class ChangeCancelledError extends Error {
    action;
    settled;
    whatToCheck;
    name = 'ChangeCancelledError';
    constructor(action, settled, whatToCheck) {
        super(settled.state === 'applied'
            ? `cancelled during ${action}, which was applied`
            : settled.state === 'not-applied'
                ? `cancelled during ${action}, which was not applied`
                : `cancelled during ${action}, which may still be applied: check ${whatToCheck}`);
        this.action = action;
        this.settled = settled;
        this.whatToCheck = whatToCheck;
    }
}
/** AWS refused the change (or kept throttling it past its deadline): it was not made. */
class ChangeRefusedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH {
    refusal;
    /** Read by changeOutcome: a refused change was not applied, whatever the message says. */
    refusedByAws = true;
    constructor(message, refusal) {
        super(message);
        this.refusal = refusal;
    }
}
class MayHaveBeenAppliedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH {
    /** What to look at (a console page, an AWS CLI command) to learn whether the change was made. */
    whatToCheck;
    /** How the last answer was lost. */
    lost;
    /** `readBack`: why reading back failed; or, with `notShown`, what the last read-back showed instead. */
    constructor(change, lost, readBack, whatToCheck, notShown = false) {
        const after = notShown ? `it did not show before the deadline (${readBack})` : `reading it back failed (${readBack})`;
        super(`${change} may have been applied: its answer was lost (${lost}) and ${after}; check ${whatToCheck}`);
        this.whatToCheck = whatToCheck;
        this.lost = lost;
    }
}
const inFlight = new Set();
const runEnded = new AbortController();
/** Aborts the reads made after a cancel once the run has ended: nobody waits for them any more. */
const endOfRun = runEnded.signal;
/**
 * Ends every change call still open, at the end of the run: whoever waited for it gave up, and a call left open
 * would keep the process alive and print after its last line.
 */
function abandonCallsInFlight() {
    for (const call of inFlight)
        call.abort(new Error('the run ended'));
    inFlight.clear();
    runEnded.abort(new Error('the run ended'));
}
let underway = 0;
/** How many changes are being sent or settled: a cancel waits longer for them. */
function changesUnderway() {
    return underway;
}
/** Full jitter above half the exponential step: spreads runs that were throttled together. */
function backoffMs(retry, random = Math.random) {
    const step = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, retry - 1));
    return Math.round(step / 2 + (random() * step) / 2);
}
/** The pauses before each read-back of a doubtful change: 1, 2, 4, 8, 16, 16 … s. */
function readBackPauseMs(read) {
    return Math.min(LONGEST_READ_BACK_PAUSE_MS, FIRST_READ_BACK_MS * 2 ** Math.max(0, read - 1));
}
function failureKind(error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .changeOutcome */ .Ft)(error) === 'doubtful')
        return 'doubtful';
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(error) === 'throttled' || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotSent */ .eg)(error))
        return 'not-applied';
    return 'refused';
}
async function sendChange(change, options) {
    underway += 1;
    try {
        return await settleChange(change, options);
    }
    finally {
        underway -= 1;
    }
}
async function settleChange(change, options) {
    const { clock, reporter, cancel } = options;
    const random = options.random ?? Math.random;
    const deadlineAt = options.deadlineAt ?? clock.now() + CHANGE_DEADLINE_MS;
    const cancelWaitMs = options.cancelWaitMs ?? CANCEL_ANSWER_WAIT_MS;
    const { action } = change;
    let retries = 0;
    let doubtful = false;
    const cancelled = async () => {
        throw new ChangeCancelledError(action, doubtful ? await readBackOnce(change, clock, true) : { state: 'not-applied' }, change.whatToCheck);
    };
    // A pause ends early on a cancel, and for good once the run has ended: nothing is sent after the run's last line.
    const wakeUp = cancel ? AbortSignal.any([cancel, endOfRun]) : endOfRun;
    const pause = async (ms) => {
        if (clock.now() + ms > deadlineAt)
            return false;
        await clock.sleep(ms, wakeUp);
        if (endOfRun.aborted)
            throw new Error(`${action}: the run ended first`);
        if (cancel?.aborted)
            await cancelled();
        return true;
    };
    for (;;) {
        if (cancel?.aborted)
            await cancelled();
        const sentAt = clock.now();
        const answer = await answerOf(change, clock, cancel, cancelWaitMs);
        if (answer.kind === 'value')
            return answer.value;
        if (answer.kind === 'no-answer') {
            doubtful = true;
            return cancelled();
        }
        const failure = answer.error;
        const kind = failureKind(failure);
        if (kind === 'refused') {
            // A refused second send may be refusing what the first, whose answer was lost, already did.
            const seen = retries > 0 ? await readBackOnce(change, clock, false) : undefined;
            if (seen?.state === 'applied')
                return seen.value;
            throw new ChangeRefusedError((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)(action, failure), failure);
        }
        if (cancel?.aborted) {
            doubtful ||= kind === 'doubtful';
            await cancelled();
        }
        retries += 1;
        const gaveUp = (seen) => new ChangeRefusedError(`${action} did not go through before its deadline (last: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(failure)})${seen ? `; ${seen}` : ''}.`, failure);
        if (kind === 'not-applied' || change.resendReadsBack) {
            reporter?.info(`${action}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(failure)}; sending it again.`);
            if (await pause(backoffMs(retries, random)))
                continue;
            if (kind === 'not-applied')
                throw gaveUp(undefined);
            throw new MayHaveBeenAppliedError(action, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(failure), 'no answer came before its deadline', change.whatToCheck);
        }
        doubtful = true;
        reporter?.warn(`${action}: the answer was lost (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(failure)}); reading back what AWS shows.`);
        const found = change.resendIsSafe ? await readBackSoon(change, failure, pause) : await readBackUntilSettled(change, failure, sentAt, pause, clock);
        if (found.applied)
            return found.value;
        doubtful = false;
        reporter?.info(change.resendIsSafe ? `${action} was not applied: sending it again.` : `${action} was not applied, and can no longer be applied late: sending it again.`);
        if (!(await pause(backoffMs(retries, random))))
            throw gaveUp(found.seen);
    }
}
/** One send. After a cancel its answer is waited for at most `cancelWaitMs`; then the call is abandoned. */
async function answerOf(change, clock, cancel, cancelWaitMs) {
    const call = new AbortController();
    inFlight.add(call);
    const answer = Promise.resolve().then(() => change.send(call.signal)).then((value) => ({ kind: 'value', value }), (error) => ({ kind: 'error', error }));
    try {
        if (!cancel)
            return await answer;
        const beforeCancel = await Promise.race([answer, untilAborted(cancel, answer)]);
        if (beforeCancel)
            return beforeCancel;
        const stopWaiting = new AbortController();
        const afterCancel = await Promise.race([answer, clock.sleep(cancelWaitMs, stopWaiting.signal).then(() => ({ kind: 'no-answer' }))]);
        stopWaiting.abort();
        if (afterCancel.kind === 'no-answer')
            call.abort(new Error('cancelled'));
        return afterCancel;
    }
    finally {
        inFlight.delete(call);
    }
}
/** Resolves undefined when `signal` aborts; settles silently once `done` has. */
function untilAborted(signal, done) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve(undefined);
        const onAbort = () => resolve(undefined);
        signal.addEventListener('abort', onAbort, { once: true });
        void done.finally(() => signal.removeEventListener('abort', onAbort));
    });
}
/**
 * Reads back at growing intervals until the change shows, or until the request could no longer be applied late
 * (LATE_APPLY_MARGIN_MS past the call's own deadline). A read that fails is tried again at the next interval.
 */
async function readBackUntilSettled(change, lost, sentAt, pause, clock) {
    const settledAt = sentAt + _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .RESPONSE_TIMEOUT_MS */ .$ + LATE_APPLY_MARGIN_MS;
    let lastProblem;
    let lastSeen;
    for (let read = 1;; read++) {
        const lastRead = clock.now() >= settledAt;
        if (!(await pause(lastRead ? 0 : Math.min(readBackPauseMs(read), settledAt - clock.now()))))
            break;
        try {
            const found = await change.readBack();
            lastProblem = undefined;
            if (found.applied || lastRead)
                return found;
            lastSeen = found.seen ?? 'not applied yet';
        }
        catch (error) {
            lastProblem = error;
            if (lastRead)
                break;
        }
    }
    if (lastProblem === undefined && lastSeen !== undefined) {
        throw new MayHaveBeenAppliedError(change.action, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(lost), lastSeen, change.whatToCheck, true);
    }
    const problem = lastProblem === undefined ? 'the deadline came first' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(lastProblem);
    throw new MayHaveBeenAppliedError(change.action, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(lost), problem, change.whatToCheck);
}
/** One read-back after a pause, for a change a second send cannot double. */
async function readBackSoon(change, lost, pause) {
    let problem;
    if (await pause(readBackPauseMs(1))) {
        try {
            return await change.readBack();
        }
        catch (error) {
            problem = error;
        }
    }
    throw new MayHaveBeenAppliedError(change.action, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(lost), problem === undefined ? 'the deadline came first' : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(problem), change.whatToCheck);
}
/**
 * One read-back, within CANCEL_FOLLOW_UP_MS. `mayLandLate`: the request may still reach AWS after this read (its
 * answer was lost just now), so not seeing it settles nothing, unless sending again is the read-back.
 */
async function readBackOnce(change, clock, mayLandLate) {
    const stopWaiting = new AbortController();
    const call = new AbortController();
    inFlight.add(call);
    try {
        const found = await Promise.race([
            Promise.resolve().then(() => change.readBack(call.signal)).catch(() => undefined),
            clock.sleep(CANCEL_FOLLOW_UP_MS, stopWaiting.signal).then(() => undefined),
        ]);
        if (found?.applied)
            return { state: 'applied', value: found.value };
        return found && (!mayLandLate || change.resendReadsBack) ? { state: 'not-applied' } : { state: 'unsettled' };
    }
    finally {
        stopWaiting.abort();
        call.abort(new Error('the read-back was given up'));
        inFlight.delete(call);
    }
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ft: () => (/* binding */ changeOutcome),
/* harmony export */   GW: () => (/* binding */ isNotSupported),
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   eg: () => (/* binding */ isNotSent),
/* harmony export */   fe: () => (/* binding */ classifyError),
/* harmony export */   gL: () => (/* binding */ isGarbledAnswer)
/* harmony export */ });
/* unused harmony export isAborted */
/* harmony import */ var _smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2058);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// What a failed AWS call means: throttling slows the watcher's polling, transient faults are retried until
// the timeout, anything else ends the wait; whether a failed change may still have been made; and the one line a
// user reads about it. The SDK's own error classification decides throttling and transience.


function fields(error) {
    return typeof error === 'object' && error !== null ? error : {};
}
function httpStatus(error) {
    const status = fields(error).$metadata?.httpStatusCode;
    return typeof status === 'number' ? status : undefined;
}
function errorName(error) {
    const name = fields(error).name;
    return typeof name === 'string' ? name : 'Error';
}
function asSdkError(error) {
    return typeof error === 'object' && error !== null ? error : undefined;
}
/**
 * An answer the SDK could not read (truncated, garbled, cut off mid-body): its reader fails with an error that
 * carries the raw `$response` but none of the fault fields an error ECS sent has.
 */
function isGarbledAnswer(error) {
    return typeof error === 'object' && error !== null && '$response' in error && fields(error).$fault === undefined;
}
/** The run's own cancel (or a caller's abort): never retried. */
function isAborted(error) {
    return errorName(error) === 'AbortError';
}
function classifyError(error) {
    const sdkError = asSdkError(error);
    if (!sdkError || isAborted(error))
        return 'fatal';
    if ((0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isThrottlingError */ .Qb)(sdkError))
        return 'throttled';
    if ((0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isTransientError */ .bV)(sdkError) || (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isServerError */ .GQ)(sdkError) || fields(error).$fault === 'server' || isGarbledAnswer(error)) {
        return 'transient';
    }
    return 'fatal';
}
/** Faults that happen before a request leaves this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** A connection fault that happened before the request left this machine. */
function isNotSent(error) {
    const code = error?.code;
    return typeof code === 'string' && NOT_SENT_CODES.has(code);
}
const NOT_SENT_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
/** ECS's refusals, for errors that lost their fault fields on the way (wrapped or rebuilt by other code). */
const REFUSED_NAMES = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'ClientException',
    'InvalidParameterException',
    'ClusterNotFoundException',
    'ServiceNotFoundException',
    'ServiceNotActiveException',
    'UnsupportedFeatureException',
    'PlatformUnknownException',
    'PlatformTaskDefinitionIncompatibilityException',
    'LimitExceededException',
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'ExpiredTokenException',
]);
/**
 * After a change (RegisterTaskDefinition, UpdateService, DeregisterTaskDefinition) failed: 'not-applied' when AWS
 * certainly did not make it (it refused the call with an error of its own, throttling included: ECS refuses a
 * throttled call before doing anything; or the request never left), 'doubtful' when it may have (a timeout, a
 * reset, a 5xx, an answer that could not be read, anything unknown). A doubtful change is read back before it is
 * tried again.
 */
function changeOutcome(error) {
    // A change the one way to send a change settled as refused (see change.ts).
    if (error?.refusedByAws === true)
        return 'not-applied';
    const { code, $fault } = fields(error);
    if (typeof code === 'string' && NOT_SENT_CODES.has(code))
        return 'not-applied';
    if (NOT_SENT_NAMES.has(errorName(error)))
        return 'not-applied';
    if (isGarbledAnswer(error))
        return 'doubtful';
    const sdkError = asSdkError(error);
    if (sdkError && (0,_smithy_service_error_classification__WEBPACK_IMPORTED_MODULE_1__/* .isThrottlingError */ .Qb)(sdkError))
        return 'not-applied';
    const status = httpStatus(error);
    if ($fault === 'client' || (status !== undefined && status >= 400 && status < 500))
        return 'not-applied';
    if ($fault === undefined && status === undefined && REFUSED_NAMES.has(errorName(error)))
        return 'not-applied';
    return 'doubtful';
}
const NOT_SUPPORTED = new Set([
    'UnknownOperationException',
    'InvalidParameterException',
    'UnsupportedFeatureException',
    'ServiceDeploymentNotFoundException',
    // Roles written for older tools often lack ecs:DescribeServiceDeployments; DescribeServices still answers.
    'AccessDeniedException',
]);
/**
 * True when DescribeServiceDeployments failed in a way that says this endpoint (or this role) does not offer it.
 * A server error on the very first call counts too: stand-ins that lack the operation answer HTTP 500.
 */
function isNotSupported(error, firstCall) {
    if (NOT_SUPPORTED.has(errorName(error)))
        return true;
    if (!firstCall)
        return false;
    const status = httpStatus(error);
    return errorName(error) === 'ServerException' || (status !== undefined && status >= 500);
}
function describeError(error) {
    const name = errorName(error);
    // The SDK appends a hint about a hidden field to answers it could not read: not something a user can act on.
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '';
    if (isGarbledAnswer(error))
        return `AWS sent an answer that could not be read: ${name}: ${message}`;
    return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`;
}
/** One line for a failed call, with the fix where the error says what it is. */
function describeAwsError(action, error) {
    const name = errorName(error);
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
        return `${action}: no AWS credentials found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or role-arn with web-identity-token.`;
    }
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || /not authorized/i.test(message)) {
        return `${action}: access denied (${message}); grant the permission listed in the README's IAM policy.`;
    }
    if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'ExpiredTokenException') {
        return `${action}: AWS rejected the credentials (${name}: ${message}); check the access key, or refresh the session.`;
    }
    return `${action}: ${describeError(error)}`;
}


/***/ }),

/***/ 1317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ RESPONSE_TIMEOUT_MS),
/* harmony export */   c: () => (/* binding */ CONNECT_TIMEOUT_MS)
/* harmony export */ });
// How long one AWS call may take. An ECS or ECR endpoint connects in well under a second and answers these small
// calls in one or two; a call that takes longer has hung. Short caps let the SDK (reads) or the read-back (changes)
// try again within a few seconds, so that even five hung attempts fit well inside a wait-timeout of minutes.
const CONNECT_TIMEOUT_MS = 3_000;
/** Headers and body together: an answer that trickles in cannot stretch it. */
const RESPONSE_TIMEOUT_MS = 10_000;


/***/ }),

/***/ 6429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   KW: () => (/* binding */ familyRevision),
/* harmony export */   Y6: () => (/* binding */ sameRevision)
/* harmony export */ });
// Short names for what ECS identifies by ARN, so log lines stay readable.
/**
 * `web:5`: the one label for a revision, from a task definition ARN (`arn:aws:ecs:...:task-definition/web:5`),
 * from `web:5` itself, or from a described revision's family and number.
 */
function familyRevision(taskDefinition) {
    if (typeof taskDefinition !== 'string')
        return `${taskDefinition.family}:${taskDefinition.revision}`;
    return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}
/** True when both name the same revision, whether written as an ARN or as `family:revision`. */
function sameRevision(a, b) {
    return a !== undefined && b !== undefined && familyRevision(a) === familyRevision(b);
}
/** The name at the end of a cluster, service or task ARN, or the name itself. */
function resourceName(nameOrArn) {
    return nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1);
}
function consoleUrl(region, cluster, service) {
    const path = `clusters/${encodeURIComponent(resourceName(cluster))}/services/${encodeURIComponent(resourceName(service))}`;
    return `https://${region}.console.aws.amazon.com/ecs/v2/${path}/deployments?region=${region}`;
}



/***/ }),

/***/ 1494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ readFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
// What a read that failed before any change means for the run: refused (bad target or access) or unanswered.


/**
 * A read the SDK gave up on after its retries says nothing about the target: AWS is not answering (exit 1). Any
 * other refusal is something the preflight found wrong (exit 2).
 */
function readFailure(action, error) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(error) === 'fatal')
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .Pp)(action, error));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsUnavailableError */ .i7(`${action}: AWS is not answering (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error).split('\n')[0] ?? ''}), still after retries; nothing was changed, run the job again later.`);
}


/***/ }),

/***/ 6763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ toRegisterInput),
/* harmony export */   i: () => (/* binding */ fromDescribed)
/* harmony export */ });
/* harmony import */ var _taskdef_parse_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5982);

function fromDescribed(out) {
    const td = out.taskDefinition;
    if (!td?.taskDefinitionArn || !td.family || td.revision === undefined) {
        throw new Error('DescribeTaskDefinition answered without a task definition ARN');
    }
    return {
        arn: td.taskDefinitionArn,
        family: td.family,
        revision: td.revision,
        status: td.status ?? 'ACTIVE',
        document: (0,_taskdef_parse_file_js__WEBPACK_IMPORTED_MODULE_0__/* .toTaskDefinitionDocument */ .Rg)({ taskDefinition: td, tags: out.tags ?? [] }, td.taskDefinitionArn),
        unmodelledFields: out.unmodelledFields ?? [],
    };
}
function toRegisterInput(doc) {
    return {
        ...doc.taskDefinition,
        ...(doc.tags.length > 0 ? { tags: doc.tags.map((tag) => ({ ...tag })) } : {}),
    };
}


/***/ }),

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ listenForCancel),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   mr: () => (/* binding */ endedBy),
/* harmony export */   oX: () => (/* binding */ signalOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// A cancel (SIGINT or SIGTERM) as every step sees it: the run's AbortSignal, whose reason names the signal.

function signalOf(cancel) {
    return cancel.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
}
function throwIfCancelled(cancel) {
    if (cancel.aborted)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(signalOf(cancel));
}
/** What ended a step: after a cancel, whatever a step threw on its way out is the cancel. */
function endedBy(caught, cancel) {
    return cancel.aborted && !(caught instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc) ? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(signalOf(cancel)) : caught;
}
/**
 * The first signal cancels the run and arms the backstop; a second one exits at once, saying so.
 * `armBackstop` answers the timer, cleared when the run ends by itself. Answers the function that stops listening.
 */
function listenForCancel(cancel, warn, armBackstop) {
    let backstop;
    const onSignal = (signal) => () => {
        if (cancel.signal.aborted) {
            warn(`${signal} received again: exiting now, without writing the outputs.`);
            process.exit((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .exitCodeFor */ .Rr)(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(signal)));
        }
        warn(`${signal} received: stopping.`);
        cancel.abort(signal);
        backstop = armBackstop(signal);
    };
    const onInt = onSignal('SIGINT');
    const onTerm = onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return () => {
        clearTimeout(backstop);
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
    };
}


/***/ }),

/***/ 1867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run_run)
});

// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/cancel.ts
var src_cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fleet/conclude.ts
var conclude = __webpack_require__(5871);
// EXTERNAL MODULE: ./src/fleet/state.ts
var fleet_state = __webpack_require__(3733);
// EXTERNAL MODULE: ./src/watch/settle.ts
var settle = __webpack_require__(4484);
// EXTERNAL MODULE: ./src/watch/undo-cancelled-update.ts
var undo_cancelled_update = __webpack_require__(4209);
;// CONCATENATED MODULE: ./src/cancel-backstop.ts
// After a signal the run stops by itself: steps end, a change in flight is waited for, the watcher rolls back. The
// backstop ends it anyway, with what is known, when that takes longer than it may (a call that ignores the cancel).








/** How long a cancelled run may take to stop by itself before the outputs are written and it exits anyway. */
const CANCEL_BACKSTOP_MS = 1_800;
/**
 * With rollback-on-cancel: the watcher waits up to CANCEL_ANSWER_CAP_MS for the rollback's answer; an update the
 * cancel cut short is waited for, read back once and then undone within UNDO_CAP_MS. The longer of the two, and a
 * margin for the outputs.
 */
const CANCEL_BACKSTOP_ROLLBACK_MS = Math.max(settle/* CANCEL_ANSWER_CAP_MS */.aT, change/* CANCEL_ANSWER_WAIT_ROLLBACK_MS */.a4 + change/* CANCEL_FOLLOW_UP_MS */.oP + undo_cancelled_update/* UNDO_CAP_MS */.H) + 1_500;
/** Listens for SIGINT and SIGTERM: the first cancels the run and arms the backstop. Answers how to stop listening. */
function listenWithBackstop(run, cancel, warn) {
    return (0,src_cancel/* listenForCancel */.Fh)(cancel, warn, (signal) => {
        // With rollback-on-cancel (and for CodeDeploy, always) a cancel during the update or the watch undoes what the
        // update started, also when its answer was lost; the answer to that one call is waited for too.
        const rollsBack = run.verbRunning() ? run.verb.rollsBackOnCancel : (0,fleet_state/* rollsBackOnCancel */.H_)(run.state.runs);
        const wait = rollsBack ? CANCEL_BACKSTOP_ROLLBACK_MS : (0,change/* changesUnderway */.JD)() > 0 ? change/* CANCEL_WITH_CHANGE_MS */.i9 : CANCEL_BACKSTOP_MS;
        return setTimeout(() => void (run.verbRunning() ? endCancelledVerb(run.host, signal) : endCancelledRun(run, signal)), wait);
    });
}
async function publishOnce(host, ending, published) {
    if (published.done)
        return undefined;
    published.done = true;
    return (0,conclude/* publish */.mk)(host, ending);
}
/** The run did not stop in time: its outputs are written with what is known, and it exits. */
async function endCancelledRun({ host, state, published }, signal) {
    const error = new src_errors/* CancelledError */.cc(signal);
    host.reporter.warn(`the run did not stop by itself after ${signal}: ending it with what is known.`);
    await publishOnce(host, (0,conclude/* endingOf */.z6)(state, clock/* systemClock */.m.now(), error), published);
    host.fail((0,src_errors/* errorMessage */.gJ)(error));
    process.exit((0,src_errors/* exitCodeFor */.Rr)(error));
}
/** A verb (continue, rollback) that did not stop in time after the signal. */
function endCancelledVerb(host, signal) {
    const error = new src_errors/* CancelledError */.cc(signal);
    host.reporter.warn(`the run did not stop by itself after ${signal}: ending it without writing the outputs.`);
    host.fail((0,src_errors/* errorMessage */.gJ)(error));
    process.exit((0,src_errors/* exitCodeFor */.Rr)(error));
}

// EXTERNAL MODULE: ./src/fleet/run.ts + 20 modules
var run = __webpack_require__(7564);
;// CONCATENATED MODULE: ./src/report.ts
// How the deploy flow talks to the host it runs on. Each host (GitHub Actions, GitLab CI, a plain shell)
// implements this; the flow never imports a host.
/** The host's reporter, counting the errors printed through it. */
function countingErrors(inner) {
    let errors = 0;
    const reporter = {
        info: (line) => inner.info(line),
        warn: (line) => inner.warn(line),
        error: (line) => {
            errors += 1;
            inner.error(line);
        },
        group: (title, body) => inner.group(title, body),
        mask: (secret) => inner.mask(secret),
        ...(inner.waiting ? { waiting: inner.waiting.bind(inner) } : {}),
    };
    return { reporter, count: () => errors };
}

// EXTERNAL MODULE: ./src/inputs/schema.ts
var schema = __webpack_require__(2898);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
;// CONCATENATED MODULE: ./src/verbs/operation.ts
// Which operation a run does: deploy (the default) or one of the verbs that operate a service already deployed.
// Read from the CLI's first word, the action input `operation` or ECS_DELIVER_OPERATION.



function operationOf(invocation, env) {
    const given = (0,sources/* rawInputReader */.a8)(invocation, env, new Map())('operation').trim();
    if (given === '')
        return 'deploy';
    const options = (0,schema/* findInput */.cu)('operation')?.options ?? [];
    if (!options.includes(given))
        throw new src_errors/* InputError */.dz(`operation: "${given}" is not one of ${options.join(', ')}; set operation to one of them.`);
    return given;
}

;// CONCATENATED MODULE: ./src/verbs/run-verb.ts
// A run of a verb other than deploy, on any host: bad input ends it with one line and exit 2 before any AWS call.




/** The run's exit code, or undefined when the operation is deploy (the caller's usual run). */
async function runOtherVerb(invocation, env, host, cancel, running) {
    try {
        const operation = operationOf(invocation, env);
        if (operation === 'deploy')
            return undefined;
        const context = { invocation, env, host, cancel, running };
        if (operation === 'rollback')
            return await (await __webpack_require__.e(/* import() */ 372).then(__webpack_require__.bind(__webpack_require__, 8372))).runRollback(context);
        if (operation === 'continue')
            return await (await __webpack_require__.e(/* import() */ 149).then(__webpack_require__.bind(__webpack_require__, 8149))).runContinue(context);
        return await (await __webpack_require__.e(/* import() */ 27).then(__webpack_require__.bind(__webpack_require__, 27))).runStatus(context);
    }
    catch (caught) {
        // After a cancel whatever ended the verb is the cancel, saying what became of a change it cut short.
        const error = caught instanceof change/* ChangeCancelledError */.e7 && cancel.aborted ? new src_errors/* CancelledError */.cc((0,src_cancel/* signalOf */.oX)(cancel), caught.message) : (0,src_cancel/* endedBy */.mr)(caught, cancel);
        host.fail((0,src_errors/* errorMessage */.gJ)(error));
        const code = (0,src_errors/* exitCodeFor */.Rr)(error);
        return code === src_errors/* EXIT */.dc.ok ? src_errors/* EXIT */.dc.failed : code;
    }
}

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/redactor.ts
var src_redactor = __webpack_require__(1751);
;// CONCATENATED MODULE: ./src/rollout/wait-progress.ts
// Progress while a run waits and nothing else is printed. In a CI log: a line after every 30 s of silence with the
// time elapsed, the time left before the timeout and where each wait stands. On a terminal: one status line with a
// spinner, redrawn in place and wiped before any other line, so the log's own lines replace it. All the waits of
// a run (every service of a services-file) share one line.


/** Silence after which a CI log gets a progress line. */
const PROGRESS_EVERY_MS = 30_000;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TERMINAL_REDRAW_MS = 120;
/** Waits a run of many services names in its one line; the rest are counted. */
const FLEET_PARTS = 5;
/** The reporter with `waiting`: every line it prints counts as output, and on a terminal first wipes the status line. */
function withWaitProgress(inner, options) {
    // The status line is written past the host, so it is redacted here with every secret the run masks.
    const redactor = new src_redactor/* Redactor */.p();
    const progress = new WaitProgress(inner, options, (text) => redactor.redact(text));
    const printing = (print) => (...args) => {
        progress.beforeOutput();
        print(...args);
    };
    return {
        info: printing((line) => inner.info(line)),
        warn: printing((line) => inner.warn(line)),
        error: printing((line) => inner.error(line)),
        group: (title, body) => {
            progress.beforeOutput();
            return inner.group(title, body);
        },
        mask: (secret) => {
            redactor.add(secret);
            inner.mask(secret);
        },
        waiting: (label, timeLeft) => progress.begin(label, timeLeft),
    };
}
class WaitProgress {
    reporter;
    options;
    redact;
    waits = new Set();
    terminal;
    everyMs;
    now;
    timer;
    lastOutputAt;
    statusShown = false;
    frame = 0;
    constructor(reporter, options, redact) {
        this.reporter = reporter;
        this.options = options;
        this.redact = redact;
        this.terminal = options.out.isTTY === true;
        this.everyMs = options.everyMs ?? PROGRESS_EVERY_MS;
        this.now = options.now ?? Date.now;
        this.lastOutputAt = this.now();
    }
    begin(label, timeLeft) {
        const wait = { label, timeLeft, startedAt: this.now() };
        this.waits.add(wait);
        this.timer ??= this.startTimer();
        return {
            stands: (standing) => {
                wait.standing = standing;
            },
            end: () => {
                this.waits.delete(wait);
                if (this.waits.size > 0)
                    return;
                this.wipe();
                clearInterval(this.timer);
                this.timer = undefined;
            },
        };
    }
    beforeOutput() {
        this.wipe();
        this.lastOutputAt = this.now();
    }
    startTimer() {
        const timer = setInterval(() => this.tick(), this.terminal ? TERMINAL_REDRAW_MS : Math.min(1000, this.everyMs / 4));
        // Progress never keeps a run alive.
        timer.unref();
        return timer;
    }
    tick() {
        if (this.waits.size === 0)
            return;
        if (this.terminal) {
            this.frame = (this.frame + 1) % SPINNER.length;
            const line = this.redact(`${SPINNER[this.frame] ?? ''} ${this.line(false)}`);
            const width = this.options.out.columns;
            this.options.out.write(`\r\u001b[2K${width !== undefined && width > 1 && line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
            this.statusShown = true;
            return;
        }
        if (this.now() - this.lastOutputAt < this.everyMs)
            return;
        this.reporter.info(this.line(true));
        this.lastOutputAt = this.now();
    }
    wipe() {
        if (!this.statusShown)
            return;
        this.options.out.write('\r\u001b[2K');
        this.statusShown = false;
    }
    /** `Waiting 1m 30s, 8m 30s left: rollout of web: 1/2 running on web:3, IN_PROGRESS`; one part per wait. */
    line(withTimeLeft) {
        const now = this.now();
        const waits = [...this.waits];
        const elapsed = now - Math.min(...waits.map((wait) => wait.startedAt));
        const part = (wait, own) => {
            const left = Math.max(0, wait.timeLeft());
            const time = own && withTimeLeft ? ` (${seconds(left)} left before the timeout)` : '';
            return `${wait.label}${time}: ${wait.standing ?? 'waiting for the first answer'}`;
        };
        if (waits.length === 1 && waits[0]) {
            const wait = waits[0];
            const left = withTimeLeft ? `, ${seconds(Math.max(0, wait.timeLeft()))} left before the timeout` : '';
            return `Waiting ${seconds(elapsed)}${left}: ${part(wait, false)}`;
        }
        const shown = waits.slice(0, FLEET_PARTS).map((wait) => part(wait, true));
        const more = waits.length > FLEET_PARTS ? `; and ${waits.length - FLEET_PARTS} more` : '';
        return `Waiting ${seconds(elapsed)} on ${waits.length}: ${shown.join('; ')}${more}`;
    }
}
/** A wait is told in whole seconds: tenths on a line that comes every 30 s say nothing. */
function seconds(ms) {
    return (0,duration/* formatDuration */.a)(Math.round(ms / 1000) * 1000);
}
/** How often progress is shown: every 30 s, unless ECS_DELIVER_PROGRESS_EVERY_MS says otherwise (tests shorten it). */
function progressFrom(env) {
    const every = Number(env['ECS_DELIVER_PROGRESS_EVERY_MS']);
    return { out: process.stdout, ...(Number.isFinite(every) && every > 0 ? { everyMs: every } : {}) };
}

;// CONCATENATED MODULE: ./src/main.ts
// Wires a host to a run: the run (fleet/run.ts) deploys one service or a services-file's many, and every ending
// (bad input, a failed preflight, a failed step, a cancel) publishes the outputs, the job summary and the dotenv
// report, then says how the run ended.










async function main(invocation, env = process.env) {
    const host = await createHost(invocation, env);
    const errors = countingErrors(invocation.json ? host.reporter : withWaitProgress(host.reporter, progressFrom(env)));
    const state = (0,fleet_state/* newRunState */.PG)(clock/* systemClock */.m.now());
    const published = { done: false };
    const cancel = new AbortController();
    const verb = { rollsBackOnCancel: false };
    let verbRunning = true;
    const stopListening = listenWithBackstop({ host, state, verb, verbRunning: () => verbRunning, published }, cancel, errors.reporter.warn);
    try {
        const verbCode = await runOtherVerb(invocation, env, host, cancel.signal, verb);
        if (verbCode !== undefined)
            return verbCode;
        verbRunning = false;
        const { error } = await (0,run/* deliver */.c)({ invocation, env, reporter: errors.reporter, cancel: cancel.signal, clock: clock/* systemClock */.m, state });
        const ending = (0,conclude/* endingOf */.z6)(state, clock/* systemClock */.m.now(), error);
        const problem = await publishOnce(host, ending, published);
        const code = (0,conclude/* conclude */.Ep)(host, ending, cancel.signal, errors.count() > 0);
        if (problem !== undefined && code === src_errors/* EXIT */.dc.ok) {
            host.fail(problem);
            return src_errors/* EXIT */.dc.failed;
        }
        return code;
    }
    finally {
        stopListening();
        (0,change/* abandonCallsInFlight */.OR)();
    }
}
async function createHost(invocation, env) {
    const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
    if (invocation.host === 'github-action')
        return (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(831)]).then(__webpack_require__.bind(__webpack_require__, 7212))).githubHost();
    const options = { json: invocation.json, color, env };
    if (invocation.host === 'gitlab')
        return (await __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 4176))).gitlabHost(options);
    return (await __webpack_require__.e(/* import() */ 273).then(__webpack_require__.bind(__webpack_require__, 1273))).shellHost(options);
}

;// CONCATENATED MODULE: ./src/cli/run.ts

function run_run(invocation) {
    shortenSdkNodeWarning();
    return main(invocation);
}
/** The bundled AWS SDK warns in eight lines on every run under Node 20; one line says it. */
function shortenSdkNodeWarning() {
    const emitWarning = process.emitWarning.bind(process);
    process.emitWarning = ((warning, ...rest) => {
        const text = warning instanceof Error ? `${warning.name}: ${warning.message}` : String(warning);
        const [options] = rest;
        const type = typeof options === 'string' ? options : options?.type;
        if (text.startsWith('NodeVersionSupportWarning') || type === 'NodeVersionSupportWarning') {
            process.stderr.write(`warning: Node ${process.versions.node} is past AWS SDK support; run ecs-deliver on Node 22 or later.\n`);
            return;
        }
        emitWarning(warning, ...rest);
    });
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
// Time is a parameter, so the watcher's logic runs in tests without waiting.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    }),
};


/***/ }),

/***/ 7497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ checkInputCombination),
/* harmony export */   q: () => (/* binding */ checkServicesFileOnlyInputs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Combinations of inputs that cannot make a deploy, found before anything is read from AWS.

const RENDERING_INPUTS = [
    ['taskDefinitionFile', 'task-definition'],
    ['family', 'family'],
    ['image', 'image'],
    ['containerName', 'container-name'],
    ['executionRoleArn', 'execution-role-arn'],
    ['taskRoleArn', 'task-role-arn'],
    ['networkMode', 'network-mode'],
    ['taskCpu', 'task-cpu'],
    ['taskMemory', 'task-memory'],
    ['repositoryCredentials', 'repository-credentials'],
];
/**
 * Inputs that only a services-file run reads, given without one: they would change nothing, and a user who set
 * `on-failure: rollback-all` expects a rollback this run cannot make. `raw` reads an input's text as given.
 */
function checkServicesFileOnlyInputs(raw) {
    const onFailure = raw('on-failure').trim();
    if (onFailure !== '' && onFailure !== 'continue') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`on-failure: ${onFailure} applies to the services of services-file; set services-file, or remove on-failure (a single service rolls back with rollback).`);
    }
    if (raw('max-parallel').trim() !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-parallel applies to the services of services-file; set services-file or remove max-parallel.');
    }
}
function checkInputCombination(inputs) {
    if (inputs.taskDefinitionArn) {
        const named = [
            ...RENDERING_INPUTS.filter(([key]) => inputs[key] !== '').map(([, name]) => name),
            ...(inputs.images.size > 0 ? ['images'] : []),
            ...(inputs.environment.length > 0 ? ['environment'] : []),
            ...(inputs.secrets.length > 0 ? ['secrets'] : []),
            ...(inputs.command ? ['command'] : []),
            ...(inputs.memory !== undefined ? ['memory'] : []),
            ...(inputs.cpu !== undefined ? ['cpu'] : []),
            ...(inputs.containerPort !== undefined ? ['container-port'] : []),
            ...(inputs.hostPort !== undefined ? ['host-port'] : []),
            ...(inputs.protocol !== undefined ? ['protocol'] : []),
            ...(inputs.tags.length > 0 ? ['tags'] : []),
            ...(inputs.requiresCompatibilities.length > 0 ? ['requires-compatibilities'] : []),
        ];
        if (named.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`task-definition-arn deploys an existing revision as it is, so ${named.join(', ')} would be ignored; remove them, or use family or task-definition to render a new revision.`);
        }
    }
    const somethingToDeploy = inputs.taskDefinitionArn || inputs.taskDefinitionFile || inputs.family || inputs.service;
    if (!somethingToDeploy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('nothing to deploy: set service (and image), family, task-definition or task-definition-arn.');
    }
    if (!inputs.service) {
        if (inputs.desiredCount !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('desired-count needs service; set service or remove desired-count.');
        if (inputs.forceNewDeployment)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('force-new-deployment needs service; set service or remove it.');
        if (inputs.taskDefinitionArn) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('task-definition-arn without service changes nothing; set service to deploy that revision.');
        }
    }
    if (inputs.roleArn && !inputs.webIdentityToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('role-arn needs web-identity-token; set ECS_DELIVER_WEB_IDENTITY_TOKEN (such as a GitLab id_tokens variable) or remove role-arn.');
    }
    if (inputs.webIdentityToken && !inputs.roleArn) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('web-identity-token needs role-arn; set role-arn to the role to assume.');
    }
}


/***/ }),

/***/ 3545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OUTCOME_ORDER: () => (/* binding */ OUTCOME_ORDER),
/* harmony export */   OUTPUT_RULES: () => (/* binding */ OUTPUT_RULES),
/* harmony export */   endedWell: () => (/* binding */ endedWell),
/* harmony export */   manyOutputs: () => (/* binding */ manyOutputs),
/* harmony export */   outputsOf: () => (/* binding */ outputsOf),
/* harmony export */   resultOutput: () => (/* binding */ resultOutput),
/* harmony export */   worstStatus: () => (/* binding */ worstStatus)
/* harmony export */ });
/* harmony import */ var _inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2898);
// The run's outputs, one rule per output the schema lists: how it is read from one service's result, and how a
// services-file run sums its services up. A test checks that the rules and the schema name the same outputs.

/**
 * Outcomes from best to worst; a services-file run's deployment-status is the worst of its services'.
 * NOT_STARTED ranks low: in a run that got past its preflight it only marks a service held back after another one
 * failed.
 */
const OUTCOME_ORDER = [
    'COMPLETED',
    'SKIPPED',
    'PAUSED',
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
    return result.deploymentStatus === 'COMPLETED' || result.deploymentStatus === 'SKIPPED' || result.deploymentStatus === 'PAUSED';
}
const each = (of) => ({ of, many: 'each' });
const OUTPUT_RULES = {
    'task-definition-arn': each((result) => result.taskDefinitionArn),
    'task-definition-revision': each((result) => (result.revision ? String(result.revision) : '')),
    registered: { of: (result) => String(result.registered), many: (results) => String(results.some((result) => result.registered)) },
    image: { of: (result) => result.image, many: 'distinct' },
    'image-digest': { of: (result) => result.imageDigest ?? '', many: 'distinct' },
    'deployment-id': each((result) => result.deploymentId ?? ''),
    'codedeploy-deployment-id': each((result) => result.codeDeployDeploymentId ?? ''),
    'deployment-status': { of: (result) => result.deploymentStatus, many: (results) => worstStatus(results.map((result) => result.deploymentStatus)) },
    deregistered: { of: (result) => result.deregistered.join(','), many: (results) => [...new Set(results.flatMap((result) => result.deregistered))].join(',') },
    'run-task-arn': each((result) => result.runTask?.taskArn ?? ''),
    'run-task-exit-code': each((result) => (result.runTask?.exitCode === undefined ? '' : String(result.runTask.exitCode))),
    'service-deployment-arn': each((result) => result.serviceDeploymentArn ?? ''),
    endpoint: each((result) => result.endpoint ?? ''),
    'service-arn': each((result) => result.serviceArn ?? ''),
    results: { many: (results) => JSON.stringify(results.map(resultOutput)) },
    'hook-id': each((result) => result.paused?.hookId ?? ''),
    'paused-at': each((result) => result.paused?.stage ?? ''),
    'expires-at': each((result) => result.paused?.expiresAt ?? ''),
    // Set by the status operation only, never by a deploy.
    status: { many: () => '' },
};
function ruleOf(name) {
    const rule = OUTPUT_RULES[name];
    if (!rule)
        throw new Error(`output ${name} is in the schema but has no rule in outputs.ts`);
    return rule;
}
/** A run of one service's outputs, keyed as in action.yml. */
function outputsOf(result) {
    const outputs = {};
    for (const { name } of _inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUTS */ .py) {
        const rule = ruleOf(name);
        if (rule.of)
            outputs[name] = rule.of(result);
    }
    return outputs;
}
/** A services-file run's outputs: each single-service output summing up the run, and `results`. */
function manyOutputs(results) {
    const outputs = {};
    for (const { name } of _inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUTS */ .py) {
        const { of, many } = ruleOf(name);
        const values = of ? results.map(of) : [];
        if (typeof many === 'function')
            outputs[name] = many(results);
        else if (many === 'each')
            outputs[name] = values.some((value) => value !== '') ? values.join(',') : '';
        else
            outputs[name] = [...new Set(values.filter((value) => value !== ''))].join(',');
    }
    return outputs;
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
        endpoint: result.endpoint ?? '',
        'deployment-status': result.deploymentStatus,
        reason: endedWell(result) ? '' : (result.statusMessage ?? ''),
    };
}


/***/ }),

/***/ 9646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ findTaskDefinition),
  B: () => (/* binding */ preflightService)
});

// EXTERNAL MODULE: ./src/aws/taskdef-convert.ts
var taskdef_convert = __webpack_require__(6763);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/rollout/kind.ts
var kind = __webpack_require__(7715);
;// CONCATENATED MODULE: ./src/rollout/codedeploy.ts
// A service CodeDeploy deploys (deployment controller CODE_DEPLOY): the desired count through UpdateService, then a
// CodeDeploy deployment of the revision, followed through its lifecycle events; a rollback is CodeDeploy's own.


const codeDeploy = {
    name: 'CodeDeploy',
    takes: (service) => (0,kind/* controllerOf */.O)(service) === 'CODE_DEPLOY',
    forcesNewDeployment: false,
    plan: async ({ reporter, reads }, inputs, service) => {
        if (!reads.codeDeploy)
            throw new Error('codeDeploy.plan: a CODE_DEPLOY service needs reads.codeDeploy');
        // The CodeDeploy SDK is loaded only for a service CodeDeploy deploys.
        const [{ planCodeDeploy }, { api }] = await Promise.all([__webpack_require__.e(/* import() */ 407).then(__webpack_require__.bind(__webpack_require__, 8407)), reads.codeDeploy()]);
        const codeDeploy = await planCodeDeploy({ api, reporter }, inputs.codeDeploy, {
            cluster: inputs.cluster,
            service,
            region: reads.region,
            ...(inputs.wait ? { waitTimeoutMs: inputs.waitTimeoutMs, waitTimeoutSet: inputs.waitTimeoutSet, waitUntilPaused: inputs.waitUntil === 'paused' } : {}),
        });
        return { codeDeploy };
    },
    dryRun: (update, deployed) => {
        const plan = update.codeDeploy;
        if (!plan)
            return [`Would create a CodeDeploy deployment of ${deployed}${update.watch ? ' and wait for it' : ', without waiting for it'}.`];
        const appSpec = plan.appSpec.kind === 'file'
            ? `the AppSpec ${plan.appSpec.path} with its TaskDefinition set to ${deployed}`
            : `an AppSpec generated for container ${plan.appSpec.containerName}, port ${plan.appSpec.containerPort} (no appspec.yaml)`;
        const config = plan.deploymentConfig ?? plan.groupDeploymentConfig;
        return [
            ...(update.desiredCount !== undefined ? [`Would set the desired count of ${update.service} to ${update.desiredCount} (UpdateService).`] : []),
            `Would create a CodeDeploy deployment in ${plan.application}/${plan.deploymentGroup}${config ? ` (${config})` : ''} with ${appSpec}` +
                `${update.watch ? ` and wait for it (up to ${(0,duration/* formatDuration */.a)(plan.waitTimeoutMs ?? update.watch.timeoutMs)})` : ', without waiting for it'}.`,
        ];
    },
    deliver: async (deps, delivery) => {
        // Loaded only for a service CodeDeploy deploys.
        const { deployWithCodeDeploy } = await Promise.all(/* import() */[__webpack_require__.e(807), __webpack_require__.e(435)]).then(__webpack_require__.bind(__webpack_require__, 435));
        const { update } = delivery;
        if (!update.codeDeploy)
            throw new Error('codeDeploy.deliver: the plan has no CodeDeploy part');
        const end = await deployWithCodeDeploy(deps, {
            region: delivery.region,
            update,
            codeDeploy: update.codeDeploy,
            taskDefinitionArn: delivery.revision.arn,
            done: delivery.done,
            step: delivery.step,
        });
        if (end === 'completed')
            return { keepRevisions: true };
        if (end === 'not-completed')
            return { keepRevisions: false };
        if (end === 'paused')
            return { keepRevisions: false, notRunBecause: 'the CodeDeploy deployment waits in Ready (wait-until: paused)' };
        return { keepRevisions: false, notRunBecause: 'the CodeDeploy deployment was not waited for to its end' };
    },
    // StopDeployment with rollback, always: a deployment left running would finish after the run said CANCELLED.
    undoesOnCancel: () => true,
    putBack: ({ service, deployed, to, completed }) => `a new CodeDeploy deployment puts ${service} back on ${to}${completed ? `; the completed CodeDeploy deployment of ${deployed} is not undone` : ''}.`,
    // The CodeDeploy SDK and what operating a deployment group needs are loaded only for a service CodeDeploy deploys.
    continuePaused: async ({ session, reporter, cancel }, { inputs, service, given }) => (await Promise.all(/* import() */[__webpack_require__.e(807), __webpack_require__.e(669)]).then(__webpack_require__.bind(__webpack_require__, 3669))).continueCodeDeployService({ session, inputs, service, reporter, cancel }, given.codeDeployDeploymentId),
    rollBack: async ({ session, reporter, cancel }, { inputs, service }) => (await Promise.all(/* import() */[__webpack_require__.e(807), __webpack_require__.e(669)]).then(__webpack_require__.bind(__webpack_require__, 3669))).rollBackCodeDeployService({ session, inputs, service, reporter, cancel }),
};

// EXTERNAL MODULE: ./src/rollout/express.ts + 4 modules
var express = __webpack_require__(3493);
// EXTERNAL MODULE: ./src/rollout/rolling.ts
var rolling = __webpack_require__(9372);
// EXTERNAL MODULE: ./src/watch/watch-rollout.ts + 6 modules
var watch_rollout = __webpack_require__(8790);
// EXTERNAL MODULE: ./src/rollout/continue-paused.ts
var continue_paused = __webpack_require__(3743);
// EXTERNAL MODULE: ./src/rollout/ecs-update.ts
var ecs_update = __webpack_require__(8664);
// EXTERNAL MODULE: ./src/rollout/paused-deployment.ts
var paused_deployment = __webpack_require__(5959);
// EXTERNAL MODULE: ./src/rollout/roll-back.ts
var roll_back = __webpack_require__(2288);
;// CONCATENATED MODULE: ./src/rollout/staged.ts
// ECS's own blue/green, linear and canary deployments: one UpdateService, then the service deployment's lifecycle
// stages; a rollback of what is in flight is StopServiceDeployment (or ContinueServiceDeployment ROLLBACK at a
// pause), never an UpdateService back, which would break the traffic setup; `rollback` after the deployment ended
// is a new service deployment of the earlier revision.






/** The strategies ECS walks through lifecycle stages, and how the log names each. */
const STRATEGIES = new Map([
    ['BLUE_GREEN', 'blue/green'],
    ['LINEAR', 'linear'],
    ['CANARY', 'canary'],
]);
function named(strategy) {
    return STRATEGIES.get(strategy ?? '') ?? (strategy ?? 'staged').toLowerCase();
}
const staged = {
    name: 'blue/green, linear or canary',
    takes: (service) => (0,kind/* controllerOf */.O)(service) === 'ECS' && STRATEGIES.has((0,kind/* strategyOf */.x)(service) ?? ''),
    forcesNewDeployment: true,
    dryRun: (update, deployed) => {
        const until = { 'traffic-shifted': ' until production traffic has moved', paused: ' until a PAUSE hook awaits action', completed: '' }[update.watch?.waitUntil ?? 'completed'];
        const kind = named(update.before?.deploymentConfiguration?.strategy);
        return (0,ecs_update/* updateServiceLines */.W)(update, deployed, `the ${kind} service deployment, stage by stage${until}`);
    },
    deliver: (deps, delivery) => (0,ecs_update/* deliverByUpdateService */.N)(deps, delivery, { watch: watch_rollout/* watchStaged */.G, stopsServiceDeployment: true }),
    undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
    pausesAt: paused_deployment/* pauseStages */.Gr,
    putBack: ({ service, deployed, to, completed, strategy }) => `a new ${named(strategy)} service deployment puts ${service} back on ${to}, through its stages again${completed ? `; the completed deployment of ${deployed} is not undone` : ''}.`,
    continuePaused: (deps, request) => (0,continue_paused/* continuePausedDeployment */.n)(deps, request, named((0,kind/* strategyOf */.x)(request.service)), watch_rollout/* watchStaged */.G),
    rollBack: (deps, request) => (0,roll_back/* rollBackService */.Gg)(deps, request, watch_rollout/* watchStaged */.G, roll_back/* updateServiceBack */.So),
};

;// CONCATENATED MODULE: ./src/rollout/kinds.ts




const ROLLOUT_KINDS = [
    // First: an Express service has a strategy the others would take it by.
    express/* express */.xH,
    rolling/* rolling */.I,
    staged,
    codeDeploy,
];
/** The kind that deploys the service; undefined when none does. */
function kindFor(service) {
    return ROLLOUT_KINDS.find((kind) => kind.takes(service));
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/read-failure.ts
var read_failure = __webpack_require__(1494);
;// CONCATENATED MODULE: ./src/deploy/preflight.ts







async function preflightService(ecs, cluster, serviceName, region, checks = {}) {
    const clusterFound = await readOnly(`DescribeClusters ${cluster}`, cluster, region, () => ecs.describeCluster(cluster));
    if (!clusterFound || clusterFound.status === 'INACTIVE') {
        throw new errors/* PreflightError */.wG(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
    }
    const answer = await readOnly(`DescribeServices ${serviceName}`, cluster, region, () => ecs.describeServices(cluster, [serviceName]));
    const service = answer.services?.[0];
    const gone = !service || (service.status === 'INACTIVE' && checks.createExpress);
    if (gone && checks.createExpress)
        return checkedForce({ service: (0,express/* missingExpressService */.gB)(serviceName), kind: express/* express */.xH }, serviceName, checks);
    if (!service) {
        const reason = answer.failures?.[0]?.reason ?? 'MISSING';
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" was not found in cluster ${cluster} (${reason}); check the service name, or create the service first (an Express service: set express-infrastructure-role-arn to create it).`);
    }
    if (service.status !== 'ACTIVE') {
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" is ${service.status ?? 'not active'}; only an ACTIVE service can be deployed to.`);
    }
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller === 'EXTERNAL') {
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" uses the EXTERNAL deployment controller, whose task sets only your own tooling creates; ecs-deliver deploys services with the ECS or CODE_DEPLOY controller. Register only (leave service unset) and create the task set with your tooling (aws ecs create-task-set).`);
    }
    const kind = kindFor(service);
    if (!kind)
        throw new errors/* PreflightError */.wG(unknownKind(serviceName, controller, service.deploymentConfiguration?.strategy));
    return checkedForce({ service, kind }, serviceName, checks);
}
/** force-new-deployment is refused for a kind ECS cannot force a deployment of. */
function checkedForce(read, serviceName, checks) {
    const { kind } = read;
    if (!kind.forcesNewDeployment && checks.forceNewDeployment && kind.name === 'Express') {
        throw new errors/* PreflightError */.wG(`force-new-deployment: service "${serviceName}" is an Express service, whose update has no such setting; remove force-new-deployment (a changed image or configuration starts a deployment; deploy by digest with pin-digest to roll out new content under the same tag).`);
    }
    if (!kind.forcesNewDeployment && checks.forceNewDeployment) {
        throw new errors/* PreflightError */.wG(`force-new-deployment: service "${serviceName}" is deployed by CodeDeploy, and ECS cannot force a new deployment of it; remove force-new-deployment (every run creates a CodeDeploy deployment).`);
    }
    // Whether a CodeDeploy deployment waits is its deployment group's setting, checked when the group is read (codedeploy/plan.ts).
    if (checks.waitUntilPaused && kind !== codeDeploy && (kind.pausesAt?.(read.service) ?? []).length === 0) {
        throw new errors/* PreflightError */.wG(`wait-until: paused, but the deployments of service "${serviceName}" (${kind.name}) never pause: it has no PAUSE lifecycle hook; add one to its deployment configuration, or set wait-until to completed.`);
    }
    return read;
}
/** A service no rollout kind takes: watched and undone the wrong way if it were deployed, so refused. */
function unknownKind(serviceName, controller, strategy) {
    if (controller !== 'ECS') {
        return `service: "${serviceName}" uses the ${controller} deployment controller, which ecs-deliver does not know; register only (leave service unset).`;
    }
    const known = ROLLOUT_KINDS.map((kind) => kind.name).join('; ');
    return (`service: "${serviceName}" uses the ${strategy ?? '?'} deployment strategy, which ecs-deliver cannot watch or roll back (it deploys: ${known}); ` +
        `switch the service to a strategy it knows (aws ecs update-service --deployment-configuration strategy=ROLLING), or register only (leave service unset).`);
}
/** The revision a family, `family:revision` or ARN names; undefined when ECS has none. */
async function findTaskDefinition(ecs, taskDefinition) {
    try {
        return (0,taskdef_convert/* fromDescribed */.i)(await ecs.describeTaskDefinition(taskDefinition));
    }
    catch (error) {
        if ((0,aws_errors/* errorName */.Is)(error) === 'ClientException' || (0,aws_errors/* errorName */.Is)(error) === 'InvalidParameterException')
            return undefined;
        throw (0,read_failure/* readFailure */.f)(`DescribeTaskDefinition ${taskDefinition}`, error);
    }
}
async function readOnly(action, cluster, region, call) {
    try {
        return await call();
    }
    catch (error) {
        if ((0,aws_errors/* errorName */.Is)(error) === 'ClusterNotFoundException') {
            throw new errors/* PreflightError */.wG(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
        }
        throw (0,read_failure/* readFailure */.f)(action, error);
    }
}


/***/ }),

/***/ 235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wh: () => (/* binding */ primaryImage),
  P9: () => (/* binding */ renderTaskDefinition)
});

// UNUSED EXPORTS: editsFromInputs

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/taskdef/container-extras.ts
// The container settings teams set with aws-actions' render action: the log configuration, docker labels and
// environment files of the chosen container. Applied the same on every run, so an unchanged input renders an
// unchanged definition and the family's latest revision is reused.

/** Only what was given: an input left out changes nothing in the container. */
function containerExtrasEdits(values) {
    const logConfiguration = values.logDriver !== '' || values.logOptions.length > 0
        ? { ...(values.logDriver !== '' ? { logDriver: values.logDriver } : {}), options: values.logOptions }
        : undefined;
    return {
        ...(logConfiguration ? { logConfiguration } : {}),
        ...(values.dockerLabels.length > 0 ? { dockerLabels: values.dockerLabels } : {}),
        ...(values.envFiles.length > 0 ? { environmentFiles: values.envFiles } : {}),
    };
}
/** The input names of the extras given, for choosing (and naming in messages) the container they apply to. */
function containerExtrasGiven(edits) {
    return [
        ...(edits.logConfiguration?.logDriver !== undefined ? ['log-configuration-log-driver'] : []),
        ...((edits.logConfiguration?.options.length ?? 0) > 0 ? ['log-configuration-options'] : []),
        ...(edits.dockerLabels ? ['docker-labels'] : []),
        ...(edits.environmentFiles ? ['env-files'] : []),
    ];
}
function applyContainerExtras(container, edits) {
    if (edits.logConfiguration)
        applyLogConfiguration(container, edits.logConfiguration);
    if (edits.dockerLabels)
        container.dockerLabels = { ...container.dockerLabels, ...Object.fromEntries(edits.dockerLabels.map(({ key, value }) => [key, value])) };
    if (edits.environmentFiles)
        container.environmentFiles = edits.environmentFiles.map((value) => ({ value, type: 's3' }));
}
/**
 * The driver replaces the current one. Options belong to their driver (awslogs-group means nothing to splunk, and
 * Docker refuses an option its driver does not know), so a different driver starts from no options; the same
 * driver, or none given, keeps the current options and merges the given ones in.
 */
function applyLogConfiguration(container, edit) {
    const current = container.logConfiguration;
    const driver = edit.logDriver ?? current?.logDriver;
    if (driver === undefined) {
        throw new errors/* InputError */.dz(`log-configuration-options: container "${container.name ?? '?'}" has no log driver to give them to; set log-configuration-log-driver too`);
    }
    const next = current && current.logDriver === driver ? structuredClone(current) : { logDriver: driver };
    if (edit.options.length > 0)
        next.options = { ...next.options, ...Object.fromEntries(edit.options.map(({ key, value }) => [key, value])) };
    container.logConfiguration = next;
}

;// CONCATENATED MODULE: ./src/taskdef/containers.ts
// Which container an input applies to.

function containerNames(containers) {
    return containers.map((container, index) => container.name ?? `#${index + 1} (no name)`);
}
function listNames(containers) {
    return containers.length === 0 ? 'no containers' : containerNames(containers).join(', ');
}
/** Index of the container named `name`, for the input `inputName`. */
function findContainer(containers, name, inputName) {
    const index = containers.findIndex((container) => container.name === name);
    if (index === -1) {
        throw new errors/* InputError */.dz(`${inputName}: the task definition has no container named "${name}"; it has: ${listNames(containers)}`);
    }
    return index;
}
/**
 * The container that image, environment, secrets, command, cpu, memory and repository-credentials apply to:
 * the one container-name names, else the only one. `wanted` lists the inputs that need it, for the message.
 */
function defaultContainer(containers, containerName, wanted) {
    if (containerName !== undefined)
        return findContainer(containers, containerName, 'container-name');
    if (containers.length === 1)
        return 0;
    const inputs = wanted.join(', ');
    if (containers.length === 0)
        throw new errors/* InputError */.dz(`${inputs}: the task definition has no containers to apply them to`);
    throw new errors/* InputError */.dz(`${inputs}: the task definition has ${containers.length} containers (${listNames(containers)}): set container-name to the one they apply to, or give each container its image with images`);
}

// EXTERNAL MODULE: ./src/taskdef/parse-file.ts
var parse_file = __webpack_require__(5982);
// EXTERNAL MODULE: ./src/taskdef/ports.ts
var ports = __webpack_require__(8772);
;// CONCATENATED MODULE: ./src/taskdef/apply-edits.ts
// What the inputs change on a base task definition (a file, the latest revision, or a new one).





/** The base with the edits applied; the base is not changed. */
function applyEdits(base, edits) {
    const taskDefinition = structuredClone(base.taskDefinition);
    applyTaskEdits(taskDefinition, edits);
    const containers = taskDefinition.containerDefinitions ?? [];
    applyImages(containers, edits);
    applyContainerEdits(containers, edits, taskDefinition.networkMode);
    fitPortsToNetworkMode(taskDefinition);
    checkRegistrable(taskDefinition);
    return { taskDefinition, tags: (0,parse_file/* mergeTags */.kE)(base.tags, edits.tags) };
}
function applyTaskEdits(taskDefinition, edits) {
    if (edits.family !== undefined)
        taskDefinition.family = edits.family;
    if (edits.executionRoleArn !== undefined)
        taskDefinition.executionRoleArn = edits.executionRoleArn;
    if (edits.taskRoleArn !== undefined)
        taskDefinition.taskRoleArn = edits.taskRoleArn;
    if (edits.networkMode !== undefined)
        taskDefinition.networkMode = edits.networkMode;
    if (edits.requiresCompatibilities !== undefined)
        taskDefinition.requiresCompatibilities = [...edits.requiresCompatibilities];
    if (edits.taskCpu !== undefined)
        taskDefinition.cpu = edits.taskCpu;
    if (edits.taskMemory !== undefined)
        taskDefinition.memory = edits.taskMemory;
}
function applyImages(containers, edits) {
    const defaultImage = edits.images.get('');
    if (defaultImage !== undefined) {
        const target = containers[defaultContainer(containers, edits.containerName, ['image'])];
        if (target?.name !== undefined && edits.images.has(target.name)) {
            throw new errors/* InputError */.dz(`image and images: both set the image of container "${target.name}": keep one (image applies to container-name or the only container)`);
        }
        if (target)
            target.image = defaultImage;
    }
    for (const [name, image] of edits.images) {
        if (name === '')
            continue;
        const target = containers[findContainer(containers, name, 'images')];
        if (target)
            target.image = image;
    }
}
function applyContainerEdits(containers, edits, networkMode) {
    const wanted = containerInputsGiven(edits);
    if (wanted.length === 0) {
        if (edits.containerName !== undefined)
            findContainer(containers, edits.containerName, 'container-name');
        return;
    }
    const container = containers[defaultContainer(containers, edits.containerName, wanted)];
    if (!container)
        return;
    if (changesList(edits.environment, edits.environmentMode)) {
        container.environment = applyKeyValueEdits(container.environment ?? [], edits.environment, edits.environmentMode, (name, value) => ({ name, value }));
    }
    if (changesList(edits.secrets, edits.secretsMode)) {
        container.secrets = applyKeyValueEdits(container.secrets ?? [], edits.secrets, edits.secretsMode, (name, valueFrom) => ({ name, valueFrom }));
    }
    if (edits.command !== undefined)
        container.command = [...edits.command];
    if (edits.cpu !== undefined)
        container.cpu = edits.cpu;
    if (edits.memory !== undefined)
        container.memory = edits.memory;
    if (edits.repositoryCredentials !== undefined) {
        container.repositoryCredentials = { ...container.repositoryCredentials, credentialsParameter: edits.repositoryCredentials };
    }
    if (edits.port)
        (0,ports/* applyPortEdit */.wh)(container, edits.port, networkMode);
    applyContainerExtras(container, edits);
}
/** Inputs other than image that apply to the default container, by input name. */
function containerInputsGiven(edits) {
    const given = [
        ['environment', changesList(edits.environment, edits.environmentMode)],
        ['secrets', changesList(edits.secrets, edits.secretsMode)],
        ['command', edits.command !== undefined],
        ['cpu', edits.cpu !== undefined],
        ['memory', edits.memory !== undefined],
        ['repository-credentials', edits.repositoryCredentials !== undefined],
    ];
    return [...given.filter(([, isGiven]) => isGiven).map(([name]) => name), ...(0,ports/* portInputsGiven */.O_)(edits.port), ...containerExtrasGiven(edits)];
}
/** Replace mode changes the list even with no lines: it empties it. */
function changesList(lines, mode) {
    return mode === 'replace' || lines.length > 0;
}
/**
 * merge: a set replaces the value where the name already is (later duplicates of it go), a new name is
 * appended, a removal deletes every entry of that name. replace: the list becomes exactly the set lines.
 */
function applyKeyValueEdits(current, edits, mode, entry) {
    let result = mode === 'replace' ? [] : current.map((item) => ({ ...item }));
    for (const edit of edits) {
        if (edit.op === 'remove') {
            result = result.filter((item) => item.name !== edit.key);
            continue;
        }
        const at = result.findIndex((item) => item.name === edit.key);
        if (at === -1) {
            result.push(entry(edit.key, edit.value));
        }
        else {
            result = result.filter((item, index) => index <= at || item.name !== edit.key);
            result[at] = entry(edit.key, edit.value);
        }
    }
    return result;
}
/**
 * Under awsvpc and host, ECS refuses a hostPort other than the containerPort. A hostPort of 0 only meant
 * "any port" under bridge, so it is dropped; any other mismatch is the user's to settle, not to guess.
 */
function fitPortsToNetworkMode(taskDefinition) {
    const mode = taskDefinition.networkMode;
    if (!(0,ports/* sharesHostPorts */.Pj)(mode))
        return;
    for (const container of taskDefinition.containerDefinitions ?? []) {
        for (const mapping of container.portMappings ?? []) {
            const { hostPort, containerPort } = mapping;
            if (hostPort === undefined || containerPort === undefined || hostPort === containerPort)
                continue;
            if (hostPort === 0) {
                delete mapping.hostPort;
                continue;
            }
            throw new errors/* InputError */.dz(`container "${container.name ?? '?'}": port mapping ${hostPort}:${containerPort} cannot work under network mode ${mode ?? ''}, where the host port is the container port: remove hostPort from the task definition or set it to ${containerPort}`);
        }
    }
}
function checkRegistrable(taskDefinition) {
    if (typeof taskDefinition.family !== 'string' || taskDefinition.family === '') {
        throw new errors/* InputError */.dz('family: the task definition has no family: set family, or put family in the task definition file');
    }
    const containers = taskDefinition.containerDefinitions ?? [];
    if (containers.length === 0)
        throw new errors/* InputError */.dz('task-definition: the task definition has no containers');
    for (const [index, container] of containers.entries()) {
        if (typeof container.name !== 'string' || container.name === '') {
            throw new errors/* InputError */.dz(`task-definition: container #${index + 1} has no name: give it one in the task definition file`);
        }
        if (typeof container.image !== 'string' || container.image.trim() === '') {
            throw new errors/* InputError */.dz(`image: container "${container.name}" has no image: set image (with container-name) or images`);
        }
    }
}

;// CONCATENATED MODULE: ./src/taskdef/render.ts
// A task definition made from inputs alone, for a family that has none yet: one container, and only the
// fields the inputs give, so the result is exactly what a hand-written register-task-definition call sends.


function renderNewTaskDefinition(spec) {
    if (spec.family.trim() === '')
        throw new errors/* InputError */.dz('family: is empty: set family to name the task definition');
    if (spec.containerName.trim() === '')
        throw new errors/* InputError */.dz('container-name: is empty: set container-name');
    if (spec.image.trim() === '')
        throw new errors/* InputError */.dz('image: is empty: set image to the image the container runs');
    const networkMode = spec.networkMode || undefined;
    const container = { name: spec.containerName, image: spec.image };
    if (spec.cpu !== undefined)
        container.cpu = spec.cpu;
    if (spec.memory !== undefined)
        container.memory = spec.memory;
    if (spec.containerPort !== undefined)
        container.portMappings = [portMapping(spec.containerPort, spec, networkMode)];
    const taskDefinition = { family: spec.family, containerDefinitions: [container] };
    if (networkMode)
        taskDefinition.networkMode = networkMode;
    return taskDefinition;
}
function portMapping(containerPort, spec, networkMode) {
    const { hostPort, protocol } = spec;
    (0,ports/* checkPort */.Yn)('container-port', containerPort, 1);
    (0,ports/* checkPort */.Yn)('host-port', hostPort, 0);
    if (networkMode === 'none') {
        throw new errors/* InputError */.dz('container-port: a task with network mode none has no ports: leave container-port unset or choose another network-mode');
    }
    (0,ports/* checkSharedHostPort */.xB)(hostPort, containerPort, networkMode);
    if ((0,ports/* sharesHostPorts */.Pj)(networkMode))
        return { containerPort, protocol };
    return { hostPort, containerPort, protocol };
}

;// CONCATENATED MODULE: ./src/taskdef/request-size.ts
// ECS refuses a RegisterTaskDefinition request larger than 64 KiB; checked on the rendered document so that
// nothing is built, pushed or registered for a definition that cannot be registered.

const REGISTER_REQUEST_LIMIT_BYTES = 64 * 1024;
/** Size in bytes of the RegisterTaskDefinition request JSON for the document (the definition and its tags). */
function registerRequestBytes(doc) {
    const request = { ...doc.taskDefinition, ...(doc.tags.length > 0 ? { tags: doc.tags } : {}) };
    return new TextEncoder().encode(JSON.stringify(request)).length;
}
function checkRegisterRequestSize(doc) {
    const bytes = registerRequestBytes(doc);
    if (bytes <= REGISTER_REQUEST_LIMIT_BYTES)
        return;
    throw new errors/* InputError */.dz(`task-definition: the rendered task definition is ${bytes} bytes as a RegisterTaskDefinition request, over ECS's limit of ${REGISTER_REQUEST_LIMIT_BYTES} bytes (64 KiB): move large environment values to secrets or environmentFiles, or split the containers into several task definitions`);
}

// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
;// CONCATENATED MODULE: ./src/deploy/render.ts
// Chooses the base task definition and renders the one this run deploys. Pure: no AWS, no host.






function editsFromInputs(inputs, image) {
    const images = new Map(inputs.images);
    if (image) {
        if (inputs.containerName && images.has(inputs.containerName)) {
            throw new errors/* InputError */.dz(`container-name "${inputs.containerName}" also appears in images; give its image in one of them only.`);
        }
        images.set('', image);
    }
    return {
        ...(inputs.family ? { family: inputs.family } : {}),
        images,
        ...(inputs.containerName ? { containerName: inputs.containerName } : {}),
        environment: inputs.environment,
        environmentMode: inputs.environmentMode,
        secrets: inputs.secrets,
        secretsMode: inputs.secretsMode,
        ...(inputs.command ? { command: inputs.command } : {}),
        ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
        ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
        ...(inputs.repositoryCredentials ? { repositoryCredentials: inputs.repositoryCredentials } : {}),
        ...portEditFromInputs(inputs),
        ...containerExtrasEdits(inputs),
        ...(inputs.executionRoleArn ? { executionRoleArn: inputs.executionRoleArn } : {}),
        ...(inputs.taskRoleArn ? { taskRoleArn: inputs.taskRoleArn } : {}),
        ...(inputs.networkMode ? { networkMode: inputs.networkMode } : {}),
        ...(inputs.requiresCompatibilities.length > 0 ? { requiresCompatibilities: inputs.requiresCompatibilities } : {}),
        ...(inputs.taskCpu ? { taskCpu: inputs.taskCpu } : {}),
        ...(inputs.taskMemory ? { taskMemory: inputs.taskMemory } : {}),
        tags: inputs.tags,
    };
}
/** Only what was given changes an existing mapping; a new mapping gets host port 0 and tcp where not given. */
function portEditFromInputs(inputs) {
    const port = {
        ...(inputs.containerPort !== undefined ? { containerPort: inputs.containerPort } : {}),
        ...(inputs.hostPort !== undefined ? { hostPort: inputs.hostPort } : {}),
        ...(inputs.protocol !== undefined ? { protocol: inputs.protocol } : {}),
    };
    return Object.keys(port).length > 0 ? { port } : {};
}
/** The task definition this run registers, final: the checks run on exactly what would be sent. */
function renderTaskDefinition(inputs, base, image) {
    const rendered = renderDocument(inputs, base, image);
    (0,validate/* validateTaskDefinitionDocument */.qp)(rendered, base.source === 'file' ? `task-definition: ${base.label}` : 'task definition');
    checkRegisterRequestSize(rendered);
    return rendered;
}
function renderDocument(inputs, base, image) {
    const edits = editsFromInputs(inputs, image);
    if (base.document)
        return applyEdits(base.document, edits);
    const family = inputs.family;
    if (!family) {
        throw new errors/* InputError */.dz('family: not set and no task definition to start from; set family, task-definition or service.');
    }
    if (!image) {
        throw new errors/* InputError */.dz(base.unread
            ? `image: without AWS credentials the dry run cannot read the revisions of family "${family}", so it renders from inputs alone, which needs image; set image, or give the dry run credentials.`
            : `image: family "${family}" has no revision yet, so a new task definition is rendered from inputs and needs image; set image.`);
    }
    const fresh = renderNewTaskDefinition({
        family,
        containerName: inputs.containerName || family,
        image,
        hostPort: inputs.hostPort ?? 0,
        protocol: inputs.protocol ?? 'tcp',
        ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
        ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
        ...(inputs.containerPort !== undefined ? { containerPort: inputs.containerPort } : {}),
        ...(inputs.networkMode ? { networkMode: inputs.networkMode } : {}),
    });
    return applyEdits({ taskDefinition: fresh, tags: [] }, { ...edits, containerName: inputs.containerName || family });
}
/** The image the default container (or the only one) runs in a rendered document. */
function primaryImage(doc, containerName) {
    const containers = doc.taskDefinition.containerDefinitions ?? [];
    const named = containers.find((c) => c.name === containerName) ?? (containers.length === 1 ? containers[0] : undefined);
    return named?.image ?? '';
}


/***/ }),

/***/ 4730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SZ: () => (/* binding */ notStartedResult),
/* harmony export */   gu: () => (/* binding */ newProgress),
/* harmony export */   qQ: () => (/* binding */ deliveryResult)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6429);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(235);



function newProgress() {
    return { step: 'plan', deregistered: [] };
}
/** A service's result from its plan, what apply did, and how its steps ended (see notStartedResult for no plan). */
function deliveryResult(plan, done, ending) {
    const td = plan.taskDefinition;
    const document = done.rendered ?? (td.kind === 'render' ? td.rendered : td.document);
    const revision = done.revision ?? (ending.dryRun ? plannedRevision(plan) : undefined);
    const update = plan.update;
    const target = done.target;
    return {
        dryRun: ending.dryRun,
        region: plan.region,
        cluster: plan.cluster,
        ...(update ? { service: update.service } : {}),
        image: done.image?.image || (document ? (0,_render_js__WEBPACK_IMPORTED_MODULE_1__/* .primaryImage */ .Wh)(document, td.kind === 'render' ? td.containerName : '') : ''),
        ...(done.image?.digest ? { imageDigest: done.image.digest } : {}),
        taskDefinitionArn: revision?.arn ?? '',
        revision: revision?.revision ?? 0,
        registered: revision?.registered ?? false,
        ...(target && update ? { desiredCount: update.desiredCount ?? update.before?.desiredCount ?? 0 } : {}),
        ...(target?.deploymentId ? { deploymentId: target.deploymentId } : {}),
        ...(done.codeDeployDeploymentId ? { codeDeployDeploymentId: done.codeDeployDeploymentId } : {}),
        ...(done.express?.endpoint ? { endpoint: done.express.endpoint } : {}),
        ...(done.express?.serviceArn ? { serviceArn: done.express.serviceArn } : {}),
        ...serviceDeploymentOf(target, done.outcome),
        ...(target ? { consoleUrl: (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_2__/* .consoleUrl */ .B9)(plan.region, target.cluster, target.service) } : {}),
        ...statusOf(done, ending),
        ...(done.outcome?.failure ? { failure: done.outcome.failure } : {}),
        ...(done.outcome?.rolledBackTo ? { rolledBackTo: done.outcome.rolledBackTo } : {}),
        diff: done.changes ?? plan.changes,
        startedAt: ending.startedAt,
        finishedAt: ending.finishedAt,
        deregistered: done.deregistered,
        ...(plan.runTask && done.runTask ? { runTask: oneOffTaskReport(plan.runTask.container, done.runTask) } : {}),
    };
}
function serviceDeploymentOf(target, outcome) {
    const arn = outcome?.serviceDeploymentArn ?? target?.serviceDeploymentArn;
    return {
        ...(arn ? { serviceDeploymentArn: arn } : {}),
        ...(outcome?.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
        ...(outcome?.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
        ...(outcome?.paused ? { paused: outcome.paused } : {}),
    };
}
function oneOffTaskReport(container, run) {
    return {
        container,
        status: run.status,
        ...(run.taskArn ? { taskArn: run.taskArn } : {}),
        ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
        line: run.line,
        lastLogLines: run.lastLogLines,
    };
}
function statusOf(done, ending) {
    if (ending.error !== undefined) {
        const deploymentStatus = ending.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc ? 'CANCELLED' : done.step === 'plan' ? 'NOT_STARTED' : 'FAILED';
        return { deploymentStatus, statusMessage: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(ending.error) };
    }
    if (done.outcome)
        return { deploymentStatus: done.outcome.status, statusMessage: done.outcome.message };
    return { deploymentStatus: 'SKIPPED' };
}
function plannedRevision(plan) {
    const td = plan.taskDefinition;
    if (td.kind === 'existing')
        return { arn: td.arn, revision: td.revision, registered: false };
    return td.reuse ? { arn: td.reuse.arn, revision: td.reuse.revision, registered: false } : undefined;
}
/**
 * The result of a run that ended before a plan existed or before anything changed: bad input or a failed
 * preflight. What cannot be known stays empty.
 */
function notStartedResult(known, error, times) {
    return {
        dryRun: false,
        region: known.region ?? '',
        cluster: known.cluster ?? '',
        ...(known.service ? { service: known.service } : {}),
        image: known.image ?? '',
        taskDefinitionArn: '',
        revision: 0,
        registered: false,
        deploymentStatus: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc ? 'CANCELLED' : 'NOT_STARTED',
        statusMessage: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error),
        diff: [],
        ...times,
        deregistered: [],
    };
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// The one way a duration is printed, in logs and in messages about inputs: "400ms", "1.5s", "45s", "1m 4s",
// "1h 30m". Below ten seconds a tenth of a second still tells something; above, whole seconds do.
function formatDuration(ms) {
    if (ms < 1000 && ms % 100 !== 0)
        return `${Math.round(ms)}ms`;
    if (ms < 10_000)
        return `${Math.round(ms / 100) / 10}s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${seconds % 60}s`;
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}


/***/ }),

/***/ 5871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ conclude),
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   z6: () => (/* binding */ endingOf)
/* harmony export */ });
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(833);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6429);
/* harmony import */ var _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3545);
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4730);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9832);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3733);
// How a run ends, of one service or of many: the result a host shows and publishes (outputs, job summary, dotenv
// report), the final line and the exit code. A services-file run sums its services up in one result; a run of
// one service is that service's result.







/** The run as far as it got at `now`; `error` is what stopped it, if anything did. */
function endingOf(state, now, error) {
    const services = (0,_state_js__WEBPACK_IMPORTED_MODULE_5__/* .resultsSoFar */ .eO)(state, now, error);
    if (state.many) {
        const failed = error !== undefined ? { error } : {};
        const region = state.region ?? state.inputs?.region ?? '';
        return { result: (0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .runResult */ .XS)(services, { startedAt: state.startedAt, finishedAt: now, dryRun: state.dryRun, region, ...failed }), services, ...failed };
    }
    const [result] = services;
    // A run of one service ends with what ended its steps, as a services-file's service ends with its result.
    const stepError = error ?? state.runs[0]?.error;
    return {
        result: result ?? (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_2__/* .notStartedResult */ .SZ)({ ...(state.region ? { region: state.region } : {}) }, error, { startedAt: state.startedAt, finishedAt: now }),
        ...(stepError !== undefined ? { error: stepError } : {}),
    };
}
/** Writes the outputs, the summary and the dotenv report; answers the problem when they could not be written. */
async function publish(host, ending) {
    try {
        if (ending.services)
            await host.finish(ending.result, (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__.manyOutputs)(ending.services), ending.services);
        else
            await host.finish(ending.result, (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_1__.outputsOf)(ending.result));
        return undefined;
    }
    catch (error) {
        return `could not write the outputs: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`;
    }
}
/**
 * The final line and the exit code. `errorReported`: an error was already printed (and annotated) during the run,
 * such as the watcher's account of a failed rollout; the final line then does not annotate it a second time.
 */
function conclude(host, ending, cancel, errorReported) {
    if (ending.error !== undefined) {
        host.fail((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(ending.error));
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .exitCodeFor */ .Rr)(ending.error);
    }
    const { result } = ending;
    const services = ending.services ?? [result];
    // CANCELLED without a signal: someone stopped the deployment outside this run, which is a failure of this run.
    const code = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .fleetExitCode */ .o6)(services, cancel.aborted ? (0,_cancel_js__WEBPACK_IMPORTED_MODULE_0__/* .signalOf */ .oX)(cancel) : undefined);
    if (code === _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok) {
        host.reporter.info(doneLine(result, ending.services));
        return code;
    }
    const line = `deployment ${result.deploymentStatus}${result.statusMessage ? `: ${result.statusMessage}` : ''}`;
    if (errorReported)
        host.reporter.info(line);
    else
        host.fail(line);
    return code;
}
function doneLine(result, services) {
    const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
    if (services)
        return result.dryRun ? `Dry run of ${services.length} services done in ${seconds}s.` : `Done in ${seconds}s: ${services.length} services, each as it should be.`;
    const revision = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(result.taskDefinitionArn);
    if (result.dryRun)
        return `Dry run done in ${seconds}s.`;
    if (!result.service)
        return `Done in ${seconds}s: ${revision} ${result.registered ? 'registered' : 'reused'}.`;
    const state = result.deploymentStatus === 'COMPLETED' ? 'rollout completed' : result.deploymentStatus === 'PAUSED' ? 'paused' : 'not waited for';
    return `Done in ${seconds}s: ${result.service} runs ${revision}, ${state}.`;
}


/***/ }),

/***/ 8116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $2: () => (/* binding */ readEntries),
  cH: () => (/* binding */ singleService),
  Iy: () => (/* binding */ wrongEntries)
});

// UNUSED EXPORTS: serviceKey

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
// EXTERNAL MODULE: ./src/deploy/check-inputs.ts
var check_inputs = __webpack_require__(7497);
// EXTERNAL MODULE: ./src/deploy/result.ts
var result = __webpack_require__(4730);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 7 modules
var parse = __webpack_require__(7179);
// EXTERNAL MODULE: ./src/taskdef/parse-file.ts
var parse_file = __webpack_require__(5982);
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
        // The run's one progress line names each service's wait by its prefix.
        ...(inner.waiting ? { waiting: (label, timeLeft) => inner.waiting(`[${prefix}] ${label}`, timeLeft) } : {}),
    };
}

// EXTERNAL MODULE: ./src/inputs/schema.ts
var schema = __webpack_require__(2898);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
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
        const label = typeof entry['service'] === 'string' && entry['service'].trim() !== '' ? ` (${entry['service']})` : '';
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
        let parsed;
        try {
            parsed = JSON.parse(content);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`services-file: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
        }
        const repeated = firstRepeatedJsonKey(content);
        if (repeated)
            throw new errors/* InputError */.dz(`services-file: ${path} gives "${repeated.key}" twice in one object (line ${repeated.line}); keep one.`);
        return parsed;
    }
    // Failsafe: every scalar stays the text written, so 1.10, 01234 or a long account number reach the input unchanged.
    const document = yaml.parseDocument(content, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
    const problem = document.errors[0];
    if (problem)
        throw new errors/* InputError */.dz(`services-file: ${path} is not valid YAML or JSON (${problem.message.split('\n')[0] ?? ''}).`);
    try {
        return document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        // The library refuses aliases that expand past the count: a file built to exhaust memory, or one to simplify.
        throw new errors/* InputError */.dz(`services-file: ${path} expands YAML aliases too often (${error instanceof Error ? error.message : String(error)}); write the values out instead of nesting aliases.`);
    }
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
            const text = inputText(value, `${where}: ${key}`);
            // An empty service would turn the entry into a register-only run that reports success.
            if (name === 'service' && text.trim() === '')
                throw new errors/* InputError */.dz(`${where}: service is empty; name the service to deploy, or remove the entry.`);
            values.set(name, text);
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
/**
 * The first key given twice in one object of a JSON text that JSON.parse accepted (JSON.parse keeps the last
 * silently, where the YAML reader refuses the file).
 */
function firstRepeatedJsonKey(text) {
    const objects = [];
    let expectingKey = false;
    let line = 1;
    for (let at = 0; at < text.length; at += 1) {
        const char = text[at];
        if (char === '\n')
            line += 1;
        else if (char === '{') {
            objects.push(new Set());
            expectingKey = true;
        }
        else if (char === '[') {
            objects.push(undefined);
        }
        else if (char === '}' || char === ']') {
            objects.pop();
        }
        else if (char === ',') {
            expectingKey = objects.at(-1) !== undefined;
        }
        else if (char === '"') {
            let end = at + 1;
            while (text[end] !== '"')
                end += text[end] === '\\' ? 2 : 1;
            const keys = objects.at(-1);
            if (expectingKey && keys) {
                const key = JSON.parse(text.slice(at, end + 1));
                if (keys.has(key))
                    return { key, line };
                keys.add(key);
            }
            expectingKey = false;
            at = end;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/fleet/entries.ts
// The services a run deploys: the one its inputs name, or each entry of a services-file, read exactly as a
// single-service run reads its inputs. Every entry is checked before anything is planned; all problems are named.









/** The run of one service: the run's own inputs and reporter. */
function singleService(raw, inputs, reporter, startedAt) {
    return { where: '', prefix: '', raw, inputs, reporter, progress: (0,result/* newProgress */.gu)(), startedAt };
}
async function readEntries(path, usualRaw, reporter, startedAt) {
    const text = (0,parse_file/* readTaskDefinitionFile */.BD)((0,external_node_path_.resolve)(path), path, 'services-file');
    const file = parseServicesFile(text, path, (0,parse_file/* needsYaml */.Tf)(text) ? await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19)) : undefined);
    const runs = [];
    const problems = [];
    const seen = new Map();
    for (const entry of file.entries) {
        const where = entryLabel(file, entry);
        try {
            const raw = entryInputs(file, entry, usualRaw);
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
            runs.push({ where, prefix, raw, inputs, reporter: prefixedReporter(reporter, prefix), progress: (0,result/* newProgress */.gu)(), startedAt });
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            problems.push(`${where}: ${error.message}`);
        }
    }
    if (problems.length > 0)
        throw wrongEntries(reporter, problems, file.entries.length, errors/* InputError */.dz);
    return runs;
}
/** One service however written: `web` and `arn:aws:ecs:...:service/prod/web` in cluster prod (or its ARN) are the same. */
function serviceKey(inputs) {
    return `${(0,names/* resourceName */.Iy)(inputs.cluster)}/${(0,names/* resourceName */.Iy)(inputs.service)}`;
}
/** The error for entries that cannot be deployed: the one problem, or each printed and their count. */
function wrongEntries(reporter, problems, total, kind) {
    if (problems.length === 1)
        return new kind(problems[0] ?? '');
    for (const problem of problems)
        reporter.error(problem);
    return new kind(`${problems.length} of ${total} entries of the services-file are wrong (each named above); nothing was changed.`);
}


/***/ }),

/***/ 9832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jr: () => (/* reexport safe */ _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__.endedWell),
/* harmony export */   Lh: () => (/* binding */ outcomeTable),
/* harmony export */   XS: () => (/* binding */ runResult),
/* harmony export */   o6: () => (/* binding */ fleetExitCode)
/* harmony export */ });
/* unused harmony export label */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6429);
/* harmony import */ var _deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3545);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// How a run of many services ends: one result per service, the run's worst outcome and the table.




/**
 * The run as one DeliveryResult, for what a host shows of any run (the final status, the outputs it prints).
 * error: what stopped the run before its first change; a run that changed nothing says that error.
 */
function runResult(results, times) {
    const status = results.length === 0 && times.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc ? 'CANCELLED' : (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__.worstStatus)(results.map((result) => result.deploymentStatus));
    const notWell = results.filter((result) => !(0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__.endedWell)(result));
    const clusters = [...new Set(results.map((result) => result.cluster))];
    const stoppedBy = times.error !== undefined && (results.length === 0 || status === 'NOT_STARTED') ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(times.error) : undefined;
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
        deregistered: [...new Set(results.flatMap((result) => result.deregistered))],
    };
}
/** 0 only when every service ended as it would have alone with exit 0; a cancel ends as the signal says. */
function fleetExitCode(results, signal) {
    if (results.every(_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__.endedWell))
        return _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.ok;
    if (signal && results.some((result) => result.deploymentStatus === 'CANCELLED'))
        return signal === 'SIGINT' ? _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.sigint : _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.sigterm;
    return _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.failed;
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
        (0,_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_0__.endedWell)(result) ? '' : (result.statusMessage ?? ''),
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

/***/ 7564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ deliver),
  y: () => (/* binding */ readRawInputs)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
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

// EXTERNAL MODULE: ./src/cancel.ts
var src_cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/deploy/check-inputs.ts
var check_inputs = __webpack_require__(7497);
;// CONCATENATED MODULE: ./src/deploy/image-work.ts
/** undefined when the inputs name no image. Plans each image once: the machine checks run here too. */
async function planImageWork(inputs, region, env) {
    if (!inputs.image && inputs.images.size === 0)
        return undefined;
    const { checkImageOptions, imageWorkLines } = await __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 3231));
    const options = { ...inputs, region };
    const job = (o) => ({ options: o, plan: checkImageOptions(o, env) });
    const main = inputs.image ? job(options) : undefined;
    return {
        ...(main ? { main } : {}),
        others: [...inputs.images.values()].map((image) => job(verifyOnly(options, image))),
        steps: main ? imageWorkLines(main.options, main.plan) : [],
    };
}
function verifyOnly(options, image) {
    const { buildContext: _context, dockerfile: _dockerfile, target: _target, platform: _platform, sourceImage: _source, ...rest } = options;
    return { ...rest, image, buildArgs: [], push: false, pinDigest: false, createRepository: false };
}
/**
 * What the image modules need to reach registries. ECR clients come from the run's session, one per region on
 * first use; a dry run without credentials has none, and its checks of ECR images say they could not ask.
 */
function imageAccess(session, reporter, signal, env) {
    if (!session) {
        const unreachable = async () => {
            throw new Error('no AWS credentials to ask ECR with');
        };
        const ecr = () => ({ getAuthorizationToken: unreachable, describeImage: unreachable, createRepositoryIfMissing: unreachable });
        return { ecr, ecrPublicToken: unreachable, reporter, signal, env };
    }
    const ecrClients = new Map();
    const ecr = async (region) => {
        const known = ecrClients.get(region);
        if (known)
            return known;
        const { ecrApiFor } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(249), __webpack_require__.e(350), __webpack_require__.e(898)]).then(__webpack_require__.bind(__webpack_require__, 898));
        const api = ecrApiFor(session, region);
        ecrClients.set(region, api);
        return api;
    };
    const ecrPublicToken = async () => {
        const { ecrPublicClientFor, ecrPublicToken: token } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(249), __webpack_require__.e(821), __webpack_require__.e(350), __webpack_require__.e(365)]).then(__webpack_require__.bind(__webpack_require__, 9365));
        return token(ecrPublicClientFor(session), session.options.signal);
    };
    return { ecr: lazyEcr(ecr), ecrPublicToken, reporter, signal, env };
}
/** The image modules take a synchronous factory; the SDK client behind it is created on first use. */
function lazyEcr(load) {
    return (region) => ({
        getAuthorizationToken: async () => (await load(region)).getAuthorizationToken(),
        describeImage: async (...args) => (await load(region)).describeImage(...args),
        createRepositoryIfMissing: async (...args) => (await load(region)).createRepositoryIfMissing(...args),
    });
}

// EXTERNAL MODULE: ./src/aws/names.ts
var aws_names = __webpack_require__(6429);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtask/options.ts
var options = __webpack_require__(3898);
// EXTERNAL MODULE: ./src/runtask/plan.ts
var runtask_plan = __webpack_require__(8721);
// EXTERNAL MODULE: ./src/taskdef/plain-data.ts
var plain_data = __webpack_require__(2209);
// EXTERNAL MODULE: ./src/taskdef/ports.ts
var ports = __webpack_require__(8772);
// EXTERNAL MODULE: ./src/taskdef/read-only.ts
var read_only = __webpack_require__(4489);
// EXTERNAL MODULE: ./src/taskdef/task-size.ts
var task_size = __webpack_require__(3173);
;// CONCATENATED MODULE: ./src/taskdef/normalize.ts
// `register: if-changed` reuses the family's latest revision when the rendered task definition equals it.
// ECS answers a registered definition with defaults filled in and some lists reordered, so both sides are
// brought to one form first. Only differences ECS itself does not make are removed: wrongly calling two
// definitions equal would skip a deploy the user asked for, while wrongly calling them different only costs
// a revision. So a default is filled in only where ECS documents it, and an unknown field always counts.




/** Launch types whose tasks do not default to the bridge network mode. */
const NOT_BRIDGE_BY_DEFAULT = ['FARGATE', 'MANAGED_INSTANCES'];
function sameDocument(a, b) {
    return (0,plain_data/* canonicalJson */.dj)(normalizeForCompare(a)) === (0,plain_data/* canonicalJson */.dj)(normalizeForCompare(b));
}
function normalizeForCompare(doc) {
    return normalizeDocument(doc);
}
/** The document in the form used for comparing and diffing (not for registering). */
function normalizeDocument(doc) {
    return {
        taskDefinition: normalizeTaskDefinition(doc.taskDefinition),
        tags: [...doc.tags].sort((a, b) => compareText(a.key, b.key)).map((tag) => ({ key: tag.key, value: tag.value })),
    };
}
function normalizeTaskDefinition(input) {
    const taskDefinition = withoutEmpty((0,plain_data/* withoutNulls */.Le)(input));
    for (const field of [...read_only/* READ_ONLY_FIELDS */.O, 'tags'])
        delete taskDefinition[field];
    if (taskDefinition['enableFaultInjection'] === false)
        delete taskDefinition['enableFaultInjection'];
    const { cpu, memory } = taskDefinition;
    if (typeof cpu === 'number' || typeof cpu === 'string')
        taskDefinition.cpu = (0,task_size/* cpuUnits */.M)(String(cpu));
    if (typeof memory === 'number' || typeof memory === 'string')
        taskDefinition.memory = (0,task_size/* memoryMiB */.I)(String(memory));
    const compatibilities = taskDefinition.requiresCompatibilities;
    if (Array.isArray(compatibilities))
        taskDefinition.requiresCompatibilities = [...new Set(compatibilities)].sort();
    if (taskDefinition.networkMode === undefined && !compatibilities?.some((type) => NOT_BRIDGE_BY_DEFAULT.includes(type))) {
        taskDefinition.networkMode = 'bridge';
    }
    const containers = taskDefinition.containerDefinitions;
    if (Array.isArray(containers)) {
        taskDefinition.containerDefinitions = containers
            .map((container) => normalizeContainer(container, taskDefinition.networkMode))
            .sort((a, b) => compareText(a.name ?? '', b.name ?? ''));
    }
    return taskDefinition;
}
function normalizeContainer(container, networkMode) {
    if (container.cpu === 0)
        delete container.cpu;
    if (container.essential === true)
        delete container['essential'];
    // Order means nothing to ECS in these lists, and it does not keep the order it was given.
    if (Array.isArray(container.environment))
        container.environment = sortedByName(container.environment, (entry) => entry.value);
    if (Array.isArray(container.secrets))
        container.secrets = sortedByName(container.secrets, (entry) => entry.valueFrom);
    if (Array.isArray(container.portMappings)) {
        container.portMappings = container.portMappings
            .map((mapping) => normalizePortMapping(mapping, networkMode))
            .sort((a, b) => compareText((0,plain_data/* canonicalJson */.dj)(a), (0,plain_data/* canonicalJson */.dj)(b)));
    }
    return container;
}
function normalizePortMapping(input, networkMode) {
    const mapping = { ...input, protocol: input.protocol ?? 'tcp' };
    if (mapping.hostPort === undefined && typeof mapping.containerPort === 'number') {
        if ((0,ports/* sharesHostPorts */.Pj)(networkMode))
            mapping.hostPort = mapping.containerPort;
        else if (networkMode === 'bridge')
            mapping.hostPort = 0;
    }
    return mapping;
}
function sortedByName(list, value) {
    return [...list].sort((a, b) => compareText(a.name ?? '', b.name ?? '') || compareText(value(a) ?? '', value(b) ?? ''));
}
/** Drops empty lists and objects (ECS answers `environment: []` for none) and whatever becomes empty. */
function withoutEmpty(value) {
    if (Array.isArray(value))
        return value.map(withoutEmpty);
    if (!(0,plain_data/* isPlainObject */.Qd)(value))
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        const kept = withoutEmpty(item);
        if (Array.isArray(kept) && kept.length === 0)
            continue;
        if ((0,plain_data/* isPlainObject */.Qd)(kept) && Object.keys(kept).length === 0)
            continue;
        copy[key] = kept;
    }
    return copy;
}
function compareText(a, b) {
    if (a === b)
        return 0;
    return a < b ? -1 : 1;
}

;// CONCATENATED MODULE: ./src/taskdef/diff.ts
// What a new task definition changes against the revision the service runs, in lines for the log and the
// job summary. Values users put in a container's runtime settings (environment values, secret references,
// the command) are never printed: the summary outlives the job and is read by more people than the log.
// Images, sizes, ports, roles and network settings are printed, since they are what a reviewer checks.



const NO_CHANGES = 'no changes to the task definition';
function describeChanges(before, after) {
    const next = normalizeDocument(after);
    if (!before)
        return describeNew(next);
    const previous = normalizeDocument(before);
    const lines = [
        ...taskChanges(previous.taskDefinition, next.taskDefinition),
        ...containerListChanges(previous.taskDefinition.containerDefinitions ?? [], next.taskDefinition.containerDefinitions ?? []),
        ...tagChanges(previous.tags, next.tags),
    ];
    return lines.length === 0 ? [NO_CHANGES] : lines;
}
function describeNew(doc) {
    return [
        `new task definition for family ${doc.taskDefinition.family ?? '(none)'}: no earlier revision to compare with`,
        ...(doc.taskDefinition.containerDefinitions ?? []).map((container) => `container ${container.name ?? '?'}: image ${container.image ?? '(none)'}`),
    ];
}
/** Task-level fields with their own wording; any other field that differs gets a line without its value. */
const TASK_FIELDS = [
    ['family', 'family'],
    ['networkMode', 'network mode'],
    ['requiresCompatibilities', 'requires compatibilities'],
    ['cpu', 'task cpu'],
    ['memory', 'task memory'],
    ['executionRoleArn', 'execution role'],
    ['taskRoleArn', 'task role'],
];
function taskChanges(before, after) {
    const lines = [];
    for (const [field, label] of TASK_FIELDS) {
        const change = shownChange(before[field], after[field]);
        if (change)
            lines.push(`${label}: ${change}`);
    }
    const described = new Set([...TASK_FIELDS.map(([field]) => field), 'containerDefinitions']);
    for (const field of otherChangedFields(before, after, described))
        lines.push(otherFieldChange(field, before[field], after[field]));
    return lines;
}
function containerListChanges(before, after) {
    const byName = new Map(before.map((container) => [container.name ?? '', container]));
    const afterNames = new Set(after.map((container) => container.name ?? ''));
    const lines = [];
    for (const container of after) {
        const name = container.name ?? '';
        const previous = byName.get(name);
        if (previous)
            lines.push(...containerChanges(name, previous, container));
        else
            lines.push(`container ${name}: added (image ${container.image ?? '(none)'})`);
    }
    for (const container of before) {
        if (!afterNames.has(container.name ?? ''))
            lines.push(`container ${container.name ?? ''}: removed`);
    }
    return lines;
}
/** What ECS takes a missing container field to mean (normalizing drops these values). */
const CONTAINER_DEFAULTS = { cpu: 0, essential: true };
function containerChanges(name, before, after) {
    const lines = [];
    const say = (text) => void lines.push(`container ${name}: ${text}`);
    const image = shownChange(before.image, after.image);
    if (image)
        say(`image ${image}`);
    const environment = keyChanges(namedValues(before.environment, envValue), namedValues(after.environment, envValue));
    if (environment)
        say(`environment ${environment} (values not shown)`);
    const secrets = keyChanges(namedValues(before.secrets, secretValue), namedValues(after.secrets, secretValue));
    if (secrets)
        say(`secrets ${secrets} (values not shown)`);
    for (const field of ['cpu', 'memory', 'memoryReservation']) {
        const change = shownChange(before[field] ?? CONTAINER_DEFAULTS[field], after[field] ?? CONTAINER_DEFAULTS[field]);
        if (change)
            say(`${field} ${change}`);
    }
    if ((0,plain_data/* canonicalJson */.dj)(before.portMappings ?? []) !== (0,plain_data/* canonicalJson */.dj)(after.portMappings ?? [])) {
        const from = (0,ports/* formatPortMappings */.kM)(before.portMappings);
        const to = (0,ports/* formatPortMappings */.kM)(after.portMappings);
        say(from === to ? `port mapping settings changed (${to})` : `ports ${from} → ${to}`);
    }
    if ((0,plain_data/* canonicalJson */.dj)(before.command) !== (0,plain_data/* canonicalJson */.dj)(after.command))
        say('command changed (not shown)');
    const credentials = shownChange(before.repositoryCredentials?.credentialsParameter, after.repositoryCredentials?.credentialsParameter);
    if (credentials)
        say(`repository credentials ${credentials}`);
    const described = new Set(['name', 'image', 'environment', 'secrets', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'command', 'repositoryCredentials']);
    for (const field of otherChangedFields(before, after, described)) {
        say(otherFieldChange(field, before[field] ?? CONTAINER_DEFAULTS[field], after[field] ?? CONTAINER_DEFAULTS[field]));
    }
    return lines;
}
const envValue = (entry) => entry.value;
const secretValue = (entry) => entry.valueFrom;
function tagChanges(before, after) {
    const change = keyChanges(new Map(before.map((tag) => [tag.key, tag.value])), new Map(after.map((tag) => [tag.key, tag.value])));
    return change ? [`tags ${change}`] : [];
}
/** "added A, B; changed C; removed D", or undefined when the two maps are equal. */
function keyChanges(before, after) {
    const added = [...after.keys()].filter((key) => !before.has(key));
    const removed = [...before.keys()].filter((key) => !after.has(key));
    const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key));
    const parts = [
        added.length > 0 ? `added ${added.join(', ')}` : '',
        changed.length > 0 ? `changed ${changed.join(', ')}` : '',
        removed.length > 0 ? `removed ${removed.join(', ')}` : '',
    ].filter((part) => part !== '');
    return parts.length === 0 ? undefined : parts.join('; ');
}
function namedValues(list, value) {
    return new Map((list ?? []).map((entry) => [entry.name ?? '', value(entry)]));
}
/** "old → new" for a value that may be printed, or undefined when equal. */
function shownChange(before, after) {
    if ((0,plain_data/* canonicalJson */.dj)(before) === (0,plain_data/* canonicalJson */.dj)(after))
        return undefined;
    return `${shown(before)} → ${shown(after)}`;
}
function shown(value) {
    if (value === undefined)
        return '(not set)';
    if (Array.isArray(value))
        return value.length === 0 ? '(none)' : value.join(', ');
    return String(value);
}
/** Numbers and flags are printed; any other field only gets named, as it may hold a value not to print. */
function otherFieldChange(field, before, after) {
    const printable = (value) => value === undefined || typeof value === 'number' || typeof value === 'boolean';
    return printable(before) && printable(after) ? `${field} ${shown(before)} → ${shown(after)}` : `${field} changed`;
}
function otherChangedFields(before, after, described) {
    const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...fields].filter((field) => !described.has(field) && (0,plain_data/* canonicalJson */.dj)(before[field]) !== (0,plain_data/* canonicalJson */.dj)(after[field])).sort();
}
/**
 * The RegisterTaskDefinition input (tags inside) as pretty JSON, for dry-run. Environment values are shown:
 * a dry run is asked for to see exactly what would be registered, and anyone who can describe the task
 * definition sees them too; real secrets belong in `secrets`, which hold only references. With
 * `redactEnvironment` the values are replaced, for output that is kept or shared.
 */
function renderTaskDefinitionJson(doc, options = {}) {
    const taskDefinition = options.redactEnvironment ? redactEnvironment(doc.taskDefinition) : doc.taskDefinition;
    const input = doc.tags.length > 0 ? { ...taskDefinition, tags: doc.tags } : taskDefinition;
    return JSON.stringify(input, null, 2);
}
const REDACTED = '(redacted)';
function redactEnvironment(taskDefinition) {
    return {
        ...taskDefinition,
        ...(taskDefinition.containerDefinitions
            ? {
                containerDefinitions: taskDefinition.containerDefinitions.map((container) => container.environment
                    ? { ...container, environment: container.environment.map((entry) => (entry.value === undefined ? entry : { ...entry, value: REDACTED })) }
                    : container),
            }
            : {}),
    };
}

;// CONCATENATED MODULE: ./src/taskdef/launch-volumes.ts
// A managed EBS volume is given at launch (UpdateService, RunTask) for a volume the task definition declares with
// configuredAtLaunch: true. ECS refuses any other name only when the call is made, after the revision is registered.

function checkLaunchVolume(taskDefinition, volumeName, inputName) {
    const volumes = Array.isArray(taskDefinition['volumes']) ? taskDefinition['volumes'] : [];
    const volume = volumes.find((candidate) => candidate.name === volumeName);
    if (volume?.configuredAtLaunch === true)
        return;
    const atLaunch = volumes.filter((candidate) => candidate.configuredAtLaunch === true).map((candidate) => String(candidate.name));
    throw new errors/* InputError */.dz(volume
        ? `${inputName}: volume "${volumeName}" of the task definition is not configuredAtLaunch, so ECS takes no EBS volume for it; set "configuredAtLaunch": true on it in the task definition`
        : `${inputName}: the task definition has no volume "${volumeName}"${atLaunch.length > 0 ? ` (configured at launch: ${atLaunch.join(', ')})` : ''}; add {"name": "${volumeName}", "configuredAtLaunch": true} to its volumes, or name one of them`);
}

// EXTERNAL MODULE: ./src/taskdef/parse-file.ts
var parse_file = __webpack_require__(5982);
// EXTERNAL MODULE: ./src/deploy/preflight.ts + 3 modules
var deploy_preflight = __webpack_require__(9646);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/deploy/keep-revisions.ts



const DESCRIBE_SERVICES_BATCH = 10;
/** The account refills this call's tokens about once a second. */
const THROTTLED_PAUSE_MS = 1_000;
/** Answers the deregistered revisions as `family:revision`, oldest last. */
async function keepRevisions(deps, request) {
    const { ecs, reporter } = deps;
    if (!Number.isInteger(request.keep) || request.keep < 1) {
        throw new errors/* InputError */.dz(`keep-revisions must be a whole number of at least 1, got ${request.keep}`);
    }
    let older;
    const kept = new Set(request.protect.map(aws_names/* familyRevision */.KW));
    try {
        older = (await listing('ListTaskDefinitions', () => activeRevisions(ecs, request.family))).slice(request.keep);
        if (older.length === 0)
            return [];
        for (const inUse of await revisionsInUse(ecs))
            kept.add(inUse);
    }
    catch (error) {
        // A revision some service needs must never go: without the full list, none goes.
        const why = error instanceof ListingError ? (0,aws_errors/* describeAwsError */.Pp)(error.action, error.cause) : (0,aws_errors/* describeError */.Uc)(error);
        reporter.warn(`keep-revisions: deregistering nothing, because the revisions in use could not all be listed (${why}). ` +
            'It needs ecs:ListTaskDefinitions, ecs:ListClusters, and ecs:ListServices and ecs:DescribeServices on every cluster.');
        return [];
    }
    const deregistered = [];
    for (const revision of older) {
        const name = (0,aws_names/* familyRevision */.KW)(revision.arn);
        if (kept.has(name))
            continue;
        const outcome = await deregister(deps, revision.arn);
        if (outcome === 'done') {
            deregistered.push(name);
            continue;
        }
        reporter.warn(`Could not deregister ${name}: ${outcome.problem}`);
        // The account shares one rate for this call with everyone; what is left waits for the next run.
        if (outcome.throttled)
            break;
    }
    return deregistered;
}
const DEREGISTER_ATTEMPTS = 2;
/** One SDK attempt per call; after a lost answer, the revision's status says whether it went through. */
async function deregister({ ecs, clock }, arn) {
    for (let attempt = 1;; attempt++) {
        let failure;
        try {
            await ecs.deregisterTaskDefinition(arn);
            return 'done';
        }
        catch (error) {
            failure = error;
        }
        const throttled = (0,aws_errors/* classifyError */.fe)(failure) === 'throttled';
        if ((0,aws_errors/* changeOutcome */.Ft)(failure) === 'doubtful') {
            await clock.sleep(THROTTLED_PAUSE_MS);
            const status = await statusOf(ecs, arn);
            if (status === 'INACTIVE')
                return 'done';
            if (status === undefined) {
                return {
                    problem: `${(0,aws_errors/* describeError */.Uc)(failure)}; it may have been deregistered: check aws ecs describe-task-definition --task-definition ${(0,aws_names/* familyRevision */.KW)(arn)}`,
                    throttled: false,
                };
            }
            if (attempt >= DEREGISTER_ATTEMPTS)
                return { problem: (0,aws_errors/* describeError */.Uc)(failure), throttled: false };
            continue;
        }
        if (!throttled || attempt >= DEREGISTER_ATTEMPTS)
            return { problem: (0,aws_errors/* describeError */.Uc)(failure), throttled };
        await clock.sleep(THROTTLED_PAUSE_MS);
    }
}
async function statusOf(ecs, arn) {
    try {
        return (await ecs.describeTaskDefinition(arn)).taskDefinition?.status;
    }
    catch {
        return undefined;
    }
}
/** ACTIVE revisions of exactly `family` (familyPrefix also matches `family-worker`), newest first. */
async function activeRevisions(ecs, family) {
    const revisions = [];
    let nextToken;
    do {
        const page = await ecs.listTaskDefinitions({
            familyPrefix: family,
            status: 'ACTIVE',
            sort: 'DESC',
            ...(nextToken ? { nextToken } : {}),
        });
        for (const arn of page.taskDefinitionArns ?? []) {
            const parsed = parseRevision(arn);
            if (parsed?.family === family)
                revisions.push({ arn, revision: parsed.revision });
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return revisions.sort((a, b) => b.revision - a.revision);
}
function parseRevision(taskDefinition) {
    const match = /^(.+):(\d+)$/.exec((0,aws_names/* familyRevision */.KW)(taskDefinition));
    if (!match?.[1] || !match[2])
        return undefined;
    return { family: match[1], revision: Number(match[2]) };
}
class ListingError extends Error {
    action;
    cause;
    constructor(action, cause) {
        super(`${action}: ${(0,aws_errors/* describeError */.Uc)(cause)}`);
        this.action = action;
        this.cause = cause;
    }
}
async function listing(action, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new ListingError(action, error);
    }
}
/**
 * Every revision any service in any cluster of the account and region runs, is moving to or from, or keeps in a
 * task set, as `family:revision`.
 */
async function revisionsInUse(ecs) {
    const clusterArns = await allPages((nextToken) => listing('ListClusters', async () => {
        const page = await ecs.listClusters(nextToken);
        return { items: page.clusterArns, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    }));
    const inUse = new Set();
    for (const cluster of clusterArns) {
        const serviceArns = await allPages((nextToken) => listing(`ListServices ${cluster}`, async () => {
            const page = await ecs.listServices(cluster, nextToken);
            return { items: page.serviceArns, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
        }));
        for (let start = 0; start < serviceArns.length; start += DESCRIBE_SERVICES_BATCH) {
            const batch = serviceArns.slice(start, start + DESCRIBE_SERVICES_BATCH);
            const answer = await listing(`DescribeServices ${cluster}`, () => ecs.describeServices(cluster, batch));
            const missing = (answer.failures ?? []).filter((failure) => failure.reason !== 'MISSING');
            if (missing.length > 0) {
                throw new ListingError(`DescribeServices ${cluster}`, new Error(`${missing[0]?.arn ?? '?'}: ${missing[0]?.reason ?? '?'}`));
            }
            for (const service of answer.services ?? []) {
                for (const taskDefinition of taskDefinitionsOf(service))
                    inUse.add((0,aws_names/* familyRevision */.KW)(taskDefinition));
            }
        }
    }
    return inUse;
}
async function allPages(read) {
    const items = [];
    let nextToken;
    do {
        const page = await read(nextToken);
        items.push(...page.items);
        nextToken = page.nextToken;
    } while (nextToken);
    return items;
}
function taskDefinitionsOf(service) {
    return [
        service.taskDefinition,
        ...(service.deployments ?? []).map((deployment) => deployment.taskDefinition),
        ...(service.taskSets ?? []).map((taskSet) => taskSet.taskDefinition),
    ].filter((taskDefinition) => taskDefinition !== undefined);
}

;// CONCATENATED MODULE: ./src/deploy/identical-revision.ts



/** How many of the family's newest ACTIVE revisions are compared; described at once, so the plan waits for one round. */
const REUSE_LOOKBACK = 5;
/**
 * `known`: revisions already described (the latest, the one the service runs), compared first and not described
 * again; only when none is identical are the family's newest listed. The newest identical revision wins.
 */
async function identicalRevision(ecs, rendered, known, mode) {
    const family = rendered.taskDefinition.family;
    if (mode === 'always' || !family)
        return undefined;
    const reusable = (revision) => revision !== undefined && revision.family === family && revision.status === 'ACTIVE' && sameDocument(rendered, revision.document);
    const described = known.filter((revision) => revision !== undefined);
    const newestOf = (revisions) => revisions.filter(reusable).sort((a, b) => b.revision - a.revision)[0];
    // The usual case, a render equal to the latest or to what the service runs, needs no further call.
    const knownMatch = newestOf(described);
    if (knownMatch)
        return knownMatch;
    let others;
    try {
        const page = await ecs.listTaskDefinitions({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxResults: REUSE_LOOKBACK });
        const newest = (page.taskDefinitionArns ?? []).filter((arn) => parseRevision(arn)?.family === family);
        others = await Promise.all(newest.filter((arn) => !described.some((revision) => revision.arn === arn)).map((arn) => (0,deploy_preflight/* findTaskDefinition */.K)(ecs, arn)));
    }
    catch {
        // Older revisions only spare a registration: when they cannot be read, a new revision is registered as before.
        return undefined;
    }
    return newestOf(others.filter((revision) => revision !== undefined));
}

// EXTERNAL MODULE: ./src/deploy/render.ts + 5 modules
var render = __webpack_require__(235);
;// CONCATENATED MODULE: ./src/deploy/plan.ts











async function planDeploy(deps, inputs, reads) {
    const { reporter } = deps;
    const region = reads?.region ?? inputs.region;
    const fileDocument = inputs.taskDefinitionFile ? await readTaskDefinitionFile(deps, inputs.taskDefinitionFile) : undefined;
    const preflight = reads && inputs.service ? await readService(reporter, reads, inputs, region) : undefined;
    const service = preflight?.service;
    const planned = reads && preflight ? await kindPart(deps, inputs, preflight.service, preflight.kind, reads) : {};
    const knownFamily = inputs.taskDefinitionArn ? '' : inputs.family || fileDocument?.taskDefinition.family || '';
    // An Express service may not show its task definition in DescribeServices: its active configuration names it.
    const runningTaskDefinition = service?.taskDefinition ?? planned.express?.described?.activeConfigurations?.[0]?.taskDefinitionArn;
    const { running, latest } = reads ? await describeRevisions(reads.ecs, runningTaskDefinition, knownFamily, !inputs.taskDefinitionArn) : {};
    const finish = (document, source) => preflight?.kind.finishRender?.(document, source) ?? document;
    const common = {
        region,
        cluster: inputs.cluster,
        compared: reads !== undefined,
        ...(inputs.service ? { update: { ...serviceUpdate(inputs, service, preflight?.kind), ...planned } } : {}),
    };
    if (inputs.taskDefinitionArn) {
        const named = reads ? await (0,deploy_preflight/* findTaskDefinition */.K)(reads.ecs, inputs.taskDefinitionArn) : undefined;
        if (reads && !named) {
            throw new errors/* PreflightError */.wG(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist in ${region}; check the family:revision or ARN.`);
        }
        if (named && named.status !== 'ACTIVE') {
            reporter.warn(`${(0,aws_names/* familyRevision */.KW)(named)} is ${named.status}; ECS may refuse to start new tasks from it.`);
        }
        const family = named?.family ?? (0,aws_names/* familyRevision */.KW)(inputs.taskDefinitionArn).split(':')[0] ?? '';
        if (named)
            checkLaunchVolumes(inputs, named.document);
        if (named)
            finish(named.document, 'task-definition-arn');
        const oneOff = runTaskPart(inputs, service, named?.document, reads !== undefined);
        return {
            ...common,
            taskDefinition: {
                kind: 'existing',
                arn: named?.arn ?? inputs.taskDefinitionArn,
                revision: named?.revision ?? 0,
                family,
                ...(named ? { document: named.document } : {}),
            },
            ...(running ? { comparedWith: running } : {}),
            changes: named ? describeChanges(running?.document, named.document) : [],
            ...keepRevisionsOf(inputs, family),
            ...oneOff,
        };
    }
    const base = chooseBase(inputs, fileDocument, latest, running, reads !== undefined);
    reporter.info(`Rendering the task definition from ${base.label}.`);
    const baseRevision = base.source === 'latest-revision' ? latest : base.source === 'service' ? running : undefined;
    if (baseRevision && baseRevision.unmodelledFields.length > 0)
        warnUnmodelledBase(reporter, baseRevision);
    // A trial render checks container names and the other inputs before the image inputs and any registry.
    (0,render/* renderTaskDefinition */.P9)(inputs, base, inputs.image);
    const image = await planImageWork(inputs, region, deps.env);
    if (image)
        await deps.verifyImages?.(image);
    const source = renderSource(base);
    const rendered = finish((0,render/* renderTaskDefinition */.P9)(inputs, base, inputs.image), source);
    warnUnmodelled(deps, rendered);
    const family = rendered.taskDefinition.family ?? (knownFamily || running?.family || '');
    const comparedWith = running ?? latest;
    const reuse = reads ? await identicalRevision(reads.ecs, rendered, [latest, running], inputs.register) : undefined;
    checkLaunchVolumes(inputs, rendered);
    const oneOff = runTaskPart(inputs, service, rendered, reads !== undefined);
    return {
        ...common,
        taskDefinition: {
            kind: 'render',
            base,
            family,
            rendered,
            renderWith: (reference) => finish((0,render/* renderTaskDefinition */.P9)(inputs, base, reference), source),
            register: inputs.register,
            ...(latest ? { latest } : {}),
            ...(reuse ? { reuse } : {}),
            containerName: inputs.containerName,
        },
        ...(comparedWith ? { comparedWith } : {}),
        changes: reads === undefined && !comparedWith ? notComparedLines(rendered) : describeChanges(comparedWith?.document, rendered),
        ...(image ? { image } : {}),
        ...keepRevisionsOf(inputs, family),
        ...oneOff,
    };
}
/**
 * The one-off task, checked against the service read in the preflight and the revision it runs (nothing changed
 * yet when an input is refused). A dry run that read nothing from ECS cannot know where the service runs.
 */
function runTaskPart(inputs, service, document, compared) {
    if (!(0,options/* runTaskRequested */.Pd)(inputs.runTask)) {
        (0,runtask_plan/* planRunTask */.O9)({ options: inputs.runTask, cluster: inputs.cluster, taskDefinition: {} });
        return {};
    }
    if (!compared && (inputs.service || !document)) {
        return { runTaskUnplanned: `not read from ECS (${inputs.service ? `where ${inputs.service} runs` : 'the revision'} is unknown without AWS credentials)` };
    }
    // The document is the JSON ECS exchanges, as toRegisterInput sends it: the SDK's shape with fields kept.
    const taskDefinition = (document?.taskDefinition ?? {});
    const plan = (0,runtask_plan/* planRunTask */.O9)({
        options: inputs.runTask,
        cluster: inputs.cluster,
        service,
        taskDefinition,
        defaultContainer: inputs.containerName || undefined,
    });
    return plan ? { runTask: plan } : {};
}
/** The service as the preflight read it, and the rollout kind that deploys it. */
async function readService(reporter, reads, inputs, region) {
    const read = await (0,deploy_preflight/* preflightService */.B)(reads.ecs, inputs.cluster, inputs.service, region, {
        forceNewDeployment: inputs.forceNewDeployment,
        createExpress: inputs.express.infrastructureRoleArn !== '',
        waitUntilPaused: inputs.waitUntil === 'paused' && inputs.wait,
    });
    const { service } = read;
    if (!service.serviceArn) {
        reporter.info(`Service ${inputs.service} does not exist in ${inputs.cluster}: it is created as an Express service.`);
        return read;
    }
    reporter.info(`Service ${inputs.service} in ${inputs.cluster}: ${service.taskDefinition ? (0,aws_names/* familyRevision */.KW)(service.taskDefinition) : read.kind.name === 'Express' ? 'an Express service' : '?'}, ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running.`);
    return read;
}
function serviceUpdate(inputs, before, kind) {
    return {
        cluster: inputs.cluster,
        service: inputs.service,
        before,
        kind,
        ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
        forceNewDeployment: inputs.forceNewDeployment,
        ...updateServiceExtra(inputs),
        ...(inputs.wait
            ? {
                watch: {
                    timeoutMs: inputs.waitTimeoutMs,
                    pollIntervalMs: inputs.pollIntervalMs,
                    rollback: inputs.rollback,
                    rollbackOnCancel: inputs.rollbackOnCancel,
                    waitForRollback: inputs.waitForRollback,
                    ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
                    waitUntil: inputs.waitUntil,
                    ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
                },
            }
            : {}),
    };
}
/**
 * The CodeDeploy part of the plan for a service CodeDeploy deploys; the CodeDeploy SDK is loaded only then. For
 * any other service, codedeploy-* inputs given are said to be ignored.
 */
/** What the kind plans beyond the update (CodeDeploy's application, group and AppSpec); codedeploy-* inputs no kind used are said to be ignored. */
async function kindPart(deps, inputs, service, kind, reads) {
    const planned = kind.plan ? await kind.plan({ reporter: deps.reporter, reads }, inputs, service) : {};
    if (planned.codeDeploy)
        return planned;
    const given = [
        ...(inputs.codeDeploy.application ? ['codedeploy-application'] : []),
        ...(inputs.codeDeploy.deploymentGroup ? ['codedeploy-deployment-group'] : []),
        ...(inputs.codeDeploy.deploymentConfig ? ['codedeploy-deployment-config'] : []),
        ...(inputs.codeDeploy.description ? ['codedeploy-deployment-description'] : []),
    ];
    if (given.length > 0)
        deps.reporter.warn(`${given.join(', ')}: ignored, as ${inputs.service} is not deployed by CodeDeploy.`);
    return planned;
}
/** The input a rendered task definition came from, for a refusal to name. */
function renderSource(base) {
    if (base.source === 'file')
        return 'task-definition';
    if (base.source === 'latest-revision')
        return 'family';
    return base.source === 'service' ? 'service' : 'container-name';
}
/** The managed EBS volumes given at launch name volumes the deployed revision leaves to launch (nothing changed yet). */
function checkLaunchVolumes(inputs, document) {
    if (inputs.serviceVolume?.name)
        checkLaunchVolume(document.taskDefinition, inputs.serviceVolume.name, 'service-managed-ebs-volume-name');
    for (const volume of inputs.runTask.volumeConfigurations ?? []) {
        if (volume.name)
            checkLaunchVolume(document.taskDefinition, volume.name, 'run-task-managed-ebs-volume-name');
    }
}
function updateServiceExtra(inputs) {
    const extra = {
        ...(inputs.enableEcsManagedTags !== undefined ? { enableECSManagedTags: inputs.enableEcsManagedTags } : {}),
        ...(inputs.propagateTags ? { propagateTags: inputs.propagateTags } : {}),
        ...(inputs.serviceVolume ? { volumeConfigurations: [inputs.serviceVolume] } : {}),
    };
    return Object.keys(extra).length > 0 ? { extra } : {};
}
/** A dry run without credentials read no revision: it says so rather than calling the definition new. */
function notComparedLines(rendered) {
    return [
        `not compared: the revisions of family ${rendered.taskDefinition.family ?? '(none)'} were not read (no AWS credentials)`,
        ...(rendered.taskDefinition.containerDefinitions ?? []).map((container) => `container ${container.name ?? '?'}: image ${container.image ?? '(none)'}`),
    ];
}
function keepRevisionsOf(inputs, family) {
    return inputs.keepRevisions !== undefined && family ? { keepRevisions: { family, keep: inputs.keepRevisions } } : {};
}
function chooseBase(inputs, fileDocument, latest, running, compared) {
    if (fileDocument)
        return { source: 'file', label: inputs.taskDefinitionFile, document: fileDocument };
    if (latest && (inputs.family || !running)) {
        return { source: 'latest-revision', label: `${(0,aws_names/* familyRevision */.KW)(latest)} (latest ACTIVE revision)`, document: latest.document };
    }
    if (running && !inputs.family) {
        return { source: 'service', label: `${(0,aws_names/* familyRevision */.KW)(running)} (what ${inputs.service} runs now)`, document: running.document };
    }
    // Without credentials nothing was read: whether the family has revisions is not known.
    if (!compared)
        return { source: 'inputs', label: 'inputs alone (the family\'s revisions were not read: no AWS credentials)', unread: true };
    return { source: 'inputs', label: 'inputs (new family)' };
}
/**
 * The revision the service runs and the family's latest ACTIVE one, described once each; when they are the
 * same revision one call serves both.
 */
async function describeRevisions(ecs, runningTaskDefinition, knownFamily, needLatest) {
    const latestOfKnown = knownFamily ? await (0,deploy_preflight/* findTaskDefinition */.K)(ecs, knownFamily) : undefined;
    const running = !runningTaskDefinition
        ? undefined
        : latestOfKnown && (0,aws_names/* sameRevision */.Y6)(latestOfKnown.arn, runningTaskDefinition)
            ? latestOfKnown
            : await (0,deploy_preflight/* findTaskDefinition */.K)(ecs, runningTaskDefinition);
    const latest = knownFamily || !needLatest || !running ? latestOfKnown : await (0,deploy_preflight/* findTaskDefinition */.K)(ecs, running.family);
    return { ...(running ? { running } : {}), ...(latest ? { latest } : {}) };
}
async function readTaskDefinitionFile(deps, path) {
    let text;
    try {
        text = deps.readTextFile(path);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        const code = error.code;
        throw new errors/* InputError */.dz(`task-definition: cannot read "${path}" (${code ?? String(error)}); give a path relative to the working directory.`);
    }
    // The YAML library is loaded only for a file that is not plain JSON: most runs read JSON and never need it.
    return (0,parse_file/* parseTaskDefinitionText */.$6)(text, path, (0,parse_file/* needsYaml */.Tf)(text) ? await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19)) : undefined);
}
function warnUnmodelledBase(reporter, revision) {
    const fields = revision.unmodelledFields;
    reporter.warn(`ECS answered ${fields.join(', ')} in ${(0,aws_names/* familyRevision */.KW)(revision)}, which the bundled AWS SDK cannot read or send: a new revision would not have ${fields.length === 1 ? 'it' : 'them'}. Update ecs-deliver, or register that revision with another tool and deploy it with task-definition-arn.`);
}
function warnUnmodelled(deps, rendered) {
    if (!deps.unmodelledFields)
        return;
    const fields = deps.unmodelledFields(rendered.taskDefinition);
    if (fields.length > 0) {
        deps.reporter.warn(`the bundled AWS SDK does not know ${fields.join(', ')}; ${fields.length === 1 ? 'it' : 'they'} will not be sent to ECS. Update ecs-deliver, or remove ${fields.length === 1 ? 'it' : 'them'} from the task definition.`);
    }
}

// EXTERNAL MODULE: ./src/rollout/ecs-update.ts
var ecs_update = __webpack_require__(8664);
;// CONCATENATED MODULE: ./src/deploy/plan-report.ts




async function reportChanges(reporter, plan, changes = plan.changes) {
    await reporter.group(changesTitle(plan), async () => {
        for (const line of changes)
            reporter.info(line);
    });
}
function changesTitle(plan) {
    const against = plan.comparedWith;
    const update = plan.update;
    const runsNow = against !== undefined && update !== undefined && (0,aws_names/* sameRevision */.Y6)(update.before?.taskDefinition, against.arn);
    const changes = against ? `changes against ${(0,aws_names/* familyRevision */.KW)(against)}${runsNow ? ` (what ${update.service} runs now)` : ''}` : '';
    const td = plan.taskDefinition;
    if (td.kind === 'existing') {
        const name = td.revision ? (0,aws_names/* familyRevision */.KW)(td) : (0,aws_names/* familyRevision */.KW)(td.arn);
        return `Deploying ${name} as it is${changes ? `: ${changes}` : ''}`;
    }
    if (!changes && !plan.compared)
        return 'Task definition (not compared with ECS)';
    return changes ? `C${changes.slice(1)}` : 'New task definition';
}
/** The dry run's account of the plan: the task definition, then what each step would do. */
async function reportDryRun(reporter, plan) {
    await reportChanges(reporter, plan);
    const td = plan.taskDefinition;
    const document = td.kind === 'render' ? td.rendered : td.document;
    if (document) {
        reporter.info(`${td.kind === 'render' ? 'Rendered task definition' : `Task definition ${(0,aws_names/* familyRevision */.KW)(td.arn)}`} (environment values redacted):`);
        reporter.info(renderTaskDefinitionJson(document, { redactEnvironment: true }));
    }
    for (const line of planLines(plan))
        reporter.info(line);
}
function planLines(plan) {
    const lines = [];
    if (!plan.compared)
        lines.push('No AWS credentials found: not compared with ECS (set credentials to see the diff against what runs).');
    for (const step of plan.image?.steps ?? [])
        lines.push(`Would ${step}.`);
    const td = plan.taskDefinition;
    let deployed;
    if (td.kind === 'existing') {
        deployed = td.revision ? (0,aws_names/* familyRevision */.KW)(td) : (0,aws_names/* familyRevision */.KW)(td.arn);
        lines.push(`Would deploy ${deployed} as it is; would register nothing.`);
    }
    else if (td.reuse) {
        deployed = (0,aws_names/* familyRevision */.KW)(td.reuse);
        lines.push(`Would reuse ${deployed} (unchanged); would register nothing.`);
    }
    else {
        deployed = `the new revision of ${td.family}`;
        lines.push(`Would register a new revision of ${td.family}${td.latest ? ` (latest is ${td.latest.revision})` : ''}.`);
    }
    if (plan.runTask)
        lines.push(...(0,runtask_plan/* describeRunTaskPlan */.rg)(plan.runTask, deployed));
    if (plan.runTaskUnplanned)
        lines.push(`Would run a one-off task from ${deployed}; its placement is ${plan.runTaskUnplanned}.`);
    const update = plan.update;
    if (update)
        lines.push(...(update.kind ? update.kind.dryRun(update, deployed) : unreadKindLines(update, deployed)));
    if (plan.keepRevisions) {
        const when = update ? (update.watch ? ' once the rollout completes' : '') : ' after registering';
        lines.push(update && !update.watch
            ? `keep-revisions ${plan.keepRevisions.keep}: would not run, as the rollout is not waited for.`
            : `Would keep the newest ${plan.keepRevisions.keep} revisions of ${plan.keepRevisions.family}${when}, deregistering older unused ones.`);
    }
    lines.push('Dry run: nothing was changed.');
    return lines;
}
/** Without credentials the service was not read: its kind of rollout decides what traffic-shifted means. */
function unreadKindLines(update, deployed) {
    const until = update.watch?.waitUntil === 'traffic-shifted';
    return (0,ecs_update/* updateServiceLines */.W)(update, deployed, until ? 'the rollout until production traffic has moved (blue/green, linear, canary; a rolling update: until it completes)' : 'the rollout');
}

// EXTERNAL MODULE: ./src/deploy/result.ts
var result = __webpack_require__(4730);
// EXTERNAL MODULE: ./src/inputs/parse.ts + 7 modules
var parse = __webpack_require__(7179);
// EXTERNAL MODULE: ./src/inputs/schema.ts
var schema = __webpack_require__(2898);
// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
;// CONCATENATED MODULE: ./src/inputs/stdin.ts
async function readStdin(stream = process.stdin) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
}

;// CONCATENATED MODULE: ./src/inputs/unknown-names.ts
// Variables that look meant as inputs but are not read. Only a run checks them, so --version and --help do not
// load this module.


/** Environment variables of ours that are not inputs. */
const KNOWN_VARIABLES = new Set(['ECS_DELIVER_HOST', 'ECS_DELIVER_REQUIRE_SERVERS', 'ECS_DELIVER_PROGRESS_EVERY_MS']);
/**
 * Warnings for variables that look meant as inputs but are not read: a misspelled ECS_DELIVER_* name, or,
 * on a GitHub step, an INPUT_* name GitHub never makes from an input (INPUT_DESIRED_COUNT for desired-count).
 */
function unknownInputNames(env, host) {
    const warnings = [];
    const envNames = (0,sources/* allSpellings */.BT)().map(schema/* envName */.pD);
    for (const key of Object.keys(env).sort()) {
        if (key.startsWith('ECS_DELIVER_')) {
            if (KNOWN_VARIABLES.has(key) || key.endsWith('_STDIN'))
                continue;
            if (envNames.includes(key)) {
                const spec = schema/* INPUTS */.mc.find((input) => [input.name, ...(input.aliases ?? [])].some((spelling) => (0,schema/* envName */.pD)(spelling) === key));
                if (host === 'github-action' && spec && !spec.secret && env[key]?.trim()) {
                    warnings.push(`${key} is ignored on a GitHub action step; set ${spec.name} under with: instead.`);
                }
                continue;
            }
            const meant = (0,sources/* closest */.kp)(key, envNames);
            warnings.push(`${key} is not an input and is ignored${meant ? `; did you mean ${meant}?` : '.'}`);
        }
        else if (host === 'github-action' && key.startsWith('INPUT_')) {
            if ((0,sources/* allSpellings */.BT)().some((spelling) => (0,sources/* githubInputName */.LN)(spelling) === key))
                continue;
            const asInput = key.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-');
            const meant = (0,sources/* closest */.kp)(asInput, schema/* INPUTS */.mc.map((spec) => spec.name));
            warnings.push(`${key} is not an input and is ignored${meant ? `; did you mean ${meant} (${(0,sources/* githubInputName */.LN)(meant)} under with:)?` : '.'}`);
        }
    }
    return warnings;
}

// EXTERNAL MODULE: ./src/session.ts + 1 modules
var src_session = __webpack_require__(9367);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/wiring.ts
// What the run hands the plan and apply steps of each service: file reading, image checks and publishing, the
// watcher, the one-off task, keep-revisions, each service with its own reporter.



/** What the plan reads with: ECS, and CodeDeploy's clients for a service CodeDeploy deploys (made only then). */
function readsOf(session) {
    return {
        ecs: session.ecs,
        region: session.region,
        ...(session.codeDeploy ? { codeDeploy: session.codeDeploy } : {}),
        ...(session.express ? { express: session.express } : {}),
    };
}
async function planDeps(inputs, env, access, reporter, compared) {
    return {
        reporter,
        env: env,
        readTextFile: (path) => (0,parse_file/* readTaskDefinitionFile */.BD)((0,external_node_path_.resolve)(path), path),
        ...(compared ? { unmodelledFields: (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(888)]).then(__webpack_require__.bind(__webpack_require__, 6888))).unmodelledFields } : {}),
        ...(inputs.image || inputs.images.size > 0
            ? {
                verifyImages: async (work) => {
                    const { verifyImageExists } = await Promise.all(/* import() */[__webpack_require__.e(231), __webpack_require__.e(128)]).then(__webpack_require__.bind(__webpack_require__, 9747));
                    for (const job of [...work.others, ...(work.main ? [work.main] : [])])
                        await verifyImageExists(access, job.options, job.plan);
                },
            }
            : {}),
    };
}
async function publishImages(access, work) {
    const { publishImage } = await Promise.all(/* import() */[__webpack_require__.e(231), __webpack_require__.e(128)]).then(__webpack_require__.bind(__webpack_require__, 9747));
    return work.main ? publishImage(access, work.main.options, work.main.plan) : { image: '', pushed: false, pushedNewDigest: false };
}
function applyDeps(wiring) {
    const { session, access, reporter, clock, cancel } = wiring;
    return {
        session,
        reporter,
        clock,
        cancel,
        publishImage: wiring.publishImage ?? (async (work) => publishImages(access, work)),
        ...(wiring.watchClock ? { watchClock: wiring.watchClock } : {}),
        ...(wiring.beforeWatch ? { beforeWatch: wiring.beforeWatch } : {}),
        watch: async (target, options, watcher) => {
            await wiring.beforeWatch?.(options.cancel);
            return watcher({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock: wiring.watchClock ?? clock, reporter }, target, options);
        },
        keepRevisions: (request) => keepRevisions({ ecs: session.ecs, clock, reporter }, request),
        runTask: async (runPlan, taskDefinitionArn, untouched) => {
            // Loaded only when a task runs; the CloudWatch Logs client only once a log stream is known.
            const [{ runTaskStep }, { ecsTaskApi }, { createLogsApi }] = await Promise.all([
                __webpack_require__.e(/* import() */ 588).then(__webpack_require__.bind(__webpack_require__, 5588)),
                __webpack_require__.e(/* import() */ 470).then(__webpack_require__.bind(__webpack_require__, 3470)),
                __webpack_require__.e(/* import() */ 253).then(__webpack_require__.bind(__webpack_require__, 253)),
            ]);
            return runTaskStep(runPlan, taskDefinitionArn, untouched, {
                api: ecsTaskApi(session),
                openLogs: () => createLogsApi(session.options),
                region: session.region,
                clock,
                reporter,
                signal: cancel,
            });
        },
    };
}

// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/aws/taskdef-convert.ts
var taskdef_convert = __webpack_require__(6763);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/deploy/register.ts







function reusableRevision(rendered, latest, mode) {
    if (mode === 'always' || !latest || latest.status !== 'ACTIVE')
        return undefined;
    return sameDocument(rendered, latest.document) ? latest : undefined;
}
async function registerRevision(ecs, rendered, options = {}) {
    const family = rendered.taskDefinition.family ?? '';
    const input = (0,taskdef_convert/* toRegisterInput */.R)(rendered);
    const before = options.latestRevision;
    let lostAnswers = 0;
    const registered = await (0,change/* sendChange */.Xy)({
        action: `RegisterTaskDefinition ${family}`,
        async send(signal) {
            let td;
            try {
                td = (await ecs.registerTaskDefinition(input, signal)).taskDefinition;
            }
            catch (error) {
                if ((0,aws_errors/* changeOutcome */.Ft)(error) === 'doubtful')
                    lostAnswers += 1;
                throw error;
            }
            if (!td?.taskDefinitionArn)
                throw new Error('RegisterTaskDefinition answered without a task definition ARN');
            return { arn: td.taskDefinitionArn, revision: td.revision ?? 0, registered: true, ...(td.registeredBy ? { registeredBy: td.registeredBy } : {}) };
        },
        async readBack() {
            if (before === undefined)
                throw new Error('the latest revision before it was not known');
            const since = await revisionsSince(ecs, rendered, before);
            const applied = since.find((revision) => revision.equal);
            if (!applied)
                return { applied: false, seen: describeSince(family, before, since) };
            options.reporter?.info(`${(0,aws_names/* familyRevision */.KW)(applied.revision)} was registered by that call: using it.`);
            const { arn, revision } = applied.revision;
            return { applied: true, value: { arn, revision, registered: true, ...(applied.registeredBy ? { registeredBy: applied.registeredBy } : {}) } };
        },
        resendIsSafe: false,
        whatToCheck: `whether a new revision of ${family} exists: aws ecs list-task-definitions --family-prefix ${family} --sort DESC`,
    }, { clock: options.clock ?? clock/* systemClock */.m, reporter: options.reporter, cancel: options.cancel });
    if (lostAnswers > 0)
        await removeDuplicates(ecs, rendered, before, registered.arn, registered.registeredBy, options);
    return { arn: registered.arn, revision: registered.revision, registered: true };
}
/** The family's ACTIVE revisions newer than `before`, newest first, each compared with the rendered document. */
async function revisionsSince(ecs, rendered, before) {
    const family = rendered.taskDefinition.family ?? '';
    const newer = (await activeRevisions(ecs, family)).filter((revision) => revision.revision > before);
    const found = [];
    for (const { arn } of newer) {
        const out = await ecs.describeTaskDefinition(arn);
        const revision = (0,taskdef_convert/* fromDescribed */.i)(out);
        const registeredBy = out.taskDefinition?.registeredBy;
        found.push({ revision, equal: sameDocument(rendered, revision.document), ...(registeredBy ? { registeredBy } : {}) });
    }
    return found;
}
function describeSince(family, before, since) {
    const after = before === 0 ? `no revision of ${family}` : `no revision of ${family} newer than ${(0,aws_names/* familyRevision */.KW)({ family, revision: before })}`;
    if (since.length === 0)
        return `${after} is registered`;
    const names = since.map(({ revision }) => (0,aws_names/* familyRevision */.KW)(revision)).join(', ');
    return `${after} equals the rendered one; newer revisions registered meanwhile, by another run or tool: ${names}`;
}
/**
 * A lost answer followed by a retry can leave two equal revisions: the one this run uses stays, the other (registered
 * by the same principal after the revision known before) is deregistered again.
 */
async function removeDuplicates(ecs, rendered, before, kept, keptRegisteredBy, options) {
    if (before === undefined)
        return;
    let since;
    try {
        since = await revisionsSince(ecs, rendered, before);
    }
    catch (error) {
        options.reporter?.warn(`Could not check for a duplicate revision after the lost answer (${(0,aws_errors/* describeError */.Uc)(error)}); see aws ecs list-task-definitions --family-prefix ${rendered.taskDefinition.family ?? ''} --sort DESC.`);
        return;
    }
    const duplicates = since.filter(({ revision, equal, registeredBy }) => equal && (0,aws_names/* familyRevision */.KW)(revision.arn) !== (0,aws_names/* familyRevision */.KW)(kept) && (registeredBy === undefined || keptRegisteredBy === undefined || registeredBy === keptRegisteredBy));
    for (const { revision } of duplicates) {
        const name = (0,aws_names/* familyRevision */.KW)(revision);
        try {
            await ecs.deregisterTaskDefinition(revision.arn);
            options.reporter?.warn(`A lost answer registered ${name} as a duplicate of ${(0,aws_names/* familyRevision */.KW)(kept)}: deregistered ${name}.`);
        }
        catch (error) {
            options.reporter?.warn(`A lost answer registered ${name} as a duplicate of ${(0,aws_names/* familyRevision */.KW)(kept)}; deregistering it failed (${(0,aws_errors/* describeError */.Uc)(error)}): deregister it with aws ecs deregister-task-definition --task-definition ${name}.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/deploy/apply.ts
// Carries out a plan against a real AWS session, step by step: image, register or reuse, the one-off task,
// update the service, watch, keep-revisions. A cancel is looked at between every two steps: no step starts after
// it, except the watch of an update made with rollback-on-cancel, which is where that update is rolled back.







/** `progress` is the caller's to read while apply runs (what a cancel that cannot wait reports). */
async function applyPlan(deps, plan, startedAt, progress = (0,result/* newProgress */.gu)(), part = 'all') {
    try {
        if (part !== 'deploy')
            await prepareRevision(deps, plan, progress);
        if (part === 'prepare')
            return { result: (0,result/* deliveryResult */.qQ)(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
        await deployRevision(deps, plan, progress);
        progress.step = 'done';
        return { result: (0,result/* deliveryResult */.qQ)(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
    }
    catch (caught) {
        const error = (0,src_cancel/* endedBy */.mr)(caught, deps.cancel);
        if (progress.revision?.registered)
            deps.reporter.info(stillRegistered(plan, progress, progress.revision.arn));
        return { result: (0,result/* deliveryResult */.qQ)(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false, error }), error };
    }
}
/**
 * What a revision this run registered is left as, after a failure or cancel. A one-off task that did not succeed
 * (a migration) leaves the service as it was, and nothing here invites deploying that revision.
 */
function stillRegistered(plan, progress, arn) {
    const revision = (0,aws_names/* familyRevision */.KW)(arn);
    if (progress.step !== 'run-task')
        return `${revision} stays registered: deploy it again with task-definition-arn.`;
    const service = plan.update ? `; service ${plan.update.service} was not changed` : '';
    return `${revision} stays registered${service}, as the one-off task did not succeed.`;
}
function stepper(deps, done) {
    return (name) => {
        (0,src_cancel/* throwIfCancelled */.dZ)(deps.cancel);
        done.step = name;
    };
}
async function prepareRevision(deps, plan, done) {
    const step = stepper(deps, done);
    step('image');
    if (plan.image)
        done.image = await deps.publishImage(plan.image);
    step('register');
    done.revision = await registerOrReuse(deps, plan, done);
}
async function deployRevision(deps, plan, done) {
    const { reporter } = deps;
    const step = stepper(deps, done);
    const revision = done.revision;
    if (!revision)
        throw new Error('deployRevision needs the revision prepareRevision registered or reused');
    const update = plan.update;
    if (plan.runTask) {
        step('run-task');
        const { result, error } = await deps.runTask(plan.runTask, revision.arn, update ? `service ${update.service}` : undefined);
        done.runTask = result;
        // The service is updated only after the task succeeded: a failed or cancelled task leaves it as it was.
        if (error)
            throw error;
    }
    if (!update) {
        reporter.info(plan.runTask ? 'No service given: registered and ran the task only.' : 'No service given: registered only.');
        await apply_keepRevisions(deps, plan, done, revision, undefined);
        return;
    }
    const delivered = await update.kind.deliver(deps, { region: plan.region, update, revision, done, step });
    if (delivered.keepRevisions)
        await apply_keepRevisions(deps, plan, done, revision, update.before.taskDefinition);
    else if (plan.keepRevisions && delivered.notRunBecause)
        reporter.info(`keep-revisions: not run, as ${delivered.notRunBecause}.`);
}
async function registerOrReuse(deps, plan, done) {
    const td = plan.taskDefinition;
    if (td.kind === 'existing') {
        await reportChanges(deps.reporter, plan);
        return { arn: td.arn, revision: td.revision, registered: false };
    }
    // A pushed digest under pin-digest changes the image reference: render, compare and decide again.
    const pushed = done.image?.image;
    const rendered = pushed && pushed !== plan.image?.main?.options.image ? td.renderWith(pushed) : td.rendered;
    const reuse = rendered === td.rendered ? td.reuse : reusableRevision(rendered, td.latest, td.register);
    if (rendered !== td.rendered) {
        done.rendered = rendered;
        done.changes = describeChanges(plan.comparedWith?.document, rendered);
    }
    await reportChanges(deps.reporter, plan, done.changes);
    (0,src_cancel/* throwIfCancelled */.dZ)(deps.cancel);
    if (reuse) {
        deps.reporter.info(`Task definition unchanged: reusing ${(0,aws_names/* familyRevision */.KW)(reuse)}, registering nothing.`);
        return { arn: reuse.arn, revision: reuse.revision, registered: false };
    }
    // What a lost answer is read back against: only revisions newer than the family's latest can be this run's.
    const latest = td.latest && td.latest.family === rendered.taskDefinition.family ? td.latest.revision : 0;
    const register = () => registerRevision(deps.session.ecsAfterCancel, rendered, { latestRevision: latest, reporter: deps.reporter, clock: deps.clock, cancel: deps.cancel });
    const { revision, madeFor } = deps.registerOnce ? await deps.registerOnce(rendered, register) : { revision: await register() };
    deps.reporter.info(madeFor ? `Using ${(0,aws_names/* familyRevision */.KW)(revision.arn)}, registered once in this run for ${madeFor} and this service alike.` : `Registered ${(0,aws_names/* familyRevision */.KW)(revision.arn)}.`);
    return revision;
}
/**
 * Only after a register-only run or a rollout this run waited for and saw COMPLETED, and never after a cancel.
 * `rollbackTarget`: the revision the service ran before this run, kept so a later rollback can still reach it.
 */
async function apply_keepRevisions(deps, plan, done, revision, rollbackTarget) {
    if (!plan.keepRevisions)
        return;
    (0,src_cancel/* throwIfCancelled */.dZ)(deps.cancel);
    done.step = 'keep-revisions';
    const { family, keep } = plan.keepRevisions;
    const request = { family, keep, protect: [revision.arn, ...(rollbackTarget ? [rollbackTarget] : [])] };
    if (deps.deferKeepRevisions) {
        deps.deferKeepRevisions(request);
        deps.reporter.info(`keep-revisions: ${family} is tidied once every service of this run that deploys it has ended.`);
        return;
    }
    try {
        done.deregistered = await deps.keepRevisions(request);
        deps.reporter.info(done.deregistered.length > 0
            ? `Deregistered ${done.deregistered.join(', ')}.`
            : `keep-revisions: nothing to deregister beyond the newest ${keep} and the revisions in use.`);
    }
    catch (error) {
        if (deps.cancel.aborted)
            throw error;
        // The deploy itself succeeded; tidying up is not worth failing it for.
        deps.reporter.warn(`keep-revisions: ${(0,errors/* errorMessage */.gJ)(error)}; no revision was deregistered by this step.`);
    }
}

;// CONCATENATED MODULE: ./src/fleet/family-tidying.ts
// keep-revisions in a run of many services: a family that several services deploy is tidied once, after the last
// of them has ended, keeping every revision the run registered and every revision one of them ran before. Tidying
// any earlier could deregister the revision another service of the run is about to deploy.


function familyTidying(users, deps) {
    const left = new Map();
    for (const user of users)
        left.set(user.family, (left.get(user.family) ?? 0) + 1);
    const shared = new Set([...left].filter(([, count]) => count > 1).map(([family]) => family));
    const asks = new Map();
    return {
        shared: (family) => shared.has(family),
        asked: (user, request) => asks.set(user.family, [...(asks.get(user.family) ?? []), { user, request }]),
        ended: async (user) => {
            const count = (left.get(user.family) ?? 1) - 1;
            left.set(user.family, count);
            const asked = asks.get(user.family) ?? [];
            if (count > 0 || asked.length === 0 || deps.cancel.aborted)
                return;
            const family = user.family;
            const members = users.filter((one) => one.family === family);
            const request = {
                family,
                keep: Math.max(...asked.map((one) => one.request.keep)),
                protect: [...new Set([...asked.flatMap((one) => one.request.protect), ...members.flatMap((one) => one.keeps())].map(aws_names/* familyRevision */.KW))],
            };
            try {
                const deregistered = await deps.keepRevisions(request);
                for (const one of asked)
                    one.user.tidied(deregistered);
                deps.reporter.info(deregistered.length > 0
                    ? `keep-revisions ${family}: deregistered ${deregistered.join(', ')}.`
                    : `keep-revisions ${family}: nothing to deregister beyond the newest ${request.keep}, the revisions in use and those this run deployed.`);
            }
            catch (error) {
                deps.reporter.warn(`keep-revisions ${family}: ${(0,errors/* errorMessage */.gJ)(error)}; no revision was deregistered by this step.`);
            }
        },
    };
}

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
var outcome = __webpack_require__(9832);
;// CONCATENATED MODULE: ./src/fleet/registrations.ts

/** `registerOnce(who)` for each service: the first to ask registers; the others with the same document wait for it. */
function sharedRegistrations() {
    const made = new Map();
    return (who) => async (rendered, register) => {
        const key = (0,plain_data/* canonicalJson */.dj)(rendered);
        const earlier = made.get(key);
        if (earlier)
            return { revision: await earlier.registration, madeFor: earlier.who };
        const registration = register();
        made.set(key, { who, registration });
        // A failed registration is not shared: the next service with this document tries for itself.
        registration.catch(() => {
            if (made.get(key)?.registration === registration)
                made.delete(key);
        });
        return { revision: await registration };
    };
}

// EXTERNAL MODULE: ./src/rollout/continue-paused.ts
var continue_paused = __webpack_require__(3743);
// EXTERNAL MODULE: ./src/rollout/express.ts + 4 modules
var express = __webpack_require__(3493);
// EXTERNAL MODULE: ./src/rollout/rolling.ts
var rolling = __webpack_require__(9372);
;// CONCATENATED MODULE: ./src/fleet/rollback-all.ts







/** Statuses after which a service that moved is put back: not one ECS or the watcher already put back, nor one another deploy took over. */
const PUT_BACK = new Set(['COMPLETED', 'SKIPPED', 'FAILED', 'TIMED_OUT', 'UNKNOWN']);
async function rollBackAll(deps, runs, failed) {
    let moved = runs.filter((run) => {
        const target = run.progress.target;
        return target && run.result && PUT_BACK.has(run.result.deploymentStatus) && !(0,aws_names/* sameRevision */.Y6)(target.previous.taskDefinitionArn, target.taskDefinitionArn);
    });
    const cause = `${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
    // A service this run created (an Express service) ran no revision before: there is nothing to put it back on.
    for (const run of moved.filter((item) => item.progress.target?.previous.taskDefinitionArn === '')) {
        run.reporter.warn(`rollback-all: ${run.inputs.service} was created by this run, so there is no revision to put it back on; it stays as it is.`);
    }
    moved = moved.filter((run) => run.progress.target?.previous.taskDefinitionArn !== '');
    if (moved.length === 0) {
        deps.reporter.info(`on-failure rollback-all: ${cause}; no service of this run is left on a new revision.`);
        return;
    }
    deps.reporter.warn(`on-failure rollback-all: ${cause}; putting ${moved.map((run) => run.prefix).join(', ')} back on the revision each ran before.`);
    await Promise.all(moved.map((run) => putBack(deps, run, cause)));
}
async function putBack(deps, run, cause) {
    const target = run.progress.target;
    const before = run.result;
    if (!target || !before || !run.plan?.update)
        return;
    const to = (0,aws_names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
    run.reporter.warn(`rollback-all: ${putBackLine(run, target, to)}`);
    let ended;
    let problem;
    try {
        const plan = withGoAhead(await putBackPlan(deps.ecs, run.plan, run.inputs, target), deps, run);
        const applied = await deps.apply(run, plan, (0,result/* newProgress */.gu)());
        ended = applied.result;
        if (applied.result.deploymentStatus !== 'COMPLETED')
            problem = applied.result.statusMessage ?? applied.result.deploymentStatus;
    }
    catch (error) {
        problem = (0,errors/* errorMessage */.gJ)(error);
    }
    const said = before.statusMessage ? `${before.deploymentStatus}: ${before.statusMessage}` : `${before.deploymentStatus} on ${(0,aws_names/* familyRevision */.KW)(target.taskDefinitionArn)}`;
    run.result = problem
        ? { ...before, deploymentStatus: deps.cancel.aborted ? 'CANCELLED' : 'FAILED', statusMessage: `${said}; rollback-all could not put it back on ${to}: ${problem}`, finishedAt: deps.clock.now() }
        : {
            ...before,
            deploymentStatus: 'ROLLED_BACK',
            statusMessage: `${said}; put back on ${to} by on-failure rollback-all, as ${cause}`,
            rolledBackTo: to,
            finishedAt: ended?.finishedAt ?? deps.clock.now(),
        };
    run.reporter.info(problem ? `rollback-all: ${run.inputs.service} is not back on ${to}: ${problem}` : `rollback-all: ${run.inputs.service} is back on ${to}.`);
}
/**
 * The previous revision deployed as it is: nothing built, registered, run or deregistered, the desired count it
 * had, waited for. Neither rollback nor rollback-on-cancel: a cancel while putting back must not "roll back" to
 * the bad revision.
 */
async function putBackPlan(ecs, plan, inputs, target) {
    const update = plan.update;
    if (!update)
        throw new Error('putBackPlan needs the plan of a service update');
    const previous = target.previous.taskDefinitionArn;
    const { service: now, kind } = await (0,deploy_preflight/* preflightService */.B)(ecs, update.cluster, update.service, plan.region);
    return {
        region: plan.region,
        cluster: plan.cluster,
        compared: true,
        taskDefinition: { kind: 'existing', arn: previous, revision: Number((0,aws_names/* familyRevision */.KW)(previous).split(':')[1] ?? 0), family: plan.taskDefinition.family },
        changes: [],
        update: {
            cluster: update.cluster,
            service: update.service,
            before: now,
            kind,
            desiredCount: target.previous.desiredCount,
            forceNewDeployment: false,
            ...(update.extra ? { extra: update.extra } : {}),
            ...(update.codeDeploy ? { codeDeploy: update.codeDeploy } : {}),
            // An Express service is read again when it is put back (what the run read of it is out of date), and goes
            // back to the configuration the run found.
            ...(update.express ? { express: { inputs: (0,express/* putBackInputs */.OS)(update.express) } } : {}),
            watch: {
                timeoutMs: inputs.waitTimeoutMs,
                pollIntervalMs: inputs.pollIntervalMs,
                rollback: false,
                rollbackOnCancel: false,
                ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
                // Putting back is done once it completed: a paused put-back would leave the service half back.
                waitUntil: inputs.waitUntil === 'paused' ? 'completed' : inputs.waitUntil,
                ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
            },
        },
    };
}
/**
 * The put-back's own service deployment is continued at each PAUSE hook: on-failure rollback-all is the go-ahead,
 * as asking for a rollback is.
 */
function withGoAhead(plan, deps, run) {
    const update = plan.update;
    if (!update?.watch)
        return plan;
    const continuePause = async (paused) => {
        run.reporter.info(`rollback-all: the put-back's service deployment waits at PAUSE hook ${paused.hookId} (${paused.stage}): ContinueServiceDeployment, action CONTINUE`);
        await (0,continue_paused/* continueAtHook */.Y)({ ecs: deps.ecs, clock: deps.clock, cancel: deps.cancel }, paused, run.inputs.pollIntervalMs);
    };
    return { ...plan, update: { ...update, watch: { ...update.watch, continuePause } } };
}
/**
 * A blue/green, linear, canary or CodeDeploy deployment that completed cannot be undone: going back is a new
 * deployment of the previous revision, with its own stages or lifecycle events.
 */
function putBackLine(run, target, to) {
    const back = {
        service: run.inputs.service,
        deployed: (0,aws_names/* familyRevision */.KW)(target.taskDefinitionArn),
        completed: run.result?.deploymentStatus === 'COMPLETED',
        to,
        ...(target.strategy ? { strategy: target.strategy } : {}),
    };
    return (run.plan?.update?.kind ?? rolling/* rolling */.I).putBack(back);
}

;// CONCATENATED MODULE: ./src/fleet/shared-tick.ts
function sharedTickClock(clock, periodMs, origin = clock.now()) {
    return {
        now: () => clock.now(),
        sleep: (ms, signal) => {
            const now = clock.now();
            return clock.sleep(nextTick(now, now + ms, origin, periodMs) - now, signal);
        },
    };
}
/** The tick a sleep from `now` until `wanted` ends on; never one already past. */
function nextTick(now, wanted, origin, periodMs) {
    const tick = origin + Math.ceil((wanted - periodMs / 4 - origin) / periodMs) * periodMs;
    return tick < now ? tick + periodMs : tick;
}

;// CONCATENATED MODULE: ./src/fleet/apply-all.ts










async function applyAll(ctx, { session, access }) {
    const { state, clock, options, reporter } = ctx;
    const runs = state.runs;
    // A run of one service polls at its own pace; the watchers of many wake together.
    const watchClock = state.many ? sharedTickClock(clock, ctx.pollIntervalMs) : clock;
    const images = publishDistinctImages(ctx, access);
    const registerOnce = sharedRegistrations();
    const users = new Map(runs.filter((run) => run.plan).map((run) => [run, familyUser(run)]));
    const tidying = familyTidying([...users.values()], {
        keepRevisions: (request) => keepRevisions({ ecs: session.ecs, clock, reporter }, request),
        reporter,
        cancel: ctx.cancel,
    });
    // Written from the callbacks below, so kept in an object the compiler does not narrow.
    const failure = {};
    const holdBack = () => (options.onFailure !== 'continue' ? failure.first : undefined);
    const apply = async (run, part, plan, progress, startedAt) => {
        const user = users.get(run);
        const deps = {
            ...applyDeps({
                session,
                access: { ...access, reporter: run.reporter },
                reporter: run.reporter,
                clock,
                watchClock,
                // The first poll falls on the tick too, so every poll of the run is joined with the others.
                ...(state.many ? { beforeWatch: (cancel) => watchClock.sleep(0, cancel) } : {}),
                cancel: ctx.cancel,
                publishImage: async (work) => images.get(imageKey(work)) ?? publishImages({ ...access, reporter: run.reporter }, work),
            }),
            registerOnce: (rendered, register) => {
                // A service whose image was still being built when another failed registers nothing.
                const failed = holdBack();
                if (failed)
                    throw new HeldBack(failed);
                return registerOnce(run.prefix)(rendered, register);
            },
            ...(user && tidying.shared(user.family) ? { deferKeepRevisions: (request) => tidying.asked(user, request) } : {}),
        };
        return applyPlan(deps, plan, startedAt, progress, part);
    };
    const deployLimit = limiter(options.maxParallel ?? Math.max(1, runs.length));
    if (options.maxParallel !== undefined && options.maxParallel < runs.length) {
        reporter.info(`Deploying ${options.maxParallel} services at a time (max-parallel), ${runs.length} in all.`);
    }
    const deliver = async (run, plan) => {
        run.startedAt = clock.now();
        for (const part of ['prepare', 'deploy']) {
            // on-failure stop and rollback-all: no service is updated after another failed.
            const failed = holdBack();
            if (failed) {
                run.result = heldBack(run, plan, failed, options.onFailure, clock.now());
                return;
            }
            const applied = await apply(run, part, plan, run.progress, run.startedAt);
            if (applied.error instanceof HeldBack) {
                run.result = heldBack(run, plan, applied.error.failed, options.onFailure, clock.now());
                return;
            }
            run.result = applied.result;
            if (applied.error !== undefined)
                run.error = applied.error;
            if (applied.error !== undefined || (part === 'deploy' && !(0,outcome/* endedWell */.Jr)(applied.result))) {
                failure.first ??= run;
                return;
            }
        }
    };
    await Promise.all(runs.map((run) => deployLimit(async () => {
        const plan = run.plan;
        if (!plan)
            return;
        try {
            await deliver(run, plan);
        }
        finally {
            const user = users.get(run);
            if (user)
                await tidying.ended(user);
        }
    })));
    if (options.onFailure === 'rollback-all' && failure.first && !ctx.cancel.aborted) {
        const deps = { ecs: session.ecs, reporter, cancel: ctx.cancel, clock };
        await rollBackAll({ ...deps, apply: (run, plan, progress) => apply(run, 'all', plan, progress, clock.now()) }, runs, failure.first);
    }
}
/** Ends a service's steps before they change anything, as another service of the run failed first. */
class HeldBack extends Error {
    failed;
    constructor(failed) {
        super(`held back after ${failed.prefix} failed`);
        this.failed = failed;
    }
}
/** A service as its family's tidying sees it. */
function familyUser(run) {
    const plan = run.plan;
    return {
        family: plan?.taskDefinition.family ?? '',
        keeps: () => [run.progress.revision?.arn, plan?.update?.before.taskDefinition].filter((arn) => arn !== undefined),
        tidied: (deregistered) => {
            run.progress.deregistered = [...deregistered];
            if (run.result)
                run.result = { ...run.result, deregistered: [...deregistered] };
        },
    };
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
        if (!images.has(key)) {
            const image = limit(() => publishImages({ ...access, reporter: run.reporter }, work));
            // Awaited by the services that use it; one whose turn never comes (a cancel, on-failure) must not leave it unhandled.
            image.catch(() => undefined);
            images.set(key, image);
        }
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

// EXTERNAL MODULE: ./src/fleet/entries.ts + 2 modules
var entries = __webpack_require__(8116);
// EXTERNAL MODULE: ./src/fleet/state.ts
var fleet_state = __webpack_require__(3733);
;// CONCATENATED MODULE: ./src/fleet/run.ts
// One run, of one service or of a services-file's many: read the inputs and the services, plan every service
// (nothing changes when one cannot be deployed), then apply the plans (apply-all.ts), or print them in a dry run.
// A run of one service is a services-file of one entry without the prefixes, the joined reads and the table.





















/** Services planned at once: enough to be quick, few enough not to be throttled. */
const PLAN_PARALLEL = 4;
const DEFAULT_MAX_LISTENERS = 10;
/** A call in flight (its retry wait and its request), a watcher's sleep or poll, and room for a rollback's calls. */
const LISTENERS_PER_SERVICE = 6;
/** Runs to the end; answers what stopped the run before its first change (bad input, a failed preflight), if anything. */
async function deliver(ctx) {
    const { state, cancel, reporter, env } = ctx;
    let sessions;
    try {
        const raw = await readRawInputs(ctx);
        const usual = (0,parse/* parseInputs */.TL)(raw);
        state.inputs = usual;
        if (usual.services.file) {
            state.many = true;
            state.runs = await (0,entries/* readEntries */.$2)(usual.services.file, raw, reporter, state.startedAt);
            // Every service's calls and waits in flight listen to the run's cancel: a few listeners per service is the
            // run's width, not a leak.
            (0,external_node_events_.setMaxListeners)(Math.max(DEFAULT_MAX_LISTENERS, LISTENERS_PER_SERVICE * state.runs.length), cancel);
        }
        else {
            (0,check_inputs/* checkServicesFileOnlyInputs */.q)(raw);
            state.runs = [(0,entries/* singleService */.cH)(raw, usual, reporter, state.startedAt)];
            (0,check_inputs/* checkInputCombination */.a)(usual);
        }
        if (usual.dryRun) {
            await dryRun(ctx);
            return {};
        }
        const opened = await (0,src_session/* openSession */.f)(usual, env, reporter, cancel);
        state.region = opened.region;
        const session = state.many ? joinedReads(opened) : opened;
        const access = imageAccess(opened, reporter, cancel, env);
        await planAll(ctx, { ...readsOf(session), access });
        sessions = { session, access };
    }
    catch (caught) {
        return { error: (0,src_cancel/* endedBy */.mr)(caught, cancel) };
    }
    await applyAll({ ...ctx, options: state.inputs.services, pollIntervalMs: state.inputs.pollIntervalMs }, sessions);
    if (state.many)
        reportTable(ctx);
    return {};
}
/** The raw inputs, with every secret among them masked before anything can print it. */
async function readRawInputs({ invocation, env, reporter }) {
    for (const warning of unknownInputNames(env, invocation.host))
        reporter.warn(warning);
    const raw = (0,sources/* rawInputReader */.a8)(invocation, env, await readStdinInputs(invocation));
    for (const spec of schema/* INPUTS */.mc.filter((input) => input.secret)) {
        const value = raw(spec.name);
        if (value.trim())
            reporter.mask(value.trim());
    }
    return raw;
}
async function readStdinInputs(invocation) {
    const values = new Map();
    if (invocation.stdinInputs.length === 0)
        return values;
    const [name] = invocation.stdinInputs;
    if (invocation.stdinInputs.length > 1 || !name) {
        throw new errors/* InputError */.dz(`only one --<name>-stdin flag can read standard input; got ${invocation.stdinInputs.map((n) => `--${n}-stdin`).join(', ')}.`);
    }
    values.set(name, (await readStdin()).replace(/\r?\n$/, ''));
    return values;
}
/**
 * Plans every service; when any cannot be deployed, nothing is changed. A services-file names each entry's
 * problem; a run of one service ends with its error as it is.
 */
async function planAll(ctx, reads) {
    const { state, cancel, env } = ctx;
    const limit = limiter(PLAN_PARALLEL);
    const problems = [];
    let other;
    const planOne = async (run) => {
        const access = reads ? { ...reads.access, reporter: run.reporter } : imageAccess(undefined, run.reporter, cancel, env);
        const deps = await planDeps(run.inputs, env, access, run.reporter, reads !== undefined);
        run.plan = (await planDeploy(deps, run.inputs, reads));
    };
    await Promise.all(state.runs.map((run) => limit(async () => {
        if (cancel.aborted)
            return;
        try {
            await planOne(run);
        }
        catch (error) {
            if (state.many && (error instanceof errors/* InputError */.dz || error instanceof errors/* PreflightError */.wG))
                problems.push(`${run.where}: ${error.message}`);
            else
                other ??= error;
        }
    })));
    (0,src_cancel/* throwIfCancelled */.dZ)(cancel);
    if (other !== undefined)
        throw other;
    if (problems.length > 0)
        throw (0,entries/* wrongEntries */.Iy)(ctx.reporter, problems, state.runs.length, errors/* PreflightError */.wG);
}
async function dryRun(ctx) {
    const { state, clock, env, reporter, cancel } = ctx;
    state.dryRun = true;
    const inputs = state.inputs;
    if (!inputs)
        return;
    const opened = await (0,src_session/* openDryRunSession */.z)(inputs, env, reporter, cancel);
    if (opened)
        state.region = opened.region;
    const session = opened && state.many ? joinedReads(opened) : opened;
    const access = imageAccess(opened, reporter, cancel, env);
    await planAll(ctx, session ? { ...readsOf(session), access } : undefined);
    for (const run of state.runs) {
        if (!run.plan)
            continue;
        await reportDryRun(run.reporter, run.plan);
        run.result = (0,result/* deliveryResult */.qQ)(run.plan, (0,result/* newProgress */.gu)(), { startedAt: state.startedAt, finishedAt: clock.now(), dryRun: true });
    }
    if (state.many)
        reportTable(ctx);
}
/** The session with every DescribeServices and DescribeServiceDeployments batched, each cluster described once. */
function joinedReads(session) {
    return { ...session, ecs: describedOncePerCluster(batchingEcsApi(session.ecs)) };
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
function reportTable({ state, reporter, clock }) {
    reporter.info('');
    for (const line of (0,outcome/* outcomeTable */.Lh)((0,fleet_state/* resultsSoFar */.eO)(state, clock.now())))
        reporter.info(line);
}


/***/ }),

/***/ 3733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H_: () => (/* binding */ rollsBackOnCancel),
/* harmony export */   PG: () => (/* binding */ newRunState),
/* harmony export */   eO: () => (/* binding */ resultsSoFar)
/* harmony export */ });
/* harmony import */ var _deploy_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4730);

function newRunState(startedAt) {
    return { startedAt, many: false, runs: [], dryRun: false };
}
/** Every service's result as far as the run got; services that ended have theirs, the others what they did. */
function resultsSoFar(state, now, error) {
    return state.runs.map((run) => {
        if (run.result)
            return run.result;
        if (!run.plan) {
            const region = state.region ?? run.inputs.region;
            return (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_0__/* .notStartedResult */ .SZ)({ ...(region ? { region } : {}), cluster: run.inputs.cluster, service: run.inputs.service, image: run.inputs.image }, error, {
                startedAt: run.startedAt,
                finishedAt: now,
            });
        }
        return (0,_deploy_result_js__WEBPACK_IMPORTED_MODULE_0__/* .deliveryResult */ .qQ)(run.plan, run.progress, { startedAt: run.startedAt, finishedAt: now, dryRun: state.dryRun, ...(error !== undefined ? { error } : {}) });
    });
}
/**
 * Whether a cancel now starts a rollback somewhere, which the cancel backstop must give time to: a service whose
 * update or watch is under way with rollback-on-cancel, or a CodeDeploy service (its cancel stops with rollback).
 */
function rollsBackOnCancel(runs) {
    return runs.some((run) => {
        const update = run.plan?.update;
        const step = run.progress.step;
        return (step === 'update' || step === 'watch') && update?.kind?.undoesOnCancel(update) === true;
    });
}


/***/ }),

/***/ 7179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TL: () => (/* binding */ parseInputs)
});

// UNUSED EXPORTS: parseBoolean, parseInteger

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/inputs/duration.ts

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** "90s", "15m", "1h" or "1h30m", in milliseconds. */
function parseDuration(name, given) {
    const text = given.trim().toLowerCase();
    // A bare number was seconds once; inputs moved over from `wait-for-minutes` meant minutes. Neither is guessed.
    if (/^\d+(\.\d+)?$/.test(text)) {
        throw new errors/* InputError */.dz(`${name}: "${given.trim()}" has no unit; write ${text}s or ${text}m.`);
    }
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    const consumed = parts.map((part) => part[0]).join('');
    if (parts.length === 0 || consumed !== text) {
        throw new errors/* InputError */.dz(`${name}: "${given}" is not a duration; write it like 90s, 15m or 1h.`);
    }
    return Math.round(parts.reduce((total, part) => total + Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 1000), 0));
}


// EXTERNAL MODULE: ./src/taskdef/validate.ts
var validate = __webpack_require__(8516);
;// CONCATENATED MODULE: ./src/inputs/ecs-limits.ts
// The forms and limits ECS documents for the values inputs carry, checked before any AWS call.


const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[\w.\-/]+$/;
const PARAMETER_NAME = /^\/?[\w.-]+(\/[\w.-]+)*$/;
function checkFamily(name, family) {
    if (family !== '' && !validate/* FAMILY */.Ju.test(family)) {
        throw new errors/* InputError */.dz(`${name}: "${family}" is not a task definition family; use up to 255 letters, digits, hyphens and underscores.`);
    }
}
/** A role's ARN, or its name alone (ECS completes it with the account). */
function checkRole(name, role) {
    if (role !== '' && !ROLE_ARN.test(role) && !ROLE_NAME.test(role)) {
        throw new errors/* InputError */.dz(`${name}: "${role}" is neither an IAM role ARN (arn:aws:iam::123456789012:role/name) nor a role name.`);
    }
}
/** A Secrets Manager secret's ARN or name. */
function checkRepositoryCredentials(name, secret) {
    if (secret !== '' && !SECRET_ARN.test(secret) && !(SECRET_NAME.test(secret) && !secret.startsWith('arn:'))) {
        throw new errors/* InputError */.dz(`${name}: "${secret}" is neither a Secrets Manager secret ARN (arn:aws:secretsmanager:region:account:secret:name) nor a secret name.`);
    }
}
/** valueFrom of a container secret: a Secrets Manager or SSM ARN, or the name of an SSM parameter in the region. */
function checkSecretSources(name, secrets) {
    for (const edit of secrets) {
        if (edit.op !== 'set')
            continue;
        const source = edit.value.trim();
        if (source === '') {
            throw new errors/* InputError */.dz(`${name}: ${edit.key} has an empty valueFrom; write ${edit.key}=<Secrets Manager or SSM parameter ARN, or a parameter name>.`);
        }
        const valid = source.startsWith('arn:')
            ? SECRET_ARN.test(source) || secretArnWithKey(source) || SSM_ARN.test(source)
            : PARAMETER_NAME.test(source) && source.length <= 2048;
        if (!valid) {
            throw new errors/* InputError */.dz(`${name}: the valueFrom of ${edit.key} is neither a Secrets Manager or SSM parameter ARN nor a parameter name.`);
        }
    }
}
/** Secrets Manager ARNs may end with :json-key:version-stage:version-id. */
function secretArnWithKey(source) {
    return /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+(:[^:]*){1,3}$/.test(source);
}
function checkCompatibilities(name, given) {
    const unknown = given.find((value) => !validate/* COMPATIBILITIES */.rO.includes(value));
    if (unknown !== undefined) {
        throw new errors/* InputError */.dz(`${name}: "${unknown}" is not a launch type ECS knows; use ${validate/* COMPATIBILITIES */.rO.join(', ')}.`);
    }
}
function checkTags(name, tags) {
    (0,validate/* checkTagLimits */.RA)(name, tags);
}

// EXTERNAL MODULE: ./src/taskdef/fargate-sizes.ts
var fargate_sizes = __webpack_require__(4765);
;// CONCATENATED MODULE: ./src/inputs/kv-lines.ts
// Multi-line inputs of KEY=VALUE lines (environment, secrets, tags, images, build-args).
// Only the first '=' splits, so values may hold '=' (URLs, base64); a value is kept exactly as written,
// an empty one included. Error messages name the line, never its text: a broken line may hold a secret.

/** Lines of `KEY=VALUE` that set KEY, and `-KEY` that removes it. The last line for a key wins. */
function parseKeyValueLines(text, inputName) {
    const edits = new Map();
    for (const line of meaningfulLines(text)) {
        const edit = parseEditLine(line, inputName);
        edits.set(edit.key, edit);
    }
    return [...edits.values()];
}
/**
 * Lines of `key=value` where every line sets a pair (no removal). The last line for a key wins, unless `unique`:
 * then a key set twice is refused, for inputs where neither line is clearly the one meant.
 */
function parsePairLines(text, inputName, options = {}) {
    const pairs = new Map();
    for (const line of meaningfulLines(text)) {
        const { key, value } = splitPair(line, inputName, 'key=value');
        if (options.unique && pairs.has(key))
            throw lineError(inputName, line, `sets "${key}" a second time: keep one of the two lines`);
        pairs.set(key, value);
    }
    return [...pairs].map(([key, value]) => ({ key, value }));
}
function parseTagLines(text, inputName) {
    const tags = parsePairLines(text, inputName);
    const reserved = tags.find((tag) => tag.key.toLowerCase().startsWith('aws:'));
    if (reserved) {
        throw new errors/* InputError */.dz(`${inputName}: the tag key "${reserved.key}" starts with "aws:", which AWS reserves: choose another key`);
    }
    return tags;
}
/** Lines of `container=image`; the image is trimmed, since an image reference never holds spaces. */
function parseImageLines(text, inputName) {
    const images = new Map();
    for (const line of meaningfulLines(text)) {
        const { key, value } = splitPair(line, inputName, 'container=image');
        const image = value.trim();
        if (image === '')
            throw lineError(inputName, line, `the image for container "${key}" is empty: write container=image`);
        images.set(key, image);
    }
    return images;
}
function meaningfulLines(text) {
    return text
        .split('\n')
        .map((raw, index) => ({ number: index + 1, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw }))
        .filter((line) => {
        const start = line.text.trimStart();
        return start !== '' && !start.startsWith('#');
    });
}
function parseEditLine(line, inputName) {
    const equals = line.text.indexOf('=');
    const start = line.text.trimStart();
    if (start.startsWith('-')) {
        if (equals !== -1) {
            throw lineError(inputName, line, "a line starting with '-' removes a key and takes no '=': write -KEY alone to remove KEY, or KEY=VALUE to set it");
        }
        const key = start.slice(1).trim();
        if (key === '')
            throw lineError(inputName, line, "'-' needs a key after it: write -KEY to remove KEY");
        return { op: 'remove', key };
    }
    const { key, value } = splitPair(line, inputName, 'KEY=VALUE', ' (or -KEY to remove KEY)');
    return { op: 'set', key, value };
}
function splitPair(line, inputName, form, alternative = '') {
    const equals = line.text.indexOf('=');
    if (equals === -1)
        throw lineError(inputName, line, `expected ${form}${alternative}, found no '='`);
    const key = line.text.slice(0, equals).trim();
    if (key === '')
        throw lineError(inputName, line, `the key before '=' is empty: write ${form}`);
    return { key, value: line.text.slice(equals + 1) };
}
function lineError(inputName, line, problem) {
    return new errors/* InputError */.dz(`${inputName}, line ${line.number}: ${problem}`);
}

;// CONCATENATED MODULE: ./src/inputs/managed-ebs.ts


const SERVICE_FIELDS = {
    roleArn: 'string',
    encrypted: 'boolean',
    kmsKeyId: 'string',
    volumeType: 'string',
    sizeInGiB: 'number',
    snapshotId: 'string',
    volumeInitializationRate: 'number',
    iops: 'number',
    throughput: 'number',
    tagSpecifications: 'tagSpecifications',
    filesystemType: 'string',
};
const TASK_FIELDS = { ...SERVICE_FIELDS, terminationPolicy: 'terminationPolicy' };
const FILESYSTEM_TYPES = ['ext3', 'ext4', 'xfs', 'ntfs'];
/**
 * The sizes in GiB ECS creates for each volume type (gp3 when volumeType is not set). io2 is given the larger
 * bound EC2 documents for it, so a size one reading of the documentation allows is never refused here.
 */
const SIZE_GIB = {
    gp2: [1, 16_384],
    gp3: [1, 16_384],
    io1: [4, 16_384],
    io2: [4, 65_536],
    st1: [125, 16_384],
    sc1: [125, 16_384],
    standard: [1, 1_024],
};
const DEFAULT_VOLUME_TYPE = 'gp3';
const SERVICE_EBS_INPUTS = { name: 'service-managed-ebs-volume-name', volume: 'service-managed-ebs-volume' };
const RUN_TASK_EBS_INPUTS = { name: 'run-task-managed-ebs-volume-name', volume: 'run-task-managed-ebs-volume' };
function parseServiceManagedEbs(name, json) {
    return parseManagedEbs(name, json, SERVICE_EBS_INPUTS, SERVICE_FIELDS);
}
function parseTaskManagedEbs(name, json) {
    return parseManagedEbs(name, json, RUN_TASK_EBS_INPUTS, TASK_FIELDS);
}
/** undefined when neither input is given; one without the other is refused, as is a volume ECS would refuse. */
function parseManagedEbs(name, json, inputs, fields) {
    const volumeName = name.trim();
    const text = json.trim();
    if (volumeName === '' && text === '')
        return undefined;
    if (volumeName === '' || text === '') {
        const [given, missing] = volumeName === '' ? [inputs.volume, inputs.name] : [inputs.name, inputs.volume];
        throw new errors/* InputError */.dz(`${inputs.name} and ${inputs.volume} go together: ${given} is set but ${missing} is not; set both (the volume's name in the task definition and its JSON configuration) or neither.`);
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.dz(`${inputs.volume}: is not JSON: write an object such as {"roleArn":"arn:aws:iam::123456789012:role/ecs-infrastructure","sizeInGiB":20}`);
    }
    if (!isRecord(value))
        throw new errors/* InputError */.dz(`${inputs.volume}: expected a JSON object, such as {"roleArn":"...","sizeInGiB":20}`);
    const unknown = Object.keys(value).filter((key) => !Object.hasOwn(fields, key));
    if (unknown.length > 0) {
        throw new errors/* InputError */.dz(`${inputs.volume}: unknown field ${unknown.join(', ')}: use ${Object.keys(fields).join(', ')}`);
    }
    const roleArn = value['roleArn'];
    if (typeof roleArn !== 'string' || roleArn.trim() === '') {
        throw new errors/* InputError */.dz(`${inputs.volume}: needs "roleArn", the ECS infrastructure role that creates and attaches the volume (ECS requires it for a managed EBS volume)`);
    }
    if (!roleArn.startsWith('arn:')) {
        throw new errors/* InputError */.dz(`${inputs.volume}: roleArn "${roleArn}" is not a role ARN; write arn:aws:iam::123456789012:role/name`);
    }
    checkRole(`${inputs.volume}: roleArn`, roleArn);
    for (const [field, kind] of Object.entries(fields)) {
        if (value[field] !== undefined)
            checkField(value[field], kind, `${inputs.volume}: ${field}`);
    }
    const filesystem = value['filesystemType'];
    if (typeof filesystem === 'string' && !FILESYSTEM_TYPES.includes(filesystem)) {
        throw new errors/* InputError */.dz(`${inputs.volume}: filesystemType "${filesystem}" is not one of ${FILESYSTEM_TYPES.join(', ')}`);
    }
    checkSize(value, inputs.volume);
    return { name: volumeName, managedEBSVolume: { ...value } };
}
function checkSize(value, input) {
    const type = value['volumeType'] ?? DEFAULT_VOLUME_TYPE;
    const range = typeof type === 'string' && Object.hasOwn(SIZE_GIB, type) ? SIZE_GIB[type] : undefined;
    if (!range) {
        throw new errors/* InputError */.dz(`${input}: volumeType "${String(type)}" is not one ECS creates; use ${Object.keys(SIZE_GIB).join(', ')}`);
    }
    const size = value['sizeInGiB'];
    if (typeof size === 'number' && (size < range[0] || size > range[1])) {
        throw new errors/* InputError */.dz(`${input}: sizeInGiB ${size} is outside what ECS creates for ${String(type)} volumes; use ${range[0]} to ${range[1]}`);
    }
}
function checkField(value, kind, what) {
    switch (kind) {
        case 'boolean':
            if (typeof value !== 'boolean')
                throw new errors/* InputError */.dz(`${what} must be true or false (a JSON boolean)`);
            return;
        case 'number':
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
                throw new errors/* InputError */.dz(`${what} must be a whole number`);
            return;
        case 'string':
            if (typeof value !== 'string')
                throw new errors/* InputError */.dz(`${what} must be a string`);
            return;
        case 'terminationPolicy':
            if (!isRecord(value) || typeof value['deleteOnTermination'] !== 'boolean' || Object.keys(value).length !== 1) {
                throw new errors/* InputError */.dz(`${what} must be {"deleteOnTermination": true or false}`);
            }
            return;
        case 'tagSpecifications':
            checkTagSpecifications(value, what);
            return;
    }
}
function checkTagSpecifications(value, what) {
    if (!Array.isArray(value))
        throw new errors/* InputError */.dz(`${what} must be an array of {resourceType, tags, propagateTags}`);
    for (const [at, spec] of value.entries()) {
        const where = `${what}[${at}]`;
        if (!isRecord(spec))
            throw new errors/* InputError */.dz(`${where} must be an object`);
        const unknown = Object.keys(spec).filter((key) => !['resourceType', 'tags', 'propagateTags'].includes(key));
        if (unknown.length > 0)
            throw new errors/* InputError */.dz(`${where}: unknown field ${unknown.join(', ')}: use resourceType, tags, propagateTags`);
        if (spec['resourceType'] !== 'volume')
            throw new errors/* InputError */.dz(`${where}.resourceType must be "volume"`);
        const propagate = spec['propagateTags'];
        if (propagate !== undefined && !['SERVICE', 'TASK_DEFINITION', 'NONE'].includes(String(propagate))) {
            throw new errors/* InputError */.dz(`${where}.propagateTags must be SERVICE, TASK_DEFINITION or NONE`);
        }
        const tags = spec['tags'];
        if (tags === undefined)
            continue;
        if (!Array.isArray(tags) || !tags.every((tag) => isRecord(tag) && typeof tag['key'] === 'string' && typeof tag['value'] === 'string')) {
            throw new errors/* InputError */.dz(`${where}.tags must be an array of {"key": "...", "value": "..."}`);
        }
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/inputs/migrated-forms.ts
// Forms of values that teams bring from aws-actions' render and deploy actions: environment files in S3, and
// tags written as the JSON array their run-task-tags takes.


/** An S3 object ARN (no region or account in S3 ARNs): bucket name rules as S3 documents them, a key ending in .env. */
const S3_ENV_FILE = /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.*\S.*\.env$/;
/** The log drivers ECS takes in a container's logConfiguration. */
const LOG_DRIVERS = ['awslogs', 'awsfirelens', 'splunk', 'fluentd', 'gelf', 'json-file', 'journald', 'syslog', 'logentries'];
function checkLogDriver(name, driver) {
    if (driver !== '' && !LOG_DRIVERS.includes(driver)) {
        throw new errors/* InputError */.dz(`${name}: "${driver}" is not a log driver ECS takes; use one of ${LOG_DRIVERS.join(', ')}`);
    }
}
/** ECS reads environment files only from S3 objects whose names end in .env. */
function checkEnvFiles(name, files) {
    for (const file of files) {
        if (S3_ENV_FILE.test(file))
            continue;
        const why = !file.startsWith('arn:') || !/^arn:aws[a-z-]*:s3:::/.test(file)
            ? 'is not an S3 object ARN'
            : !file.endsWith('.env')
                ? 'does not end in .env, which ECS requires of an environment file'
                : 'is not an S3 object ARN of a valid bucket and key';
        throw new errors/* InputError */.dz(`${name}: "${file}" ${why}; write arn:aws:s3:::bucket/path/name.env`);
    }
}
/** key=value lines, or the JSON array of {"key", "value"} objects aws-actions' run-task-tags takes. */
function parseTagInput(text, name) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('['))
        return parseTagLines(text, name);
    let value;
    try {
        value = JSON.parse(trimmed);
    }
    catch {
        throw new errors/* InputError */.dz(`${name}: starts with '[' but is not JSON: write [{"key":"team","value":"web"}] or key=value lines`);
    }
    if (!Array.isArray(value))
        throw new errors/* InputError */.dz(`${name}: expected a JSON array of {"key", "value"} objects`);
    const tags = value.map((element, at) => {
        if (typeof element !== 'object' || element === null || Array.isArray(element))
            throw new errors/* InputError */.dz(`${name}: element ${at} is not an object`);
        const { key, value: tagValue, ...rest } = element;
        if (Object.keys(rest).length > 0)
            throw new errors/* InputError */.dz(`${name}: element ${at}: unknown field ${Object.keys(rest).join(', ')}: use key and value`);
        if (typeof key !== 'string' || key.trim() === '')
            throw new errors/* InputError */.dz(`${name}: element ${at} needs a "key" string`);
        if (typeof tagValue !== 'string' && tagValue !== undefined)
            throw new errors/* InputError */.dz(`${name}: element ${at}: "value" must be a string`);
        if (key.toLowerCase().startsWith('aws:')) {
            throw new errors/* InputError */.dz(`${name}: the tag key "${key}" starts with "aws:", which AWS reserves: choose another key`);
        }
        return { key, value: tagValue ?? '' };
    });
    // The last one for a key wins, as with lines.
    return [...new Map(tags.map((tag) => [tag.key, tag])).values()];
}
function checkMigratedCombination(inputs) {
    if (inputs.taskDefinitionArn) {
        const named = [
            ...(inputs.logDriver ? ['log-configuration-log-driver'] : []),
            ...(inputs.logOptions.length > 0 ? ['log-configuration-options'] : []),
            ...(inputs.dockerLabels.length > 0 ? ['docker-labels'] : []),
            ...(inputs.envFiles.length > 0 ? ['env-files'] : []),
        ];
        if (named.length > 0) {
            throw new errors/* InputError */.dz(`task-definition-arn deploys an existing revision as it is, so ${named.join(', ')} would be ignored; remove them, or use family or task-definition to render a new revision.`);
        }
    }
    if (!inputs.service) {
        const named = [
            ...(inputs.enableEcsManagedTags !== undefined && !inputs.runsTask ? ['enable-ecs-managed-tags'] : []),
            ...(inputs.propagateTags ? ['propagate-tags'] : []),
            ...(inputs.serviceVolume !== undefined ? ['service-managed-ebs-volume'] : []),
        ];
        const first = named[0];
        if (first !== undefined) {
            throw new errors/* InputError */.dz(`${named.join(', ')} ${named.length === 1 ? 'changes' : 'change'} the service, so ${first} needs service; set service or remove ${named.length === 1 ? 'it' : 'them'}.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/inputs/express.ts
// The inputs only an Express Mode service takes: what CreateExpressGatewayService and UpdateExpressGatewayService
// carry beyond the task definition (infrastructure role, health check path, network, scaling target, service tags).



const express_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SUBNET = /^subnet-[0-9a-z]{1,64}$/;
const SECURITY_GROUP = /^sg-[0-9a-z]{1,64}$/;
const TARGET_VALUE = /^\d+(\.\d+)?$/;
function expressInputs(read) {
    const infrastructureRoleArn = read.value('express-infrastructure-role-arn');
    if (infrastructureRoleArn !== '' && !express_ROLE_ARN.test(infrastructureRoleArn)) {
        throw new errors/* InputError */.dz(`express-infrastructure-role-arn: "${infrastructureRoleArn}" is not an IAM role ARN; write it like arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices.`);
    }
    const healthCheckPath = read.value('health-check-path');
    if (healthCheckPath !== '' && (!healthCheckPath.startsWith('/') || /\s/.test(healthCheckPath))) {
        throw new errors/* InputError */.dz(`health-check-path: "${healthCheckPath}" must start with / and hold no spaces, such as /health.`);
    }
    const serviceTags = parseTagInput(read.text('service-tags'), 'service-tags');
    checkTags('service-tags', serviceTags);
    const mutateTagsOnUpdate = read.bool('mutate-tags-on-update');
    if (mutateTagsOnUpdate && serviceTags.length === 0) {
        throw new errors/* InputError */.dz("mutate-tags-on-update: true without service-tags would remove every tag of the service; set service-tags to the tags it should have, or leave mutate-tags-on-update out.");
    }
    return {
        infrastructureRoleArn,
        healthCheckPath,
        scalingTarget: scalingTargetOf(read),
        subnets: idList(read, 'subnets', SUBNET, 'subnet-0123456789abcdef0'),
        securityGroups: idList(read, 'security-groups', SECURITY_GROUP, 'sg-0123456789abcdef0'),
        serviceTags,
        mutateTagsOnUpdate,
    };
}
function scalingTargetOf(read) {
    const minTaskCount = read.int('min-task-count');
    const maxTaskCount = read.int('max-task-count');
    const metric = read.choice('auto-scaling-metric');
    const targetText = read.value('auto-scaling-target-value');
    if (targetText !== '' && (!TARGET_VALUE.test(targetText) || Number(targetText) <= 0)) {
        throw new errors/* InputError */.dz(`auto-scaling-target-value: "${targetText}" is not a number above zero; write it like 70 or 12.5.`);
    }
    if (minTaskCount !== undefined && maxTaskCount !== undefined && minTaskCount > maxTaskCount) {
        throw new errors/* InputError */.dz(`min-task-count: ${minTaskCount} is more than max-task-count (${maxTaskCount}); make it at most ${maxTaskCount}.`);
    }
    const target = {
        ...(minTaskCount === undefined ? {} : { minTaskCount }),
        ...(maxTaskCount === undefined ? {} : { maxTaskCount }),
        ...(metric === '' ? {} : { autoScalingMetric: metric }),
        ...(targetText === '' ? {} : { autoScalingTargetValue: Number(targetText) }),
    };
    return Object.keys(target).length === 0 ? undefined : target;
}
function idList(read, name, pattern, example) {
    const ids = read.lines(name);
    const wrong = ids.find((id) => !pattern.test(id));
    if (wrong !== undefined)
        throw new errors/* InputError */.dz(`${name}: "${wrong}" is not an ID such as ${example}; write IDs one a line or comma-separated.`);
    return [...new Set(ids)];
}

// EXTERNAL MODULE: ./src/inputs/schema.ts
var schema = __webpack_require__(2898);
;// CONCATENATED MODULE: ./src/inputs/shell-words.ts
// The `command` input: a JSON array of strings, or one line split into words the way a POSIX shell does,
// without expanding anything. ECS runs the words as they are, with no shell in between, so an unquoted
// shell operator (a pipe, `&&`, a redirect) is refused rather than passed on as a word.
// Messages give positions, never the text: a command line may hold a secret.

function parseCommand(text, inputName) {
    const trimmed = text.trim();
    if (trimmed.startsWith('['))
        return parseJsonCommand(trimmed, inputName);
    return splitShellWords(text, inputName);
}
function parseJsonCommand(text, inputName) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.dz(`${inputName}: starts with '[' but is not a JSON array: write a JSON array of strings such as ["npm", "start"], or a command line`);
    }
    if (!Array.isArray(value))
        throw new errors/* InputError */.dz(`${inputName}: expected a JSON array of strings`);
    const words = [];
    for (const [index, word] of value.entries()) {
        if (typeof word !== 'string') {
            throw new errors/* InputError */.dz(`${inputName}: element ${index} of the JSON array is not a string: quote it`);
        }
        words.push(word);
    }
    return words;
}
const BLANKS = new Set([' ', '\t', '\n', '\r']);
const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
/** Inside double quotes a backslash escapes only these; before anything else it stays a backslash. */
const ESCAPABLE_IN_DOUBLE_QUOTES = new Set(['$', '`', '"', '\\']);
function splitShellWords(text, inputName) {
    const words = [];
    let word;
    let at = 0;
    while (at < text.length) {
        const char = text.charAt(at);
        if (BLANKS.has(char)) {
            if (word !== undefined)
                words.push(word);
            word = undefined;
            at += 1;
        }
        else if (char === '#' && word === undefined) {
            const end = text.indexOf('\n', at);
            at = end === -1 ? text.length : end;
        }
        else if (char === '\\') {
            if (at + 1 >= text.length)
                throw new errors/* InputError */.dz(`${inputName}: ends with a lone backslash: remove it or write \\\\`);
            const next = text.charAt(at + 1);
            if (next !== '\n')
                word = (word ?? '') + next;
            at += 2;
        }
        else if (char === "'") {
            const end = text.indexOf("'", at + 1);
            if (end === -1)
                throw unterminated(inputName, 'single', at);
            word = (word ?? '') + text.slice(at + 1, end);
            at = end + 1;
        }
        else if (char === '"') {
            const quoted = readDoubleQuoted(text, at, inputName);
            word = (word ?? '') + quoted.value;
            at = quoted.next;
        }
        else if (OPERATORS.has(char)) {
            throw new errors/* InputError */.dz(`${inputName}: '${char}' at character ${at + 1} is a shell operator, but the command does not run in a shell: quote it, or run a shell yourself, such as sh -c '...'`);
        }
        else {
            word = (word ?? '') + char;
            at += 1;
        }
    }
    if (word !== undefined)
        words.push(word);
    return words;
}
function readDoubleQuoted(text, open, inputName) {
    let value = '';
    let at = open + 1;
    while (at < text.length) {
        const char = text.charAt(at);
        if (char === '"')
            return { value, next: at + 1 };
        if (char === '\\' && at + 1 < text.length) {
            const next = text.charAt(at + 1);
            if (next === '\n') {
                at += 2;
                continue;
            }
            if (ESCAPABLE_IN_DOUBLE_QUOTES.has(next)) {
                value += next;
                at += 2;
                continue;
            }
        }
        value += char;
        at += 1;
    }
    throw unterminated(inputName, 'double', open);
}
function unterminated(inputName, kind, at) {
    return new errors/* InputError */.dz(`${inputName}: the ${kind} quote at character ${at + 1} is never closed: close it, or escape it with a backslash`);
}

// EXTERNAL MODULE: ./src/runtask/options.ts
var options = __webpack_require__(3898);
;// CONCATENATED MODULE: ./src/inputs/parse.ts











function parseInputs(raw) {
    const read = inputReader(raw);
    const waiting = waitingInputs(read);
    const service = serviceInputs(read);
    const image = imageInputs(read, raw, service.service);
    const taskDefinition = taskDefinitionInputs(read);
    const runTask = runTaskInputs(read, service.enableEcsManagedTags);
    const inputs = {
        ...image,
        ...registryInputs(read, raw),
        ...taskDefinition,
        ...service,
        ...waiting,
        ...awsInputs(read, raw),
        dryRun: read.bool('dry-run'),
        runTask,
        codeDeploy: {
            appspec: read.value('codedeploy-appspec'),
            application: read.value('codedeploy-application'),
            deploymentGroup: read.value('codedeploy-deployment-group'),
            description: read.value('codedeploy-deployment-description'),
            deploymentConfig: read.value('codedeploy-deployment-config'),
        },
        services: servicesInputs(read),
        express: expressInputs(read),
    };
    checkMigratedCombination({ ...inputs, runsTask: (0,options/* runTaskRequested */.Pd)(runTask) });
    return inputs;
}
/** The typed readers, and the two rules several groups share. */
function inputReader(raw) {
    const reader = specReader(raw);
    const waitForMinutes = reader.int('wait-for-minutes');
    return {
        ...reader,
        /** aws-actions' wait-for-minutes bounds both waits where our own duration input holds its default. */
        minutesOr(name, ms) {
            if (waitForMinutes === undefined)
                return ms;
            if (reader.value(name) !== specFor(name).default) {
                throw new errors/* InputError */.dz(`wait-for-minutes and ${name} both set how long to wait; keep ${name} (such as ${waitForMinutes}m) and remove wait-for-minutes.`);
            }
            return waitForMinutes * 60_000;
        },
        /** A value that, when given at all, must not be empty: an unset CI variable is not "leave it out". */
        notBlankWhenGiven(name) {
            const given = reader.value(name);
            if (given === '' && raw.given?.(name)) {
                throw new errors/* InputError */.dz(`${name}: given but empty (an unset variable?); set it, or leave ${name} out.`);
            }
            return given;
        },
    };
}
/** Waiting, and the blue/green, linear and canary waits (staged). */
function waitingInputs(read) {
    const waitTimeoutMs = read.minutesOr('wait-timeout', read.duration('wait-timeout'));
    const pollIntervalMs = read.duration('poll-interval');
    if (waitTimeoutMs < pollIntervalMs) {
        throw new errors/* InputError */.dz(`wait-timeout: ${(0,duration/* formatDuration */.a)(waitTimeoutMs)} is shorter than poll-interval (${(0,duration/* formatDuration */.a)(pollIntervalMs)}); make it longer.`);
    }
    return {
        wait: read.bool('wait'),
        waitTimeoutMs,
        pollIntervalMs,
        maxFailedTasks: read.int('max-failed-tasks'),
        rollback: read.bool('rollback'),
        rollbackOnCancel: read.bool('rollback-on-cancel'),
        waitForRollback: read.bool('wait-for-rollback'),
        waitTimeoutSet: read.value('wait-timeout') !== specFor('wait-timeout').default || read.int('wait-for-minutes') !== undefined,
        waitUntil: read.choice('wait-until'),
        pauseTimeoutMs: read.value('pause-timeout') === '' ? undefined : read.duration('pause-timeout'),
    };
}
function serviceInputs(read) {
    return {
        cluster: read.value('cluster'),
        service: read.value('service'),
        desiredCount: read.int('desired-count'),
        forceNewDeployment: read.bool('force-new-deployment'),
        enableEcsManagedTags: read.optionalBool('enable-ecs-managed-tags'),
        propagateTags: read.choice('propagate-tags'),
        serviceVolume: parseServiceManagedEbs(read.value('service-managed-ebs-volume-name'), read.text('service-managed-ebs-volume')),
    };
}
function imageInputs(read, raw, service) {
    const image = read.value('image');
    const images = parseImageLines(read.text('images'), 'images');
    // Only blanks are never a default: a host that cannot tell what was given (a GitHub step) still sees them.
    const imageGiven = raw.given?.('image') === true || raw('image') !== '';
    if (image === '' && images.size === 0 && service !== '' && imageGiven) {
        throw new errors/* InputError */.dz('image: given but empty (an unset variable?); set it to the image to deploy, or leave image out to redeploy the current one.');
    }
    return {
        image,
        images,
        buildContext: read.value('build-context'),
        dockerfile: read.value('dockerfile'),
        buildArgs: parsePairLines(read.text('build-args'), 'build-args').map(({ key, value }) => [key, value]),
        target: read.value('target'),
        platform: read.value('platform'),
        sourceImage: read.value('source-image'),
        push: read.optionalBool('push'),
        pinDigest: read.bool('pin-digest'),
        verifyImage: read.choice('verify-image'),
        dockerCommand: read.value('docker-command'),
    };
}
function registryInputs(read, raw) {
    const repositoryCredentials = read.notBlankWhenGiven('repository-credentials');
    checkRepositoryCredentials('repository-credentials', repositoryCredentials);
    return {
        registryAuth: read.choice('registry-auth'),
        registryUsername: read.value('registry-username'),
        registryPassword: raw('registry-password'),
        repositoryCredentials,
        createRepository: read.bool('create-repository'),
    };
}
function taskDefinitionInputs(read) {
    const family = read.value('family');
    checkFamily('family', family);
    const executionRoleArn = read.notBlankWhenGiven('execution-role-arn');
    const taskRoleArn = read.notBlankWhenGiven('task-role-arn');
    checkRole('execution-role-arn', executionRoleArn);
    checkRole('task-role-arn', taskRoleArn);
    const secrets = parseKeyValueLines(linesNotJson(read.text('secrets'), 'secrets', 'NAME=valueFrom'), 'secrets');
    checkSecretSources('secrets', secrets);
    const requiresCompatibilities = read.lines('requires-compatibilities').map((c) => c.toUpperCase());
    checkCompatibilities('requires-compatibilities', requiresCompatibilities);
    const taskCpu = read.value('task-cpu');
    const taskMemory = read.value('task-memory');
    (0,fargate_sizes/* checkTaskSize */.$0)({ ...(taskCpu ? { cpu: taskCpu } : {}), ...(taskMemory ? { memory: taskMemory } : {}) }, 
    // Only when the inputs give the whole size: a size partly from a file is checked on the rendered document.
    requiresCompatibilities.includes('FARGATE') && taskCpu !== '' && taskMemory !== '', { cpu: 'task-cpu', memory: 'task-memory' });
    const tagsText = read.text('tags');
    if (tagsText.trim().startsWith('[')) {
        throw new errors/* InputError */.dz("tags: tags the task definition and takes key=value lines; for an Express service's own tags (the JSON array aws-actions/amazon-ecs-deploy-express-service calls tags), use service-tags.");
    }
    const tags = parseTagLines(tagsText, 'tags');
    checkTags('tags', tags);
    const logDriver = read.value('log-configuration-log-driver');
    checkLogDriver('log-configuration-log-driver', logDriver);
    const envFiles = read.lines('env-files');
    checkEnvFiles('env-files', envFiles);
    const commandText = read.text('command');
    return {
        taskDefinitionFile: read.value('task-definition'),
        taskDefinitionArn: read.value('task-definition-arn'),
        family,
        containerName: read.value('container-name'),
        memory: read.int('memory'),
        cpu: read.int('cpu'),
        containerPort: read.int('container-port'),
        hostPort: read.int('host-port'),
        protocol: read.choice('protocol') || undefined,
        networkMode: read.choice('network-mode'),
        requiresCompatibilities,
        taskCpu,
        taskMemory,
        environment: parseKeyValueLines(linesNotJson(read.text('environment'), 'environment', 'KEY=VALUE'), 'environment'),
        environmentMode: read.choice('environment-mode'),
        secrets,
        secretsMode: read.choice('secrets-mode'),
        command: commandText.trim() === '' ? undefined : parseCommand(commandText, 'command'),
        executionRoleArn,
        taskRoleArn,
        tags,
        logDriver,
        logOptions: parsePairLines(read.text('log-configuration-options'), 'log-configuration-options'),
        dockerLabels: parsePairLines(read.text('docker-labels'), 'docker-labels', { unique: true }),
        envFiles,
        register: read.choice('register'),
        keepRevisions: read.int('keep-revisions'),
    };
}
/** The JSON arrays aws-actions' Express action takes for environment-variables and secrets are refused with the fix. */
function linesNotJson(text, name, form) {
    if (text.trim().startsWith('[')) {
        throw new errors/* InputError */.dz(`${name}: a JSON array is the form of aws-actions/amazon-ecs-deploy-express-service; write one ${form} line per entry instead (the README's migration section shows how).`);
    }
    return text;
}
/** `enableEcsManagedTags`: aws-actions' enable-ecs-managed-tags applies to their one-off task too, unless overridden. */
function runTaskInputs(read, enableEcsManagedTags) {
    const tags = parseTagInput(read.text('run-task-tags'), 'run-task-tags');
    checkTags('run-task-tags', tags);
    const runTask = (0,options/* runTaskOptionsFrom */.tx)({
        runTask: read.bool('run-task'),
        command: read.text('run-task-command'),
        containerOverrides: read.text('run-task-container-overrides'),
        container: read.value('run-task-container'),
        subnets: read.lines('run-task-subnets'),
        securityGroups: read.lines('run-task-security-groups'),
        // Checked by runTaskOptionsFrom, which also takes aws-actions' lower-case spellings.
        assignPublicIp: read.value('run-task-assign-public-ip'),
        launchType: read.value('run-task-launch-type'),
        capacityProviderStrategy: read.text('run-task-capacity-provider-strategy'),
        startedBy: read.value('run-task-started-by'),
        tags,
        propagateTags: read.value('run-task-propagate-tags'),
        enableEcsManagedTags: read.optionalBool('run-task-enable-ecs-managed-tags'),
        managedEbsVolume: parseTaskManagedEbs(read.value('run-task-managed-ebs-volume-name'), read.text('run-task-managed-ebs-volume')),
        wait: read.bool('run-task-wait'),
        timeoutMs: read.minutesOr('run-task-timeout', read.duration('run-task-timeout')),
    }, parseCommand);
    if (runTask.enableEcsManagedTags === undefined && enableEcsManagedTags !== undefined && (0,options/* runTaskRequested */.Pd)(runTask)) {
        runTask.enableEcsManagedTags = enableEcsManagedTags;
    }
    return runTask;
}
function servicesInputs(read) {
    return {
        file: read.value('services-file'),
        maxParallel: read.int('max-parallel'),
        // Never unset: the schema gives it a default.
        maxParallelBuilds: read.int('max-parallel-builds') ?? 1,
        onFailure: read.choice('on-failure'),
    };
}
function awsInputs(read, raw) {
    return {
        region: read.value('region'),
        roleArn: read.value('role-arn'),
        webIdentityToken: raw('web-identity-token').trim(),
    };
}
/** Readers for each input type; what a value may be (type, options, min, max, default) comes from its spec. */
function specReader(raw) {
    const value = (name) => {
        const given = raw(name).trim();
        return given === '' ? specFor(name).default : given;
    };
    const typed = (name, type) => {
        const spec = specFor(name);
        if (spec.type !== type)
            throw new Error(`input ${name} is a ${spec.type} in the schema, read as a ${type}`);
        return spec;
    };
    return {
        value,
        /** Kept as written (multi-line inputs): only an all-blank value means "not set". */
        text: (name) => {
            const given = raw(name);
            return given.trim() === '' ? specFor(name).default : given;
        },
        bool: (name) => parseBoolean(typed(name, 'boolean').name, value(name)),
        optionalBool: (name) => {
            const given = value(typed(name, 'boolean').name);
            return given === '' ? undefined : parseBoolean(name, given);
        },
        int: (name) => {
            const spec = typed(name, 'number');
            return parseInteger(name, value(name), spec.min ?? 0, spec.max ?? Number.MAX_SAFE_INTEGER);
        },
        choice: (name) => {
            const spec = typed(name, 'choice');
            const given = value(name);
            const options = spec.options ?? [];
            if (!options.includes(given)) {
                throw new errors/* InputError */.dz(`${name}: "${given}" is not one of ${options.filter(Boolean).join(', ')}; set it to one of them.`);
            }
            return given;
        },
        duration: (name) => {
            const spec = typed(name, 'duration');
            const ms = parseDuration(name, value(name));
            const min = spec.min ?? 1;
            if (ms < min) {
                throw new errors/* InputError */.dz(min <= 1
                    ? `${name}: must be above zero; write it like 90s, 15m or 1h.`
                    : `${name}: must be at least ${(0,duration/* formatDuration */.a)(min)}${name === 'poll-interval' ? '; ECS throttles faster polling' : ''}.`);
            }
            const max = spec.max ?? LONGEST_TIMER_MS;
            if (ms > max) {
                throw new errors/* InputError */.dz(max === LONGEST_TIMER_MS
                    ? `${name}: ${(0,duration/* formatDuration */.a)(ms)} is longer than a run can wait (about 24 days); write a shorter duration, such as 2h.`
                    : `${name}: must be at most ${(0,duration/* formatDuration */.a)(max)}; write a shorter duration.`);
            }
            return ms;
        },
        lines: (name) => (raw(name).trim() === '' ? specFor(name).default : raw(name))
            .split(/\r?\n|,/)
            .map((line) => line.trim())
            .filter(Boolean),
    };
}
/** The longest delay a Node.js timer takes; a longer one fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
function specFor(name) {
    const spec = schema/* INPUTS */.mc.find((input) => input.name === name);
    if (!spec)
        throw new Error(`no input named ${name} in the schema`);
    return spec;
}
const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);
function parseBoolean(name, given) {
    const lower = given.toLowerCase();
    if (TRUE.has(lower))
        return true;
    if (FALSE.has(lower))
        return false;
    throw new errors/* InputError */.dz(`${name}: "${given}" is not a boolean; use true or false.`);
}
function parseInteger(name, given, min, max = Number.MAX_SAFE_INTEGER) {
    if (given === '')
        return undefined;
    if (!/^\d+$/.test(given) || Number(given) < min || Number(given) > max) {
        throw new errors/* InputError */.dz(`${name}: "${given}" is not a whole number from ${min} to ${max}; write digits only, such as ${Math.max(min, 1) * 2}.`);
    }
    return Number(given);
}


/***/ }),

/***/ 1751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export echoForms */
// Every line a host prints passes through here, so a secret registered once never reaches a log,
// even when it comes back inside another tool's error message, in whatever encoding that tool used.
class Redactor {
    secrets = new Set();
    add(secret) {
        const value = secret.trim();
        if (value.length < 4)
            return;
        for (const form of echoForms(value))
            this.secrets.add(form);
    }
    redact(text) {
        let out = text;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(secret).join('***');
        }
        return out;
    }
    /**
     * Every text inside a value (a run's result) redacted, so what is rendered from it (the job summary) cannot
     * carry a secret in an escaped form that only the rendering made.
     */
    redactValue(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.redactValue(item));
        if (value instanceof Error)
            return Object.assign(Object.create(Object.getPrototypeOf(value)), value, { message: this.redact(value.message) });
        if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactValue(item)]));
        }
        return value;
    }
}
/** Shorter pieces of a longer base64 text match ordinary words too often to be replaced. */
const SHORTEST_EMBEDDED_BASE64 = 8;
/**
 * The forms a secret takes when echoed: as is; base64 (also inside a longer base64 text, such as `user:password`);
 * URL- and form-encoded, as a signed request or an HTTP client quotes it; JSON-escaped, once or inside JSON text;
 * and escaped for markdown, as the job summary writes it.
 */
function echoForms(secret) {
    const json = JSON.stringify(secret).slice(1, -1);
    const url = encodeURIComponent(secret);
    const form = new URLSearchParams({ v: secret }).toString().slice(2);
    const forms = [
        secret,
        ...base64Forms(secret),
        url,
        lowerHex(url),
        form,
        lowerHex(form),
        json,
        JSON.stringify(json).slice(1, -1),
    ];
    return [...new Set([...forms, ...forms.flatMap(markdownForms)])];
}
/** As the job summary escapes text: prose, and table cells. */
function markdownForms(text) {
    return [text.replace(/([\\`*_[\]<>|])/g, '\\$1'), text.replace(/\|/g, '\\|')];
}
function base64Forms(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const whole = bytes.toString('base64');
    const forms = [whole, whole.replace(/=+$/, ''), bytes.toString('base64url')];
    // Inside a longer text the secret starts at one of three byte offsets; only the characters made of its bytes alone
    // are the same whatever comes before and after.
    for (const offset of [0, 1, 2]) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const start = Math.ceil((offset * 8) / 6);
        const end = Math.floor(((offset + bytes.length) * 8) / 6);
        const piece = encoded.slice(start, end);
        if (piece.length >= SHORTEST_EMBEDDED_BASE64)
            forms.push(piece, piece.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    return forms;
}
function lowerHex(encoded) {
    return encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}


/***/ }),

/***/ 3743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ continueAtHook),
/* harmony export */   n: () => (/* binding */ continuePausedDeployment)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6429);
/* harmony import */ var _watch_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8263);
/* harmony import */ var _operate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7677);
/* harmony import */ var _paused_deployment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5959);




/** Reads after the continue until ECS no longer shows the hook awaiting action, so the watch does not stop at it. */
const HOOK_LEFT_READS = 10;
async function continuePausedDeployment(deps, request, kindName, watch) {
    const { session, reporter, clock, cancel } = deps;
    const { inputs, service, given } = request;
    const paused = await (0,_paused_deployment_js__WEBPACK_IMPORTED_MODULE_0__/* .findPaused */ .Yz)(session.ecs, service, given);
    reporter.info(`Continuing service deployment ${paused.serviceDeploymentArn} at ${paused.stage}: ContinueServiceDeployment hook ${paused.hookId}, action CONTINUE (${kindName})`);
    await continueAtHook({ ecs: session.ecs, clock, cancel }, paused, inputs.pollIntervalMs);
    const target = await continuedTarget(session.ecs, inputs.cluster, inputs.service, session.region, paused);
    const outcome = await watch({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock, reporter }, target, (0,_operate_js__WEBPACK_IMPORTED_MODULE_1__/* .continuedWatch */ .n)(inputs, cancel));
    if (outcome.status !== 'CANCELLED' || !cancel.aborted || inputs.rollbackOnCancel)
        return { target, outcome };
    // The deployment this run let go on goes on without it: say so, and how to undo it.
    const leftRunning = `service deployment ${paused.serviceDeploymentArn} of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_2__/* .familyRevision */ .KW)(target.taskDefinitionArn)} goes on in ECS, no longer followed; ecs-deliver rollback puts ${inputs.service} back`;
    reporter.warn(leftRunning);
    return { target, outcome: { ...outcome, message: `${outcome.message}; ${leftRunning}` } };
}
/**
 * ContinueServiceDeployment(CONTINUE) at the hook, sent through sendChange (a lost answer is read back, never sent
 * twice), then read until ECS no longer shows the hook awaiting action, so a watch does not stop at it again.
 */
async function continueAtHook(on, paused, pollIntervalMs) {
    await on.ecs.continueServiceDeployment(paused.serviceDeploymentArn, paused.hookId, 'CONTINUE');
    await hookLeft(on, paused, pollIntervalMs);
}
/** ECS may still show the hook awaiting action in the first answers after the continue. */
async function hookLeft({ ecs, clock, cancel }, paused, pollIntervalMs) {
    for (let read = 0; read < HOOK_LEFT_READS && !cancel.aborted; read++) {
        const answer = await ecs.describeServiceDeployments([paused.serviceDeploymentArn]);
        const hook = answer.serviceDeployments?.[0]?.lifecycleHookDetails?.find((detail) => detail.hookId === paused.hookId);
        if (hook?.status !== 'AWAITING_ACTION')
            return;
        await clock.sleep(Math.min(pollIntervalMs, 1_000), cancel);
    }
}
/** What the watcher follows: the paused deployment's revision, and the one a rollback goes back to. */
async function continuedTarget(ecs, cluster, name, region, paused) {
    const service = (await ecs.describeServices(cluster, [name])).services?.[0];
    const deployments = service?.deployments ?? [];
    const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
    const previous = deployments.find((deployment) => deployment.status === 'ACTIVE') ?? primary;
    return {
        cluster,
        service: name,
        region,
        taskDefinitionArn: primary?.taskDefinition ?? service?.taskDefinition ?? '',
        ...(primary?.id ? { deploymentId: primary.id } : {}),
        serviceDeploymentArn: paused.serviceDeploymentArn,
        deploymentIdsBefore: deployments.flatMap((deployment) => (deployment !== primary && deployment.id ? [deployment.id] : [])),
        eventKeysBefore: (service?.events ?? []).map(_watch_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .eventKey */ .Mk),
        previous: { taskDefinitionArn: previous?.taskDefinition ?? '', desiredCount: previous?.desiredCount ?? service?.desiredCount ?? 0 },
        ...(service?.deploymentConfiguration?.strategy ? { strategy: service.deploymentConfiguration.strategy } : {}),
    };
}


/***/ }),

/***/ 8664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ deliverByUpdateService),
/* harmony export */   W: () => (/* binding */ updateServiceLines)
/* harmony export */ });
/* harmony import */ var _aws_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1149);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(833);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6429);
/* harmony import */ var _runtask_describe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7635);
/* harmony import */ var _watch_start_deployment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _watch_undo_cancelled_update_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4209);







async function deliverByUpdateService(deps, delivery, kind) {
    const { reporter } = deps;
    const { update, revision, done } = delivery;
    delivery.step('update');
    const force = update.forceNewDeployment || (!revision.registered && Boolean(done.image?.pushedNewDigest));
    if (force && !update.forceNewDeployment) {
        reporter.info(`The push gave ${done.image?.image ?? ''} a new digest under a tag ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(revision.arn)} already names: forcing a new deployment.`);
    }
    if (!force && !revision.registered && (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .sameRevision */ .Y6)(update.before.taskDefinition, revision.arn)) {
        reporter.info(`${update.service} already runs ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(revision.arn)}: ECS starts no new tasks. If a tag it names now points at new content pushed elsewhere, set force-new-deployment (or deploy by digest with pin-digest).`);
    }
    reporter.info(`Updating service ${update.service} to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(revision.arn)}${update.desiredCount !== undefined ? `, desired count ${update.desiredCount}` : ''}${force ? ', forcing a new deployment' : ''}.`);
    // The update goes on calls a cancel does not abort: a cancel waits a few seconds for its answer (longer with
    // rollback-on-cancel, which must know what to undo), then reads the service back once.
    const rollbackOnCancel = update.watch?.rollbackOnCancel === true;
    let target;
    try {
        target = await (0,_watch_start_deployment_js__WEBPACK_IMPORTED_MODULE_4__/* .startDeployment */ .i)(deps.session.ecsAfterCancel, update.before, {
            cluster: update.cluster,
            region: delivery.region,
            taskDefinitionArn: revision.arn,
            forceNewDeployment: force,
            ...(update.desiredCount !== undefined ? { desiredCount: update.desiredCount } : {}),
            ...(update.extra ? { extra: update.extra } : {}),
        }, { reporter, clock: deps.clock, cancel: deps.cancel, ...(rollbackOnCancel ? { cancelWaitMs: _aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .CANCEL_ANSWER_WAIT_ROLLBACK_MS */ .a4 } : {}) });
    }
    catch (error) {
        if (deps.cancel.aborted && rollbackOnCancel) {
            const cancelled = {
                cluster: update.cluster,
                region: delivery.region,
                service: update.service,
                before: update.before,
                taskDefinitionArn: revision.arn,
                stopsServiceDeployment: kind.stopsServiceDeployment,
            };
            await (0,_watch_undo_cancelled_update_js__WEBPACK_IMPORTED_MODULE_5__/* .undoCancelledUpdate */ .X)(deps.session.ecsAfterCancel, cancelled, { reporter, clock: deps.clock });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc((0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .signalOf */ .oX)(deps.cancel));
        }
        if (error instanceof _aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .ChangeCancelledError */ .e7) {
            const seen = error.settled;
            // What the update started goes to the outputs, though this run does not watch it.
            if (seen.state === 'applied')
                done.target = seen.value;
            throw cancelledUpdate(deps, seen, update.service, revision.arn, error.whatToCheck);
        }
        throw error;
    }
    done.target = target;
    reporter.info(target.deploymentId ? `Deployment ${target.deploymentId} started.` : 'The update started no new deployment; waiting for the service to be steady.');
    if (deps.cancel.aborted && !rollbackOnCancel)
        throw cancelledUpdate(deps, { state: 'applied', value: target }, update.service, revision.arn, '');
    if (!update.watch) {
        delivery.step('update');
        reporter.info('wait is false: not waiting for the rollout.');
        return { keepRevisions: false, notRunBecause: 'the rollout was not waited for' };
    }
    // A cancel that came while the update was answered still goes to the watcher when it rolls back on cancel: the
    // rollout the update started is the watcher's to undo.
    if (!update.watch.rollbackOnCancel)
        delivery.step('watch');
    done.step = 'watch';
    done.outcome = await deps.watch(target, { ...update.watch, cancel: deps.cancel }, kind.watch);
    if (done.outcome.status === 'PAUSED')
        return { keepRevisions: false, notRunBecause: 'the deployment is paused (wait-until: paused)' };
    if (done.outcome.status !== 'COMPLETED')
        return { keepRevisions: false };
    // The old revision still runs during the bake time and is where a rollback would go: nothing to tidy yet.
    if (done.outcome.bakeTimeRunning)
        return { keepRevisions: false, notRunBecause: 'the bake time was still running (wait-until: traffic-shifted)' };
    return { keepRevisions: true };
}
/** The dry run's line for an UpdateService to `deployed`, and what the wait follows. */
function updateServiceLines(update, deployed, waited) {
    const parts = [
        `Would update service ${update.service} in ${update.cluster} to ${deployed}`,
        ...(update.desiredCount !== undefined ? [`desired count ${update.desiredCount}`] : []),
        ...(update.forceNewDeployment ? ['forcing a new deployment'] : []),
    ];
    return [`${parts.join(', ')}${update.watch ? ` and wait for ${waited}` : ', without waiting for the rollout'}.`, ...updateExtraLines(update.extra)];
}
/** The UpdateService fields sent beyond the revision and count; the service keeps its own setting of the others. */
function updateExtraLines(extra) {
    if (!extra)
        return [];
    return [
        ...(extra.enableECSManagedTags !== undefined ? [`  ECS managed tags: ${extra.enableECSManagedTags ? 'on' : 'off'}`] : []),
        ...(extra.propagateTags ? [`  propagate tags from: ${extra.propagateTags}`] : []),
        ...(extra.volumeConfigurations ?? []).map((volume) => `  EBS volume: ${(0,_runtask_describe_js__WEBPACK_IMPORTED_MODULE_3__/* .describeEbsVolume */ .UE)(volume)}`),
    ];
}
/** A cancel during UpdateService, without rollback-on-cancel: says what the update did, as the read-back saw it. */
function cancelledUpdate(deps, seen, service, arn, whatToCheck) {
    const revision = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .familyRevision */ .KW)(arn);
    const detail = seen.state === 'applied'
        ? `the update was applied: ${service} rolls out ${revision}${seen.value.deploymentId ? ` (deployment ${seen.value.deploymentId})` : ''}, not watched by this run`
        : seen.state === 'not-applied'
            ? `the update was not applied: ${service} stays as it was`
            : `UpdateService may still be applied to ${service}: check ${whatToCheck}`;
    deps.reporter.warn(`Cancelled during UpdateService: ${detail}.`);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc((0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .signalOf */ .oX)(deps.cancel), detail);
}


/***/ }),

/***/ 3493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xH: () => (/* binding */ express),
  gB: () => (/* binding */ missingExpressService),
  OS: () => (/* binding */ putBackInputs)
});

// UNUSED EXPORTS: activeConfiguration

// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/express/requests.ts

/** Whether DescribeServices describes an Express service (resourceManagementType ECS). */
function isExpressService(service) {
    return service.resourceManagementType === 'ECS';
}
/** UpdateExpressGatewayService: the new revision, plus only what the inputs give. */
function expressUpdateRequest(serviceArn, taskDefinitionArn, express) {
    const network = networkConfiguration(express);
    return {
        serviceArn,
        taskDefinitionArn,
        ...(express.healthCheckPath === '' ? {} : { healthCheckPath: express.healthCheckPath }),
        ...(network ? { networkConfiguration: network } : {}),
        ...(express.scalingTarget ? { scalingTarget: { ...express.scalingTarget } } : {}),
    };
}
/** CreateExpressGatewayService for a service that does not exist yet; needs the infrastructure role. */
function expressCreateRequest(target, express) {
    if (target.service === '') {
        throw new src_errors/* InputError */.dz('service: creating an Express service needs its name; set service (or service-name).');
    }
    if (express.infrastructureRoleArn === '') {
        throw new src_errors/* InputError */.dz(`express-infrastructure-role-arn: the service ${target.service} does not exist in the cluster ${target.cluster}; set express-infrastructure-role-arn to create it as an Express service, or check service and cluster.`);
    }
    const network = networkConfiguration(express);
    return {
        serviceName: target.service,
        cluster: target.cluster,
        infrastructureRoleArn: express.infrastructureRoleArn,
        taskDefinitionArn: target.taskDefinitionArn,
        ...(express.healthCheckPath === '' ? {} : { healthCheckPath: express.healthCheckPath }),
        ...(network ? { networkConfiguration: network } : {}),
        ...(express.scalingTarget ? { scalingTarget: { ...express.scalingTarget } } : {}),
        ...(express.serviceTags.length === 0 ? {} : { tags: express.serviceTags.map((tag) => ({ ...tag })) }),
    };
}
function networkConfiguration(express) {
    if (express.subnets.length === 0 && express.securityGroups.length === 0)
        return undefined;
    return {
        ...(express.subnets.length === 0 ? {} : { subnets: [...express.subnets] }),
        ...(express.securityGroups.length === 0 ? {} : { securityGroups: [...express.securityGroups] }),
    };
}
/**
 * mutate-tags-on-update: TagResource for the tags new or changed, UntagResource for the keys no longer wanted.
 * Keys starting with aws: belong to AWS and are left alone.
 */
function expressTagChanges(current, desired) {
    const known = current.flatMap((tag) => (tag.key === undefined ? [] : [{ key: tag.key, value: tag.value ?? '' }]));
    const now = new Map(known.map((tag) => [tag.key, tag.value]));
    const wanted = new Set(desired.map((tag) => tag.key));
    return {
        tag: desired.filter((tag) => now.get(tag.key) !== tag.value).map((tag) => ({ ...tag })),
        untagKeys: known.map((tag) => tag.key).filter((key) => !wanted.has(key) && !key.toLowerCase().startsWith('aws:')),
    };
}
/** The service's URL: the endpoint of its newest active configuration's first ingress path. */
function expressEndpoint(service) {
    for (const configuration of service.activeConfigurations ?? []) {
        const endpoint = configuration.ingressPaths?.find((path) => path.endpoint)?.endpoint;
        if (endpoint)
            return endpoint;
    }
    return undefined;
}
/** What an update request changes in the configuration in force, for the dry run and to skip an update that changes nothing. */
function expressConfigurationChanges(active, request) {
    const changes = [];
    const compare = (field, from, to) => {
        if (to !== undefined && to !== (from ?? ''))
            changes.push({ field, from: from ?? '(not set)', to });
    };
    compare('taskDefinitionArn', active?.taskDefinitionArn, request.taskDefinitionArn);
    compare('healthCheckPath', active?.healthCheckPath, request.healthCheckPath);
    const list = (values) => (values === undefined ? undefined : [...values].sort().join(', '));
    compare('subnets', list(active?.networkConfiguration?.subnets), list(request.networkConfiguration?.subnets));
    compare('securityGroups', list(active?.networkConfiguration?.securityGroups), list(request.networkConfiguration?.securityGroups));
    const scaling = request.scalingTarget ?? {};
    for (const key of ['minTaskCount', 'maxTaskCount', 'autoScalingMetric', 'autoScalingTargetValue']) {
        const from = active?.scalingTarget?.[key];
        const to = scaling[key];
        compare(key, from === undefined ? undefined : String(from), to === undefined ? undefined : String(to));
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/express/changes.ts



function changeOptions(deps) {
    return { clock: deps.clock, reporter: deps.reporter, cancel: deps.cancel, ...(deps.cancelWaitMs !== undefined ? { cancelWaitMs: deps.cancelWaitMs } : {}) };
}
/**
 * CreateExpressGatewayService. Its answer's service, or, after a lost answer, the service found by name: the
 * create went through when an Express service of that name is active in the cluster.
 */
function createExpressService(deps, request) {
    const name = request.serviceName ?? '';
    const cluster = request.cluster ?? 'default';
    return (0,change/* sendChange */.Xy)({
        action: `CreateExpressGatewayService ${name}`,
        send: (signal) => deps.apis.api.create(request, signal),
        async readBack() {
            const found = await expressServiceByName(deps.ecs, deps.apis.afterCancel, cluster, name);
            if (!found)
                return { applied: false, seen: `no Express service ${name} in ${cluster}` };
            deps.reporter.info(`Read the service back by name: the create went through, ${name} exists.`);
            return { applied: true, value: found };
        },
        resendIsSafe: false,
        whatToCheck: `whether the Express service ${name} exists (aws ecs describe-services --cluster ${cluster} --services ${name})`,
    }, changeOptions(deps));
}
/**
 * UpdateExpressGatewayService. Undefined when it was answered: the answer names no deployment, which its caller
 * then looks for. After a lost answer: the service once it shows the deployment the update started (another than
 * `deploymentBefore`, of the requested revision).
 */
function updateExpressService(deps, request, deploymentBefore) {
    const serviceArn = request.serviceArn ?? '';
    const revision = request.taskDefinitionArn ?? '';
    return (0,change/* sendChange */.Xy)({
        action: `UpdateExpressGatewayService ${serviceName(serviceArn)}`,
        async send(signal) {
            await deps.apis.api.update(request, signal);
            return undefined;
        },
        async readBack() {
            const described = await deps.apis.afterCancel.describe(serviceArn);
            const current = described?.currentDeployment;
            if (!described || !current || current === deploymentBefore)
                return { applied: false, seen: `the service deployment is still ${current ?? 'none'}` };
            if (!(await runsRevision(deps.ecs, described, current, revision)))
                return { applied: false, seen: `${current} does not deploy ${(0,names/* familyRevision */.KW)(revision)}` };
            deps.reporter.info(`The update went through: service deployment ${current} of ${(0,names/* familyRevision */.KW)(revision)} started.`);
            return { applied: true, value: described };
        },
        // The same update sent twice may start a second deployment: it is sent again only once it can no longer land late.
        resendIsSafe: false,
        whatToCheck: `the service deployments of ${serviceName(serviceArn)} (aws ecs describe-express-gateway-service --service-arn ${serviceArn}) for one of ${(0,names/* familyRevision */.KW)(revision)}`,
    }, changeOptions(deps));
}
/** mutate-tags-on-update: TagResource for the tags new or changed, then UntagResource for the keys no longer wanted. */
async function setServiceTags(deps, serviceArn, tag, untagKeys) {
    const tagsNow = async () => new Map(((await deps.apis.afterCancel.describe(serviceArn))?.tags ?? []).map((item) => [item.key, item.value ?? '']));
    const whatToCheck = `the tags of ${serviceName(serviceArn)} (aws ecs list-tags-for-resource --resource-arn ${serviceArn})`;
    if (tag.length > 0) {
        await (0,change/* sendChange */.Xy)({
            action: `TagResource ${serviceName(serviceArn)}`,
            send: (signal) => deps.apis.api.tag(serviceArn, tag, signal),
            async readBack() {
                const now = await tagsNow();
                return tag.every((item) => now.get(item.key) === item.value) ? { applied: true, value: undefined } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck,
        }, changeOptions(deps));
    }
    if (untagKeys.length > 0) {
        await (0,change/* sendChange */.Xy)({
            action: `UntagResource ${serviceName(serviceArn)}`,
            send: (signal) => deps.apis.api.untag(serviceArn, untagKeys, signal),
            async readBack() {
                const now = await tagsNow();
                return untagKeys.every((key) => !now.has(key)) ? { applied: true, value: undefined } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck,
        }, changeOptions(deps));
    }
}
/** The active Express service of that name in the cluster, read through DescribeServices; undefined when there is none. */
async function expressServiceByName(ecs, api, cluster, name) {
    const answer = await ecs.describeServices(cluster, [name]);
    const service = answer.services?.find((item) => item.status === 'ACTIVE' && isExpressService(item));
    return service?.serviceArn ? api.describe(service.serviceArn) : undefined;
}
/** Whether the service deployment deploys the revision: its target service revision's configuration runs it. */
async function runsRevision(ecs, described, deploymentArn, taskDefinitionArn) {
    const answer = await ecs.describeServiceDeployments([deploymentArn]);
    const revisionArn = answer.serviceDeployments?.[0]?.targetServiceRevision?.arn;
    const configuration = described.activeConfigurations?.find((item) => item.serviceRevisionArn === revisionArn);
    return configuration !== undefined && (0,names/* sameRevision */.Y6)(configuration.taskDefinitionArn, taskDefinitionArn);
}
/** The service's name, the last part of its ARN. */
function serviceName(serviceArn) {
    return serviceArn.slice(serviceArn.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./src/taskdef/ports.ts
var ports = __webpack_require__(8772);
;// CONCATENATED MODULE: ./src/express/task-definition-rules.ts
// The rules ECS sets for a task definition an Express service runs by ARN: a container named Main with a single TCP
// port mapping that has a container port and a name, and FARGATE compatibility. Checked on the rendered document,
// so the preflight refuses it, naming the input, before anything is registered.


const EXPRESS_CONTAINER = 'Main';
/**
 * The first rule the document breaks, as one line naming the input that fixes it; undefined when it meets them all.
 * `source`: the input the document came from (task-definition, family or service).
 */
function expressTaskDefinitionProblem(document, source) {
    const compatibilities = document.requiresCompatibilities ?? [];
    if (!compatibilities.includes('FARGATE')) {
        const now = compatibilities.length === 0 ? 'names no launch type' : `is for ${compatibilities.join(', ')}`;
        return `requires-compatibilities: an Express service runs on Fargate, and the task definition ${now}; add FARGATE.`;
    }
    const containers = document.containerDefinitions ?? [];
    const main = containers.find((container) => container.name === EXPRESS_CONTAINER);
    if (!main) {
        const names = containers.map((container) => container.name ?? '?').join(', ') || 'none';
        return `${source}: an Express service runs the container named ${EXPRESS_CONTAINER}, and the task definition has ${names}; rename the container that serves traffic to ${EXPRESS_CONTAINER}.`;
    }
    const mappings = main.portMappings ?? [];
    const [mapping] = mappings;
    if (!mapping) {
        return `container-port: the container ${EXPRESS_CONTAINER} maps no port, and an Express service needs exactly one; set container-port, such as 8080.`;
    }
    if (mappings.length > 1) {
        return `${source}: the container ${EXPRESS_CONTAINER} maps ${mappings.length} ports (${(0,ports/* formatPortMappings */.kM)(mappings)}), and an Express service takes exactly one; keep the one traffic goes to.`;
    }
    if ((mapping.protocol ?? 'tcp') !== 'tcp') {
        return `protocol: the port mapping of the container ${EXPRESS_CONTAINER} is ${mapping.protocol ?? ''}, and an Express service needs tcp; set protocol to tcp.`;
    }
    if (mapping.containerPort === undefined) {
        return `container-port: the port mapping of the container ${EXPRESS_CONTAINER} has no container port (a port range?), and an Express service needs one; set container-port.`;
    }
    if (typeof mapping['name'] !== 'string' || mapping['name'] === '') {
        return `${source}: the port mapping ${(0,ports/* formatPortMappings */.kM)(mappings)} of the container ${EXPRESS_CONTAINER} has no name, and an Express service needs one; add "name", such as "http", to it.`;
    }
    return undefined;
}
/** Refuses a document that breaks the rules, before anything is registered. */
function checkExpressTaskDefinition(document, source) {
    const problem = expressTaskDefinitionProblem(document, source);
    if (problem !== undefined)
        throw new src_errors/* PreflightError */.wG(problem);
}

// EXTERNAL MODULE: ./src/watch/snapshot.ts
var snapshot = __webpack_require__(8263);
// EXTERNAL MODULE: ./src/watch/watch-rollout.ts + 6 modules
var watch_rollout = __webpack_require__(8790);
// EXTERNAL MODULE: ./src/rollout/continue-paused.ts
var continue_paused = __webpack_require__(3743);
// EXTERNAL MODULE: ./src/rollout/roll-back.ts
var roll_back = __webpack_require__(2288);
;// CONCATENATED MODULE: ./src/rollout/express-back.ts


/** How long the update's own service deployment may take to show in DescribeExpressGatewayService. */
const FIND_DEPLOYMENT_MS = 60_000;
const expressBack = {
    call: 'UpdateExpressGatewayService',
    start: async (deps, { inputs, service }, to) => {
        const apis = await deps.session.express?.();
        if (!apis)
            throw new Error('expressBack: the session has no Express calls');
        const changes = { apis, ecs: deps.session.ecsAfterCancel, clock: deps.clock, reporter: deps.reporter, cancel: deps.cancel };
        const serviceArn = service.serviceArn ?? '';
        const before = (await apis.api.describe(serviceArn))?.currentDeployment;
        // Refusals come back from sendChange in ECS's words; a lost answer is read back, never sent twice.
        const applied = await updateExpressService(changes, { serviceArn, taskDefinitionArn: to }, before);
        const after = applied ?? (await newDeployment(deps, apis.api, serviceArn, before, inputs.pollIntervalMs));
        if (!after?.currentDeployment)
            throw new Error(`UpdateExpressGatewayService ${inputs.service} was answered, but no new service deployment showed within ${FIND_DEPLOYMENT_MS / 1000}s.`);
        return (0,roll_back/* rolledBackTarget */.jN)(inputs, deps.session.region, service, to, after.currentDeployment);
    },
};
/** The service once `currentDeployment` names another deployment than before the update: ECS may lag a while. */
async function newDeployment({ clock, cancel }, api, serviceArn, before, pollMs) {
    const until = clock.now() + FIND_DEPLOYMENT_MS;
    while (!cancel.aborted) {
        const described = await api.describe(serviceArn);
        if (described?.currentDeployment && described.currentDeployment !== before)
            return described;
        if (clock.now() >= until)
            return undefined;
        await clock.sleep(pollMs, cancel);
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/rollout/paused-deployment.ts
var paused_deployment = __webpack_require__(5959);
;// CONCATENATED MODULE: ./src/rollout/express.ts














/** The port name given to the single port mapping of the Main container when the render left it unnamed. */
const PORT_NAME = 'http';
/** How long the update's own service deployment may take to show in DescribeExpressGatewayService. */
const express_FIND_DEPLOYMENT_MS = 60_000;
const DEFAULT_POLL_MS = 2_000;
/** The configuration in force: the newest active one. */
function activeConfiguration(described) {
    return described?.activeConfigurations?.[0];
}
/** A service the preflight found missing, to be created: what DescribeServices would have said of it. */
function missingExpressService(serviceName) {
    return { serviceName, status: 'ACTIVE', resourceManagementType: 'ECS', desiredCount: 0, deployments: [] };
}
const express = {
    name: 'Express',
    takes: (service) => isExpressService(service),
    forcesNewDeployment: false,
    plan: async ({ reads }, inputs, service) => {
        if (!service.serviceArn)
            return { express: { inputs: inputs.express } };
        const api = (await reads.express?.())?.api;
        if (!api)
            throw new Error('express.plan: reads.express is needed for an Express service');
        let described;
        try {
            described = await api.describe(service.serviceArn);
        }
        catch (error) {
            throw new src_errors/* PreflightError */.wG((0,errors/* describeAwsError */.Pp)(`DescribeExpressGatewayService ${inputs.service}`, error));
        }
        return { express: { inputs: inputs.express, ...(described ? { described } : {}) } };
    },
    finishRender: (rendered, source) => {
        // A revision named by task-definition-arn is deployed as it is: checked, never changed.
        const named = source === 'task-definition-arn' ? rendered : namePortMapping(rendered);
        checkExpressTaskDefinition(named.taskDefinition, source);
        return named;
    },
    dryRun: (update, deployed) => {
        const plan = update.express;
        const wait = update.watch ? ' and wait for its canary service deployment, stage by stage' : ', without waiting for the rollout';
        if (!plan?.described) {
            if (update.before === undefined)
                return [`Would create or update the Express service ${update.service} in ${update.cluster} with ${deployed}${wait}.`];
            return [`Would create the Express service ${update.service} in ${update.cluster} with ${deployed}${wait}.`];
        }
        const request = expressUpdateRequest(plan.described.serviceArn ?? '', deployed, plan.inputs);
        const changes = configurationChanges(activeConfiguration(plan.described), request);
        const tags = tagLines(plan);
        const unchanged = `Would not update the Express service ${update.service}: its configuration already runs ${deployed}, and nothing else changes`;
        if (changes.length === 0)
            return tags.length === 0 ? [`${unchanged}.`] : [`${unchanged}; its tags would change:`, ...tags];
        return [`Would update the Express service ${update.service} in ${update.cluster}${wait}:`, ...changes.map((line) => `  ${line}`), ...tags];
    },
    deliver: (deps, delivery) => deliverExpress(deps, delivery),
    undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
    pausesAt: paused_deployment/* pauseStages */.Gr,
    putBack: ({ service, to }) => `a new Express service deployment puts ${service} back on ${to} and the configuration it had before, through its canary again.`,
    continuePaused: (deps, request) => (0,continue_paused/* continuePausedDeployment */.n)(deps, request, 'Express', watch_rollout/* watchStaged */.G),
    rollBack: (deps, request) => (0,roll_back/* rollBackService */.Gg)(deps, request, watch_rollout/* watchStaged */.G, expressBack),
};
/**
 * What puts an Express service back as the run found it: the health check path, network and scaling target of the
 * configuration in force before this run's update, and, when the run changed them, its tags as they were.
 */
function putBackInputs(plan) {
    const before = activeConfiguration(plan.described);
    const scaling = before?.scalingTarget;
    const tagsBefore = (plan.described?.tags ?? []).flatMap((tag) => (tag.key === undefined || tag.key.toLowerCase().startsWith('aws:') ? [] : [{ key: tag.key, value: tag.value ?? '' }]));
    return {
        infrastructureRoleArn: '',
        healthCheckPath: before?.healthCheckPath ?? '',
        scalingTarget: scaling && {
            ...(scaling.minTaskCount !== undefined ? { minTaskCount: scaling.minTaskCount } : {}),
            ...(scaling.maxTaskCount !== undefined ? { maxTaskCount: scaling.maxTaskCount } : {}),
            ...(scaling.autoScalingMetric !== undefined ? { autoScalingMetric: scaling.autoScalingMetric } : {}),
            ...(scaling.autoScalingTargetValue !== undefined ? { autoScalingTargetValue: scaling.autoScalingTargetValue } : {}),
        },
        subnets: [...(before?.networkConfiguration?.subnets ?? [])],
        securityGroups: [...(before?.networkConfiguration?.securityGroups ?? [])],
        serviceTags: plan.inputs.mutateTagsOnUpdate ? tagsBefore : [],
        mutateTagsOnUpdate: plan.inputs.mutateTagsOnUpdate,
    };
}
/** The dry run's and the log's lines for what the update changes; the revision compared as family:revision. */
function configurationChanges(active, request) {
    return expressConfigurationChanges(active, request)
        .filter((change) => change.field !== 'taskDefinitionArn' || !(0,names/* sameRevision */.Y6)(change.from, change.to))
        .map((change) => (change.field === 'taskDefinitionArn' ? `task definition: ${(0,names/* familyRevision */.KW)(change.from)} -> ${(0,names/* familyRevision */.KW)(change.to)}` : `${change.field}: ${change.from} -> ${change.to}`));
}
function tagLines(plan) {
    if (!plan.inputs.mutateTagsOnUpdate)
        return [];
    const { tag, untagKeys } = expressTagChanges(plan.described?.tags ?? [], plan.inputs.serviceTags);
    return [
        ...tag.map((item) => `  service tag ${item.key}: ${item.value}`),
        ...untagKeys.map((key) => `  service tag ${key}: removed`),
    ];
}
/** The Main container's single port mapping gets a name when it has none: ECS requires one for an Express service. */
function namePortMapping(rendered) {
    const containers = rendered.taskDefinition.containerDefinitions ?? [];
    const main = containers.find((container) => container.name === EXPRESS_CONTAINER);
    const [mapping, ...others] = main?.portMappings ?? [];
    if (!main || !mapping || others.length > 0 || (typeof mapping['name'] === 'string' && mapping['name'] !== ''))
        return rendered;
    const named = { ...main, portMappings: [{ ...mapping, name: PORT_NAME }] };
    return {
        ...rendered,
        taskDefinition: { ...rendered.taskDefinition, containerDefinitions: containers.map((container) => (container === main ? named : container)) },
    };
}
async function deliverExpress(deps, delivery) {
    const { reporter } = deps;
    const { update, revision, done } = delivery;
    const plan = update.express;
    if (!plan)
        throw new Error('express.deliver: the plan has no Express part');
    delivery.step('update');
    const apis = await deps.session.express?.();
    if (!apis)
        throw new Error('express.deliver: the session has no Express calls');
    const rollbackOnCancel = update.watch?.rollbackOnCancel === true;
    const changes = {
        apis,
        ecs: deps.session.ecsAfterCancel,
        clock: deps.clock,
        reporter,
        cancel: deps.cancel,
        ...(rollbackOnCancel ? { cancelWaitMs: change/* CANCEL_ANSWER_WAIT_ROLLBACK_MS */.a4 } : {}),
    };
    // With rollback-on-cancel the service is read on calls the cancel does not abort: what the update started is the one to undo.
    const api = rollbackOnCancel ? apis.afterCancel : apis.api;
    const found = plan.described ?? (await expressServiceByName(deps.session.ecs, api, update.cluster, update.service));
    const started = found ? await updateService(deps, delivery, changes, api, found, plan) : await createService(deps, delivery, changes, api, plan);
    if (!started) {
        done.express = { serviceArn: found?.serviceArn ?? '', ...endpointOf(found) };
        done.outcome = { status: 'COMPLETED', message: `${update.service} already runs ${(0,names/* familyRevision */.KW)(revision.arn)} with this configuration: no update.` };
        reporter.info(done.outcome.message);
        return { keepRevisions: true };
    }
    const { service: described, target } = started;
    done.express = { serviceArn: described.serviceArn ?? '', ...endpointOf(described) };
    done.target = target;
    reporter.info(`Service deployment ${target.serviceDeploymentArn ?? '?'} started.`);
    if (done.express.endpoint)
        reporter.info(`Endpoint: ${done.express.endpoint}`);
    if (!update.watch) {
        reporter.info('wait is false: not waiting for the rollout.');
        return { keepRevisions: false, notRunBecause: 'the rollout was not waited for' };
    }
    if (!update.watch.rollbackOnCancel)
        delivery.step('watch');
    done.step = 'watch';
    done.outcome = await deps.watch(target, { ...update.watch, cancel: deps.cancel }, watch_rollout/* watchStaged */.G);
    const after = await api.describe(described.serviceArn ?? '').catch(() => undefined);
    if (after)
        done.express = { serviceArn: after.serviceArn ?? done.express.serviceArn, ...endpointOf(after) };
    if (done.outcome.status !== 'COMPLETED')
        return { keepRevisions: false };
    if (done.outcome.bakeTimeRunning)
        return { keepRevisions: false, notRunBecause: 'the bake time was still running (wait-until: traffic-shifted)' };
    return { keepRevisions: true };
}
function endpointOf(described) {
    const endpoint = described ? expressEndpoint(described) : undefined;
    return endpoint ? { endpoint } : {};
}
/** UpdateExpressGatewayService with the revision; undefined when nothing would change. */
async function updateService(deps, delivery, changes, api, found, plan) {
    const { reporter } = deps;
    const { update, revision } = delivery;
    const serviceArn = found.serviceArn ?? '';
    const active = activeConfiguration(found);
    await mutateTags(deps, changes, serviceArn, found, plan);
    const request = expressUpdateRequest(serviceArn, revision.arn, plan.inputs);
    const lines = configurationChanges(active, request);
    if (lines.length === 0) {
        if (!revision.registered && delivery.done.image?.pushedNewDigest) {
            reporter.warn(`The push gave ${delivery.done.image.image} a new digest under a tag ${(0,names/* familyRevision */.KW)(revision.arn)} already names, and an Express service cannot be made to redeploy it: set pin-digest to deploy by digest.`);
        }
        return undefined;
    }
    reporter.info(`Updating the Express service ${update.service} to ${(0,names/* familyRevision */.KW)(revision.arn)}: ${lines.join('; ')}.`);
    const before = found.currentDeployment;
    let readBack;
    try {
        readBack = await updateExpressService(changes, request, before);
    }
    catch (error) {
        const settled = settledByCancel(deps, delivery, error, 'UpdateExpressGatewayService', update.watch?.rollbackOnCancel === true, (service) => started(delivery, service, before, active));
        return started(delivery, settled, before, active);
    }
    const settled = readBack ?? (await findNewDeployment(deps, delivery, api, serviceArn, before, express_FIND_DEPLOYMENT_MS));
    if (!settled)
        throw new Error(`UpdateExpressGatewayService ${update.service} was answered, but no service deployment of ${(0,names/* familyRevision */.KW)(revision.arn)} showed within ${express_FIND_DEPLOYMENT_MS / 1000}s.`);
    return started(delivery, settled, before, active);
}
async function createService(deps, delivery, changes, api, plan) {
    const { reporter } = deps;
    const { update, revision } = delivery;
    const request = expressCreateRequest({ service: update.service, cluster: update.cluster, taskDefinitionArn: revision.arn }, plan.inputs);
    reporter.info(`Creating the Express service ${update.service} in ${update.cluster} with ${(0,names/* familyRevision */.KW)(revision.arn)}.`);
    let created;
    try {
        created = await createExpressService(changes, request);
    }
    catch (error) {
        // A new service has no revision to roll back to: a create a cancel cut short is only reported.
        created = settledByCancel(deps, delivery, error, 'CreateExpressGatewayService', false, (service) => started(delivery, service, undefined, undefined));
    }
    const serviceArn = created?.serviceArn ?? '';
    const settled = created?.currentDeployment ? created : await findNewDeployment(deps, delivery, api, serviceArn, undefined, express_FIND_DEPLOYMENT_MS);
    if (!settled?.currentDeployment)
        throw new Error(`CreateExpressGatewayService ${update.service} was answered, but its service deployment did not show.`);
    return started(delivery, settled, undefined, undefined);
}
/**
 * A change a cancel cut short, as its read-back saw it. Applied, when `rollsBack`: the service showing what the
 * change started, handed to the watcher, which rolls it back. Otherwise the run ends, saying what was left; what
 * an applied change started is in the run's outputs (`startedBy`: the deployment it started).
 */
function settledByCancel(deps, delivery, error, call, rollsBack, startedBy) {
    if (!(error instanceof change/* ChangeCancelledError */.e7))
        throw error;
    const { update, revision, done } = delivery;
    const seen = error.settled;
    if (seen.state === 'applied' && seen.value?.currentDeployment && rollsBack)
        return seen.value;
    if (seen.state === 'applied' && seen.value?.currentDeployment) {
        done.target = startedBy(seen.value).target;
        done.express = { serviceArn: seen.value.serviceArn ?? '', ...endpointOf(seen.value) };
    }
    const detail = seen.state === 'applied'
        ? `${call} was applied: ${update.service} deploys ${(0,names/* familyRevision */.KW)(revision.arn)}${seen.value?.currentDeployment ? ` (${seen.value.currentDeployment})` : ''}, not watched by this run`
        : seen.state === 'not-applied'
            ? `${call} was not applied: ${update.service} stays as it was`
            : `${call} may still be applied to ${update.service}: check ${error.whatToCheck}`;
    deps.reporter.warn(`Cancelled during ${call}: ${detail}.`);
    throw new src_errors/* CancelledError */.cc((0,cancel/* signalOf */.oX)(deps.cancel), detail);
}
/**
 * The service once `currentDeployment` names the deployment this run started: another than the one named before,
 * whose configuration runs the revision. ECS may name the previous one for a while after the update.
 */
async function findNewDeployment(deps, delivery, api, serviceArn, before, withinMs) {
    const until = deps.clock.now() + withinMs;
    // With rollback-on-cancel the deployment is looked for also after a cancel: it is the one to roll back.
    const keepLooking = delivery.update.watch?.rollbackOnCancel === true;
    const ecs = keepLooking ? deps.session.ecsAfterCancel : deps.session.ecs;
    for (;;) {
        const described = await api.describe(serviceArn);
        const current = described?.currentDeployment;
        if (described && current && current !== before && (await runsRevision(ecs, described, current, delivery.revision.arn)))
            return described;
        if (deps.clock.now() >= until)
            return undefined;
        if (!keepLooking)
            (0,cancel/* throwIfCancelled */.dZ)(deps.cancel);
        await deps.clock.sleep(pollMs(delivery), keepLooking ? undefined : deps.cancel);
    }
}
function pollMs(delivery) {
    return delivery.update.watch?.pollIntervalMs ?? DEFAULT_POLL_MS;
}
function started(delivery, service, before, active) {
    const { update, revision } = delivery;
    const deploymentIdsBefore = (update.before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
    return {
        service,
        target: {
            cluster: update.cluster,
            service: update.service,
            region: delivery.region,
            taskDefinitionArn: revision.arn,
            ...(service.currentDeployment ? { serviceDeploymentArn: service.currentDeployment } : {}),
            deploymentIdsBefore,
            // Events ECS listed before the update are an earlier deployment's: not this run's to print.
            eventKeysBefore: (update.before.events ?? []).map(snapshot/* eventKey */.Mk),
            ...(before ? { serviceDeploymentArnBefore: before } : {}),
            previous: { taskDefinitionArn: active?.taskDefinitionArn ?? '', desiredCount: update.before.desiredCount ?? 0 },
            strategy: 'CANARY',
        },
    };
}
/** mutate-tags-on-update: the service's tags made what service-tags says, before the update. */
async function mutateTags(deps, changes, serviceArn, found, plan) {
    if (!plan.inputs.mutateTagsOnUpdate)
        return;
    const { tag, untagKeys } = expressTagChanges(found.tags ?? [], plan.inputs.serviceTags);
    if (tag.length + untagKeys.length === 0)
        return;
    await setServiceTags(changes, serviceArn, tag, untagKeys);
    deps.reporter.info(`Service tags of ${found.serviceName ?? serviceArn}: ${[...tag.map((item) => `${item.key} set`), ...untagKeys.map((key) => `${key} removed`)].join(', ')}.`);
}


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ controllerOf),
/* harmony export */   x: () => (/* binding */ strategyOf)
/* harmony export */ });
/** The service's deployment controller; ECS when it names none. */
function controllerOf(service) {
    return service.deploymentController?.type ?? 'ECS';
}
/** The service's deployment strategy, as ECS names it; undefined from endpoints that name none. */
function strategyOf(service) {
    return service.deploymentConfiguration?.strategy;
}


/***/ }),

/***/ 7677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ rollbackWatch),
/* harmony export */   n: () => (/* binding */ continuedWatch)
/* harmony export */ });
/** The watch of a continued deployment as the inputs ask for it: the same rules as a deploy's watch. */
function continuedWatch(inputs, cancel) {
    return {
        timeoutMs: inputs.waitTimeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
        rollback: inputs.rollback,
        rollbackOnCancel: inputs.rollbackOnCancel,
        waitForRollback: inputs.waitForRollback,
        waitUntil: inputs.waitUntil,
        ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
        cancel,
    };
}
/** The watch of a rollback: nothing to roll back in turn, and a cancel only stops following it. */
function rollbackWatch(inputs, cancel) {
    return { timeoutMs: inputs.waitTimeoutMs, pollIntervalMs: inputs.pollIntervalMs, rollback: false, rollbackOnCancel: false, cancel };
}


/***/ }),

/***/ 5959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ stoppableDeployment),
/* harmony export */   Gr: () => (/* binding */ pauseStages),
/* harmony export */   Yz: () => (/* binding */ findPaused)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6429);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);


const IN_FLIGHT = ['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
/** What a rollback can still stop: a deployment already rolling back or stopping is left to end. */
const STOPPABLE = ['PENDING', 'IN_PROGRESS'];
/** The lifecycle stages where the service's deployments wait at a PAUSE hook. */
function pauseStages(service) {
    return (service.deploymentConfiguration?.lifecycleHooks ?? []).filter((hook) => hook.targetType === 'PAUSE').flatMap((hook) => hook.lifecycleStages ?? []);
}
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`hook-id: "${given.hookId}" is not a PAUSE hook of service ${name} that awaits action${waiting ? `; ${waiting} does` : ''}; give the hook-id of this service's paused deployment, or leave it unset to continue the one that waits.`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`nothing of service ${name} is paused: ${whatHappens(service, deployments)}; continue only lets a deployment that waits at a PAUSE hook go on.`);
}
async function givenDeployment(ecs, service, arn) {
    const described = await ecs.describeServiceDeployments([arn]);
    const deployment = described.serviceDeployments?.[0];
    if (!deployment)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`service-deployment-arn: "${arn}" was not found; check it, or leave it unset to continue the deployment of service ${service.serviceName ?? '?'} that waits.`);
    if (deployment.serviceArn !== undefined && service.serviceArn !== undefined && deployment.serviceArn !== service.serviceArn) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`service-deployment-arn: "${arn}" is a deployment of ${deployment.serviceArn}, not of service ${service.serviceName ?? '?'}; give a deployment of this service.`);
    }
    return [deployment];
}
/** The service deployment a rollback stops; undefined when none is in flight or the endpoint lists none. */
async function stoppableDeployment(ecs, service) {
    const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: [...STOPPABLE] }).catch(() => undefined);
    const arns = (listed?.serviceDeployments ?? []).flatMap((brief) => (brief.serviceDeploymentArn ? [brief.serviceDeploymentArn] : []));
    if (arns.length === 0)
        return undefined;
    return (await ecs.describeServiceDeployments(arns)).serviceDeployments?.[0];
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
        return `no deployment is in flight, it runs ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_1__/* .familyRevision */ .KW)(service.taskDefinition ?? '?')}`;
    const stage = first.lifecycleStage ? ` at ${first.lifecycleStage}` : '';
    return `service deployment ${first.serviceDeploymentArn ?? '?'} is ${first.status ?? '?'}${stage}`;
}


/***/ }),

/***/ 2288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ rollBackService),
/* harmony export */   So: () => (/* binding */ updateServiceBack),
/* harmony export */   jN: () => (/* binding */ rolledBackTarget)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6429);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _continue_paused_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3743);
/* harmony import */ var _operate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7677);
/* harmony import */ var _paused_deployment_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5959);
/* harmony import */ var _watch_snapshot_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8263);
/* harmony import */ var _watch_start_deployment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);







const ROLLBACK_ENDS = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'SUCCESSFUL', 'STOPPED']);
async function rollBackService(deps, request, watch, redeploy) {
    const { session, reporter, clock, cancel } = deps;
    const { inputs, service } = request;
    const flying = inputs.taskDefinitionArn ? undefined : await (0,_paused_deployment_js__WEBPACK_IMPORTED_MODULE_2__/* .stoppableDeployment */ .CG)(session.ecs, service);
    if (flying)
        return rollBackInFlight(deps, request, flying);
    const chosen = await earlierRevision(session.ecs, service, inputs);
    const to = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(chosen.taskDefinition);
    reporter.info(`Rolling back ${inputs.service} to ${to}: ${chosen.why}; ${redeploy.call}`);
    const target = await redeploy.start(deps, request, chosen.taskDefinition);
    const options = { ...(0,_operate_js__WEBPACK_IMPORTED_MODULE_5__/* .rollbackWatch */ .i)(inputs, cancel), continuePause: (paused) => goAhead(deps, paused, inputs.pollIntervalMs) };
    const watched = await watch({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock, reporter }, target, options);
    if (watched.status === 'COMPLETED')
        return { target, outcome: { ...watched, status: 'ROLLED_BACK', rolledBackTo: to, message: `${inputs.service} is back on ${to}` } };
    if (watched.status === 'CANCELLED' && cancel.aborted)
        return { target, outcome: { ...watched, message: goesOn(to, target.serviceDeploymentArn ?? target.deploymentId) } };
    return { target, outcome: watched };
}
/** The deployment the rollback started waits at a PAUSE hook: asking for the rollback is the go-ahead to continue it. */
async function goAhead(deps, paused, pollIntervalMs) {
    deps.reporter.info(`The rollback's service deployment waits at PAUSE hook ${paused.hookId} (${paused.stage}): ContinueServiceDeployment, action CONTINUE; asking for the rollback is the go-ahead`);
    await (0,_continue_paused_js__WEBPACK_IMPORTED_MODULE_1__/* .continueAtHook */ .Y)({ ecs: deps.session.ecs, clock: deps.clock, cancel: deps.cancel }, paused, pollIntervalMs);
}
/** The service deployment in flight, rolled back by ECS and followed until it ends. */
async function rollBackInFlight(deps, request, flying) {
    const { session } = deps;
    const { inputs, service } = request;
    const to = await sourceOf(session.ecs, flying);
    if (!to)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`nothing to go back to: service deployment ${flying.serviceDeploymentArn ?? '?'} of ${inputs.service} names no earlier revision.`);
    const target = rolledBackTarget(inputs, session.region, service, to, flying.serviceDeploymentArn);
    await stopInFlight(deps, inputs.service, flying, to);
    return { target, outcome: await followRollback(deps, flying.serviceDeploymentArn ?? '', to, inputs) };
}
/** The rollback goes on in ECS after a cancel: this run only stops following it. */
function goesOn(to, what) {
    return `stopped following the rollback to ${to} on the cancel; the rollback goes on in ECS${what ? ` (${what})` : ''}`;
}
/** The task definition of the revision a service deployment started from. */
async function sourceOf(ecs, deployment) {
    const arn = deployment.sourceServiceRevisions?.[0]?.arn;
    if (!arn)
        return undefined;
    return (await ecs.describeServiceRevisions([arn])).serviceRevisions?.[0]?.taskDefinition;
}
async function stopInFlight({ session, reporter }, name, deployment, to) {
    const arn = deployment.serviceDeploymentArn ?? '';
    const hook = deployment.status === 'IN_PROGRESS' ? deployment.lifecycleHookDetails?.find((detail) => detail.status === 'AWAITING_ACTION') : undefined;
    const why = `Rolling back ${name} to ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(to)}, the revision its deployment in flight started from`;
    if (hook?.hookId) {
        reporter.info(`${why}: it is paused at ${deployment.lifecycleStage ?? '?'}; ContinueServiceDeployment hook ${hook.hookId}, action ROLLBACK`);
        await session.ecs.continueServiceDeployment(arn, hook.hookId, 'ROLLBACK');
        return;
    }
    reporter.info(`${why}: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
    await session.ecs.stopServiceDeployment(arn, 'ROLLBACK');
}
/** Follows the service deployment ECS rolls back until it ends, or wait-timeout; a cancel stops following only. */
async function followRollback({ session, reporter, clock, cancel }, arn, to, inputs) {
    const deadline = clock.now() + inputs.waitTimeoutMs;
    const back = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(to);
    let seen = '';
    while (!cancel.aborted) {
        const deployment = (await session.ecs.describeServiceDeployments([arn])).serviceDeployments?.[0];
        const status = deployment?.status ?? '?';
        const line = `Service deployment ${status}${deployment?.lifecycleStage ? ` at ${deployment.lifecycleStage}` : ''}`;
        if (line !== seen)
            reporter.info((seen = line));
        if (status === 'ROLLBACK_SUCCESSFUL')
            return { status: 'ROLLED_BACK', message: `rolled back to ${back}`, rolledBackTo: back, serviceDeploymentArn: arn };
        if (ROLLBACK_ENDS.has(status)) {
            const why = deployment?.statusReason ? `: ${deployment.statusReason}` : '';
            return { status: status === 'SUCCESSFUL' ? 'COMPLETED' : 'FAILED', message: `the rollback to ${back} did not happen; the service deployment ended ${status}${why}`, serviceDeploymentArn: arn };
        }
        if (clock.now() >= deadline)
            return { status: 'TIMED_OUT', message: `the rollback to ${back} did not finish within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(inputs.waitTimeoutMs)}`, serviceDeploymentArn: arn };
        await clock.sleep(inputs.pollIntervalMs, cancel);
    }
    reporter.warn(goesOn(back, arn));
    return { status: 'CANCELLED', message: goesOn(back, arn), serviceDeploymentArn: arn };
}
/** The revision the service runs: Express services may not name it at the top of DescribeServices. */
function runningRevision(service) {
    return service.taskDefinition ?? service.deployments?.find((deployment) => deployment.status === 'PRIMARY')?.taskDefinition;
}
/** The revision to go back to, and why that one; refused when there is none. */
async function earlierRevision(ecs, service, inputs) {
    const running = runningRevision(service);
    const now = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(running ?? '?');
    if (inputs.taskDefinitionArn) {
        const described = await ecs.describeTaskDefinition(inputs.taskDefinitionArn).catch(() => undefined);
        const arn = described?.taskDefinition?.taskDefinitionArn;
        if (!arn)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist; check the family:revision or ARN.`);
        if (arn === running)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`nothing to go back to: ${inputs.service} already runs ${now}, the task-definition-arn given.`);
        return { taskDefinition: arn, why: 'task-definition-arn names it' };
    }
    const listed = await ecs.listServiceDeployments({ cluster: service.clusterArn, service: service.serviceName, status: ['SUCCESSFUL'] }).catch(() => undefined);
    if (!listed)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`nothing known to go back to: ECS does not list the service deployments of ${inputs.service} here; give task-definition-arn.`);
    const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
    const deployment = newest ? (await ecs.describeServiceDeployments([newest])).serviceDeployments?.[0] : undefined;
    const source = deployment ? await sourceOf(ecs, deployment) : undefined;
    if (!source || source === running) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`nothing to go back to: ${inputs.service} runs ${now}, and no successful deployment of it started from another revision; give task-definition-arn to choose one.`);
    }
    return { taskDefinition: source, why: `the revision it ran before its newest successful deployment (${newest ?? '?'})` };
}
/** What a rollback follows: `after` is the service as the call that started it answered (default: as read before). */
function rolledBackTarget(inputs, region, before, to, serviceDeploymentArn, after = before) {
    const primary = (after.deployments ?? []).find((deployment) => deployment.status === 'PRIMARY' && deployment.taskDefinition === to);
    const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
    return {
        cluster: inputs.cluster,
        service: inputs.service,
        region,
        taskDefinitionArn: to,
        ...(primary?.id && !idsBefore.includes(primary.id) ? { deploymentId: primary.id } : {}),
        ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
        deploymentIdsBefore: after === before ? [] : idsBefore,
        ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
        eventKeysBefore: (before.events ?? []).map(_watch_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .eventKey */ .Mk),
        previous: { taskDefinitionArn: runningRevision(before) ?? '', desiredCount: before.desiredCount ?? 0 },
        ...(after.deploymentConfiguration?.strategy ? { strategy: after.deploymentConfiguration.strategy } : {}),
    };
}
/** The kinds ECS deploys by UpdateService go back the same way. */
const updateServiceBack = {
    call: 'UpdateService',
    start: async ({ session, reporter, clock, cancel }, { inputs, service }, to) => {
        const request = { cluster: inputs.cluster, region: session.region, taskDefinitionArn: to, forceNewDeployment: false };
        const started = await (0,_watch_start_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .startDeployment */ .i)(session.ecs, { ...service, serviceName: inputs.service }, request, { reporter, clock, cancel });
        return { ...started, previous: { taskDefinitionArn: runningRevision(service) ?? '', desiredCount: service.desiredCount ?? 0 } };
    },
};


/***/ }),

/***/ 9372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ rolling)
/* harmony export */ });
/* harmony import */ var _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8790);
/* harmony import */ var _continue_paused_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3743);
/* harmony import */ var _ecs_update_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8664);
/* harmony import */ var _kind_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7715);
/* harmony import */ var _roll_back_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2288);
// A rolling update: ECS replaces tasks in place, watched through the service's deployments list; a rollback is
// StopServiceDeployment(ROLLBACK) while in flight, else an UpdateService back to the previous revision.





const rolling = {
    name: 'rolling',
    // No strategy named is a rolling update: endpoints older than deployment strategies name none.
    takes: (service) => (0,_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .controllerOf */ .O)(service) === 'ECS' && ((0,_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .strategyOf */ .x)(service) === undefined || (0,_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .strategyOf */ .x)(service) === 'ROLLING'),
    forcesNewDeployment: true,
    dryRun: (update, deployed) => (0,_ecs_update_js__WEBPACK_IMPORTED_MODULE_2__/* .updateServiceLines */ .W)(update, deployed, update.watch?.waitUntil === 'traffic-shifted' ? 'the rollout (wait-until traffic-shifted: for a rolling update, until it completes)' : 'the rollout'),
    deliver: (deps, delivery) => (0,_ecs_update_js__WEBPACK_IMPORTED_MODULE_2__/* .deliverByUpdateService */ .N)(deps, delivery, { watch: (w, target, options) => (0,_watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .watchRolling */ .T)(w, target, options), stopsServiceDeployment: false }),
    undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
    putBack: ({ service, to }) => `a new rolling deployment puts ${service} back on ${to}.`,
    continuePaused: (deps, request) => (0,_continue_paused_js__WEBPACK_IMPORTED_MODULE_1__/* .continuePausedDeployment */ .n)(deps, request, 'rolling', _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .watchRolling */ .T),
    rollBack: (deps, request) => (0,_roll_back_js__WEBPACK_IMPORTED_MODULE_3__/* .rollBackService */ .Gg)(deps, request, _watch_watch_rollout_js__WEBPACK_IMPORTED_MODULE_0__/* .watchRolling */ .T, _roll_back_js__WEBPACK_IMPORTED_MODULE_3__/* .updateServiceBack */ .So),
};


/***/ }),

/***/ 7635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gs: () => (/* binding */ describeRunTask),
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   UE: () => (/* binding */ describeEbsVolume),
/* harmony export */   ay: () => (/* binding */ commandLine)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7607);
/* harmony import */ var _placement_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1599);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1737);



function label(taskDefinition) {
    if (!taskDefinition)
        return 'the task definition';
    return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}
function commandLine(request, container) {
    const command = (0,_request_js__WEBPACK_IMPORTED_MODULE_1__/* .commandOf */ .N)(request, container);
    if (command)
        return `container ${container} runs ${shellLine(command)}`;
    const overridden = request.overrides?.containerOverrides?.map((override) => override.name).filter(Boolean) ?? [];
    if (overridden.length > 0)
        return `overrides for ${overridden.join(', ')}; container ${container} decides`;
    return `container ${container} runs its own command`;
}
function shellLine(words) {
    return words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
/** What a dry run prints: the task it would run, where, with which command, and what would follow. */
function describeRunTask(request, container, wait, timeoutMs) {
    const lines = [
        `Would run one task of ${label(request.taskDefinition)} in cluster ${request.cluster ?? 'default'}, started by ${request.startedBy ?? 'ecs-deliver'}`,
        `  command: ${commandLine(request, container)}`,
        `  where: ${(0,_placement_js__WEBPACK_IMPORTED_MODULE_0__/* .describePlacement */ .B)(request)}`,
    ];
    if (request.tags?.length)
        lines.push(`  tags: ${request.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}`);
    if (request.propagateTags)
        lines.push(`  propagate tags from: ${request.propagateTags}`);
    if (request.enableECSManagedTags !== undefined)
        lines.push(`  ECS managed tags: ${request.enableECSManagedTags ? 'on' : 'off'}`);
    for (const volume of request.volumeConfigurations ?? [])
        lines.push(`  EBS volume: ${describeEbsVolume(volume)}`);
    lines.push(wait
        ? `  then: wait up to ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(timeoutMs)} for it to stop; go on only when ${container} exits with exit code 0`
        : '  then: go on without waiting for it (run-task-wait: false)');
    return lines;
}
/** One managed EBS volume as a dry run prints it: "data: 20 GiB gp3 xfs, encrypted, role arn:...". */
function describeEbsVolume(volume) {
    const config = (volume.managedEBSVolume ?? {});
    const size = typeof config['sizeInGiB'] === 'number' ? `${config['sizeInGiB']} GiB` : '';
    const parts = [
        [size, config['volumeType'], config['filesystemType']].filter((part) => typeof part === 'string' && part !== '').join(' '),
        config['snapshotId'] ? `from snapshot ${String(config['snapshotId'])}` : '',
        config['encrypted'] === true ? 'encrypted' : '',
        `role ${String(config['roleArn'])}`,
    ].filter((part) => part !== '');
    return `${volume.name ?? '?'}: ${parts.join(', ')}`;
}


/***/ }),

/***/ 3898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ chosenContainer),
/* harmony export */   Ne: () => (/* binding */ checkRunTaskOptions),
/* harmony export */   Pd: () => (/* binding */ runTaskRequested),
/* harmony export */   tx: () => (/* binding */ runTaskOptionsFrom)
/* harmony export */ });
/* unused harmony exports RUN_TASK_DEFAULTS, OVERRIDES_MAX_CHARACTERS, overridesJson, parseCapacityProviderStrategy, parseContainerOverrides */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const RUN_TASK_DEFAULTS = {
    startedBy: 'ecs-deliver',
    wait: true,
    timeoutMs: 30 * 60_000,
};
/** True when any of run-task, run-task-command or run-task-container-overrides asks for a task. */
function runTaskRequested(options) {
    return options.useOwnCommand || options.command !== undefined || options.containerOverrides !== undefined;
}
const STARTED_BY = /^[A-Za-z0-9_/-]{1,128}$/;
const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
/** Refuses what ECS would refuse, and what could mean two things, before anything is changed. */
function checkRunTaskOptions(options, context) {
    if (!runTaskRequested(options)) {
        const stray = strayInput(options);
        if (stray) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${stray}: only used when a one-off task runs: set run-task-command, run-task: true or run-task-container-overrides, or remove ${stray}`);
        }
        return;
    }
    if (options.useOwnCommand && options.command !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-command: run-task: true runs the revision with its own command, so a run-task-command as well is ambiguous: set only one of them');
    }
    if (options.command !== undefined && options.containerOverrides !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-command: run-task-container-overrides also sets what the task runs, so both are ambiguous: put the command into the overrides, or remove them');
    }
    if (options.command !== undefined && options.command.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-command: is empty: write the command to run, such as npm run migrate');
    }
    if (options.launchType !== undefined && options.capacityProviderStrategy !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-launch-type: ECS takes a launch type or a capacity provider strategy, not both: remove run-task-launch-type or run-task-capacity-provider-strategy');
    }
    if (options.launchType !== undefined && !LAUNCH_TYPES.includes(options.launchType)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-launch-type: "${options.launchType}" is not one of ${LAUNCH_TYPES.join(', ')}`);
    }
    if (!STARTED_BY.test(options.startedBy)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-started-by: up to 128 letters, digits, hyphens, underscores and slashes: remove the other characters');
    }
    if (!(options.timeoutMs > 0))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-timeout: must be longer than 0, such as 30m');
    if (!options.wait && context.hasService) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-wait: the service is updated only after the task succeeds, so the run must wait for it: remove run-task-wait: false, or run the task without a service');
    }
    checkNetwork(options, context);
    checkContainers(options, context);
    checkOverridesSize(options, chosenContainer(options, context));
}
/** ECS takes at most this many characters of RunTask overrides, the JSON formatting of the structure included. */
const OVERRIDES_MAX_CHARACTERS = 8192;
/** The overrides RunTask sends for the task, in the JSON form ECS counts. */
function overridesJson(options, container) {
    if (options.command)
        return JSON.stringify({ containerOverrides: [{ name: container, command: options.command }] });
    if (options.containerOverrides)
        return JSON.stringify({ containerOverrides: options.containerOverrides });
    return undefined;
}
/** `container`: the container the command goes to; before it is known, its name counts as empty (a lower bound). */
function checkOverridesSize(options, container) {
    const length = overridesJson(options, container)?.length ?? 0;
    if (length <= OVERRIDES_MAX_CHARACTERS)
        return;
    const input = options.command ? 'run-task-command' : 'run-task-container-overrides';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: makes RunTask overrides of ${length} characters, above the ${OVERRIDES_MAX_CHARACTERS} ECS takes (JSON formatting included); shorten it, or move the values into the task definition`);
}
function strayInput(options) {
    if (options.container !== undefined)
        return 'run-task-container';
    if (options.subnets.length > 0)
        return 'run-task-subnets';
    if (options.securityGroups.length > 0)
        return 'run-task-security-groups';
    if (options.assignPublicIp !== undefined)
        return 'run-task-assign-public-ip';
    if (options.launchType !== undefined)
        return 'run-task-launch-type';
    if (options.capacityProviderStrategy !== undefined)
        return 'run-task-capacity-provider-strategy';
    if (options.tags.length > 0)
        return 'run-task-tags';
    if (options.propagateTags !== undefined)
        return 'run-task-propagate-tags';
    if (options.enableEcsManagedTags !== undefined)
        return 'run-task-enable-ecs-managed-tags';
    if (options.volumeConfigurations !== undefined)
        return 'run-task-managed-ebs-volume';
    return undefined;
}
function checkNetwork(options, context) {
    if (context.networkMode !== 'awsvpc') {
        const given = options.subnets.length > 0 ? 'run-task-subnets'
            : options.securityGroups.length > 0 ? 'run-task-security-groups'
                : options.assignPublicIp !== undefined ? 'run-task-assign-public-ip' : undefined;
        if (given) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${given}: only used when the task definition's network mode is awsvpc (it is ${context.networkMode ?? 'not set'}): remove ${given}`);
        }
        return;
    }
    if (!context.hasService && options.subnets.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-subnets: the task definition uses awsvpc and there is no service to copy the network from: list the subnets the task runs in');
    }
}
function checkContainers(options, context) {
    const chosen = options.container ?? context.defaultContainer;
    if (chosen === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-container: the task definition has ${context.containers.length} containers (${context.containers.join(', ')}): name the one whose exit code decides`);
    }
    if (!context.containers.includes(chosen)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-container: "${chosen}" is not a container of the task definition (${context.containers.join(', ')}): name one of them`);
    }
    for (const override of options.containerOverrides ?? []) {
        if (override.name !== undefined && !context.containers.includes(override.name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-container-overrides: "${override.name}" is not a container of the task definition (${context.containers.join(', ')}): name one of them`);
        }
    }
}
/** The container whose exit code decides: run-task-container, else the container that gets image. */
function chosenContainer(options, context) {
    const chosen = options.container ?? context.defaultContainer;
    if (chosen === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('run-task-container: not set and no container gets image: name the container to run');
    return chosen;
}
// Capacity provider strategy: lines such as `provider=FARGATE_SPOT,weight=2,base=0`, or the JSON array RunTask takes.
const STRATEGY_INPUT = 'run-task-capacity-provider-strategy';
function parseCapacityProviderStrategy(text, inputName = STRATEGY_INPUT) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    const items = trimmed.startsWith('[') ? strategyFromJson(trimmed, inputName) : strategyFromLines(trimmed, inputName);
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: names no capacity provider: write provider=NAME,weight=1`);
    if (items.filter((item) => (item.base ?? 0) > 0).length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: only one capacity provider may have a base above 0: set the others' base to 0`);
    }
    const names = new Set();
    for (const item of items) {
        if (names.has(item.capacityProvider ?? '')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: names ${item.capacityProvider} twice: keep one line per provider`);
        }
        names.add(item.capacityProvider ?? '');
    }
    return items;
}
function strategyFromLines(text, inputName) {
    const items = [];
    for (const [index, raw] of text.split('\n').entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const fields = {};
        for (const part of line.split(',')) {
            const at = part.indexOf('=');
            const key = part.slice(0, at).trim();
            if (at < 0 || key === '') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: line ${index + 1} is not of the form provider=NAME,weight=N,base=N`);
            }
            fields[key === 'capacityProvider' ? 'provider' : key] = part.slice(at + 1).trim();
        }
        items.push(strategyItem(fields, `${inputName}: line ${index + 1}`));
    }
    return items;
}
function strategyFromJson(text, inputName) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: starts with '[' but is not JSON: write [{"capacityProvider":"FARGATE","weight":1}] or provider=FARGATE,weight=1 lines`);
    }
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: expected a JSON array of {capacityProvider, weight, base}`);
    return value.map((element, index) => {
        const where = `${inputName}: element ${index}`;
        if (!isRecord(element))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where} is not an object`);
        const fields = {};
        for (const [key, field] of Object.entries(element)) {
            if (typeof field !== 'string' && typeof field !== 'number')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: ${key} must be a string or a number`);
            fields[key === 'capacityProvider' ? 'provider' : key] = String(field);
        }
        return strategyItem(fields, where);
    });
}
function strategyItem(fields, where) {
    const unknown = Object.keys(fields).filter((key) => !['provider', 'weight', 'base'].includes(key));
    if (unknown.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: unknown field ${unknown.join(', ')}: use provider, weight and base`);
    const provider = fields['provider'];
    if (!provider)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: names no provider: add provider=NAME`);
    const item = { capacityProvider: provider };
    if (fields['weight'] !== undefined)
        item.weight = boundedInteger(fields['weight'], 0, 1000, `${where}: weight`);
    if (fields['base'] !== undefined)
        item.base = boundedInteger(fields['base'], 0, 100_000, `${where}: base`);
    return item;
}
function boundedInteger(text, min, max, what) {
    if (!/^\d+$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what} "${text}" is not a whole number from ${min} to ${max}`);
    const value = Number(text);
    if (value < min || value > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what} ${value} is outside ${min} to ${max}`);
    return value;
}
// Container overrides: the JSON array RunTask's overrides.containerOverrides takes, as aws-actions' input does.
// Fields this SDK does not know would be dropped without a word on the way out, so they are refused instead.
// Messages name fields, never values: an environment value may be a secret.
const OVERRIDES_INPUT = 'run-task-container-overrides';
const OVERRIDE_FIELDS = ['name', 'command', 'environment', 'environmentFiles', 'cpu', 'memory', 'memoryReservation', 'resourceRequirements'];
function parseContainerOverrides(text, inputName = OVERRIDES_INPUT) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    let value;
    try {
        value = JSON.parse(trimmed);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: is not JSON: write a JSON array such as [{"name":"app","command":["npm","run","migrate"]}]`);
    }
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: expected a JSON array of container overrides`);
    const seen = new Set();
    return value.map((element, index) => {
        const where = `${inputName}: element ${index}`;
        if (!isRecord(element))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where} is not an object`);
        const unknown = Object.keys(element).filter((key) => !OVERRIDE_FIELDS.includes(key));
        if (unknown.length > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: unknown field ${unknown.join(', ')}: use ${OVERRIDE_FIELDS.join(', ')}`);
        const name = element['name'];
        if (typeof name !== 'string' || name === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: needs "name", the container it changes`);
        if (seen.has(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: overrides ${name} a second time: merge the two`);
        seen.add(name);
        const override = { name };
        if (element['command'] !== undefined)
            override.command = stringArray(element['command'], `${where}: command`);
        if (element['environment'] !== undefined)
            override.environment = nameValues(element['environment'], `${where}: environment`);
        if (element['environmentFiles'] !== undefined)
            override.environmentFiles = environmentFiles(element['environmentFiles'], `${where}: environmentFiles`);
        for (const field of ['cpu', 'memory', 'memoryReservation']) {
            const number = element[field];
            if (number === undefined)
                continue;
            if (typeof number !== 'number' || !Number.isInteger(number) || number < 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: ${field} must be a whole number`);
            override[field] = number;
        }
        if (element['resourceRequirements'] !== undefined) {
            override.resourceRequirements = records(element['resourceRequirements'], `${where}: resourceRequirements`).map((entry, at) => {
                const type = entry['type'];
                if (type !== 'GPU' && type !== 'InferenceAccelerator')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${where}: resourceRequirements[${at}].type must be GPU or InferenceAccelerator`);
                return { type, value: requiredString(entry['value'], `${where}: resourceRequirements[${at}].value`) };
            });
        }
        return override;
    });
}
function stringArray(value, what) {
    if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what} must be an array of strings`);
    }
    return value;
}
function records(value, what) {
    if (!Array.isArray(value) || !value.every(isRecord))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what} must be an array of objects`);
    return value;
}
function nameValues(value, what) {
    return records(value, what).map((entry, at) => ({
        name: requiredString(entry['name'], `${what}[${at}].name`),
        value: requiredString(entry['value'], `${what}[${at}].value`),
    }));
}
function environmentFiles(value, what) {
    return records(value, what).map((entry, at) => {
        if (entry['type'] !== 's3')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what}[${at}].type must be s3`);
        return { type: 's3', value: requiredString(entry['value'], `${what}[${at}].value`) };
    });
}
function requiredString(value, what) {
    if (typeof value !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${what} must be a string`);
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * RunTaskOptions from the input values; an empty value means "not set".
 * @param splitCommand the `command` input's reader (shell words or a JSON array), given so this module stays small.
 */
function runTaskOptionsFrom(values, splitCommand) {
    const options = {
        useOwnCommand: values.runTask,
        subnets: values.subnets,
        securityGroups: values.securityGroups,
        startedBy: values.startedBy.trim() || RUN_TASK_DEFAULTS.startedBy,
        tags: values.tags,
        wait: values.wait,
        timeoutMs: values.timeoutMs,
    };
    if (values.command.trim() !== '')
        options.command = splitCommand(values.command, 'run-task-command');
    const overrides = parseContainerOverrides(values.containerOverrides);
    if (overrides)
        options.containerOverrides = overrides;
    if (values.container.trim() !== '')
        options.container = values.container.trim();
    const publicIp = values.assignPublicIp.trim().toUpperCase();
    if (publicIp !== '') {
        if (publicIp !== 'ENABLED' && publicIp !== 'DISABLED') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-assign-public-ip: "${values.assignPublicIp}" is not ENABLED or DISABLED`);
        }
        options.assignPublicIp = publicIp;
    }
    if (values.launchType.trim() !== '')
        options.launchType = values.launchType.trim().toUpperCase();
    const strategy = parseCapacityProviderStrategy(values.capacityProviderStrategy);
    if (strategy)
        options.capacityProviderStrategy = strategy;
    const propagate = values.propagateTags.trim().toUpperCase();
    if (propagate !== '') {
        if (propagate !== 'TASK_DEFINITION' && propagate !== 'NONE') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`run-task-propagate-tags: "${values.propagateTags}" is not TASK_DEFINITION or NONE (RunTask cannot copy tags from a service)`);
        }
        options.propagateTags = propagate;
    }
    if (values.enableEcsManagedTags !== undefined)
        options.enableEcsManagedTags = values.enableEcsManagedTags;
    if (values.managedEbsVolume !== undefined)
        options.volumeConfigurations = [values.managedEbsVolume];
    checkOverridesSize(options, options.container ?? '');
    return options;
}


/***/ }),

/***/ 1599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ describePlacement),
/* harmony export */   e: () => (/* binding */ resolvePlacement)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

function resolvePlacement(service, overrides, networkMode) {
    const placement = launch(service, overrides);
    const platformVersion = service?.platformVersion;
    if (platformVersion && placement.launchType !== 'EC2' && placement.launchType !== 'EXTERNAL' && placement.launchType !== 'MANAGED_INSTANCES') {
        placement.platformVersion = platformVersion;
    }
    if (networkMode === 'awsvpc')
        placement.networkConfiguration = { awsvpcConfiguration: awsvpc(service, overrides) };
    return placement;
}
function launch(service, overrides) {
    if (overrides.launchType)
        return { launchType: overrides.launchType };
    if (overrides.capacityProviderStrategy)
        return { capacityProviderStrategy: [...overrides.capacityProviderStrategy] };
    if (service?.capacityProviderStrategy && service.capacityProviderStrategy.length > 0) {
        return { capacityProviderStrategy: service.capacityProviderStrategy.map((item) => ({ ...item })) };
    }
    if (service?.launchType)
        return { launchType: service.launchType };
    return {};
}
function awsvpc(service, overrides) {
    const base = service?.networkConfiguration?.awsvpcConfiguration;
    const subnets = overrides.subnets.length > 0 ? [...overrides.subnets] : base?.subnets ?? [];
    if (subnets.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(service
            ? 'run-task-subnets: the task definition uses awsvpc but the service has no awsvpc network configuration to copy: list the subnets the task runs in'
            : 'run-task-subnets: the task definition uses awsvpc and there is no service to copy the network from: list the subnets the task runs in');
    }
    const configuration = { subnets };
    const securityGroups = overrides.securityGroups.length > 0 ? [...overrides.securityGroups] : base?.securityGroups;
    if (securityGroups && securityGroups.length > 0)
        configuration.securityGroups = securityGroups;
    const assignPublicIp = overrides.assignPublicIp ?? base?.assignPublicIp;
    if (assignPublicIp)
        configuration.assignPublicIp = assignPublicIp;
    return configuration;
}
/** One line for logs and dry runs: where the task runs. */
function describePlacement(placement) {
    const parts = [];
    if (placement.launchType)
        parts.push(`launch type ${placement.launchType}`);
    else if (placement.capacityProviderStrategy) {
        const items = placement.capacityProviderStrategy.map((item) => `${item.capacityProvider}${item.weight !== undefined ? ` weight ${item.weight}` : ''}${item.base ? ` base ${item.base}` : ''}`);
        parts.push(`capacity providers ${items.join(', ')}`);
    }
    else
        parts.push("the cluster's default capacity provider strategy");
    if (placement.platformVersion)
        parts.push(`platform ${placement.platformVersion}`);
    const vpc = placement.networkConfiguration?.awsvpcConfiguration;
    if (vpc) {
        parts.push(`subnets ${(vpc.subnets ?? []).join(', ')}`);
        if (vpc.securityGroups?.length)
            parts.push(`security groups ${vpc.securityGroups.join(', ')}`);
        parts.push(`public IP ${vpc.assignPublicIp === 'ENABLED' ? 'on' : 'off'}`);
    }
    return parts.join('; ');
}


/***/ }),

/***/ 8721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O9: () => (/* binding */ planRunTask),
/* harmony export */   X2: () => (/* binding */ runTaskRequestFor),
/* harmony export */   rg: () => (/* binding */ describeRunTaskPlan)
/* harmony export */ });
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3898);
/* harmony import */ var _placement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1599);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1737);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7635);




/** undefined when no task is asked for; throws InputError for inputs that cannot run (nothing changed yet). */
function planRunTask(input) {
    const containerDefinitions = input.taskDefinition.containerDefinitions ?? [];
    const containers = containerDefinitions.map((definition) => definition.name ?? '');
    const context = {
        hasService: input.service !== undefined,
        networkMode: input.taskDefinition.networkMode,
        containers,
        defaultContainer: input.defaultContainer ?? (containers.length === 1 ? containers[0] : undefined),
    };
    (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRunTaskOptions */ .Ne)(input.options, context);
    if (!(0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .runTaskRequested */ .Pd)(input.options))
        return undefined;
    return {
        cluster: input.cluster,
        container: (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenContainer */ .KH)(input.options, context),
        options: input.options,
        placement: (0,_placement_js__WEBPACK_IMPORTED_MODULE_1__/* .resolvePlacement */ .e)(input.service, input.options, input.taskDefinition.networkMode),
        containerDefinitions,
    };
}
function runTaskRequestFor(plan, taskDefinitionArn, clientToken) {
    return (0,_request_js__WEBPACK_IMPORTED_MODULE_3__/* .buildRunTaskRequest */ .i)({
        cluster: plan.cluster,
        taskDefinitionArn,
        container: plan.container,
        options: plan.options,
        placement: plan.placement,
        clientToken,
    });
}
/** The dry run's lines; `revision` names the revision (family:revision, or "the new revision"). */
function describeRunTaskPlan(plan, revision) {
    return (0,_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRunTask */ .Gs)(runTaskRequestFor(plan, revision, 'dry-run'), plan.container, plan.options.wait, plan.options.timeoutMs);
}


/***/ }),

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ commandOf),
/* harmony export */   i: () => (/* binding */ buildRunTaskRequest)
/* harmony export */ });
function buildRunTaskRequest(parts) {
    const { options, placement } = parts;
    const request = {
        cluster: parts.cluster,
        taskDefinition: parts.taskDefinitionArn,
        count: 1,
        startedBy: options.startedBy,
        clientToken: parts.clientToken.slice(0, 64),
    };
    const containerOverrides = overridesFor(parts.container, options);
    if (containerOverrides)
        request.overrides = { containerOverrides };
    if (options.tags.length > 0)
        request.tags = options.tags.map((tag) => ({ ...tag }));
    if (options.propagateTags)
        request.propagateTags = options.propagateTags;
    if (options.enableEcsManagedTags !== undefined)
        request.enableECSManagedTags = options.enableEcsManagedTags;
    if (options.volumeConfigurations)
        request.volumeConfigurations = structuredClone([...options.volumeConfigurations]);
    if (placement.launchType)
        request.launchType = placement.launchType;
    if (placement.capacityProviderStrategy)
        request.capacityProviderStrategy = placement.capacityProviderStrategy;
    if (placement.platformVersion)
        request.platformVersion = placement.platformVersion;
    if (placement.networkConfiguration)
        request.networkConfiguration = placement.networkConfiguration;
    return request;
}
function overridesFor(container, options) {
    if (options.command)
        return [{ name: container, command: [...options.command] }];
    if (options.containerOverrides)
        return options.containerOverrides.map((override) => ({ ...override }));
    return undefined;
}
/** The command the chosen container runs, as a line to print; undefined when it keeps the revision's own. */
function commandOf(request, container) {
    return request.overrides?.containerOverrides?.find((override) => override.name === container)?.command;
}


/***/ }),

/***/ 9367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ openDryRunSession),
  f: () => (/* binding */ openSession)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/aws/credentials-visible.ts
// Whether any credential source other than an instance role is visible, checked without loading the SDK,
// so that a dry run on a laptop or a fork's pipeline never waits on the metadata service.



const ENV_SOURCES = [
    'AWS_ACCESS_KEY_ID',
    'AWS_PROFILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];
function credentialSourceVisible(env, webIdentityToken) {
    if (webIdentityToken !== '')
        return true;
    if (ENV_SOURCES.some((name) => (env[name] ?? '') !== ''))
        return true;
    const home = env['HOME'] ?? (0,external_node_os_.homedir)();
    const files = [
        env['AWS_SHARED_CREDENTIALS_FILE'] ?? (0,external_node_path_.join)(home, '.aws', 'credentials'),
        env['AWS_CONFIG_FILE'] ?? (0,external_node_path_.join)(home, '.aws', 'config'),
    ];
    return files.some((file) => (0,external_node_fs_.existsSync)(file));
}
function regionFrom(input, env) {
    return input || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || '';
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/session.ts


const DRY_RUN_CREDENTIALS_LIMIT_MS = 3000;
const SESSION_MS = 3_600_000;
/** The session of a run that changes things: a region is required, credentials are the SDK's to find. */
async function openSession(inputs, env, reporter, signal) {
    const region = regionFrom(inputs.region, env);
    if (!region)
        throw new errors/* InputError */.dz('region: not set; set region, or AWS_REGION / AWS_DEFAULT_REGION.');
    return createSessionFor(inputs, region, env, reporter, signal);
}
/**
 * The session of a dry run, which only reads: undefined when there are no credentials or no region, and the
 * dry run plans without comparing with ECS.
 */
async function openDryRunSession(inputs, env, reporter, signal) {
    const region = regionFrom(inputs.region, env);
    if (!credentialSourceVisible(env, inputs.webIdentityToken)) {
        reporter.info('No AWS credentials found: the dry run renders without comparing with ECS.');
        return undefined;
    }
    if (!region) {
        reporter.info('No region set: the dry run renders without comparing with ECS.');
        return undefined;
    }
    const session = await createSessionFor(inputs, region, env, reporter, signal, {
        requestTimeoutMs: DRY_RUN_CREDENTIALS_LIMIT_MS,
        maxAttempts: 2,
    });
    const problem = await withinLimit(session.resolveCredentials(), DRY_RUN_CREDENTIALS_LIMIT_MS);
    if (problem) {
        reporter.warn(`${problem}: the dry run renders without comparing with ECS.`);
        return undefined;
    }
    return session;
}
async function createSessionFor(inputs, region, env, reporter, signal, limits = {}) {
    const { createSession } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(544)]).then(__webpack_require__.bind(__webpack_require__, 5544));
    const credentials = inputs.roleArn ? await webIdentityCredentials(inputs, region, env, reporter, signal) : undefined;
    // The run's cancel reaches every AWS call, so a signal ends a call in flight too.
    const options = {
        region,
        ...(credentials ? { credentials } : {}),
        ...limits,
        signal,
    };
    return createSession(options);
}
async function webIdentityCredentials(inputs, region, env, reporter, signal) {
    const { assumeRoleWithWebIdentity, sessionNameFor } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(695), __webpack_require__.e(850)]).then(__webpack_require__.bind(__webpack_require__, 6850));
    // A rollback can wait as long again as the rollout; the session must not end before both.
    const longestRunMs = inputs.waitTimeoutMs * (inputs.rollback ? 2 : 1);
    if (longestRunMs > SESSION_MS) {
        reporter.warn(`wait-timeout ${inputs.waitTimeoutMs / 60_000}m may outlast the one-hour web identity session; lower wait-timeout, or use credentials that refresh.`);
    }
    return assumeRoleWithWebIdentity({
        roleArn: inputs.roleArn,
        token: inputs.webIdentityToken,
        region,
        sessionName: sessionNameFor(env),
        reporter,
        signal,
    });
}
async function withinLimit(pending, limitMs) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(`no AWS credentials within ${limitMs / 1000}s`), limitMs);
    });
    try {
        return await Promise.race([
            pending.then(() => undefined, (error) => `AWS credentials could not be loaded (${(0,errors/* errorMessage */.gJ)(error).split('\n')[0] ?? ''})`),
            timeout,
        ]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 4765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ checkTaskSize)
/* harmony export */ });
/* unused harmony exports FARGATE_SIZES_FILE, FARGATE_SIZES, taskCpuUnits, taskMemoryMiB, fargateMemoryFor */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _task_size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3173);
// Task-level cpu and memory: the forms ECS takes, and the cpu/memory pairs Fargate runs. The one table of
// Fargate sizes: error messages point here, so a new size is added in this file alone.


const FARGATE_SIZES_FILE = 'src/taskdef/fargate-sizes.ts';
/** AWS Fargate task sizes (Linux), CPU units → memory in MiB. */
const FARGATE_SIZES = [
    { cpu: 256, memory: [512, 1024, 2048] },
    { cpu: 512, memory: { from: 1024, to: 4096, step: 1024 } },
    { cpu: 1024, memory: { from: 2048, to: 8192, step: 1024 } },
    { cpu: 2048, memory: { from: 4096, to: 16_384, step: 1024 } },
    { cpu: 4096, memory: { from: 8192, to: 30_720, step: 1024 } },
    { cpu: 8192, memory: { from: 16_384, to: 61_440, step: 4096 } },
    { cpu: 16_384, memory: { from: 32_768, to: 122_880, step: 8192 } },
];
/** Task cpu in CPU units ("256", "1 vCPU", "0.25 vcpu"), or undefined when it is in neither form. */
function taskCpuUnits(cpu) {
    const units = (0,_task_size_js__WEBPACK_IMPORTED_MODULE_1__/* .cpuUnits */ .M)(cpu.trim());
    return /^\d+$/.test(units) && Number(units) > 0 ? Number(units) : undefined;
}
/** Task memory in MiB ("512", "2 GB", "0.5GB"), or undefined when it is in neither form. */
function taskMemoryMiB(memory) {
    const mib = (0,_task_size_js__WEBPACK_IMPORTED_MODULE_1__/* .memoryMiB */ .I)(memory.trim());
    return /^\d+$/.test(mib) && Number(mib) > 0 ? Number(mib) : undefined;
}
function fargateMemoryFor(cpu) {
    const size = FARGATE_SIZES.find((entry) => entry.cpu === cpu);
    if (!size)
        return undefined;
    if (Array.isArray(size.memory))
        return size.memory;
    const { from, to, step } = size.memory;
    const values = [];
    for (let mib = from; mib <= to; mib += step)
        values.push(mib);
    return values;
}
/**
 * Checks the forms of task cpu and memory and, for Fargate, that they make a size Fargate runs.
 * `label` names where they come from, such as "task-cpu" or "web.json: cpu".
 */
function checkTaskSize(size, fargate, labels) {
    const cpu = size.cpu === undefined ? undefined : taskCpuUnits(size.cpu);
    if (size.cpu !== undefined && cpu === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${labels.cpu}: "${size.cpu}" is not a task CPU; write CPU units (256, 1024) or vCPU (0.25 vCPU, 1 vCPU).`);
    }
    const memory = size.memory === undefined ? undefined : taskMemoryMiB(size.memory);
    if (size.memory !== undefined && memory === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${labels.memory}: "${size.memory}" is not a task memory; write MiB (512, 2048) or GB (0.5 GB, 2 GB).`);
    }
    if (!fargate)
        return;
    if (cpu === undefined || memory === undefined) {
        const missing = cpu === undefined ? labels.cpu : labels.memory;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${missing}: Fargate needs a task cpu and memory; set one of the sizes listed in ${FARGATE_SIZES_FILE}.`);
    }
    const memoryOptions = fargateMemoryFor(cpu);
    if (!memoryOptions) {
        const cpus = FARGATE_SIZES.map((entry) => entry.cpu).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${labels.cpu}: Fargate runs no task of ${cpu} CPU units; use one of ${cpus} (see ${FARGATE_SIZES_FILE}).`);
    }
    if (!memoryOptions.includes(memory)) {
        const range = `${memoryOptions[0]}..${memoryOptions.at(-1)} MiB`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${labels.memory}: Fargate runs ${cpu} CPU units with ${range} in the steps listed in ${FARGATE_SIZES_FILE}, not ${memory} MiB; pick a pair from there.`);
    }
}


/***/ }),

/***/ 5982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ parseTaskDefinitionText),
/* harmony export */   BD: () => (/* binding */ readTaskDefinitionFile),
/* harmony export */   Rg: () => (/* binding */ toTaskDefinitionDocument),
/* harmony export */   Tf: () => (/* binding */ needsYaml),
/* harmony export */   kE: () => (/* binding */ mergeTags)
/* harmony export */ });
/* unused harmony exports MAX_FILE_BYTES, MAX_DEPTH */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plain_data_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2209);
/* harmony import */ var _read_only_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4489);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8516);
// Reads a task definition file (JSON or YAML) in either shape people keep them in: the RegisterTaskDefinition
// input, or the DescribeTaskDefinition output (`{"taskDefinition": {...}, "tags": [...]}`) saved from the CLI.
// Fields this code does not know are kept as written. Messages say where the problem is, never the text
// around it: a task definition file may hold environment values.





/** A task definition file is far larger than any ECS registers (64 KiB) well before this. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper than any task definition nests; deeper data is refused before code that walks it. */
const MAX_DEPTH = 64;
/**
 * Reads a task definition file as text, bounded: a device (/dev/zero), a directory or a file over
 * MAX_FILE_BYTES is refused, named by the input, before it is read whole.
 */
function readTaskDefinitionFile(path, shownAs = path, inputName = 'task-definition') {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
    }
    catch (error) {
        const code = error.code ?? String(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${inputName}: cannot read "${shownAs}" (${code}); give a path relative to the working directory.`);
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${inputName}: "${shownAs}" is not a regular file; give the path of a JSON or YAML task definition.`);
        }
        if (stat.size > MAX_FILE_BYTES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${inputName}: "${shownAs}" is ${stat.size} bytes; a task definition file is at most ${MAX_FILE_BYTES} bytes.`);
        }
        const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (read === 0)
                break;
            length += read;
            if (length > MAX_FILE_BYTES) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${inputName}: "${shownAs}" is over ${MAX_FILE_BYTES} bytes; a task definition file is at most that.`);
            }
        }
        return buffer.subarray(0, length).toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Whether parseTaskDefinitionText needs the YAML library for this text: anything but a plain JSON document (YAML,
 * a YAML flow mapping starting with '{', or text no parser accepts, whose message comes from both).
 */
function needsYaml(text) {
    const content = withoutBom(text);
    if (!/^\s*[{[]/.test(content))
        return content.trim() !== '';
    try {
        JSON.parse(content);
        return false;
    }
    catch {
        return true;
    }
}
/**
 * Parses a task definition file's text; messages start with the input and the file: "task-definition: web.json: ...".
 * `yaml` may be left out when needsYaml(text) is false.
 */
function parseTaskDefinitionText(text, source, yaml, inputName = 'task-definition') {
    const named = `${inputName}: ${source}`;
    if (text.length > MAX_FILE_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${named}: the file is over ${MAX_FILE_BYTES} bytes; a task definition file is at most that.`);
    }
    const data = parseJsonOrYaml(text, named, yaml);
    checkDepth(data, named);
    const document = toTaskDefinitionDocument(data, named);
    (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .checkTaskDefinitionTypes */ .GQ)(document.taskDefinition, named);
    return document;
}
/** The deepest bracket nesting in the text, strings included: an overestimate is harmless at the bound used. */
function bracketDepth(text) {
    let depth = 0;
    let deepest = 0;
    for (let i = 0; i < text.length; i++) {
        const char = text.charCodeAt(i);
        if (char === 91 || char === 123)
            deepest = Math.max(deepest, ++depth);
        else if ((char === 93 || char === 125) && depth > 0)
            depth--;
    }
    return deepest;
}
function checkDepth(value, source) {
    const pending = [[value, 0]];
    for (let next = pending.pop(); next; next = pending.pop()) {
        const [item, depth] = next;
        if (typeof item !== 'object' || item === null)
            continue;
        if (depth > MAX_DEPTH)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: nested more than ${MAX_DEPTH} levels deep; a task definition never is`);
        for (const child of Object.values(item))
            pending.push([child, depth + 1]);
    }
}
/**
 * Turns parsed data, or a DescribeTaskDefinition answer from the SDK, into a document that can be edited and
 * registered: read-only fields and nulls dropped, tags beside the definition.
 */
function toTaskDefinitionDocument(value, source) {
    const root = (0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .withoutNulls */ .Le)(value);
    if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(root)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: expected a task definition object, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(root)}`);
    }
    const described = 'taskDefinition' in root;
    const body = described ? root['taskDefinition'] : root;
    if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(body)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: taskDefinition must be an object, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(body)}`);
    }
    const taskDefinition = {};
    for (const [key, field] of Object.entries(body)) {
        if (!_read_only_js__WEBPACK_IMPORTED_MODULE_4__/* .READ_ONLY_FIELDS */ .O.includes(key) && key !== 'tags')
            taskDefinition[key] = field;
    }
    checkContainers(taskDefinition['containerDefinitions'], source);
    for (const key of ['cpu', 'memory']) {
        // YAML reads `cpu: 256` as a number; RegisterTaskDefinition takes the task size as a string.
        const size = taskDefinition[key];
        if (typeof size === 'number' && Number.isInteger(size))
            taskDefinition[key] = String(size);
    }
    const tags = mergeTags(readTags(body['tags'], source, 'tags'), described ? readTags(root['tags'], source, 'tags') : []);
    return { taskDefinition: taskDefinition, tags };
}
function parseJsonOrYaml(text, source, yaml) {
    // Parsers take long or overflow the stack on brackets nested thousands deep; a quick count refuses them first.
    if (bracketDepth(text) > MAX_DEPTH * 16)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: nested more than ${MAX_DEPTH} levels deep; a task definition never is`);
    try {
        return parseJsonOrYamlText(text, source, yaml);
    }
    catch (error) {
        if (error instanceof RangeError)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: nested too deeply to read; a task definition never is`);
        throw error;
    }
}
const withoutBom = (text) => (text.startsWith('\uFEFF') ? text.slice(1) : text);
function parseJsonOrYamlText(text, source, yaml) {
    const content = withoutBom(text);
    const parseYaml = (yamlText) => {
        if (!yaml)
            throw new Error(`parseTaskDefinitionText: ${source} is not plain JSON and no YAML library was given (see needsYaml)`);
        return parseYamlWith(yaml, yamlText);
    };
    if (content.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: the file is empty: it must hold a task definition (JSON or YAML)`);
    const looksLikeJson = /^\s*[{[]/.test(content);
    if (looksLikeJson) {
        try {
            return JSON.parse(content);
        }
        catch (error) {
            // A YAML flow mapping (unquoted keys, trailing commas) also starts with '{'.
            const parsed = parseYaml(content);
            if (parsed.ok)
                return parsed.value;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: invalid JSON${jsonErrorDetail(error, content, parsed.position)}`);
        }
    }
    const parsed = parseYaml(content);
    if (parsed.ok)
        return parsed.value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: invalid YAML${parsed.position ? ` at line ${parsed.position.line}, column ${parsed.position.col}` : ''}: ${parsed.reason}`);
}
function parseYamlWith({ parseDocument }, text) {
    // YAML 1.2 core schema: `on`, `yes` and `no` stay strings, as in JSON.
    const document = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    const [error] = document.errors;
    if (!error) {
        try {
            return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
        }
        catch (aliasError) {
            if (aliasError instanceof RangeError)
                throw aliasError;
            // An alias bomb: the data would expand far beyond anything a task definition holds.
            return { ok: false, reason: `its aliases expand too far (${aliasError instanceof Error ? aliasError.message.split('\n')[0] : 'alias'})` };
        }
    }
    const position = error.linePos?.[0];
    // The message ends with the lines around the error, which are not for the log.
    const reason = error.code === 'MULTIPLE_DOCS'
        ? 'the file holds several YAML documents: keep one'
        : error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
    return position ? { ok: false, reason, position } : { ok: false, reason };
}
function jsonErrorDetail(error, text, fallback) {
    const message = error instanceof Error ? error.message : '';
    // Node may quote the text it failed on (`, "..." is not valid JSON`); only the reason before it is printed.
    const reason = message.replace(/, (\.\.\.)?".*$/s, '').replace(/( in JSON)? at position \d+.*$/s, '');
    const offset = /at position (\d+)/.exec(message)?.[1];
    const position = offset === undefined ? fallback : positionOf(text, Number(offset));
    return `${position ? ` at line ${position.line}, column ${position.col}` : ''}${reason ? `: ${reason}` : ''}`;
}
function positionOf(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}
function checkContainers(containers, source) {
    if (containers === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: containerDefinitions is missing: a task definition needs a list of containers`);
    }
    if (!Array.isArray(containers)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: containerDefinitions must be a list, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(containers)}`);
    }
    for (const [index, container] of containers.entries()) {
        const where = `containerDefinitions[${index}]`;
        if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(container))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${where} must be an object, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(container)}`);
        checkNamedStrings(container, 'environment', 'value', source, where);
        checkNamedStrings(container, 'secrets', 'valueFrom', source, where);
    }
}
/** environment and secrets: lists of {name, value|valueFrom} whose values are strings ECS passes on as written. */
function checkNamedStrings(container, field, valueKey, source, where) {
    const list = container[field];
    if (list === undefined)
        return;
    if (!Array.isArray(list))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${where}.${field} must be a list, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(list)}`);
    for (const [index, entry] of list.entries()) {
        const at = `${where}.${field}[${index}]`;
        if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(entry))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at} must be an object with name and ${valueKey}`);
        if (typeof entry['name'] !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at}.name must be a string`);
        const value = entry[valueKey];
        if (value !== undefined && typeof value !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at}.${valueKey} (${entry['name']}) must be a string, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(value)}: quote it`);
        }
    }
}
function readTags(value, source, where) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${where} must be a list of {key, value}, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(value)}`);
    return value.map((entry, index) => {
        const at = `${where}[${index}]`;
        if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(entry))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at} must be an object with key and value`);
        const { key, value: tagValue = '' } = entry;
        if (typeof key !== 'string' || key === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at}.key must be a non-empty string`);
        if (typeof tagValue !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: ${at}.value (${key}) must be a string, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_3__/* .describeKind */ .SB)(tagValue)}: quote it`);
        return { key, value: tagValue };
    });
}
/** Tags by key; a later list wins, a key keeps the place it first had. */
function mergeTags(...lists) {
    const merged = new Map();
    for (const list of lists)
        for (const tag of list)
            merged.set(tag.key, tag.value);
    return [...merged].map(([key, value]) => ({ key, value }));
}


/***/ }),

/***/ 2209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Le: () => (/* binding */ withoutNulls),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   SB: () => (/* binding */ describeKind),
/* harmony export */   dj: () => (/* binding */ canonicalJson)
/* harmony export */ });
// Helpers for the JSON-shaped data task definitions are made of.
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/** A copy without null or undefined anywhere: ECS treats them as absent, and the SDK drops them. */
function withoutNulls(value) {
    if (Array.isArray(value))
        return value.filter((item) => item !== null && item !== undefined).map(withoutNulls);
    if (!isPlainObject(value))
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        if (item !== null && item !== undefined)
            copy[key] = withoutNulls(item);
    }
    return copy;
}
/** JSON with object keys sorted, so equal data gives equal text whatever order its keys were written in. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, item) => {
        if (!isPlainObject(item))
            return item;
        const sorted = {};
        for (const key of Object.keys(item).sort())
            sorted[key] = item[key];
        return sorted;
    });
}
function describeKind(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 8772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O_: () => (/* binding */ portInputsGiven),
/* harmony export */   Pj: () => (/* binding */ sharesHostPorts),
/* harmony export */   Yn: () => (/* binding */ checkPort),
/* harmony export */   kM: () => (/* binding */ formatPortMappings),
/* harmony export */   wh: () => (/* binding */ applyPortEdit),
/* harmony export */   xB: () => (/* binding */ checkSharedHostPort)
/* harmony export */ });
/* unused harmony export formatPortMapping */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Port mappings and the network mode rules ECS applies to them.

/** Under these modes the container's port is the host's: hostPort must be left out or equal containerPort. */
function sharesHostPorts(networkMode) {
    return networkMode === 'awsvpc' || networkMode === 'host';
}
function formatPortMapping(mapping) {
    const range = mapping['containerPortRange'];
    const container = mapping.containerPort ?? (typeof range === 'string' ? range : '?');
    const protocol = mapping.protocol ?? 'tcp';
    const host = mapping.hostPort;
    if (host === undefined || host === 0 || host === mapping.containerPort)
        return `${container}/${protocol}`;
    return `${host}:${container}/${protocol}`;
}
function formatPortMappings(mappings) {
    if (!mappings || mappings.length === 0)
        return '(none)';
    return mappings.map(formatPortMapping).join(', ');
}
function checkPort(inputName, port, lowest) {
    if (!Number.isInteger(port) || port < lowest || port > 65535) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${inputName}: ${port} is not a port number: use a whole number from ${lowest} to 65535`);
    }
}
/** host-port under awsvpc or host: 0 means "the container port", any other value must equal it, as ECS requires. */
function checkSharedHostPort(hostPort, containerPort, networkMode) {
    if (!sharesHostPorts(networkMode) || hostPort === 0 || hostPort === containerPort)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`host-port: under ${networkMode ?? ''} the host port must equal container-port (${containerPort}), as ECS requires: leave host-port unset or set it to ${containerPort}`);
}
/** The names of the port inputs an edit gives, for messages and for choosing the container. */
function portInputsGiven(edit) {
    if (!edit)
        return [];
    return [
        ...(edit.containerPort !== undefined ? ['container-port'] : []),
        ...(edit.hostPort !== undefined ? ['host-port'] : []),
        ...(edit.protocol !== undefined ? ['protocol'] : []),
    ];
}
/**
 * container-port, host-port and protocol on an existing container: the mapping of that container port gets
 * host-port and protocol (or a new mapping is added); other mappings stay, and a mapping that already says the
 * same is left exactly as it is, so an unchanged rerun renders an unchanged definition.
 * Without container-port, host-port and protocol apply to the container's only mapping.
 */
function applyPortEdit(container, edit, networkMode) {
    const given = portInputsGiven(edit);
    if (given.length === 0)
        return;
    const name = container.name ?? '?';
    if (edit.hostPort !== undefined)
        checkPort('host-port', edit.hostPort, 0);
    if (networkMode === 'none') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${given.join(', ')}: a task with network mode none has no ports: remove ${given.length === 1 ? 'it' : 'them'} or choose another network-mode`);
    }
    const mappings = container.portMappings ?? [];
    const target = edit.containerPort === undefined ? onlyMapping(mappings, name, given) : mappingFor(mappings, edit, name);
    if (!target) {
        container.portMappings = [...mappings, newMapping(edit, networkMode)];
        return;
    }
    const containerPort = target.containerPort;
    if (containerPort === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${given.join(', ')}: the port mapping of container "${name}" is a port range (${formatPortMapping(target)}): set container-port, or change the range in a task definition file`);
    }
    if (edit.hostPort !== undefined) {
        checkSharedHostPort(edit.hostPort, containerPort, networkMode);
        if (!sharesHostPorts(networkMode)) {
            if ((target.hostPort ?? 0) !== edit.hostPort)
                target.hostPort = edit.hostPort;
        }
        else if (target.hostPort !== undefined && target.hostPort !== containerPort) {
            // host-port 0 or the container port: both mean "the container port" here, as ECS answers it.
            delete target.hostPort;
        }
    }
    if (edit.protocol !== undefined && (target.protocol ?? 'tcp') !== edit.protocol)
        target.protocol = edit.protocol;
}
function onlyMapping(mappings, name, given) {
    const only = mappings.length === 1 ? mappings[0] : undefined;
    if (only)
        return only;
    const inputs = given.join(' and ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(mappings.length === 0
        ? `${inputs}: container "${name}" has no port mapping to apply ${given.length === 1 ? 'it' : 'them'} to: set container-port too`
        : `${inputs}: container "${name}" has ${mappings.length} port mappings (${formatPortMappings(mappings)}): set container-port to the one ${given.length === 1 ? 'it applies' : 'they apply'} to`);
}
function mappingFor(mappings, edit, name) {
    const containerPort = edit.containerPort ?? 0;
    checkPort('container-port', containerPort, 1);
    const samePort = mappings.filter((mapping) => mapping.containerPort === containerPort);
    const candidates = samePort.length > 1 && edit.protocol !== undefined ? samePort.filter((mapping) => (mapping.protocol ?? 'tcp') === edit.protocol) : samePort;
    if (candidates.length <= 1)
        return candidates[0];
    // 53/tcp and 53/udp: nothing to change unless host-port says what, and then protocol must pick one.
    if (edit.hostPort === undefined)
        return candidates[0];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`container-port: container "${name}" maps ${containerPort} more than once (${formatPortMappings(candidates)}): set protocol to the one host-port applies to`);
}
function newMapping(edit, networkMode) {
    const containerPort = edit.containerPort ?? 0;
    const hostPort = edit.hostPort ?? 0;
    const protocol = edit.protocol ?? 'tcp';
    checkSharedHostPort(hostPort, containerPort, networkMode);
    // Under awsvpc and host ECS answers hostPort equal to containerPort; left out, the two compare the same.
    return sharesHostPorts(networkMode) ? { containerPort, protocol } : { hostPort, containerPort, protocol };
}


/***/ }),

/***/ 4489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ READ_ONLY_FIELDS)
/* harmony export */ });
/** Fields DescribeTaskDefinition answers that RegisterTaskDefinition does not take. */
const READ_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
];


/***/ }),

/***/ 3173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ memoryMiB),
/* harmony export */   M: () => (/* binding */ cpuUnits)
/* harmony export */ });
// Task-level cpu and memory may be written in vCPU and GB; ECS stores them as CPU units and MiB.
const VCPU = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*vcpu\s*$/i;
const GB = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*gb\s*$/i;
/** "1 vCPU" → "1024", "0.25 vcpu" → "256"; anything else unchanged. */
function cpuUnits(cpu) {
    return scaled(cpu, VCPU);
}
/** "1 GB" → "1024", "0.5GB" → "512"; anything else unchanged. */
function memoryMiB(memory) {
    return scaled(memory, GB);
}
function scaled(value, unit) {
    const amount = unit.exec(value)?.[1];
    if (amount === undefined)
        return value;
    const result = Number(amount) * 1024;
    return Number.isInteger(result) ? String(result) : value;
}


/***/ }),

/***/ 8516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GQ: () => (/* binding */ checkTaskDefinitionTypes),
/* harmony export */   Ju: () => (/* binding */ FAMILY),
/* harmony export */   RA: () => (/* binding */ checkTagLimits),
/* harmony export */   qp: () => (/* binding */ validateTaskDefinitionDocument),
/* harmony export */   rO: () => (/* binding */ COMPATIBILITIES)
/* harmony export */ });
/* unused harmony export TAG_LIMITS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _fargate_sizes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4765);
/* harmony import */ var _plain_data_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2209);
// Checks a task definition document against the types and limits ECS documents, so that a wrongly typed field
// or a size Fargate does not run is refused before any call, named by its path (containerDefinitions[0].memory).
// Pure: takes a document, throws InputError. Fields not listed here are left to ECS.



const PORT_MAPPING = { containerPort: 'integer', hostPort: 'integer', protocol: 'string', name: 'string', appProtocol: 'string', containerPortRange: 'string' };
const NAMED_VALUE = { name: 'string', value: 'string' };
const SECRET = { name: 'string', valueFrom: 'string' };
const CONTAINER = {
    name: 'string',
    image: 'string',
    cpu: 'integer',
    memory: 'integer',
    memoryReservation: 'integer',
    essential: 'boolean',
    portMappings: { list: PORT_MAPPING },
    environment: { list: NAMED_VALUE },
    secrets: { list: SECRET },
    command: 'strings',
    entryPoint: 'strings',
    links: 'strings',
    dnsServers: 'strings',
    workingDirectory: 'string',
    user: 'string',
    privileged: 'boolean',
    readonlyRootFilesystem: 'boolean',
    interactive: 'boolean',
    pseudoTerminal: 'boolean',
    startTimeout: 'integer',
    stopTimeout: 'integer',
    repositoryCredentials: { object: { credentialsParameter: 'string' } },
    healthCheck: { object: { command: 'strings', interval: 'integer', timeout: 'integer', retries: 'integer', startPeriod: 'integer' } },
    logConfiguration: { object: { logDriver: 'string', options: 'string-map' } },
    dependsOn: { list: { containerName: 'string', condition: 'string' } },
    ulimits: { list: { name: 'string', softLimit: 'integer', hardLimit: 'integer' } },
    mountPoints: { list: { sourceVolume: 'string', containerPath: 'string', readOnly: 'boolean' } },
    dockerLabels: 'string-map',
};
const TASK_DEFINITION = {
    family: 'string',
    taskRoleArn: 'string',
    executionRoleArn: 'string',
    networkMode: 'string',
    requiresCompatibilities: 'strings',
    cpu: 'string',
    memory: 'string',
    pidMode: 'string',
    ipcMode: 'string',
    containerDefinitions: { list: CONTAINER },
};
/** The launch types ECS knows for requiresCompatibilities. */
const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
/** A task definition family as ECS takes it. */
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const TAG_LIMITS = { count: 50, key: 128, value: 256 };
/** ECS's limits on tags: 50 at most, keys up to 128 characters, values up to 256, no key starting with aws:. */
function checkTagLimits(source, tags) {
    if (tags.length > TAG_LIMITS.count) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: ${tags.length} tags, but ECS takes at most ${TAG_LIMITS.count}; remove ${tags.length - TAG_LIMITS.count}.`);
    }
    for (const tag of tags) {
        if (tag.key.toLowerCase().startsWith('aws:')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: the tag key "${tag.key}" starts with "aws:", which AWS reserves: choose another key.`);
        }
        if (tag.key.length > TAG_LIMITS.key) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: the tag key "${tag.key.slice(0, 20)}..." is ${tag.key.length} characters; ECS takes at most ${TAG_LIMITS.key}.`);
        }
        if (tag.value.length > TAG_LIMITS.value) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: the value of tag "${tag.key}" is ${tag.value.length} characters; ECS takes at most ${TAG_LIMITS.value}.`);
        }
    }
}
/** Throws InputError naming the first field whose type ECS would refuse, as `source: path must be ...`. */
function checkTaskDefinitionTypes(taskDefinition, source) {
    checkShape(taskDefinition, TASK_DEFINITION, '', source);
}
/**
 * Checks a rendered (or read) task definition document before anything is registered: field types, the family
 * name, the launch types, the tags, the task size in ECS's forms and, with FARGATE, a cpu/memory pair Fargate
 * runs. Throws InputError; messages start with `source`.
 */
function validateTaskDefinitionDocument(document, source = 'task definition') {
    const { taskDefinition } = document;
    checkTaskDefinitionTypes(taskDefinition, source);
    if (taskDefinition.family !== undefined && !FAMILY.test(taskDefinition.family)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: family "${taskDefinition.family}" is not a task definition family; use up to 255 letters, digits, hyphens and underscores.`);
    }
    const compatibilities = taskDefinition.requiresCompatibilities ?? [];
    const unknown = compatibilities.find((value) => !COMPATIBILITIES.includes(value));
    if (unknown !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: requiresCompatibilities: "${unknown}" is not a launch type ECS knows; use ${COMPATIBILITIES.join(', ')}.`);
    }
    checkTagLimits(`${source}: tags`, document.tags);
    (0,_fargate_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .checkTaskSize */ .$0)({
        ...(taskDefinition.cpu !== undefined ? { cpu: taskDefinition.cpu } : {}),
        ...(taskDefinition.memory !== undefined ? { memory: taskDefinition.memory } : {}),
    }, compatibilities.includes('FARGATE'), { cpu: `${source}: cpu`, memory: `${source}: memory` });
}
function checkShape(value, shape, path, source) {
    if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(value))
        throw typeError(source, path || 'the task definition', 'an object', value);
    for (const [field, type] of Object.entries(shape)) {
        const item = value[field];
        if (item === undefined)
            continue;
        checkField(item, type, path ? `${path}.${field}` : field, source);
    }
}
function checkField(value, type, path, source) {
    if (type === 'string') {
        if (typeof value !== 'string')
            throw typeError(source, path, 'a string', value, typeof value === 'number' || typeof value === 'boolean');
    }
    else if (type === 'integer') {
        if (typeof value !== 'number' || !Number.isInteger(value))
            throw typeError(source, path, 'a whole number', value);
    }
    else if (type === 'boolean') {
        if (typeof value !== 'boolean')
            throw typeError(source, path, 'true or false', value);
    }
    else if (type === 'strings') {
        if (!Array.isArray(value))
            throw typeError(source, path, 'a list of strings', value);
        for (const [index, item] of value.entries())
            checkField(item, 'string', `${path}[${index}]`, source);
    }
    else if (type === 'string-map') {
        if (!(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(value))
            throw typeError(source, path, 'an object of strings', value);
        for (const [key, item] of Object.entries(value))
            checkField(item, 'string', `${path}.${key}`, source);
    }
    else if ('list' in type) {
        if (!Array.isArray(value))
            throw typeError(source, path, 'a list', value);
        for (const [index, item] of value.entries())
            checkShape(item, type.list, `${path}[${index}]`, source);
    }
    else {
        checkShape(value, type.object, path, source);
    }
}
function typeError(source, path, expected, found, quote = false) {
    // The value itself is not printed: it may be an environment value or a secret's source.
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: ${path} must be ${expected}, found ${(0,_plain_data_js__WEBPACK_IMPORTED_MODULE_2__/* .describeKind */ .SB)(found)}${quote ? ': quote it' : ''}`);
}


/***/ }),

/***/ 2873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ ChangedLines)
/* harmony export */ });
// What every kind prints while it waits: of the lines one answer gives, each keyed by what it is about, only those
// that changed since that key was last printed.
class ChangedLines {
    last = new Map();
    changed(lines) {
        return lines.filter(([key, line]) => this.remember(key, line)).map(([, line]) => line);
    }
    remember(key, line) {
        if (this.last.get(key) === line)
            return false;
        this.last.set(key, line);
        return true;
    }
}


/***/ }),

/***/ 695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ unknown),
/* harmony export */   XR: () => (/* binding */ cancelledState),
/* harmony export */   qP: () => (/* binding */ rollBackOnCancel),
/* harmony export */   sv: () => (/* binding */ unknownMessage)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6429);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7607);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2724);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8263);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4484);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);





/**
 * ECS stopped answering, or answered in a way no retry can fix: say what was last seen, and when. Nothing is
 * rolled back and no stopped tasks are read: the deployment may well have completed.
 */
function unknown(ctx, result, headline) {
    const { reporter, target, options } = ctx;
    const { message, lastSeen } = unknownMessage(ctx, result, headline);
    reporter.error(message);
    const deployments = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentsOf */ .o)(result.last?.service ?? {});
    if (deployments.length > 0)
        reporter.info('Deployments in the last answer:');
    for (const deployment of deployments)
        reporter.info(`  ${(0,_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentLine */ .CO)(deployment)}`);
    if (options.rollback)
        reporter.info('Not rolling back: the outcome is not known.');
    reporter.info(`Console: ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_3__/* .consoleUrl */ .B9)(target.region, target.cluster, target.service)}`);
    return { status: 'UNKNOWN', message, ...lastSeen };
}
function unknownMessage(ctx, result, headline) {
    const { clock, options, target } = ctx;
    const now = clock.now();
    const end = result.end;
    const answeredAt = result.lastAnsweredAt;
    const why = end.kind === 'watch-error' && 'message' in end
        ? `could not follow the rollout of ${target.service}: ${String(end.message)}`
        : answeredAt === undefined
            ? `ECS did not answer during the ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(options.timeoutMs)} wait (${result.problem ?? 'no answer'})`
            : `ECS did not answer in the last ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(now - answeredAt)} of the ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(options.timeoutMs)} wait (${result.problem ?? 'no answer'})`;
    if (result.last === undefined || answeredAt === undefined) {
        const nothingSeen = end.kind === 'watch-error' ? 'nothing seen of the deployment before that' : 'no answer from ECS since the watch began';
        return { message: `${headline}: ${why}; ${nothingSeen}`, lastSeen: {} };
    }
    const seen = (0,_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .stateLine */ .qo)(result.last.service, result.followed.deploymentId);
    const at = new Date(answeredAt).toISOString().slice(11, 19);
    return {
        message: `${headline}: ${why}; last seen at ${at} UTC (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(now - answeredAt)} ago): ${seen}`,
        lastSeen: { lastSeen: seen, lastSeenAt: new Date(answeredAt).toISOString() },
    };
}
function cancelledState(ctx, result, message, failure) {
    const { reporter, clock } = ctx;
    reporter.warn(message);
    const deployments = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentsOf */ .o)(result.last?.service ?? {});
    if (deployments.length > 0) {
        const age = result.problem !== undefined && result.lastAnsweredAt !== undefined ? clock.now() - result.lastAnsweredAt : undefined;
        reporter.info(age === undefined ? 'Deployments when cancelled:' : `Deployments in the last answer, ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(age)} before the cancel:`);
        for (const deployment of deployments)
            reporter.info(`  ${(0,_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentLine */ .CO)(deployment)}`);
    }
    return { status: 'CANCELLED', message, ...(failure ? { failure } : {}) };
}
/**
 * Sends the rollback a cancel asks for (`request`, on a client the cancel does not abort) and says how it went,
 * waiting at most CANCEL_ANSWER_CAP_MS for the answer to that one call, not for the rollback itself.
 */
async function rollBackOnCancel(request, rollback, clock) {
    const { call, to, answeredBy = 'ECS', byHand } = rollback;
    const answer = await (0,_settle_js__WEBPACK_IMPORTED_MODULE_5__/* .settleWithin */ .fb)(request, _settle_js__WEBPACK_IMPORTED_MODULE_5__/* .CANCEL_ANSWER_CAP_MS */ .aT, clock);
    const orByHand = byHand ? `; ${byHand}` : '';
    if (answer.state === 'fulfilled')
        return `the rollback to ${to} started (${answeredBy} answered the ${call})`;
    if (answer.state === 'rejected')
        return `the rollback to ${to} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(answer.error)}${orByHand}`;
    return `the rollback to ${to} was requested, but ${answeredBy} did not answer the ${call} within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a)(_settle_js__WEBPACK_IMPORTED_MODULE_5__/* .CANCEL_ANSWER_CAP_MS */ .aT)}: it may not have started${orByHand}`;
}


/***/ }),

/***/ 9040:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G$: () => (/* binding */ STOPPED_TASKS_WAIT_MS),
/* harmony export */   xV: () => (/* binding */ reportFailure)
/* harmony export */ });
/* unused harmony exports EVENTS_SHOWN, eventsOfDeployment, collectFailure, failureLines */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7607);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6429);
/* harmony import */ var _read_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6255);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2724);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4484);
/* harmony import */ var _stopped_tasks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8985);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8263);






const EVENTS_SHOWN = 20;
/** How long the report waits for the stopped tasks: ECS may be the reason the rollout could not finish. */
const STOPPED_TASKS_WAIT_MS = 10_000;
/** Service events of this watch, and any older ones that name the deployment, oldest first. */
function eventsOfDeployment(result) {
    const id = result.followed.deploymentId;
    const printed = new Set(result.events.map(_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .eventKey */ .Mk));
    const naming = (result.last?.service.events ?? []).filter((event) => id !== undefined && !printed.has((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .eventKey */ .Mk)(event)) && (event.message ?? '').includes(id));
    const all = [...naming, ...result.events];
    return all.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0)).slice(-EVENTS_SHOWN);
}
async function collectFailure(ctx, result, taskDefinitionArn, reason) {
    const { target, ecs, options, clock } = ctx;
    const query = {
        cluster: target.cluster,
        service: target.service,
        taskDefinitionArn,
        ...(result.followed.deploymentId ? { deploymentId: result.followed.deploymentId } : {}),
    };
    const report = { reason, events: eventsOfDeployment(result).map(_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .eventLine */ .V8), stoppedTasks: [] };
    if (options.cancel.aborted)
        return { report, stoppedTasksUnread: 'cancelled' };
    const stopped = await (0,_settle_js__WEBPACK_IMPORTED_MODULE_3__/* .settleWithin */ .fb)((0,_stopped_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .stoppedTasksOf */ .bd)(ecs, query), STOPPED_TASKS_WAIT_MS, clock, options.cancel);
    if (stopped.state === 'fulfilled')
        return { report: { ...report, stoppedTasks: stopped.value } };
    const why = stopped.state === 'rejected'
        ? (0,_read_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeReadError */ .U)(stopped.error)
        : options.cancel.aborted
            ? 'cancelled'
            : `no answer within ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a)(STOPPED_TASKS_WAIT_MS)}`;
    ctx.reporter.warn(`Could not read the stopped tasks: ${why}`);
    return { report, stoppedTasksUnread: why };
}
function failureLines({ report, stoppedTasksUnread }, result, url) {
    const lines = [];
    const deployments = result.last?.service.deployments ?? [];
    if (deployments.length > 0)
        lines.push('Deployments at the end:', ...deployments.map((d) => `  ${(0,_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentLine */ .CO)(d)}`));
    if (report.events.length > 0)
        lines.push('Service events of this deployment:', ...report.events.map((line) => `  ${line}`));
    else
        lines.push('No service events for this deployment.');
    if (report.stoppedTasks.length > 0) {
        lines.push('Stopped tasks of this deployment, newest first:', ...report.stoppedTasks.flatMap(_stopped_tasks_js__WEBPACK_IMPORTED_MODULE_4__/* .stoppedTaskLines */ .a$).map((line) => `  ${line}`));
    }
    else if (stoppedTasksUnread !== undefined) {
        lines.push(`The stopped tasks of this deployment could not be read (${stoppedTasksUnread}).`);
    }
    else {
        lines.push('No stopped tasks of this deployment.');
    }
    lines.push(`Console: ${url}`);
    return lines;
}
/** Prints the headline as an error and the details after it; answers the report for `WatchOutcome.failure`. */
async function reportFailure(ctx, result, taskDefinitionArn, reason, headline) {
    const collected = await collectFailure(ctx, result, taskDefinitionArn, reason);
    ctx.reporter.error(headline);
    const url = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_6__/* .consoleUrl */ .B9)(ctx.target.region, ctx.target.cluster, ctx.target.service);
    for (const line of failureLines(collected, result, url))
        ctx.reporter.info(line);
    return collected.report;
}


/***/ }),

/***/ 9203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ newPrimaryDeployment),
/* harmony export */   o: () => (/* binding */ identifyDeployment)
/* harmony export */ });
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6429);

/**
 * The one rule for "an update started this deployment": the service's PRIMARY deployment has an id that was not
 * there before, and (when given) runs the task definition the update asked for.
 */
function newPrimaryDeployment(service, idsBefore, taskDefinition) {
    const primary = service?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
    if (primary?.id === undefined || new Set(idsBefore).has(primary.id))
        return undefined;
    if (taskDefinition !== undefined && !(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .sameRevision */ .Y6)(primary.taskDefinition, taskDefinition))
        return undefined;
    return primary;
}
/**
 * This run's deployment is the one the UpdateService answer names: its currentServiceDeployment where the
 * endpoint gives one that the service did not have before, else the new PRIMARY deployment of this run's task
 * definition. An update that started nothing (the revision the service already runs) yields neither: the
 * service deployment it still names is an earlier run's, whose ending is not this run's to report.
 */
function identifyDeployment(answer, before, taskDefinitionArn) {
    const fresh = newPrimaryDeployment(answer, before.deploymentIds, taskDefinitionArn);
    const named = answer?.currentServiceDeployment;
    const arn = named !== before.serviceDeploymentArn ? named : undefined;
    return { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
}


/***/ }),

/***/ 7511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fc: () => (/* binding */ ServiceGoneError),
/* harmony export */   nu: () => (/* binding */ Observer)
/* harmony export */ });
/* unused harmony export MISSING_POLLS */
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);

/** The service is gone or unusable: no later poll can change that. */
class ServiceGoneError extends Error {
    name = 'ServiceGoneError';
}
/** Polls in a row a service deployment never answered may be MISSING before the watch gives up on it. */
const MISSING_POLLS = 3;
class Observer {
    ecs;
    reporter;
    cluster;
    service;
    serviceDeploymentsAnswered = false;
    /** Service deployments DescribeServiceDeployments described at least once. */
    answeredArns = new Set();
    missingInARow = 0;
    serviceDeploymentsSupported = true;
    constructor(ecs, reporter, cluster, service) {
        this.ecs = ecs;
        this.reporter = reporter;
        this.cluster = cluster;
        this.service = service;
    }
    get supportsServiceDeployments() {
        return this.serviceDeploymentsSupported;
    }
    async observe(serviceDeploymentArn) {
        // The service deployment first: its status decides the verdict, and the service read after it is at least as
        // new, so the events and counts printed with a verdict already show what led to it.
        const serviceDeployment = serviceDeploymentArn !== undefined && this.serviceDeploymentsSupported
            ? await this.describeServiceDeployment(serviceDeploymentArn)
            : undefined;
        const service = await this.describeService();
        return serviceDeployment ? { service, serviceDeployment } : { service };
    }
    async describeService() {
        const answer = await this.ecs.describeServices(this.cluster, [this.service]);
        const service = answer.services?.[0];
        if (!service) {
            const reason = answer.failures?.[0]?.reason ?? 'MISSING';
            throw new ServiceGoneError(`service ${this.service} not found in cluster ${this.cluster} (${reason})`);
        }
        if (service.status !== undefined && service.status !== 'ACTIVE') {
            throw new ServiceGoneError(`service ${this.service} is ${service.status}`);
        }
        return service;
    }
    async describeServiceDeployment(arn) {
        try {
            const answer = await this.ecs.describeServiceDeployments([arn]);
            this.serviceDeploymentsAnswered = true;
            const deployments = answer.serviceDeployments ?? [];
            const found = deployments.find((deployment) => deployment.serviceDeploymentArn === arn) ?? deployments[0];
            if (found) {
                this.answeredArns.add(arn);
                this.missingInARow = 0;
                return found;
            }
            this.missing(arn, answer.failures?.find((failure) => failure.arn === arn)?.reason);
            return undefined;
        }
        catch (error) {
            if (error instanceof ServiceGoneError || !(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotSupported */ .GW)(error, !this.serviceDeploymentsAnswered))
                throw error;
            this.serviceDeploymentsSupported = false;
            this.reporter.info(`DescribeServiceDeployments is not available here (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}); following the service's deployments list`);
            return undefined;
        }
    }
    /**
     * ECS answered the service deployment as a failure (MISSING). Right after an update that may be eventual
     * consistency; once it was described, or after MISSING_POLLS polls in a row, ECS no longer knows it.
     */
    missing(arn, reason) {
        if (reason !== 'MISSING')
            return;
        this.missingInARow += 1;
        if (this.answeredArns.has(arn)) {
            throw new ServiceGoneError(`ECS answers service deployment ${arn} as MISSING, after describing it before`);
        }
        if (this.missingInARow >= MISSING_POLLS) {
            throw new ServiceGoneError(`ECS answered service deployment ${arn} as MISSING ${this.missingInARow} polls in a row`);
        }
    }
}


/***/ }),

/***/ 9429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pollLoop)
});

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/watch/pacing.ts
// The polling rate: the configured interval, doubled on each throttled poll up to a ceiling, halved back on each
// poll that got through. ECS throttles per account and region, so a watcher that keeps its pace under throttling
// slows every other pipeline of the account too.
const MAX_BACKOFF_FACTOR = 4;
function nextPollInterval(current, base, throttled) {
    if (throttled)
        return Math.min(current * 2, base * MAX_BACKOFF_FACTOR);
    return Math.max(base, current / 2);
}
/** Time to sleep so that polls start `interval` apart, and the last one lands on the deadline. */
function sleepBeforeNextPoll(now, pollStartedAt, interval, deadline) {
    return Math.max(0, Math.min(pollStartedAt + interval, deadline) - now);
}

// EXTERNAL MODULE: ./src/watch/settle.ts
var settle = __webpack_require__(4484);
;// CONCATENATED MODULE: ./src/watch/poll-loop.ts



/** `deadline` is asked again after every poll when it is a function: a wait whose pauses do not count moves it. */
async function pollLoop(deps, options, deadline, poll) {
    const { clock, reporter } = deps;
    const startedAt = clock.now();
    const deadlineNow = typeof deadline === 'number' ? () => deadline : deadline;
    const progress = reporter.waiting?.(poll.waitingFor, () => deadlineNow() - clock.now());
    try {
        return await loop();
    }
    finally {
        progress?.end();
    }
    async function loop() {
        let last;
        let lastAnsweredAt;
        let interval = options.pollIntervalMs;
        let problem;
        /** When the service stopped answering (not counting throttling), for the line that says it answers again. */
        let silentSince;
        const result = (end) => ({
            end,
            startedAt,
            ...(last !== undefined ? { last } : {}),
            ...(lastAnsweredAt !== undefined ? { lastAnsweredAt } : {}),
            ...(problem !== undefined ? { problem } : {}),
        });
        for (;;) {
            if (options.cancel.aborted)
                return result({ kind: 'cancelled' });
            const pollStartedAt = clock.now();
            const read = await (0,settle/* settle */.G9)(poll.read(), options.cancel);
            if (read.state === 'aborted')
                return result({ kind: 'cancelled' });
            if (read.state === 'rejected') {
                // A failed read says nothing about the rollout: slow down, and try again until the deadline.
                const kind = poll.errorKind(read.error);
                const description = poll.describeError(read.error);
                if (kind === 'fatal') {
                    problem = description;
                    return result({ kind: 'watch-error', message: description });
                }
                const slower = nextPollInterval(interval, options.pollIntervalMs, true);
                if (kind === 'throttled' && slower > interval) {
                    reporter.warn(`${poll.answerer} is throttling (${description}); polling every ${(0,duration/* formatDuration */.a)(slower)}`);
                }
                else if (kind === 'transient' && description !== problem) {
                    reporter.warn(`${poll.answerer} did not answer (${description}); retrying until the timeout`);
                }
                if (kind === 'transient')
                    silentSince ??= pollStartedAt;
                problem = description;
                interval = slower;
            }
            else {
                if (silentSince !== undefined) {
                    reporter.info(`${poll.answerer} answers again, after ${(0,duration/* formatDuration */.a)(clock.now() - silentSince)} without an answer`);
                    silentSince = undefined;
                }
                problem = undefined;
                interval = nextPollInterval(interval, options.pollIntervalMs, false);
                last = read.value;
                lastAnsweredAt = clock.now();
                progress?.stands(poll.standing(read.value));
                const verdict = poll.judge(read.value, lastAnsweredAt);
                if (verdict !== undefined)
                    return result({ kind: 'verdict', verdict });
            }
            const now = clock.now();
            const until = deadlineNow();
            if (now >= until)
                return result(problem === undefined ? { kind: 'timed-out' } : { kind: 'unobserved', problem });
            await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, until), options.cancel);
        }
    }
}


/***/ }),

/***/ 2724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ deploymentLine),
/* harmony export */   TZ: () => (/* binding */ deploymentLines),
/* harmony export */   V8: () => (/* binding */ eventLine),
/* harmony export */   YP: () => (/* binding */ standingOf),
/* harmony export */   qo: () => (/* binding */ stateLine),
/* harmony export */   vu: () => (/* binding */ EventLog)
/* harmony export */ });
/* unused harmony exports EVENT_MARGIN_MS, serviceDeploymentLine */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6429);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3780);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8263);



/** Events this close before the watch began still belong to it: the update came first, and clocks drift. */
const EVENT_MARGIN_MS = 10_000;
function deploymentLine(deployment) {
    const counts = `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ` +
        `${deployment.pendingCount ?? 0} pending, ${deployment.failedTasks ?? 0} failed`;
    const state = deployment.rolloutState ? `, ${deployment.rolloutState}` : '';
    const taskDefinition = deployment.taskDefinition ? ` ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_1__/* .familyRevision */ .KW)(deployment.taskDefinition)}` : '';
    return `${deployment.status ?? '?'} ${deployment.id ?? '?'}${taskDefinition}: ${counts}${state}`;
}
/**
 * Where a deployment stood in one answer, in a few words: `1/2 running on web:3, IN_PROGRESS; 2 deployments`.
 * `deploymentId` picks the deployment; the PRIMARY one otherwise.
 */
function stateLine(service, deploymentId) {
    const deployments = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentsOf */ .o)(service);
    const shown = deployments.find((deployment) => deploymentId !== undefined && deployment.id === deploymentId) ?? (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .primaryOf */ .Os)(service);
    const more = deployments.length > 1 ? `; ${deployments.length} deployments` : '';
    const running = shown ?? service;
    const taskDefinition = shown ? shown.taskDefinition : service.taskDefinition;
    const state = shown?.rolloutState ? `, ${shown.rolloutState}` : '';
    const on = taskDefinition ? ` on ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_1__/* .familyRevision */ .KW)(taskDefinition)}` : '';
    return `${running.runningCount ?? 0}/${running.desiredCount ?? 0} running${on}${state}${more}`;
}
function serviceDeploymentLine(serviceDeployment) {
    const breaker = serviceDeployment.deploymentCircuitBreaker;
    const failures = breaker?.status && breaker.status !== 'DISABLED'
        ? `, circuit breaker ${breaker.failureCount ?? 0}/${breaker.threshold ?? '?'} failed tasks`
        : '';
    const reason = serviceDeployment.statusReason ? ` (${serviceDeployment.statusReason})` : '';
    return `Service deployment ${serviceDeployment.status ?? '?'}${failures}${reason}`;
}
function eventLine(event) {
    const time = event.createdAt ? `${event.createdAt.toISOString().slice(11, 19)}Z ` : '';
    return `${time}${event.message ?? ''}`;
}
/**
 * Picks the events not printed yet and newer than the watch, oldest first. `seen` is shared by every watch of one
 * run, so the rollback's watch does not repeat what the rollout's printed.
 */
class EventLog {
    since;
    seen;
    constructor(since, seen) {
        this.since = since;
        this.seen = seen;
    }
    takeNew(events) {
        const fresh = events.filter((event) => !this.seen.has((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .eventKey */ .Mk)(event)) && (event.createdAt === undefined || event.createdAt.getTime() >= this.since - EVENT_MARGIN_MS));
        for (const event of fresh)
            this.seen.add((0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .eventKey */ .Mk)(event));
        return fresh.reverse();
    }
}
/** The lines one answer gives, keyed: each deployment's, and the service deployment's. */
function deploymentLines(service, serviceDeployment) {
    const lines = (service.deployments ?? []).map((deployment) => [deployment.id ?? '?', deploymentLine(deployment)]);
    if (serviceDeployment)
        lines.push(['service-deployment', serviceDeploymentLine(serviceDeployment)]);
    return lines;
}
/**
 * Where a rollout stands in one answer, for the progress line: the counts, and for a service deployment its stage
 * and the hooks running or waiting: `stage SCALE_UP, hook check running; 1/2 running on web:3, IN_PROGRESS`.
 */
function standingOf(snapshot, deploymentId) {
    const counts = stateLine(snapshot.service, deploymentId);
    const sd = snapshot.serviceDeployment;
    if (sd?.lifecycleStage === undefined)
        return counts;
    const hooks = (sd.lifecycleHookDetails ?? [])
        .filter((hook) => hook.status === 'IN_PROGRESS' || hook.status === 'AWAITING_ACTION')
        .map((hook) => `hook ${(0,_stages_js__WEBPACK_IMPORTED_MODULE_0__/* .hookName */ .FE)(hook)} ${hook.status === 'IN_PROGRESS' ? 'running' : 'waiting for a go-ahead'}`);
    return [[`stage ${sd.lifecycleStage ?? '?'}`, ...hooks].join(', '), counts].join('; ');
}


/***/ }),

/***/ 6255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readErrorKind),
/* harmony export */   U: () => (/* binding */ describeReadError)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _observe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7511);
// What a failed read while watching means for the watch. A read that fails says nothing about the deployment:
// only the answers ECS gives decide an outcome, so every fault of the connection or the answer is retried.


function readErrorKind(error) {
    return error instanceof _observe_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceGoneError */ .fc ? 'fatal' : (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyError */ .fe)(error);
}
/** One line about a failed read, without the SDK's multi-line hints. */
function describeReadError(error) {
    if (error instanceof _observe_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceGoneError */ .fc)
        return error.message;
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error).split('\n')[0] ?? '';
}


/***/ }),

/***/ 4484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   aT: () => (/* binding */ CANCEL_ANSWER_CAP_MS),
/* harmony export */   fb: () => (/* binding */ settleWithin)
/* harmony export */ });
/** How long a cancelled job waits for AWS to answer the one call that starts its rollback or stop, never for the rollback. */
const CANCEL_ANSWER_CAP_MS = 10_000;
/**
 * Waits for `promise` unless `signal` aborts first. The SDK calls take no signal here, and one that hangs must
 * not keep a cancelled job alive; a late rejection is still caught so it never surfaces as unhandled.
 */
function settle(promise, signal) {
    return new Promise((resolve) => {
        const onAbort = () => resolve({ state: 'aborted' });
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve({ state: 'fulfilled', value });
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            resolve({ state: 'rejected', error });
        });
    });
}
/**
 * Waits for `promise` at most `ms`, and not past a cancel when `cancel` is given: 'aborted' when it did not settle
 * in time. The timer ends as soon as the promise settles, so a quick answer holds nothing open.
 */
async function settleWithin(promise, ms, clock, cancel) {
    const done = new AbortController();
    const stop = cancel ? AbortSignal.any([done.signal, cancel]) : done.signal;
    try {
        return await Promise.race([
            settle(promise, stop),
            clock.sleep(ms, stop).then(() => ({ state: 'aborted' })),
        ]);
    }
    finally {
        done.abort();
    }
}


/***/ }),

/***/ 8263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mk: () => (/* binding */ eventKey),
/* harmony export */   Os: () => (/* binding */ primaryOf),
/* harmony export */   o: () => (/* binding */ deploymentsOf)
/* harmony export */ });
function deploymentsOf(service) {
    return service.deployments ?? [];
}
function primaryOf(service) {
    return deploymentsOf(service).find((deployment) => deployment.status === 'PRIMARY');
}
/** Events come newest first; this is how their ids read when one is missing. */
function eventKey(event) {
    return event.id ?? `${event.createdAt?.getTime() ?? ''} ${event.message ?? ''}`;
}


/***/ }),

/***/ 3780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ hookName),
/* harmony export */   uX: () => (/* binding */ StageProgress)
/* harmony export */ });
/* unused harmony export BAKE_REPORT_EVERY_MS */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8263);


const STAGE_MEANING = {
    RECONCILE_SERVICE: 'reconciling the service, which runs more than one revision',
    PRE_SCALE_UP: 'the new revision has not started; the old one takes all production traffic',
    SCALE_UP: 'starting the tasks of the new revision',
    POST_SCALE_UP: 'the new revision runs; the old one still takes all production traffic',
    TEST_TRAFFIC_SHIFT: 'moving test traffic to the new revision',
    POST_TEST_TRAFFIC_SHIFT: 'test traffic is on the new revision',
    PRE_PRODUCTION_TRAFFIC_SHIFT: 'about to move production traffic',
    PRODUCTION_TRAFFIC_SHIFT: 'moving production traffic to the new revision',
    POST_PRODUCTION_TRAFFIC_SHIFT: 'production traffic is on the new revision',
    BAKE_TIME: 'both revisions run while the new one bakes; a failure still rolls back',
    CLEAN_UP: 'stopping the tasks of the old revision',
};
/** Stages after which production traffic has fully moved to the new revision. */
const TRAFFIC_SHIFTED = new Set(['BAKE_TIME', 'CLEAN_UP']);
/** How often the bake time left is printed while it runs. */
const BAKE_REPORT_EVERY_MS = 60_000;
/** What one watch has seen of a service deployment, and the lines and verdict each new answer gives. */
class StageProgress {
    arn;
    settings;
    /** Each stage as it began, in order; a linear deployment's repeated steps appear once each time. */
    stagesSeen = [];
    status;
    stage;
    productionShare;
    testShare;
    hookStatus = new Map();
    /** The stage each hook was first seen at: where it ran, even when its end shows only in a later stage. */
    hookStage = new Map();
    bakeEndsAt;
    bakeReportedAt = 0;
    pausedSince;
    pausedHook;
    pausedBeforeMs = 0;
    failedHook;
    tasksLine;
    constructor(arn, settings) {
        this.arn = arn;
        this.settings = settings;
    }
    /**
     * Time at PAUSE hooks that does not count toward wait-timeout: each pause counts for at most pause-timeout, so a
     * pause during which ECS stops answering still ends the wait.
     */
    pausedMs(now) {
        const current = this.pausedSince === undefined ? 0 : this.capped(now - this.pausedSince);
        return this.pausedBeforeMs + current;
    }
    /** The PAUSE hook the deployment waits at in the latest answer, if any. */
    get pausedHookId() {
        return this.pausedHook?.hookId;
    }
    /** Ends the pause being tracked: a rollback this run asked for is not waiting at a hook any more. */
    endPause(now) {
        this.trackPause(undefined, now);
    }
    capped(ms) {
        return Math.min(ms, this.settings.pauseTimeoutMs ?? Number.POSITIVE_INFINITY);
    }
    /** The stages passed, each once, in the order they began: for the summary. */
    get stages() {
        return [...new Set(this.stagesSeen)];
    }
    /** Lines for what changed in this answer. `now` dates the bake time and pauses. */
    changed(snapshot, now) {
        const sd = snapshot.serviceDeployment;
        if (!sd)
            return [];
        const lines = [];
        // A status that starts the run comes before the stage it shows; one that ends it (or rolls back) after.
        let statusLine;
        if (sd.status !== this.status) {
            this.status = sd.status;
            statusLine = `Service deployment ${sd.status ?? '?'}${sd.statusReason ? ` (${sd.statusReason})` : ''}`;
            if (sd.status === 'PENDING' || sd.status === 'IN_PROGRESS')
                lines.push(statusLine);
        }
        if (sd.lifecycleStage !== undefined && sd.lifecycleStage !== this.stage) {
            this.stage = sd.lifecycleStage;
            this.stagesSeen.push(sd.lifecycleStage);
            lines.push(`Stage ${sd.lifecycleStage}: ${STAGE_MEANING[sd.lifecycleStage] ?? 'a stage this version does not know'}`);
            if (sd.lifecycleStage === 'BAKE_TIME')
                lines.push(...this.bakeBegins(sd, now));
        }
        else if (this.stage === 'BAKE_TIME' && this.bakeEndsAt !== undefined && now - this.bakeReportedAt >= BAKE_REPORT_EVERY_MS) {
            this.bakeReportedAt = now;
            lines.push(`Bake time left: ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(Math.max(0, this.bakeEndsAt - now))}`);
        }
        lines.push(...this.taskLines(sd));
        lines.push(...this.trafficLines(sd));
        lines.push(...this.hookLines(sd, now));
        if (statusLine !== undefined && !lines.includes(statusLine))
            lines.push(statusLine);
        return lines;
    }
    decide(snapshot, supportsServiceDeployments, now) {
        const sd = snapshot.serviceDeployment;
        if (!sd)
            return supportsServiceDeployments ? { kind: 'waiting' } : { kind: 'no-service-deployments' };
        switch (sd.status) {
            case 'SUCCESSFUL':
                return { kind: 'completed' };
            case 'ROLLBACK_SUCCESSFUL':
                return { kind: 'rolled-back-by-ecs', reason: this.reasonOf(sd) };
            case 'ROLLBACK_FAILED':
                return { kind: 'failed', reason: `ECS could not roll back: ${this.reasonOf(sd)}` };
            case 'STOPPED': {
                // The circuit breaker or an alarm without rollback stops a deployment too: that is a failure.
                if (sd.deploymentCircuitBreaker?.status === 'TRIGGERED' || (sd.alarms?.triggeredAlarmNames ?? []).length > 0) {
                    return { kind: 'failed', reason: this.reasonOf(sd) };
                }
                const current = snapshot.service.currentServiceDeployment;
                if (current !== undefined && current !== this.arn) {
                    const by = (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .primaryOf */ .Os)(snapshot.service);
                    return by ? { kind: 'superseded', by } : { kind: 'superseded' };
                }
                return { kind: 'stopped', reason: this.reasonOf(sd) };
            }
        }
        if (sd.status === 'IN_PROGRESS' && this.settings.waitUntil === 'traffic-shifted' && TRAFFIC_SHIFTED.has(sd.lifecycleStage ?? '')) {
            return { kind: 'traffic-shifted' };
        }
        const stopsAtPauses = this.settings.waitUntil === 'paused' || this.settings.continuesPauses === true;
        if (sd.status === 'IN_PROGRESS' && stopsAtPauses && this.pausedHook)
            return { kind: 'paused', ...this.pausedHook };
        const { pauseTimeoutMs } = this.settings;
        // A hook can still show AWAITING_ACTION once the deployment rolls back: only a deployment in progress is paused.
        if (sd.status === 'IN_PROGRESS' &&
            pauseTimeoutMs !== undefined &&
            this.pausedSince !== undefined &&
            this.pausedHook &&
            now - this.pausedSince >= pauseTimeoutMs) {
            return { kind: 'pause-timed-out', hookId: this.pausedHook.hookId, stage: this.pausedHook.stage };
        }
        return { kind: 'waiting' };
    }
    bakeBegins(sd, now) {
        const minutes = sd.deploymentConfiguration?.bakeTimeInMinutes;
        if (minutes === undefined)
            return [];
        const bakeMs = minutes * 60_000;
        this.bakeEndsAt = now + bakeMs;
        this.bakeReportedAt = now;
        const ends = new Date(this.bakeEndsAt).toISOString().slice(11, 19);
        const early = this.settings.waitUntil === 'traffic-shifted' ? '; wait-until traffic-shifted: not waiting for it' : '';
        return [`Bake time ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(bakeMs)}, until about ${ends}Z${early}`];
    }
    /** The tasks of the new revision and of the old ones, when the counts changed. */
    taskLines(sd) {
        const target = sd.targetServiceRevision;
        if (target?.requestedTaskCount === undefined && target?.runningTaskCount === undefined)
            return [];
        const pending = target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : '';
        const oldRunning = (sd.sourceServiceRevisions ?? []).reduce((sum, source) => sum + (source.runningTaskCount ?? 0), 0);
        const line = `Tasks: ${this.settings.revision} ${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0} running${pending}; old revision ${oldRunning} running`;
        if (line === this.tasksLine)
            return [];
        this.tasksLine = line;
        return [line];
    }
    trafficLines(sd) {
        const lines = [];
        const target = sd.targetServiceRevision;
        const test = target?.requestedTestTrafficWeight;
        if (test !== undefined && test !== this.testShare) {
            if (this.testShare !== undefined || test > 0)
                lines.push(`Test traffic on the new revision: ${share(test)}`);
            this.testShare = test;
        }
        const production = target?.requestedProductionTrafficWeight;
        if (production !== undefined && production !== this.productionShare) {
            if (this.productionShare !== undefined || production > 0) {
                lines.push(`Production traffic on the new revision (${this.settings.revision}): ${share(production)}, old: ${share(100 - production)}${this.nextStep(sd, production)}`);
            }
            this.productionShare = production;
        }
        return lines;
    }
    /** For a linear or canary step short of 100%: when the next one comes. */
    nextStep(sd, production) {
        if (production <= 0 || production >= 100)
            return '';
        const config = sd.deploymentConfiguration;
        const minutes = config?.strategy === 'LINEAR'
            ? config.linearConfiguration?.stepBakeTimeInMinutes
            : config?.strategy === 'CANARY'
                ? config.canaryConfiguration?.canaryBakeTimeInMinutes
                : undefined;
        return minutes === undefined ? '' : `; next step after ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(minutes * 60_000)}`;
    }
    hookLines(sd, now) {
        const lines = [];
        let awaiting;
        for (const hook of sd.lifecycleHookDetails ?? []) {
            const id = hook.hookId ?? hook.targetArn ?? '?';
            if (hook.status === 'AWAITING_ACTION')
                awaiting = hook;
            if (!this.hookStage.has(id) && this.stage !== undefined)
                this.hookStage.set(id, this.stage);
            if (this.hookStatus.get(id) === hook.status)
                continue;
            this.hookStatus.set(id, hook.status ?? '?');
            const name = hookName(hook);
            const stage = this.hookStage.get(id);
            const at = stage ? ` at ${stage}` : '';
            switch (hook.status) {
                case 'IN_PROGRESS':
                    lines.push(`Hook ${name}${at}: running`);
                    break;
                case 'SUCCEEDED':
                    lines.push(`Hook ${name}${at}: passed`);
                    break;
                case 'FAILED':
                    this.failedHook = `hook ${name} failed${at}`;
                    lines.push(`Hook ${name}${at}: FAILED`);
                    break;
                case 'TIMED_OUT':
                    this.failedHook = hook.timeoutAction === 'CONTINUE' ? this.failedHook : `hook ${name} timed out${at}`;
                    lines.push(`Hook ${name}${at}: timed out; ECS ${hook.timeoutAction === 'CONTINUE' ? 'goes on' : 'rolls back'}`);
                    break;
                case 'AWAITING_ACTION':
                    lines.push(...this.pauseLines(hook));
                    break;
            }
        }
        this.trackPause(sd.status === 'IN_PROGRESS' ? awaiting : undefined, now);
        return lines;
    }
    pauseLines(hook) {
        // Nobody is asked to act: the watch's own continue says which hook, where and why.
        if (this.settings.continuesPauses)
            return [];
        const id = hook.hookId ?? '?';
        const expires = hook.expiresAt ? `; it expires at ${hook.expiresAt.toISOString().slice(0, 19)}Z, then ECS ${hook.timeoutAction === 'CONTINUE' ? 'goes on' : 'rolls back'}` : '';
        const { pauseTimeoutMs, waitTimeoutMs } = this.settings;
        const counts = pauseTimeoutMs === undefined
            ? `This wait counts toward wait-timeout (${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(waitTimeoutMs)}); set pause-timeout to give pauses their own limit.`
            : `pause-timeout ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(pauseTimeoutMs)} applies; the wait-timeout clock stops meanwhile.`;
        return [
            `Paused at ${this.hookStage.get(id) ?? this.stage ?? '?'}: PAUSE hook ${id} awaits action${expires}.`,
            'ContinueServiceDeployment resumes it (or rolls it back with --action ROLLBACK):',
            `  aws ecs continue-service-deployment --region ${this.settings.region} --service-deployment-arn ${this.arn} --hook-id ${id} --action CONTINUE`,
            counts,
        ];
    }
    trackPause(awaiting, now) {
        if (awaiting && this.pausedSince === undefined) {
            this.pausedSince = now;
            this.pausedHook = {
                hookId: awaiting.hookId ?? '?',
                stage: this.stage ?? '?',
                ...(awaiting.expiresAt ? { expiresAt: awaiting.expiresAt.toISOString() } : {}),
            };
        }
        else if (!awaiting && this.pausedSince !== undefined) {
            this.pausedBeforeMs += this.capped(now - this.pausedSince);
            this.pausedSince = undefined;
            this.pausedHook = undefined;
        }
    }
    /** Why it failed, in ECS's words where it gave some: the hook, the alarm, the circuit breaker. */
    reasonOf(sd) {
        const alarms = sd.alarms?.triggeredAlarmNames ?? [];
        const breaker = sd.deploymentCircuitBreaker;
        const reason = sd.statusReason ??
            sd.rollback?.reason ??
            this.failedHook ??
            (alarms.length > 0 ? `alarm ${alarms.join(', ')} went off` : undefined) ??
            (breaker?.status === 'TRIGGERED' ? `the circuit breaker tripped (${breaker.failureCount ?? '?'}/${breaker.threshold ?? '?'} failed tasks)` : undefined) ??
            `service deployment ${sd.status ?? '?'}`;
        return reason.replace(/\.+$/, '');
    }
}
function share(weight) {
    return `${Math.round(weight * 10) / 10}%`;
}
function hookName(hook) {
    if (hook.targetType === 'PAUSE')
        return `PAUSE ${hook.hookId ?? '?'}`;
    return hook.targetArn ?? hook.hookId ?? '?';
}


/***/ }),

/***/ 9735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ startDeployment)
/* harmony export */ });
/* harmony import */ var _aws_change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1149);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6429);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8263);
/* harmony import */ var _identify_deployment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9203);





async function startDeployment(ecs, before, request, options = {}) {
    const serviceName = before.serviceName ?? '';
    const idsBefore = (before.deployments ?? []).flatMap((d) => (d.id ? [d.id] : []));
    const clock = options.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
    const action = `UpdateService ${serviceName}`;
    const target = (identity) => ({
        cluster: request.cluster,
        service: serviceName,
        region: request.region,
        taskDefinitionArn: request.taskDefinitionArn,
        deploymentIdsBefore: idsBefore,
        ...(before.currentServiceDeployment ? { serviceDeploymentArnBefore: before.currentServiceDeployment } : {}),
        eventKeysBefore: (before.events ?? []).map(_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .eventKey */ .Mk),
        previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
        ...strategyOf(before),
        ...identity,
    });
    const input = {
        cluster: request.cluster,
        service: serviceName,
        taskDefinition: request.taskDefinitionArn,
        ...(request.desiredCount !== undefined ? { desiredCount: request.desiredCount } : {}),
        ...(request.forceNewDeployment ? { forceNewDeployment: true } : {}),
        ...request.extra,
    };
    return (0,_aws_change_js__WEBPACK_IMPORTED_MODULE_0__/* .sendChange */ .Xy)({
        action,
        async send(signal) {
            const out = await ecs.updateService(input, signal);
            const identity = (0,_identify_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .identifyDeployment */ .o)(out.service, { deploymentIds: idsBefore, serviceDeploymentArn: before.currentServiceDeployment }, request.taskDefinitionArn);
            return { ...target(identity), ...strategyOf(out.service) };
        },
        async readBack() {
            const answer = await ecs.describeServices(request.cluster, [serviceName]);
            const now = answer.services?.[0];
            if (!now)
                throw new Error(`DescribeServices did not list ${serviceName} (${answer.failures?.[0]?.reason ?? 'MISSING'})`);
            const applied = appliedIdentity(now, before, idsBefore, request);
            if (!applied)
                return { applied: false };
            options.reporter?.info(applied.deploymentId
                ? `The update went through: deployment ${applied.deploymentId} of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(request.taskDefinitionArn)} started.`
                : `The update went through: ${serviceName} is on ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(request.taskDefinitionArn)}.`);
            return { applied: true, value: { ...target(applied), ...strategyOf(now) } };
        },
        // Without force-new-deployment the same update sent twice starts one deployment; with it, each starts one.
        resendIsSafe: !request.forceNewDeployment,
        whatToCheck: `the deployments of service ${serviceName} in cluster ${request.cluster} ` +
            `(aws ecs describe-services --cluster ${request.cluster} --services ${serviceName}, or ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .consoleUrl */ .B9)(request.region, request.cluster, serviceName)}) ` +
            `for one of ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .familyRevision */ .KW)(request.taskDefinitionArn)}`,
    }, {
        clock,
        reporter: options.reporter,
        cancel: options.cancel,
        ...(options.cancelWaitMs !== undefined ? { cancelWaitMs: options.cancelWaitMs } : {}),
    });
}
/** The service's deployment strategy, which chooses the watcher; the update's answer wins when it names one. */
function strategyOf(service) {
    const strategy = service?.deploymentConfiguration?.strategy;
    return strategy ? { strategy } : {};
}
/**
 * What the service shows after a lost answer. A new PRIMARY deployment of the requested revision means the update
 * went through. So does the service now naming the requested revision (and desired count) when that is a change
 * from before, or when no new deployment was asked for: sending the same update again would start nothing new.
 * With force-new-deployment and an unchanged revision only a new deployment proves it: a second one must not start.
 */
function appliedIdentity(now, before, idsBefore, request) {
    const fresh = (0,_identify_deployment_js__WEBPACK_IMPORTED_MODULE_3__/* .newPrimaryDeployment */ .M)(now, idsBefore, request.taskDefinitionArn);
    const arn = now.currentServiceDeployment !== before.currentServiceDeployment ? now.currentServiceDeployment : undefined;
    const identity = { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
    if (fresh)
        return identity;
    const onRequested = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .sameRevision */ .Y6)(now.taskDefinition, request.taskDefinitionArn) &&
        (request.desiredCount === undefined || now.desiredCount === request.desiredCount);
    const revisionChanged = !(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_4__/* .sameRevision */ .Y6)(before.taskDefinition, request.taskDefinitionArn);
    return onRequested && (revisionChanged || !request.forceNewDeployment) ? identity : undefined;
}


/***/ }),

/***/ 8985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a$: () => (/* binding */ stoppedTaskLines),
/* harmony export */   bd: () => (/* binding */ stoppedTasksOf)
/* harmony export */ });
/* unused harmony export STOPPED_TASKS_SHOWN */
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6429);

const STOPPED_TASKS_SHOWN = 5;
const LIST_PAGES = 3;
const DESCRIBE_BATCH = 100;
/** The most recently stopped tasks of one deployment, newest first. */
async function stoppedTasksOf(ecs, query, limit = STOPPED_TASKS_SHOWN) {
    const arns = await listStoppedTasks(ecs, query);
    const belongs = (task) => query.deploymentId !== undefined
        ? task.startedBy === query.deploymentId
        : (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .sameRevision */ .Y6)(task.taskDefinitionArn, query.taskDefinitionArn);
    const tasks = [];
    for (let start = 0; start < arns.length; start += DESCRIBE_BATCH) {
        const described = await ecs.describeTasks(query.cluster, arns.slice(start, start + DESCRIBE_BATCH));
        tasks.push(...described.filter(belongs));
    }
    return tasks
        .sort((a, b) => stoppedAt(b) - stoppedAt(a))
        .slice(0, limit)
        .map(toReport);
}
// ListTasks takes startedBy only as its sole filter, so the service's stopped tasks are listed and sorted out here.
async function listStoppedTasks(ecs, query) {
    const arns = [];
    let nextToken;
    for (let page = 0; page < LIST_PAGES; page++) {
        const answer = await ecs.listTasks({
            cluster: query.cluster,
            serviceName: query.service,
            desiredStatus: 'STOPPED',
            ...(nextToken ? { nextToken } : {}),
        });
        arns.push(...(answer.taskArns ?? []));
        nextToken = answer.nextToken;
        if (!nextToken)
            break;
    }
    return arns;
}
function stoppedAt(task) {
    return (task.stoppedAt ?? task.stoppingAt ?? task.createdAt)?.getTime() ?? 0;
}
function toReport(task) {
    return {
        taskArn: task.taskArn ?? '?',
        ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
        ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
        containers: (task.containers ?? []).map((container) => ({
            name: container.name ?? '?',
            ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
            ...(container.reason !== undefined ? { reason: container.reason } : {}),
        })),
    };
}
function stoppedTaskLines(report) {
    const stopCode = report.stopCode ? ` (${report.stopCode})` : '';
    const lines = [`task ${(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceName */ .Iy)(report.taskArn)}: ${report.stoppedReason ?? 'stopped, no reason given'}${stopCode}`];
    for (const container of report.containers) {
        const exit = container.exitCode !== undefined ? `exit code ${container.exitCode}` : 'no exit code';
        const reason = container.reason ? `: ${container.reason}` : '';
        lines.push(`  container ${container.name}: ${exit}${reason}`);
    }
    return lines;
}


/***/ }),

/***/ 4209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ UNDO_CAP_MS),
/* harmony export */   X: () => (/* binding */ undoCancelledUpdate)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _aws_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6429);
/* harmony import */ var _identify_deployment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9203);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4484);
/* harmony import */ var _start_deployment_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);





/**
 * The read-back and the undo together, after the update's own answer was waited for: within the 12 s a cancel with
 * rollback-on-cancel may take.
 */
const UNDO_CAP_MS = 3_500;
async function undoCancelledUpdate(ecs, update, { reporter, clock }) {
    const answer = await (0,_settle_js__WEBPACK_IMPORTED_MODULE_2__/* .settleWithin */ .fb)(undo(ecs, update, clock), UNDO_CAP_MS, clock);
    const where = `${update.service} (aws ecs describe-services --cluster ${update.cluster} --services ${update.service})`;
    if (answer.state === 'fulfilled')
        reporter.warn(`Cancelled during UpdateService: ${answer.value}.`);
    else if (answer.state === 'rejected')
        reporter.warn(`Cancelled during UpdateService, and undoing it failed: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(answer.error)}; check ${where}.`);
    else
        reporter.warn(`Cancelled during UpdateService: ECS did not answer within ${UNDO_CAP_MS / 1000} s; check ${where}.`);
}
async function undo(ecs, update, clock) {
    const { cluster, service, before, taskDefinitionArn } = update;
    const now = (await ecs.describeServices(cluster, [service])).services?.[0];
    if (!now)
        return `${service} could not be read, so nothing was undone`;
    const previous = before.taskDefinition ?? '';
    const to = (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_3__/* .familyRevision */ .KW)(previous);
    const idsBefore = (before.deployments ?? []).flatMap((deployment) => (deployment.id ? [deployment.id] : []));
    const startedServiceDeployment = now.currentServiceDeployment !== undefined && now.currentServiceDeployment !== before.currentServiceDeployment ? now.currentServiceDeployment : undefined;
    const moved = !(0,_aws_names_js__WEBPACK_IMPORTED_MODULE_3__/* .sameRevision */ .Y6)(now.taskDefinition, previous) && (0,_aws_names_js__WEBPACK_IMPORTED_MODULE_3__/* .sameRevision */ .Y6)(now.taskDefinition, taskDefinitionArn);
    if (!moved && !(0,_identify_deployment_js__WEBPACK_IMPORTED_MODULE_4__/* .newPrimaryDeployment */ .M)(now, idsBefore, taskDefinitionArn) && !startedServiceDeployment) {
        return `the update did not reach ${service}, so there is nothing to undo`;
    }
    if ((0,_aws_names_js__WEBPACK_IMPORTED_MODULE_3__/* .sameRevision */ .Y6)(previous, taskDefinitionArn))
        return `${service} stays on ${to}, the revision it ran before`;
    if (update.stopsServiceDeployment && startedServiceDeployment) {
        await ecs.stopServiceDeployment(startedServiceDeployment, 'ROLLBACK');
        return `the update had started ${startedServiceDeployment}; stopped it with rollback to ${to}`;
    }
    await (0,_start_deployment_js__WEBPACK_IMPORTED_MODULE_1__/* .startDeployment */ .i)(ecs, now, { cluster, region: update.region, taskDefinitionArn: previous, desiredCount: before.desiredCount ?? 0, forceNewDeployment: false }, { clock });
    return `the update had gone through; the rollback to ${to} started (ECS answered the UpdateService)`;
}


/***/ }),

/***/ 8790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ watchRolling),
  G: () => (/* binding */ watchStaged)
});

// EXTERNAL MODULE: ./src/watch/start-deployment.ts
var start_deployment = __webpack_require__(9735);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/watch/failure-report.ts
var failure_report = __webpack_require__(9040);
// EXTERNAL MODULE: ./src/watch/poll-loop.ts + 1 modules
var poll_loop = __webpack_require__(9429);
// EXTERNAL MODULE: ./src/watch/changed-lines.ts
var changed_lines = __webpack_require__(2873);
// EXTERNAL MODULE: ./src/watch/progress.ts
var progress = __webpack_require__(2724);
// EXTERNAL MODULE: ./src/watch/read-errors.ts
var read_errors = __webpack_require__(6255);
// EXTERNAL MODULE: ./src/watch/identify-deployment.ts
var identify_deployment = __webpack_require__(9203);
// EXTERNAL MODULE: ./src/watch/snapshot.ts
var watch_snapshot = __webpack_require__(8263);
;// CONCATENATED MODULE: ./src/watch/tracking.ts


/** What the watcher follows for a deployment the caller (or the rollback) started. */
function followedOf(target) {
    return {
        taskDefinitionArn: target.taskDefinitionArn,
        deploymentIdsBefore: [...new Set(target.deploymentIdsBefore)],
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
        ...(target.serviceDeploymentArn ? { serviceDeploymentArn: target.serviceDeploymentArn } : {}),
        seen: false,
    };
}
/** True when the watcher knows which deployment is this run's; otherwise it waits for a steady service. */
function followsDeployment(followed) {
    return followed.deploymentId !== undefined || followed.serviceDeploymentArn !== undefined;
}
/** Stops following the service deployment once the endpoint turned out not to answer DescribeServiceDeployments. */
function withoutServiceDeployment(followed) {
    const { serviceDeploymentArn: _dropped, ...rest } = followed;
    return rest;
}
/**
 * Updates what is known about our deployment from one poll. When its id is not known yet, the new PRIMARY
 * deployment of our task definition is ours (the update answer may not have listed it yet), as long as the watcher
 * knows which deployments were there before.
 */
function track(followed, snapshot) {
    let deploymentId = followed.deploymentId;
    const knowsWhatIsNew = followed.deploymentIdsBefore.length > 0 || followed.serviceDeploymentArn !== undefined;
    if (deploymentId === undefined && knowsWhatIsNew) {
        deploymentId = (0,identify_deployment/* newPrimaryDeployment */.M)(snapshot.service, followed.deploymentIdsBefore, followed.taskDefinitionArn)?.id;
    }
    if (deploymentId === undefined)
        return followed;
    const ours = (0,watch_snapshot/* deploymentsOf */.o)(snapshot.service).find((deployment) => deployment.id === deploymentId);
    return {
        ...followed,
        deploymentId,
        seen: followed.seen || ours !== undefined,
        ...(ours ? { last: ours } : followed.last ? { last: followed.last } : {}),
    };
}

// EXTERNAL MODULE: ./src/aws/names.ts
var names = __webpack_require__(6429);
;// CONCATENATED MODULE: ./src/watch/verdict.ts



const ROLLING_BACK = /rolling back to deployment (ecs-svc\/\d+)/;
const SERVICE_DEPLOYMENT_ROLLED_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
const SERVICE_DEPLOYMENT_STOPPED = new Set(['STOPPED', 'STOP_REQUESTED']);
/** ECS's own threshold when the service sets none: half the desired count, rounded up, within 3..200. */
function defaultMaxFailedTasks(desiredCount) {
    return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}
/**
 * A service with one deployment, of the task definition this run deployed, that runs every task it wants. A
 * service steady on another revision is not done: ECS has not (yet) started what this run asked for.
 */
function isSteady(service, taskDefinitionArn) {
    const deployments = (0,watch_snapshot/* deploymentsOf */.o)(service);
    return (deployments.length === 1 &&
        (0,names/* sameRevision */.Y6)(deployments[0]?.taskDefinition, taskDefinitionArn) &&
        service.runningCount === service.desiredCount);
}
function decide(snapshot, followed, eventsSinceStart, maxFailedTasks) {
    const { service, serviceDeployment } = snapshot;
    const primary = (0,watch_snapshot/* primaryOf */.Os)(service);
    const isNew = (deployment) => deployment?.id !== undefined && deployment.id !== followed.deploymentId && !followed.deploymentIdsBefore.includes(deployment.id);
    if (!followsDeployment(followed)) {
        if (followed.deploymentIdsBefore.length > 0 && isNew(primary))
            return { kind: 'superseded', by: primary };
        return isSteady(service, followed.taskDefinitionArn) ? { kind: 'completed' } : { kind: 'waiting' };
    }
    if ((followed.deploymentId !== undefined || followed.deploymentIdsBefore.length > 0) && isNew(primary)) {
        return { kind: 'superseded', by: primary };
    }
    const ours = followed.deploymentId
        ? (0,watch_snapshot/* deploymentsOf */.o)(service).find((deployment) => deployment.id === followed.deploymentId)
        : undefined;
    const failureReason = reasonOf(ours ?? followed.last, serviceDeployment);
    if (serviceDeployment?.status === 'ROLLBACK_FAILED') {
        return { kind: 'failed', reason: `ECS could not roll back: ${failureReason}` };
    }
    const rolledBack = ecsRollback(service, followed, serviceDeployment, eventsSinceStart);
    if (rolledBack)
        return { kind: 'rolling-back-by-ecs', reason: failureReason, ...rolledBack };
    if (ours?.rolloutState === 'FAILED') {
        if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true) {
            return { kind: 'rolling-back-by-ecs', reason: failureReason };
        }
        return { kind: 'failed', reason: failureReason };
    }
    if (serviceDeployment?.status && SERVICE_DEPLOYMENT_STOPPED.has(serviceDeployment.status)) {
        // The deployments list may lag behind: the service deployment the service now names tells a newer update.
        const current = service.currentServiceDeployment;
        if (!stoppedByItsChecks(serviceDeployment) && current !== undefined && followed.serviceDeploymentArn !== undefined && current !== followed.serviceDeploymentArn) {
            return { kind: 'superseded', current, ...(isNew(primary) ? { by: primary } : {}) };
        }
        return { kind: 'failed', reason: failureReason };
    }
    if (ours && !circuitBreakerOn(service, serviceDeployment)) {
        const limit = maxFailedTasks ?? thresholdOf(serviceDeployment) ?? defaultMaxFailedTasks(ours.desiredCount ?? service.desiredCount ?? 0);
        const failed = ours.failedTasks ?? 0;
        if (failed >= limit) {
            return { kind: 'failed', reason: `${failed} tasks failed to start or stay healthy (max-failed-tasks ${limit})` };
        }
    }
    if (serviceDeployment?.status === 'SUCCESSFUL')
        return { kind: 'completed' };
    if (ours?.rolloutState === 'COMPLETED')
        return { kind: 'completed' };
    // Behind a Classic Load Balancer ECS gives no rolloutState: the service's own steady state is the signal.
    if (ours && ours.rolloutState === undefined && (0,watch_snapshot/* deploymentsOf */.o)(service).length === 1 && ours.runningCount === ours.desiredCount) {
        return { kind: 'completed' };
    }
    return { kind: 'waiting' };
}
function ecsRollback(service, followed, serviceDeployment, events) {
    const primary = (0,watch_snapshot/* primaryOf */.Os)(service);
    const taskDefinitionOf = (id) => {
        const taskDefinition = (0,watch_snapshot/* deploymentsOf */.o)(service).find((deployment) => deployment.id === id)?.taskDefinition;
        return taskDefinition ? { to: taskDefinition } : {};
    };
    const primaryIsOlder = primary?.id !== undefined && primary.id !== followed.deploymentId && followed.deploymentIdsBefore.includes(primary.id);
    if (serviceDeployment?.status && SERVICE_DEPLOYMENT_ROLLED_BACK.has(serviceDeployment.status)) {
        return primaryIsOlder ? taskDefinitionOf(primary.id) : {};
    }
    if (primaryIsOlder && followed.seen)
        return taskDefinitionOf(primary.id);
    for (const event of events) {
        const target = ROLLING_BACK.exec(event.message ?? '')?.[1];
        if (target !== undefined && target !== followed.deploymentId)
            return taskDefinitionOf(target);
    }
    return undefined;
}
/**
 * Stopped, and not by its circuit breaker or an alarm: a newer update may have stopped it, which DescribeServices
 * may not show yet.
 */
function stoppedFromOutside(serviceDeployment) {
    return serviceDeployment?.status !== undefined && SERVICE_DEPLOYMENT_STOPPED.has(serviceDeployment.status) && !stoppedByItsChecks(serviceDeployment);
}
/** Stopped by its circuit breaker or an alarm: a failure, whatever started since. */
function stoppedByItsChecks(serviceDeployment) {
    return serviceDeployment.deploymentCircuitBreaker?.status === 'TRIGGERED' || (serviceDeployment.alarms?.triggeredAlarmNames ?? []).length > 0;
}
function circuitBreakerOn(service, serviceDeployment) {
    const status = serviceDeployment?.deploymentCircuitBreaker?.status;
    if (status !== undefined)
        return status !== 'DISABLED';
    return service.deploymentConfiguration?.deploymentCircuitBreaker?.enable === true;
}
function thresholdOf(serviceDeployment) {
    const threshold = serviceDeployment?.deploymentCircuitBreaker?.threshold;
    return threshold !== undefined && threshold > 0 ? threshold : undefined;
}
function reasonOf(ours, serviceDeployment) {
    // Reasons end in a period; the caller's message goes on after them.
    return firstReason(ours, serviceDeployment).replace(/\.+$/, '');
}
function firstReason(ours, serviceDeployment) {
    return ((ours?.rolloutState === 'FAILED' ? ours.rolloutStateReason : undefined) ??
        serviceDeployment?.rollback?.reason ??
        serviceDeployment?.statusReason ??
        ours?.rolloutStateReason ??
        (serviceDeployment?.status ? `service deployment ${serviceDeployment.status}` : 'ECS gave no reason'));
}
/** `ecs-svc/123 (web:5)`, or what is known of it. */
function describeDeployment(id, taskDefinition) {
    return id ? `deployment ${id} (${(0,names/* familyRevision */.KW)(taskDefinition)})` : `deployment of ${(0,names/* familyRevision */.KW)(taskDefinition)}`;
}

;// CONCATENATED MODULE: ./src/watch/follow.ts






/** The rolling update's judge: each deployment's line when it changed, and the verdict of verdict.ts. */
function rollingJudge(options) {
    const changedLines = new changed_lines/* ChangedLines */.M();
    const maxFailedTasks = options.maxFailedTasks !== undefined && options.maxFailedTasks > 0 ? options.maxFailedTasks : undefined;
    return {
        changed: (snapshot) => changedLines.changed((0,progress/* deploymentLines */.TZ)(snapshot.service, snapshot.serviceDeployment)),
        decide: (snapshot, followed, events) => decide(snapshot, followed, events, maxFailedTasks),
    };
}
function follow(ctx, start, deadline) {
    return followWith(ctx, start, deadline, rollingJudge(ctx.options));
}
/** `deadline` is asked again after every poll when it is a function: a wait whose pauses do not count moves it. */
async function followWith(ctx, start, deadline, judge) {
    const { observer, reporter } = ctx;
    const eventLog = new progress/* EventLog */.vu(ctx.clock.now(), ctx.seenEvents);
    const events = [];
    let followed = observer.supportsServiceDeployments ? start : withoutServiceDeployment(start);
    const poll = {
        answerer: 'ECS',
        waitingFor: `${judge.waitingFor ?? 'rollout'} of ${ctx.target.service}`,
        standing: (snapshot) => (0,progress/* standingOf */.YP)(snapshot, followed.deploymentId),
        read: async () => {
            try {
                return await observer.observe(followed.serviceDeploymentArn);
            }
            finally {
                if (followed.serviceDeploymentArn !== undefined && !observer.supportsServiceDeployments)
                    followed = withoutServiceDeployment(followed);
            }
        },
        errorKind: read_errors/* readErrorKind */.N,
        describeError: read_errors/* describeReadError */.U,
        judge: (snapshot) => {
            followed = track(followed, snapshot);
            for (const event of eventLog.takeNew(snapshot.service.events ?? [])) {
                events.push(event);
                reporter.info((0,progress/* eventLine */.V8)(event));
            }
            for (const line of judge.changed(snapshot))
                reporter.info(line);
            const verdict = judge.decide(snapshot, followed, events);
            return verdict.kind === 'waiting' ? undefined : verdict;
        },
    };
    const looped = await (0,poll_loop/* pollLoop */.A)(ctx, ctx.options, deadline, poll);
    const { end, last, lastAnsweredAt, problem, startedAt } = looped;
    return {
        end: end.kind === 'verdict' ? end.verdict : end,
        followed,
        events,
        startedAt,
        ...(last ? { last } : {}),
        ...(lastAnsweredAt !== undefined ? { lastAnsweredAt } : {}),
        ...(problem !== undefined ? { problem } : {}),
    };
}

;// CONCATENATED MODULE: ./src/watch/ecs-rollback.ts




/** `to` is the task definition ECS goes back to; `known` the deployment ids seen before ECS began rolling back. */
function ecsRollbackJudge(options, to, known) {
    const lines = rollingJudge(options);
    return {
        changed: lines.changed,
        waitingFor: 'ECS rolling back',
        decide: (snapshot) => rollbackVerdict(snapshot, to, known),
    };
}
function rollbackVerdict(snapshot, to, known) {
    const { service, serviceDeployment } = snapshot;
    switch (serviceDeployment?.status) {
        case 'ROLLBACK_SUCCESSFUL':
            return { kind: 'rolled-back' };
        case 'ROLLBACK_FAILED':
            return { kind: 'rollback-failed', reason: trimmed(serviceDeployment.statusReason ?? serviceDeployment.rollback?.reason ?? 'ECS gave no reason') };
    }
    const primary = (0,watch_snapshot/* primaryOf */.Os)(service);
    if (primary?.id !== undefined && !known.includes(primary.id) && !(0,names/* sameRevision */.Y6)(primary.taskDefinition, to)) {
        return { kind: 'superseded', by: primary };
    }
    if (serviceDeployment !== undefined)
        return { kind: 'waiting' };
    // No service deployment to read: the deployments list tells.
    const back = (0,watch_snapshot/* deploymentsOf */.o)(service).find((deployment) => deployment.status === 'PRIMARY' && (0,names/* sameRevision */.Y6)(deployment.taskDefinition, to));
    if (back?.rolloutState === 'FAILED')
        return { kind: 'rollback-failed', reason: trimmed(back.rolloutStateReason ?? 'ECS gave no reason') };
    return isSteady(service, to) ? { kind: 'rolled-back' } : { kind: 'waiting' };
}
function trimmed(reason) {
    return reason.replace(/\.+$/, '');
}

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/watch/observe.ts
var observe = __webpack_require__(7511);
;// CONCATENATED MODULE: ./src/watch/newer-service-deployment.ts

/**
 * The service deployment created after `ours` on the same service, when ListServiceDeployments lists one. A failed
 * read says none, with a warning: the stop is then judged on what DescribeServices said.
 */
async function newerServiceDeployment(ctx, ours, since) {
    const { ecs, target, reporter } = ctx;
    const createdAt = ours.createdAt?.getTime() ?? since;
    try {
        const answer = await ecs.listServiceDeployments({
            cluster: target.cluster,
            service: target.service,
            createdAt: { after: new Date(createdAt) },
        });
        const newer = (answer.serviceDeployments ?? [])
            .filter((listed) => listed.serviceDeploymentArn !== undefined &&
            listed.serviceDeploymentArn !== ours.serviceDeploymentArn &&
            listed.serviceDeploymentArn !== target.serviceDeploymentArnBefore &&
            (listed.createdAt?.getTime() ?? Number.POSITIVE_INFINITY) >= createdAt)
            .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
        return newer?.serviceDeploymentArn;
    }
    catch (error) {
        reporter.warn(`ListServiceDeployments (looking for the update that stopped this run's deployment): ${(0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/watch/endings.ts
var endings = __webpack_require__(695);
// EXTERNAL MODULE: ./src/watch/stages.ts
var stages = __webpack_require__(3780);
;// CONCATENATED MODULE: ./src/watch/watch-service-deployment.ts









/** Polls spent looking for the service deployment when the update's answer did not name it. */
const FIND_ATTEMPTS = 3;
/** Service deployments this much older than the watch are not this run's. */
const CREATED_MARGIN_MS = 60_000;
async function watchServiceDeployment(deps, target, options, rolling) {
    const { reporter, clock } = deps;
    const ctx = {
        ...deps,
        target,
        options,
        observer: new observe/* Observer */.nu(deps.ecs, deps.reporter, target.cluster, target.service),
        seenEvents: new Set(target.eventKeysBefore),
    };
    const strategy = target.strategy ?? 'BLUE_GREEN';
    const startedAt = clock.now();
    const watched = await reporter.group(`Watching ${strategy} deployment of ${target.service}`, async () => {
        const arn = target.serviceDeploymentArn ?? (await findServiceDeployment(ctx, startedAt));
        if (arn === undefined)
            return undefined;
        const pause = options.pauseTimeoutMs === undefined ? '' : `, pause-timeout ${(0,duration/* formatDuration */.a)(options.pauseTimeoutMs)}`;
        reporter.info(`Following service deployment ${arn} (${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}, ${strategy}); timeout ${(0,duration/* formatDuration */.a)(options.timeoutMs)}${pause}`);
        // Only the deployment the target names is continued: one found by looking could be someone else's.
        const continuePause = arn === target.serviceDeploymentArn ? options.continuePause : undefined;
        const progress = new stages/* StageProgress */.uX(arn, {
            region: target.region,
            revision: (0,names/* familyRevision */.KW)(target.taskDefinitionArn),
            waitUntil: options.waitUntil ?? 'completed',
            ...(continuePause ? { continuesPauses: true } : {}),
            waitTimeoutMs: options.timeoutMs,
            ...(options.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: options.pauseTimeoutMs } : {}),
        });
        const followed = { ctx, arn, progress, startedAt };
        return { followed, result: await followContinuing(followed, continuePause) };
    });
    const { serviceDeploymentArn: _unused, ...withoutArn } = target;
    const fallback = { deadline: startedAt + options.timeoutMs, strategy };
    if (!watched) {
        if (options.cancel.aborted)
            return cancelledBeforeFound(ctx, strategy);
        reporter.info(`No service deployment of this run found: following ${target.service}'s deployments list instead`);
        return rolling(deps, withoutArn, options, fallback);
    }
    if (watched.result.end.kind === 'no-service-deployments')
        return rolling(deps, withoutArn, options, fallback);
    const outcome = await conclude(watched.followed, watched.result);
    return { ...outcome, serviceDeploymentArn: watched.followed.arn, stages: watched.followed.progress.stages };
}
/** followStages; with `continuePause`, each pause is continued and the following goes on within what is left of the wait. */
async function followContinuing(followed, continuePause) {
    const { clock, options } = followed.ctx;
    let result = await followStages(followed, options.timeoutMs);
    while (continuePause && result.end.kind === 'paused' && !options.cancel.aborted) {
        const { hookId, stage, expiresAt } = result.end;
        await continuePause({ serviceDeploymentArn: followed.arn, hookId, stage, ...(expiresAt ? { expiresAt } : {}) });
        result = await followStages(followed, Math.max(0, followed.startedAt + options.timeoutMs - clock.now()));
    }
    return result;
}
/** Polls until the service deployment ends; time at PAUSE hooks does not count when pause-timeout is set. */
function followStages({ ctx, arn, progress }, timeoutMs) {
    const { clock, observer, options, target } = ctx;
    const begin = clock.now();
    const pausedBefore = progress.pausedMs(begin);
    const judge = {
        changed: (snapshot) => progress.changed(snapshot, clock.now()),
        decide: (snapshot) => progress.decide(snapshot, observer.supportsServiceDeployments, clock.now()),
        waitingFor: `${target.strategy ?? 'BLUE_GREEN'} deployment`,
    };
    const deadline = () => begin + timeoutMs + (options.pauseTimeoutMs === undefined ? 0 : progress.pausedMs(clock.now()) - pausedBefore);
    return followWith(ctx, followedOf({ ...target, serviceDeploymentArn: arn }), deadline, judge);
}
/** The newest service deployment created since shortly before the watch: the update's, when its answer named none. */
async function findServiceDeployment(ctx, since) {
    const { ecs, clock, options, target, reporter } = ctx;
    for (let attempt = 1; attempt <= FIND_ATTEMPTS && !options.cancel.aborted; attempt++) {
        try {
            const answer = await ecs.listServiceDeployments({
                cluster: target.cluster,
                service: target.service,
                createdAt: { after: new Date(since - CREATED_MARGIN_MS) },
            });
            const newest = [...(answer.serviceDeployments ?? [])]
                .filter((listed) => listed.serviceDeploymentArn !== target.serviceDeploymentArnBefore)
                .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
            if (newest?.serviceDeploymentArn)
                return newest.serviceDeploymentArn;
        }
        catch (error) {
            if ((0,aws_errors/* isNotSupported */.GW)(error, true))
                return undefined;
            reporter.warn(`ListServiceDeployments: ${(0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}`);
        }
        await clock.sleep(options.pollIntervalMs, options.cancel);
    }
    return undefined;
}
/** Statuses of a service deployment ECS is rolling back by itself. */
const watch_service_deployment_ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS']);
/** Statuses after which a refused StopServiceDeployment is no failure: the deployment ended, or ECS rolls it back. */
const ENDED_OR_ROLLING_BACK = new Set(['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', ...watch_service_deployment_ROLLING_BACK]);
/** A cancel before the service deployment was found: nothing to stop, and UpdateService must not roll it back. */
function cancelledBeforeFound(ctx, strategy) {
    const { target, reporter, options } = ctx;
    const notRolledBack = options.rollbackOnCancel ? '; not rolled back: ECS had named no service deployment to stop' : '';
    const message = `cancelled while looking for the service deployment of the ${strategy} deployment of ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}${notRolledBack}`;
    reporter.warn(message);
    return { status: 'CANCELLED', message };
}
async function conclude(followed, result, followedEcsRollback = false) {
    const { ctx, progress } = followed;
    const { target, reporter, clock, options } = ctx;
    const what = `the ${target.strategy ?? 'BLUE_GREEN'} deployment of ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}`;
    const previous = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
    const took = (0,duration/* formatDuration */.a)(clock.now() - followed.startedAt);
    const end = result.end;
    switch (end.kind) {
        case 'completed': {
            const message = `${what} completed in ${took}`;
            reporter.info(message);
            return { status: 'COMPLETED', message };
        }
        case 'traffic-shifted': {
            const message = `production traffic moved to ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)} in ${took}; the bake time was still running when the wait ended (wait-until: traffic-shifted), and ECS may still roll back until it ends`;
            reporter.info(message);
            return { status: 'COMPLETED', message, bakeTimeRunning: true };
        }
        case 'paused': {
            const expires = end.expiresAt ? `; the hook expires at ${end.expiresAt}` : '';
            const message = `${what} is paused at ${end.stage}: PAUSE hook ${end.hookId} awaits action (wait-until: paused)${expires}`;
            reporter.info(message);
            const { expiresAt, hookId, stage } = end;
            return { status: 'PAUSED', message, paused: { hookId, stage, ...(expiresAt ? { expiresAt } : {}) } };
        }
        case 'rolled-back-by-ecs': {
            const message = `${what} failed: ${end.reason}; ECS rolled back to ${previous}`;
            const failure = await (0,failure_report/* reportFailure */.xV)(ctx, result, target.taskDefinitionArn, end.reason, message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: previous, failure };
        }
        case 'failed': {
            const message = `${what} failed: ${end.reason}`;
            const failure = await (0,failure_report/* reportFailure */.xV)(ctx, result, target.taskDefinitionArn, end.reason, message);
            return { status: 'FAILED', message, failure };
        }
        case 'superseded': {
            const by = end.by ? ` by deployment ${end.by.id ?? '?'} (${(0,names/* familyRevision */.KW)(end.by.taskDefinition ?? '?')})` : ' by a newer service deployment';
            const message = `${what} was superseded${by}, which another update started`;
            reporter.warn(message);
            return { status: 'SUPERSEDED', message, ...(end.by?.taskDefinition ? { supersededBy: (0,names/* familyRevision */.KW)(end.by.taskDefinition) } : {}) };
        }
        case 'stopped': {
            const message = `${what} was stopped outside this run: ${end.reason}`;
            reporter.warn(message);
            return { status: 'CANCELLED', message };
        }
        case 'cancelled':
            return cancelled(followed, result, `cancelled while ${what} was in progress`);
        case 'watch-error':
        case 'unobserved':
        case 'no-service-deployments':
            return (0,endings/* unknown */.L5)(ctx, result, `the outcome of ${what} is unknown`);
        case 'timed-out':
        case 'pause-timed-out': {
            if (end.kind === 'timed-out' && watch_service_deployment_ROLLING_BACK.has(result.last?.serviceDeployment?.status ?? '') && !options.cancel.aborted) {
                // ECS began rolling back by itself as the time ran out: a stop now would hide why; its rollback says.
                if (!followedEcsRollback) {
                    reporter.info(`The wait-timeout came while ECS was rolling back ${what} by itself: following that rollback`);
                    const rollback = await reporter.group(`Watching the rollback ECS started for ${target.service}`, () => followStages(followed, options.timeoutMs));
                    return conclude(followed, rollback, true);
                }
                const message = `${what} was still being rolled back by ECS ${(0,duration/* formatDuration */.a)(options.timeoutMs)} after the wait-timeout`;
                const failure = await (0,failure_report/* reportFailure */.xV)(ctx, result, target.taskDefinitionArn, message, message);
                return { status: 'TIMED_OUT', message, failure };
            }
            const reason = end.kind === 'timed-out'
                ? `did not finish within ${(0,duration/* formatDuration */.a)(options.timeoutMs)}${progress.stagesSeen.length > 0 ? ` (at ${progress.stagesSeen.at(-1) ?? '?'})` : ''}`
                : `waited longer than pause-timeout (${(0,duration/* formatDuration */.a)(options.pauseTimeoutMs ?? 0)}) at the PAUSE hook ${end.hookId} (${end.stage})`;
            const message = `${what} ${reason}`;
            const failure = await (0,failure_report/* reportFailure */.xV)(ctx, result, target.taskDefinitionArn, reason, message);
            if (options.cancel.aborted)
                return cancelled(followed, result, `${message}; cancelled`);
            if (!options.rollback)
                return { status: 'TIMED_OUT', message, failure };
            return rollBack(followed, { status: 'TIMED_OUT', message, failure }, failure, end.kind === 'pause-timed-out' ? end.hookId : undefined);
        }
    }
}
/**
 * Asks ECS to roll the service deployment back: through the PAUSE hook it waits at (ContinueServiceDeployment with
 * action ROLLBACK), else, or when the hook no longer awaits action, StopServiceDeployment with stopType ROLLBACK.
 */
async function sendRollback(ecs, reporter, arn, hookId) {
    if (hookId !== undefined) {
        try {
            await ecs.continueServiceDeployment(arn, hookId, 'ROLLBACK');
            return;
        }
        catch (error) {
            if ((0,aws_errors/* changeOutcome */.Ft)(error) !== 'not-applied')
                throw error;
            reporter.warn(`ContinueServiceDeployment was refused (${(0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}): the hook no longer awaits action; StopServiceDeployment ${arn} (stopType ROLLBACK)`);
        }
    }
    await ecs.stopServiceDeployment(arn, 'ROLLBACK');
}
/** The rollback is sent (sendRollback), then followed to its end. `hookId`: the PAUSE hook the deployment waits at. */
async function rollBack(followed, failed, failure, hookId) {
    const { ctx, arn } = followed;
    const { target, reporter, options, ecs, clock } = ctx;
    const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
    reporter.warn(hookId === undefined
        ? `Rolling back ${target.service} to ${to}: StopServiceDeployment ${arn} (stopType ROLLBACK)`
        : `Rolling back ${target.service} to ${to}: ContinueServiceDeployment ${arn} at the PAUSE hook ${hookId} (action ROLLBACK)`);
    try {
        await sendRollback(ecs, reporter, arn, hookId);
    }
    catch (error) {
        if ((0,aws_errors/* changeOutcome */.Ft)(error) === 'not-applied' && !(await endedOrRollingBack(ctx, arn))) {
            const message = `${failed.message}; the rollback to ${to} failed: ${(0,errors/* errorMessage */.gJ)(error)}`;
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
        // The answer was lost, not the request: what the service deployment says next tells whether it went through.
        reporter.warn(`StopServiceDeployment: the answer was lost (${(0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}); following the service deployment`);
    }
    followed.progress.endPause(clock.now());
    const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => followStages(followed, options.timeoutMs));
    const end = rollback.end;
    switch (end.kind) {
        case 'rolled-back-by-ecs': {
            const message = `${failed.message}; rolled back to ${to}`;
            reporter.warn(message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
        }
        case 'completed':
        case 'traffic-shifted': {
            const message = `${failed.message}; the rollback was asked for, but the deployment completed first`;
            reporter.warn(message);
            return { status: 'COMPLETED', message };
        }
        case 'cancelled':
            return (0,endings/* cancelledState */.XR)(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
        case 'superseded':
        case 'stopped': {
            const message = `${failed.message}; the rollback to ${to} was overtaken by another deployment`;
            reporter.warn(message);
            return { status: 'SUPERSEDED', message, failure };
        }
        case 'watch-error':
        case 'unobserved':
        case 'no-service-deployments': {
            const { message, lastSeen } = (0,endings/* unknownMessage */.sv)(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
            reporter.error(message);
            return { status: 'FAILED', message, failure, ...lastSeen };
        }
        case 'failed':
        case 'paused':
        case 'timed-out':
        case 'pause-timed-out': {
            const reason = end.kind === 'failed' ? end.reason : `did not finish within ${(0,duration/* formatDuration */.a)(options.timeoutMs)}`;
            const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
    }
}
/**
 * After a refused StopServiceDeployment: whether the service deployment has ended or ECS rolls it back already (the
 * refusal then raced its end), which following it will tell. One read; a failed read says no.
 */
async function endedOrRollingBack(ctx, arn) {
    try {
        const answer = await ctx.ecs.describeServiceDeployments([arn]);
        const status = answer.serviceDeployments?.[0]?.status;
        if (status === undefined || !ENDED_OR_ROLLING_BACK.has(status))
            return false;
        ctx.reporter.info(`StopServiceDeployment was refused; the service deployment is ${status}: following it`);
        return true;
    }
    catch (error) {
        ctx.reporter.warn(`DescribeServiceDeployments: ${(0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? ''}`);
        return false;
    }
}
/**
 * Stops at once; with rollback-on-cancel it first asks ECS to roll back (StopServiceDeployment, on the client the
 * cancel does not abort), waiting at most CANCEL_ANSWER_CAP_MS for the answer, not for the rollback.
 */
async function cancelled(followed, result, headline) {
    const { ctx, arn } = followed;
    const { options, clock, target } = ctx;
    let message = headline;
    if (options.rollbackOnCancel) {
        const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
        const ecs = ctx.ecsAfterCancel ?? ctx.ecs;
        const hookId = followed.progress.pausedHookId;
        const call = hookId === undefined ? 'StopServiceDeployment' : 'ContinueServiceDeployment (action ROLLBACK)';
        message = `${headline}; ${await (0,endings/* rollBackOnCancel */.qP)(sendRollback(ecs, ctx.reporter, arn, hookId), { call, to }, clock)}`;
    }
    return (0,endings/* cancelledState */.XR)(ctx, result, message);
}

;// CONCATENATED MODULE: ./src/watch/watch-rollout.ts














/** A blue/green, linear or canary deployment, followed through its service deployment's stages. */
function watchStaged(deps, target, options) {
    return watchServiceDeployment(deps, target, options, watchRolling);
}
/** `staged` when it stands in for a blue/green, linear or canary watch: its deadline, and no UpdateService rollback. */
async function watchRolling(deps, target, options, staged) {
    const ctx = {
        ...deps,
        target,
        options,
        observer: new observe/* Observer */.nu(deps.ecs, deps.reporter, target.cluster, target.service),
        seenEvents: new Set(target.eventKeysBefore),
    };
    const followed = followedOf(target);
    const deadline = staged?.deadline ?? deps.clock.now() + options.timeoutMs;
    const rollout = await deps.reporter.group(`Watching rollout of ${target.service}`, () => {
        deps.reporter.info(`${startLine(target.service, followed)}; timeout ${(0,duration/* formatDuration */.a)(options.timeoutMs)}`);
        return follow(ctx, followed, deadline);
    });
    return watch_rollout_conclude(ctx, rollout, staged, deadline);
}
/** Why a blue/green, linear or canary deployment followed without its service deployment is not rolled back. */
function notRolledBack(staged) {
    return `not rolled back: ECS named no service deployment to stop, and a ${staged.strategy} deployment is not rolled back by UpdateService`;
}
function startLine(service, followed) {
    const revision = (0,names/* familyRevision */.KW)(followed.taskDefinitionArn);
    if (followed.deploymentId)
        return `Following deployment ${followed.deploymentId} (${revision})`;
    if (followed.serviceDeploymentArn)
        return `Following service deployment ${followed.serviceDeploymentArn} (${revision})`;
    return `No new deployment to follow: waiting until ${service} runs ${revision} in one deployment with all its tasks`;
}
async function watch_rollout_conclude(ctx, rollout, staged, deadline) {
    const { target, reporter, options, clock } = ctx;
    const end = rollout.end;
    const what = describeDeployment(rollout.followed.deploymentId, target.taskDefinitionArn);
    switch (end.kind) {
        case 'completed': {
            const message = followsDeployment(rollout.followed)
                ? `${what} completed in ${(0,duration/* formatDuration */.a)(clock.now() - rollout.startedAt)}`
                : `service ${target.service} is steady on ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)}`;
            reporter.info(message);
            return { status: 'COMPLETED', message };
        }
        case 'superseded':
            return end.by ? superseded(ctx, what, end.by) : supersededByServiceDeployment(ctx, what, end.current ?? '?');
        case 'watch-error':
        case 'unobserved':
            return (0,endings/* unknown */.L5)(ctx, rollout, `the outcome of ${what} is unknown`);
        case 'cancelled':
            return watch_rollout_cancelled(ctx, rollout, `cancelled while ${what} was in progress`, staged);
        case 'rolling-back-by-ecs':
            return followEcsRollback(ctx, rollout, { what, reason: end.reason, to: end.to ?? target.previous.taskDefinitionArn }, deadline);
        case 'failed':
        case 'timed-out': {
            const stopped = rollout.last?.serviceDeployment;
            if (end.kind === 'failed' && stoppedFromOutside(stopped)) {
                const newer = await newerServiceDeployment(ctx, stopped, rollout.startedAt);
                if (newer !== undefined)
                    return supersededByServiceDeployment(ctx, what, newer);
            }
            const reason = end.kind === 'failed' ? end.reason : notFinished(ctx, rollout);
            const message = end.kind === 'failed' ? `${what} failed: ${reason}` : `${what} ${reason}`;
            const failure = await (0,failure_report/* reportFailure */.xV)(ctx, rollout, target.taskDefinitionArn, reason, message);
            const outcome = { status: end.kind === 'failed' ? 'FAILED' : 'TIMED_OUT', message, failure };
            if (options.cancel.aborted)
                return watch_rollout_cancelled(ctx, rollout, `${message}; cancelled`, staged);
            if (options.rollback && staged) {
                const unsent = `${message}; ${notRolledBack(staged)}`;
                reporter.error(unsent);
                return { ...outcome, message: unsent };
            }
            return options.rollback ? watch_rollout_rollBack(ctx, rollout, outcome, failure) : outcome;
        }
    }
}
/** Why a rollout ECS kept answering about is not done; names the revision the service runs when it is not ours. */
function notFinished(ctx, result) {
    const { options, target } = ctx;
    const reason = `did not finish within ${(0,duration/* formatDuration */.a)(options.timeoutMs)}`;
    const revisions = [...new Set((0,watch_snapshot/* deploymentsOf */.o)(result.last?.service ?? {}).map((deployment) => deployment.taskDefinition ?? '?'))];
    if (revisions.length === 0 || revisions.some((revision) => (0,names/* sameRevision */.Y6)(revision, result.followed.taskDefinitionArn)))
        return reason;
    return `${reason}: service ${target.service} runs ${revisions.map(names/* familyRevision */.KW).join(', ')} instead`;
}
function superseded(ctx, what, by) {
    const supersededBy = (0,names/* familyRevision */.KW)(by.taskDefinition ?? '?');
    const message = `${what} was superseded by deployment ${by.id ?? '?'} (${supersededBy}), which another update started`;
    ctx.reporter.warn(message);
    return { status: 'SUPERSEDED', message, supersededBy };
}
/** Superseded, while the deployments list does not show the deployment that took over yet. */
function supersededByServiceDeployment(ctx, what, current) {
    const message = `${what} was superseded by service deployment ${current}, which another update started`;
    ctx.reporter.warn(message);
    return { status: 'SUPERSEDED', message };
}
function canRollBack(ctx) {
    const { target, reporter } = ctx;
    if (!(0,names/* sameRevision */.Y6)(target.previous.taskDefinitionArn, target.taskDefinitionArn))
        return true;
    reporter.warn(`Not rolling back: ${target.service} already ran ${(0,names/* familyRevision */.KW)(target.taskDefinitionArn)} before this run`);
    return false;
}
/** Puts the previous revision back, the way the deploy started this run's deployment. */
function requestRollback(ctx, last, ecs = ctx.ecs) {
    const { target, reporter, clock } = ctx;
    return (0,start_deployment/* startDeployment */.i)(ecs, { ...last, serviceName: target.service }, {
        cluster: target.cluster,
        region: target.region,
        taskDefinitionArn: target.previous.taskDefinitionArn,
        desiredCount: target.previous.desiredCount,
        forceNewDeployment: false,
    }, { reporter, clock });
}
async function watch_rollout_rollBack(ctx, rollout, failed, failure) {
    const { target, reporter, clock, options } = ctx;
    if (!canRollBack(ctx))
        return failed;
    const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
    const arn = rollout.followed.serviceDeploymentArn;
    if (arn !== undefined && IN_FLIGHT.has(rollout.last?.serviceDeployment?.status ?? '')) {
        reporter.warn(`Rolling back ${target.service} to ${to}: StopServiceDeployment ${arn} (stopType ROLLBACK)`);
        if (await stopToRollBack(ctx, arn))
            return followStopRollback(ctx, rollout, failed, failure);
    }
    reporter.warn(`Rolling back ${target.service} to ${to}`);
    let started;
    try {
        started = await requestRollback(ctx, rollout.last?.service);
    }
    catch (error) {
        const message = `${failed.message}; the rollback to ${to} failed: ${(0,errors/* errorMessage */.gJ)(error)}`;
        reporter.error(message);
        return { status: 'FAILED', message, failure };
    }
    // Neither the failed deployment nor any deployment from before the run is the rollback's.
    const ours = rollout.followed.deploymentId;
    const followed = followedOf({
        ...started,
        deploymentIdsBefore: [...started.deploymentIdsBefore, ...rollout.followed.deploymentIdsBefore, ...(ours ? [ours] : [])],
    });
    const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => {
        reporter.info(startLine(target.service, followed));
        return follow(ctx, followed, clock.now() + options.timeoutMs);
    });
    const end = rollback.end;
    const rollbackWhat = describeDeployment(rollback.followed.deploymentId, target.previous.taskDefinitionArn);
    switch (end.kind) {
        case 'completed': {
            const message = `${failed.message}; rolled back to ${to}`;
            reporter.warn(message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
        }
        case 'cancelled':
            return (0,endings/* cancelledState */.XR)(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
        case 'superseded':
            return end.by ? superseded(ctx, rollbackWhat, end.by) : supersededByServiceDeployment(ctx, rollbackWhat, end.current ?? '?');
        case 'watch-error':
        case 'unobserved': {
            // The rollout did fail; only how the rollback ended is not known.
            const { message, lastSeen } = (0,endings/* unknownMessage */.sv)(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
            reporter.error(message);
            reporter.info(`Console: ${(0,names/* consoleUrl */.B9)(target.region, target.cluster, target.service)}`);
            return { status: 'FAILED', message, failure, ...lastSeen };
        }
        case 'failed':
        case 'timed-out':
        case 'rolling-back-by-ecs': {
            const reason = end.kind === 'timed-out' ? notFinished(ctx, rollback) : end.reason;
            const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
            await (0,failure_report/* reportFailure */.xV)(ctx, rollback, target.previous.taskDefinitionArn, reason, `Rollback ${rollbackWhat}: ${reason}`);
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
    }
}
/**
 * Stops at once; with rollback-on-cancel it first starts the rollback, waiting for ECS to answer that one call
 * (at most CANCEL_ANSWER_CAP_MS), not for the rollback itself.
 */
async function watch_rollout_cancelled(ctx, rollout, headline, staged) {
    const { options, clock, target } = ctx;
    let message = headline;
    if (options.rollbackOnCancel && staged) {
        message = `${headline}; ${notRolledBack(staged)}`;
    }
    else if (options.rollbackOnCancel && canRollBack(ctx)) {
        const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
        message = `${headline}; ${await (0,endings/* rollBackOnCancel */.qP)(requestRollback(ctx, rollout.last?.service, ctx.ecsAfterCancel), { call: 'UpdateService', to }, clock)}`;
    }
    return (0,endings/* cancelledState */.XR)(ctx, rollout, message);
}
/**
 * ECS began rolling back by itself: the failure's reason is printed now, and the rollback is followed to its end
 * within what is left of the wait (unless wait-for-rollback is false). Only its end makes the run ROLLED_BACK.
 */
async function followEcsRollback(ctx, rollout, failed, deadline) {
    const { target, reporter, options } = ctx;
    const to = (0,names/* familyRevision */.KW)(failed.to);
    const headline = `${failed.what} failed: ${failed.reason}`;
    const rollingBack = `${headline}; ECS is rolling back to ${to}`;
    const failure = await (0,failure_report/* reportFailure */.xV)(ctx, rollout, target.taskDefinitionArn, failed.reason, rollingBack);
    if (options.waitForRollback === false)
        return { status: 'FAILED', message: rollingBack, failure };
    if (options.cancel.aborted)
        return (0,endings/* cancelledState */.XR)(ctx, rollout, `${rollingBack}; cancelled`, failure);
    const known = [
        ...rollout.followed.deploymentIdsBefore,
        ...(rollout.followed.deploymentId ? [rollout.followed.deploymentId] : []),
        ...(0,watch_snapshot/* deploymentsOf */.o)(rollout.last?.service ?? {}).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
    ];
    const rollback = await reporter.group(`Watching the rollback ECS started for ${target.service}`, () => {
        reporter.info(`ECS is rolling back ${target.service} to ${to}; following it until it ends (wait-for-rollback)`);
        return followWith(ctx, rollout.followed, deadline, ecsRollbackJudge(options, failed.to, known));
    });
    const end = rollback.end;
    switch (end.kind) {
        case 'rolled-back': {
            const message = `${headline}; ECS rolled back to ${to}`;
            reporter.warn(message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
        }
        case 'rollback-failed': {
            const message = `${headline}; ECS could not roll back to ${to}: ${end.reason}`;
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
        case 'superseded':
            return superseded(ctx, failed.what, end.by);
        case 'cancelled':
            return (0,endings/* cancelledState */.XR)(ctx, rollback, `${rollingBack}; cancelled while ECS was rolling back`, failure);
        case 'timed-out': {
            const message = `${headline}; ECS is still rolling back to ${to} at the end of the ${(0,duration/* formatDuration */.a)(options.timeoutMs)} wait`;
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
        case 'watch-error':
        case 'unobserved': {
            const { message, lastSeen } = (0,endings/* unknownMessage */.sv)(ctx, rollback, `${rollingBack}; how ECS's rollback ended is unknown`);
            reporter.error(message);
            return { status: 'FAILED', message, failure, ...lastSeen };
        }
    }
}
/** Service deployment statuses while it is in flight, when StopServiceDeployment can still roll it back. */
const IN_FLIGHT = new Set(['PENDING', 'IN_PROGRESS']);
/**
 * StopServiceDeployment with ROLLBACK: ECS puts back the whole previous service revision. False when it was
 * refused (access denied, or ECS would not stop it): the rollback is then an UpdateService, as without the API.
 */
async function stopToRollBack(ctx, arn) {
    const { ecs, reporter } = ctx;
    try {
        await ecs.stopServiceDeployment(arn, 'ROLLBACK');
        return true;
    }
    catch (error) {
        const why = (0,aws_errors/* describeError */.Uc)(error).split('\n')[0] ?? '';
        if ((0,aws_errors/* changeOutcome */.Ft)(error) === 'doubtful') {
            // The answer was lost, not the request: what the service deployment says next tells whether it went through.
            reporter.warn(`StopServiceDeployment: the answer was lost (${why}); following the service deployment`);
            return true;
        }
        reporter.warn(`StopServiceDeployment was refused (${why}): rolling back with UpdateService, which restores only the task definition and desired count; allow ecs:StopServiceDeployment to roll back the whole previous service revision`);
        return false;
    }
}
/** Follows the rollback StopServiceDeployment asked for to its end: ROLLBACK_SUCCESSFUL, or the service steady on the previous revision. */
async function followStopRollback(ctx, rollout, failed, failure) {
    const { target, reporter, options, clock } = ctx;
    const to = (0,names/* familyRevision */.KW)(target.previous.taskDefinitionArn);
    const known = [
        ...rollout.followed.deploymentIdsBefore,
        ...(rollout.followed.deploymentId ? [rollout.followed.deploymentId] : []),
        ...(0,watch_snapshot/* deploymentsOf */.o)(rollout.last?.service ?? {}).flatMap((deployment) => (deployment.id ? [deployment.id] : [])),
    ];
    const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => followWith(ctx, rollout.followed, clock.now() + options.timeoutMs, ecsRollbackJudge(options, target.previous.taskDefinitionArn, known)));
    const end = rollback.end;
    switch (end.kind) {
        case 'rolled-back': {
            const message = `${failed.message}; rolled back to ${to}`;
            reporter.warn(message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
        }
        case 'superseded':
            return superseded(ctx, `the rollback to ${to}`, end.by);
        case 'cancelled':
            return (0,endings/* cancelledState */.XR)(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
        case 'watch-error':
        case 'unobserved': {
            const { message, lastSeen } = (0,endings/* unknownMessage */.sv)(ctx, rollback, `${failed.message}; the outcome of the rollback to ${to} is unknown`);
            reporter.error(message);
            return { status: 'FAILED', message, failure, ...lastSeen };
        }
        case 'rollback-failed':
        case 'timed-out': {
            const reason = end.kind === 'timed-out' ? `did not finish within ${(0,duration/* formatDuration */.a)(options.timeoutMs)}` : end.reason;
            const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
    }
}


/***/ })

};
