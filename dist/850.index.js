export const id = 850;
export const ids = [850,544,888];
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

/***/ 5544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tC: () => (/* reexport */ client_config/* addAnswerRules */.tC),
  yO: () => (/* reexport */ client_config/* clientConfig */.yO),
  createSession: () => (/* binding */ createSession)
});

// UNUSED EXPORTS: CONNECT_TIMEOUT_MS, RESPONSE_TIMEOUT_MS, SDK_MAX_ATTEMPTS, retryGarbledAnswers, wholeAnswerWithin

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/change.ts
var change = __webpack_require__(1149);
// EXTERNAL MODULE: ./src/aws/unmodelled.ts
var aws_unmodelled = __webpack_require__(6888);
;// CONCATENATED MODULE: ./src/aws/ecs.ts
// The ECS calls ecs-deliver makes, behind one small interface so the deploy flow and the watcher take it
// as a parameter and tests hand in aws-sdk-client-mock or a plain object.


/**
 * Sits between the SDK's reader and the HTTP answer: keeps the answer's JSON so that fields the SDK does not
 * know can be named, then hands the same bytes on.
 */
function keepRawAnswer(raw) {
    return (next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        if (response.body && typeof response.body[Symbol.asyncIterator] === 'function') {
            const chunks = [];
            for await (const chunk of response.body)
                chunks.push(chunk);
            const bytes = Buffer.concat(chunks);
            response.body = new Uint8Array(bytes);
            try {
                raw.body = JSON.parse(bytes.toString('utf8'));
            }
            catch {
                // Not JSON: the SDK's own reader reports it.
            }
        }
        return result;
    };
}
function ecsApi(client, options = {}) {
    const changes = options.changes ?? client;
    const sendOptions = options.signal ? { abortSignal: options.signal } : {};
    const changeOptions = (signal) => (signal ? { abortSignal: signal } : {});
    return {
        async describeCluster(cluster) {
            const out = await client.send(new dist_cjs/* DescribeClustersCommand */._2_({ clusters: [cluster] }), sendOptions);
            return out.clusters?.[0];
        },
        describeServices: (cluster, services) => client.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: [...services] }), sendOptions),
        async describeTaskDefinition(taskDefinition) {
            const command = new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition, include: ['TAGS'] });
            const raw = {};
            command.middlewareStack.add(keepRawAnswer(raw), { step: 'deserialize', priority: 'low', name: 'ecsDeliverKeepRawAnswer' });
            const out = await client.send(command, sendOptions);
            const answered = raw.body?.['taskDefinition'];
            const unmodelled = answered && typeof answered === 'object' ? (0,aws_unmodelled.unmodelledAnswerFields)(answered) : [];
            return unmodelled.length > 0 ? { ...out, unmodelledFields: unmodelled } : out;
        },
        registerTaskDefinition: (input, signal) => changes.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(input), changeOptions(signal)),
        listTaskDefinitions: (input) => client.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse(input), sendOptions),
        async deregisterTaskDefinition(taskDefinition, signal) {
            const out = await changes.send(new dist_cjs/* DeregisterTaskDefinitionCommand */.sjB({ taskDefinition }), changeOptions(signal));
            return out.taskDefinition;
        },
        updateService: (input, signal) => changes.send(new dist_cjs/* UpdateServiceCommand */.kZr(input), changeOptions(signal)),
        async listClusters(nextToken) {
            const out = await client.send(new dist_cjs/* ListClustersCommand */.Nnn(nextToken ? { nextToken } : {}), sendOptions);
            return { clusterArns: out.clusterArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        async listServices(cluster, nextToken) {
            const out = await client.send(new dist_cjs/* ListServicesCommand */.qde({ cluster, ...(nextToken ? { nextToken } : {}) }), sendOptions);
            return { serviceArns: out.serviceArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        listTasks: (input) => client.send(new dist_cjs/* ListTasksCommand */.MYg(input), sendOptions),
        async describeTasks(cluster, tasks) {
            if (tasks.length === 0)
                return [];
            const out = await client.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: [...tasks] }), sendOptions);
            return out.tasks ?? [];
        },
        listServiceDeployments: (input) => client.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8(input), sendOptions),
        describeServiceDeployments: (arns) => client.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [...arns] }), sendOptions),
        describeServiceRevisions: (arns) => client.send(new dist_cjs/* DescribeServiceRevisionsCommand */.oF5({ serviceRevisionArns: [...arns] }), sendOptions),
        runTask: (input, signal) => changes.send(new dist_cjs/* RunTaskCommand */._eD(input), changeOptions(signal)),
        stopTask: (cluster, task, reason, signal) => changes.send(new dist_cjs/* StopTaskCommand */.PP1({ cluster, task, reason: reason.slice(0, 255) }), changeOptions(signal)),
        stopServiceDeployment: (arn, stopType, signal) => changes.send(new dist_cjs/* StopServiceDeploymentCommand */.a8L({ serviceDeploymentArn: arn, stopType }), changeOptions(signal)),
        continueServiceDeployment: (arn, hookId, action, signal) => changes.send(new dist_cjs/* ContinueServiceDeploymentCommand */.LrH({ serviceDeploymentArn: arn, hookId, action }), changeOptions(signal)),
    };
}

