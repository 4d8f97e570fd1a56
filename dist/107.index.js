export const id = 107;
export const ids = [107];
export const modules = {

/***/ 2107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assumeRoleWithWebIdentity: () => (/* binding */ assumeRoleWithWebIdentity),
/* harmony export */   sessionNameFor: () => (/* binding */ sessionNameFor)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7453);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4533);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4051);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2477);
// OIDC instead of long-lived keys: trade the CI job's identity token for short-lived role credentials.
// The credentials live in memory only; nothing here writes a file or sets an environment variable.




const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME_MAX = 64;
async function assumeRoleWithWebIdentity(request) {
    const { roleArn, token, region, sessionName, reporter } = request;
    checkRequest(request);
    reporter?.mask(token);
    // No credentials yet: the token is what signs this call. Timeouts as for every other client.
    const sts = request.stsClient ?? new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM((0,_clients_js__WEBPACK_IMPORTED_MODULE_2__.clientConfig)({ region }));
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


/***/ })

};
