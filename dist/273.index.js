export const id = 273;
export const ids = [273];
export const modules = {

/***/ 7159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ heldCredentials)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// The credentials a run holds from its environment. AWS quotes a request's session token back inside some errors
// (a signature error shows the canonical request), so every host masks these before its first line.



const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];
const TOKEN_FILES = ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
/** A token file is a few KB; anything larger is not read whole. */
const LONGEST_TOKEN_FILE = 64 * 1024;
/** Keys of the shared credentials file whose values are secret. */
const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);
function heldCredentials(env) {
    const values = SECRET_VARIABLES.map((name) => env[name] ?? '');
    for (const name of TOKEN_FILES) {
        const path = env[name];
        if (path)
            values.push(readToken(path));
    }
    values.push(...profileSecrets(env));
    return values.map((value) => value.trim()).filter((value) => value !== '');
}
/** The secret values of the profile the SDK reads from the shared credentials file, when it has one. */
function profileSecrets(env) {
    const path = env['AWS_SHARED_CREDENTIALS_FILE'] || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env['HOME'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.aws', 'credentials');
    const profile = env['AWS_PROFILE'] || 'default';
    const secrets = [];
    let inProfile = false;
    for (const line of readToken(path).split(/\r?\n/)) {
        const section = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]/.exec(line);
        if (section) {
            inProfile = section[1] === profile;
            continue;
        }
        const entry = /^\s*([A-Za-z_]+)\s*=\s*(.*)$/.exec(line);
        if (inProfile && entry && SECRET_KEYS.has((entry[1] ?? '').toLowerCase()))
            secrets.push(entry[2] ?? '');
    }
    return secrets;
}
function readToken(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').slice(0, LONGEST_TOKEN_FILE);
    }
    catch {
        // Unreadable here is unreadable to the SDK too, which then says so without quoting it.
        return '';
    }
}


/***/ }),

/***/ 1273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   shellHost: () => (/* binding */ shellHost)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _held_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7159);
/* harmony import */ var _redactor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1751);
// Any shell, Jenkins, a GitHub `run:` step or a GitLab job: plain lines, outputs as JSON with --json.



function shellHost(options) {
    const redactor = new _redactor_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .p();
    for (const credential of (0,_held_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .heldCredentials */ .i)(options.env))
        redactor.add(credential);
    const stdout = options.stdout ?? process.stdout;
    const stderr = options.stderr ?? process.stderr;
    const log = options.json ? stderr : stdout;
    const paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const write = (line) => {
        log.write(redactor.redact(line) + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
    };
    let sections = 0;
    const reporter = {
        info: write,
        warn: (line) => write(paint('33', `warning: ${line}`)),
        error: (line) => write(paint('31', `error: ${line}`)),
        async group(title, body) {
            if (!options.gitlabSections) {
                write(paint('1', `── ${title}`));
                return body();
            }
            const id = `ecs_deliver_${++sections}`;
            const now = () => Math.floor(Date.now() / 1000);
            log.write(`\u001b[0Ksection_start:${now()}:${id}[collapsed=false]\r\u001b[0K${redactor.redact(title)}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
            try {
                return await body();
            }
            finally {
                log.write(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
            }
        },
        mask: (secret) => redactor.add(secret),
    };
    return {
        redactor,
        reporter,
        async finish(result, outputs, services) {
            await publishToGithubFiles(options.env, result, outputs, redactor, services);
            if (options.json) {
                stdout.write(redactor.redact(JSON.stringify(outputs)) + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
                return;
            }
            // A run that changed nothing ends with its one error line; its empty outputs would only bury it.
            if (result.deploymentStatus === 'NOT_STARTED')
                return;
            for (const [name, value] of Object.entries(outputs))
                write(`output ${name}=${value}`);
        },
        fail(message) {
            reporter.error(message);
        },
    };
}
/**
 * A plain `run:` step on GitHub: the step outputs and the job summary go to the runner's files, through the
 * same writer a `uses:` step has. Loaded only there.
 */
async function publishToGithubFiles(env, result, outputs, redactor, services) {
    if (!env['GITHUB_OUTPUT'] && !env['GITHUB_STEP_SUMMARY'])
        return;
    const core = await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 6421));
    if (env['GITHUB_OUTPUT']) {
        for (const [name, value] of Object.entries(outputs))
            core.setOutput(name, redactor.redact(value));
    }
    if (env['GITHUB_STEP_SUMMARY']) {
        const { renderServicesSummary, renderSummary } = await __webpack_require__.e(/* import() */ 275).then(__webpack_require__.bind(__webpack_require__, 5275));
        const [shown, shownServices] = [redactor.redactValue(result), services && redactor.redactValue(services)];
        await core.summary.addRaw(redactor.redact(shownServices ? renderServicesSummary(shown, shownServices) : renderSummary(shown)), true).write();
    }
}


/***/ })

};
