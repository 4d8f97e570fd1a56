export const id = 176;
export const ids = [176,273];
export const modules = {

/***/ 4176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOTENV_FILE: () => (/* binding */ DOTENV_FILE),
  RESULTS_FILE: () => (/* binding */ RESULTS_FILE),
  gitlabHost: () => (/* binding */ gitlabHost)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/hosts/dotenv.ts
// The outputs as a GitLab dotenv report (`artifacts: reports: dotenv:`), which later jobs receive as variables.
// GitLab's parser reads each line as KEY=VALUE, strips both sides, refuses a line without '=' (so no blank lines
// or comments), keeps keys of letters, digits and '_', and drops the whole report when the file is 5 KB or more
// or has more than 20 variables.
const DOTENV_MAX_BYTES = 5 * 1024;
const DOTENV_MAX_VARIABLES = 20;
const KEY = /^[A-Za-z0-9_]+$/;
function dotenvKey(output) {
    return `ECS_DELIVERED_${output.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * The dotenv report for `outputs`, one `ECS_DELIVERED_<NAME>=value` line each. A report that would reach
 * GitLab's size limit has its longest comma-separated values shortened (whole items, with a count of the rest),
 * and `warn` says so; one that still does not fit throws.
 */
function dotenvLines(outputs, warn) {
    const entries = Object.entries(outputs).map(([name, value]) => checkedEntry(name, value));
    if (entries.length > DOTENV_MAX_VARIABLES) {
        throw new Error(`the GitLab dotenv report would have ${entries.length} variables; GitLab takes at most ${DOTENV_MAX_VARIABLES}`);
    }
    let text = render(entries);
    for (const entry of [...entries].sort((a, b) => b.value.length - a.value.length)) {
        if (fits(text))
            break;
        const room = byteLength(entry.value) - (byteLength(text) - (DOTENV_MAX_BYTES - 1));
        const shortened = shortenList(entry.value, room);
        if (shortened === undefined)
            continue;
        warn?.(`GitLab dotenv report: ${entry.key} shortened to fit GitLab's 5 KB limit (full value in the job log)`);
        entry.value = shortened;
        text = render(entries);
    }
    if (!fits(text)) {
        throw new Error(`the GitLab dotenv report would be ${byteLength(text)} bytes; GitLab drops reports of 5 KB or more`);
    }
    return text;
}
function checkedEntry(name, value) {
    const key = dotenvKey(name);
    if (!KEY.test(key)) {
        throw new Error(`output "${name}" cannot be a GitLab dotenv key: ${key} may hold only letters, digits and '_'`);
    }
    if (/[\r\n]/.test(value)) {
        throw new Error(`output "${name}" has a line break; a GitLab dotenv report takes single-line values only`);
    }
    // GitLab strips both ends of every value; strip here too so what the log shows is what later jobs get.
    return { key, value: value.trim() };
}
function render(entries) {
    return entries.map(({ key, value }) => `${key}=${value}\n`).join('');
}
function fits(text) {
    return byteLength(text) < DOTENV_MAX_BYTES;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Keeps the leading items of a comma-separated value that fit in `room` bytes, then ",+N more". */
function shortenList(value, room) {
    const items = value.split(',');
    if (items.length < 2)
        return undefined;
    for (let kept = items.length - 1; kept >= 0; kept -= 1) {
        const candidate = [...items.slice(0, kept), `+${items.length - kept} more`].join(',');
        if (byteLength(candidate) <= room)
            return candidate;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/hosts/shell.ts
var hosts_shell = __webpack_require__(1273);
;// CONCATENATED MODULE: ./src/hosts/gitlab.ts
// A GitLab CI job: shell output with collapsible sections, and the outputs in a dotenv report
// (ECS_DELIVERED_*, so a later job's ECS_DELIVER_* inputs are never overridden by them).




const DOTENV_FILE = 'ecs-deliver.env';
/** Every service's result (one for a single-service run), declared as an artifact by the component. */
const RESULTS_FILE = 'ecs-deliver-results.json';
/** Outputs too large for the dotenv report, which stays a few KB: they go to RESULTS_FILE. */
const FILE_ONLY_OUTPUTS = new Set(['results']);
function gitlabHost(options) {
    const shell = (0,hosts_shell.shellHost)({ ...options, gitlabSections: true });
    return {
        ...shell,
        async finish(result, outputs, services) {
            const redacted = Object.fromEntries(Object.entries(outputs)
                .filter(([name]) => !FILE_ONLY_OUTPUTS.has(name))
                .map(([name, value]) => [name, shell.redactor.redact(value)]));
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(DOTENV_FILE), dotenvLines(redacted, shell.reporter.warn));
            // The component declares the file as an artifact for every run: a single service's run writes its one result.
            const results = services ? JSON.parse(outputs['results'] ?? '[]') : [(await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3545))).resultOutput(result)];
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(RESULTS_FILE), `${shell.redactor.redact(JSON.stringify(results, null, 2))}\n`);
            await shell.finish(result, outputs, services);
        },
    };
}


/***/ }),

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