// EXTERNAL MODULE: ./src/aws/client-config.ts
var client_config = __webpack_require__(6925);
// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(9373);
;// CONCATENATED MODULE: ./src/aws/stops.ts
// StopTask, StopServiceDeployment, ContinueServiceDeployment and DeregisterTaskDefinition under the one discipline of change.ts: a throttled,
// 5xx or lost answer is sent again (stopping twice stops once) and what ECS shows is read back, so a stop or a
// rollback is reported failed only when ECS refused it.


/** Service deployment states that show a stop (or its rollback) was taken. */
const STOPPING = new Set(['STOP_REQUESTED', 'STOPPED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
const DEREGISTER_WITHIN_MS = 60_000;
/**
 * `ecs` with its stops and deregistration made through sendChange; `reads` answers the read-backs and is not
 * aborted by the run's cancel.
 */
function withSettledStops(ecs, reads, options = {}) {
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const changeOptions = (longestMs) => {
        const withinMs = Math.min(options.withinMs ?? Infinity, longestMs ?? Infinity);
        return {
            clock,
            ...(options.cancel ? { cancel: options.cancel } : {}),
            ...(Number.isFinite(withinMs) ? { deadlineAt: clock.now() + withinMs } : {}),
        };
    };
    return {
        ...ecs,
        stopTask: (cluster, task, reason) => (0,change/* sendChange */.Xy)({
            action: `StopTask ${task}`,
            send: (signal) => ecs.stopTask(cluster, task, reason, signal),
            async readBack() {
                const [found] = await reads.describeTasks(cluster, [task]);
                return found?.desiredStatus === 'STOPPED' ? { applied: true, value: { task: found, $metadata: {} } } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws ecs describe-tasks --cluster ${cluster} --tasks ${task}`,
        }, changeOptions()),
        stopServiceDeployment: (arn, stopType) => (0,change/* sendChange */.Xy)({
            action: `StopServiceDeployment ${arn}`,
            send: (signal) => ecs.stopServiceDeployment(arn, stopType, signal),
            async readBack() {
                const found = (await reads.describeServiceDeployments([arn])).serviceDeployments?.[0];
                return found?.status && STOPPING.has(found.status) ? { applied: true, value: { serviceDeploymentArn: arn, $metadata: {} } } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws ecs describe-service-deployments --service-deployment-arns ${arn}`,
        }, changeOptions()),
        continueServiceDeployment: (arn, hookId, action) => (0,change/* sendChange */.Xy)({
            action: `ContinueServiceDeployment ${arn} (${action})`,
            send: (signal) => ecs.continueServiceDeployment(arn, hookId, action, signal),
            async readBack() {
                // Taken once the hook no longer awaits action (or the deployment left IN_PROGRESS altogether).
                const found = (await reads.describeServiceDeployments([arn])).serviceDeployments?.[0];
                const hook = found?.lifecycleHookDetails?.find((detail) => detail.hookId === hookId);
                const taken = found !== undefined && (found.status !== 'IN_PROGRESS' || (hook !== undefined && hook.status !== 'AWAITING_ACTION'));
                return taken ? { applied: true, value: { serviceDeploymentArn: arn, $metadata: {} } } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws ecs describe-service-deployments --service-deployment-arns ${arn}`,
        }, changeOptions()),
        deregisterTaskDefinition: (taskDefinition) => (0,change/* sendChange */.Xy)({
            action: `DeregisterTaskDefinition ${taskDefinition}`,
            send: (signal) => ecs.deregisterTaskDefinition(taskDefinition, signal),
            async readBack() {
                const found = (await reads.describeTaskDefinition(taskDefinition)).taskDefinition;
                return found && found.status !== 'ACTIVE' ? { applied: true, value: found } : { applied: false };
            },
            resendIsSafe: true,
            whatToCheck: `aws ecs describe-task-definition --task-definition ${taskDefinition}`,
        }, 
        // Tidying up: not worth holding the run for long.
        changeOptions(DEREGISTER_WITHIN_MS)),
    };
}

;// CONCATENATED MODULE: ./src/aws/clients.ts
// Builds the SDK clients once per run: the default credential chain (or a web-identity session), the
// endpoints from AWS_ENDPOINT_URL(_ECS/_ECR/_CODEDEPLOY), timeouts on every attempt, SDK retries on reads, and one attempt
// for each change (a change whose answer is lost is read back before it is tried again, see aws/change.ts).







/** A stop a cancel asks for is tried again only this long: the run must end soon after. */
const AFTER_CANCEL_STOP_MS = 6_000;
function createSession(options) {
    const reads = new dist_cjs/* ECSClient */.Zgc((0,client_config/* clientConfig */.yO)(options));
    (0,client_config/* addAnswerRules */.tC)(reads, options, { retryGarbled: true });
    const changes = new dist_cjs/* ECSClient */.Zgc((0,client_config/* clientConfig */.yO)({ ...options, maxAttempts: 1 }));
    (0,client_config/* addAnswerRules */.tC)(changes, options, { retryGarbled: false });
    const afterCancel = ecsApi(reads, { changes, signal: change/* endOfRun */.q_ });
    return {
        region: options.region,
        ecs: withSettledStops(ecsApi(reads, { changes, ...(options.signal ? { signal: options.signal } : {}) }), afterCancel, {
            ...(options.signal ? { cancel: options.signal } : {}),
        }),
        ecsAfterCancel: withSettledStops(afterCancel, afterCancel, { withinMs: AFTER_CANCEL_STOP_MS }),
        resolveCredentials: () => reads.config.credentials(),
        options,
        codeDeploy: once(async () => (await Promise.all(/* import() */[__webpack_require__.e(507), __webpack_require__.e(895)]).then(__webpack_require__.bind(__webpack_require__, 7895))).codeDeployApis(options)),
        express: once(async () => (await __webpack_require__.e(/* import() */ 628).then(__webpack_require__.bind(__webpack_require__, 7628))).expressApisOn(reads, changes, options.signal)),
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
}
function once(make) {
    let made;
    return () => (made ??= make());
}


/***/ }),

/***/ 6888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   unmodelledAnswerFields: () => (/* binding */ unmodelledAnswerFields),
/* harmony export */   unmodelledFields: () => (/* binding */ unmodelledFields)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
// The bundled SDK serialises only the members its model knows; anything else vanishes without an error.
// Walking the SDK's own schema finds those fields, so a newer field is named in a warning, not lost in silence.

const STRUCTURE = 3;
const LIST = 1;
const MAP = 2;
const LIST_BIT = 64;
const MAP_BIT = 128;
function resolve(schema) {
    let current = schema;
    for (let i = 0; i < 4; i++) {
        if (typeof current === 'function')
            current = current();
        else if (Array.isArray(current) && current.length === 2 && typeof current[0] === 'function')
            current = current[0];
        else
            break;
    }
    return current;
}
function walk(value, schema, path, found) {
    const resolved = resolve(schema);
    if (value === null || value === undefined)
        return;
    if (typeof resolved === 'number') {
        if (resolved & LIST_BIT && Array.isArray(value))
            return;
        if (resolved & MAP_BIT)
            return;
        return;
    }
    if (!Array.isArray(resolved))
        return;
    const kind = resolved[0];
    if (kind === STRUCTURE && typeof value === 'object' && !Array.isArray(value)) {
        const names = resolved[4];
        const members = resolved[5];
        for (const [key, child] of Object.entries(value)) {
            const index = names.indexOf(key);
            if (index === -1)
                found.push(path ? `${path}.${key}` : key);
            else
                walk(child, members[index], path ? `${path}.${key}` : key, found);
        }
    }
    else if (kind === LIST && Array.isArray(value)) {
        value.forEach((item, i) => walk(item, resolved[4], `${path}[${i}]`, found));
    }
    else if (kind === MAP && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
            walk(child, resolved[5], `${path}.${key}`, found);
        }
    }
}
/** Paths of the fields in a RegisterTaskDefinition input that the bundled SDK would not send. */
function unmodelledFields(input) {
    const found = [];
    walk(input, _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .RegisterTaskDefinitionRequest$ */ .fSK, '', found);
    return found;
}
/** Paths of the fields in a task definition ECS answered that the bundled SDK drops while reading it. */
function unmodelledAnswerFields(taskDefinition) {
    const found = [];
    walk(taskDefinition, _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .TaskDefinition$ */ .TAv, '', found);
    return found;
}


/***/ }),

/***/ 6850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assumeRoleWithWebIdentity: () => (/* binding */ assumeRoleWithWebIdentity),
/* harmony export */   sessionNameFor: () => (/* binding */ sessionNameFor)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5544);
// OIDC instead of long-lived keys: trade the CI job's identity token for short-lived role credentials.
// The credentials live in memory only; nothing here writes a file or sets an environment variable.




const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME_MAX = 64;
async function assumeRoleWithWebIdentity(request) {
    const { roleArn, token, region, sessionName, reporter } = request;
    checkRequest(request);
    reporter?.mask(token);
    // No credentials yet: the token is what signs this call. Timeouts as for every other client.
    const sts = request.stsClient ?? stsClient(region);
    const answer = await sts
        .send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .AssumeRoleWithWebIdentityCommand */ .WH({
        RoleArn: roleArn,
        RoleSessionName: sessionName,
        WebIdentityToken: token,
        ...(request.durationSeconds === undefined ? {} : { DurationSeconds: request.durationSeconds }),
    }), request.signal ? { abortSignal: request.signal } : {})
        .catch((error) => {
        const kind = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyError */ .fe)(error);
        if (kind === 'throttled' || kind === 'transient') {
            // STS (or the issuer it asks) did not answer: nothing is wrong with the inputs; the job can run again.
            const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorName */ .Is)(error).startsWith('IDPCommunicationError')
                ? explain(error, roleArn, region)
                : `AWS is not answering: STS AssumeRoleWithWebIdentity for ${roleArn}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsUnavailableError */ .i7(withoutToken(message, token));
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(withoutToken(explain(error, roleArn, region), token));
    });
    const credentials = answer.Credentials;
    if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PreflightError */ .wG(`role-arn ${roleArn}: STS answered AssumeRoleWithWebIdentity without credentials`);
    }
    reporter?.mask(credentials.SecretAccessKey);
    reporter?.mask(credentials.SessionToken);
    const until = credentials.Expiration ? `, valid until ${credentials.Expiration.toISOString()}` : '';
    reporter?.info(`Assumed ${roleArn} with the web identity token as session ${sessionName}${until}`);
    return {
        accessKeyId: credentials.AccessKeyId,
        secretAccessKey: credentials.SecretAccessKey,
        sessionToken: credentials.SessionToken,
        ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
    };
}
/**
 * `ecs-deliver-<project>-<pipeline>` from the CI's variables (GitLab, GitHub, Jenkins), so CloudTrail shows which
 * pipeline acted. Only the characters STS allows, at most 64, the project shortened before the pipeline id.
 */
function sessionNameFor(env) {
    const project = env['CI_PROJECT_PATH_SLUG'] || env['GITHUB_REPOSITORY'] || env['JOB_NAME'] || '';
    const run = env['CI_PIPELINE_ID'] || env['GITHUB_RUN_ID'] || env['BUILD_NUMBER'] || '';
    const suffix = run === '' ? '' : sanitise(`-${run}`).slice(0, 24);
    const prefix = sanitise(project === '' ? 'ecs-deliver' : `ecs-deliver-${project}`);
    return prefix.slice(0, SESSION_NAME_MAX - suffix.length) + suffix;
}
function sanitise(name) {
    return name.replace(/[^\w+=,.@-]/g, '-');
}
function checkRequest({ roleArn, token, region, sessionName }) {
    if (!ROLE_ARN.test(roleArn)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`role-arn "${roleArn}" is not an IAM role ARN: use arn:aws:iam::<account>:role/<name>`);
    }
    if (token.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('role-arn is set but web-identity-token is empty: on GitLab add to the job ' +
            '"id_tokens: {ECS_DELIVER_WEB_IDENTITY_TOKEN: {aud: sts.amazonaws.com}}"');
    }
    if (region === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('region is not set: set region, AWS_REGION or AWS_DEFAULT_REGION');
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`session name "${sessionName}" must be 2 to 64 of the characters [A-Za-z0-9_+=,.@-]`);
    }
}
function explain(error, roleArn, region) {
    const name = error instanceof Error ? error.name : '';
    const detail = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    switch (name) {
        case 'AccessDenied':
        case 'AccessDeniedException':
            return (`role-arn ${roleArn} refused the web-identity-token (AccessDenied: ${detail}); ` +
                "fix the role's trust policy: trust the token issuer's OIDC provider and allow " +
                'sts:AssumeRoleWithWebIdentity for this aud and sub');
        case 'InvalidIdentityToken':
        case 'InvalidIdentityTokenException':
            return (`web-identity-token was rejected (InvalidIdentityToken: ${detail}); ` +
                'add the token issuer as an IAM OIDC identity provider and give the token an audience it lists ' +
                '(GitLab: id_tokens aud: sts.amazonaws.com)');
        case 'ExpiredToken':
        case 'ExpiredTokenException':
            return (`web-identity-token has expired (${detail}); ` +
                'mint it in the job that deploys (GitLab: id_tokens on that job) and run the job again');
        case 'IDPRejectedClaim':
        case 'IDPRejectedClaimException':
            return (`role-arn ${roleArn}: the identity provider rejected the web-identity-token's claims (${detail}); ` +
                "check the token's aud and sub against the role's trust policy");
        case 'IDPCommunicationError':
        case 'IDPCommunicationErrorException':
            return `web-identity-token could not be verified: AWS could not reach its issuer (${detail}); run the job again`;
        case 'RegionDisabledException':
            return `region ${region} is not enabled for STS in this account (${detail}); enable it or set another region`;
        default:
            return `role-arn ${roleArn}: AssumeRoleWithWebIdentity failed: ${name === '' ? '' : `${name}: `}${detail}`;
    }
}
function withoutToken(message, token) {
    return token === '' ? message : message.split(token).join('***');
}
function stsClient(region) {
    const client = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM((0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .clientConfig */ .yO)({ region }));
    (0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .addAnswerRules */ .tC)(client, { region }, { retryGarbled: false });
    return client;
}


/***/ })

};
