export const id = 753;
export const ids = [753,254];
export const modules = {

/***/ 4753:
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
var hosts_shell = __webpack_require__(6254);
;// CONCATENATED MODULE: ./src/hosts/gitlab.ts
// A GitLab CI job: shell output with collapsible sections, and the outputs in a dotenv report
// (ECS_DELIVERED_*, so a later job's ECS_DELIVER_* inputs are never overridden by them).




const DOTENV_FILE = 'ecs-deliver.env';
/** A run of many services: every service's result, declared as an artifact by the component. */
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
            if (services) {
                const results = shell.redactor.redact(JSON.stringify(JSON.parse(outputs['results'] ?? '[]'), null, 2));
                (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(RESULTS_FILE), `${results}\n`);
            }
            await shell.finish(result, outputs, services);
        },
    };
}


/***/ }),

/***/ 1482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ Redactor)
/* harmony export */ });
// Every line a host prints passes through here, so a secret registered once never reaches a log,
// even when it comes back inside another tool's error message.
class Redactor {
    secrets = new Set();
    add(secret) {
        const value = secret.trim();
        if (value.length < 4)
            return;
        this.secrets.add(value);
        this.secrets.add(Buffer.from(value).toString('base64'));
    }
    redact(text) {
        let out = text;
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            out = out.split(secret).join('***');
        }
        return out;
    }
}


/***/ }),

/***/ 6254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   shellHost: () => (/* binding */ shellHost)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _redactor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1482);
// Any shell, Jenkins, a GitHub `run:` step or a GitLab job: plain lines, outputs as JSON with --json.


function shellHost(options) {
    const redactor = new _redactor_js__WEBPACK_IMPORTED_MODULE_1__/* .Redactor */ .p();
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
    const core = await __webpack_require__.e(/* import() */ 559).then(__webpack_require__.bind(__webpack_require__, 4559));
    if (env['GITHUB_OUTPUT']) {
        for (const [name, value] of Object.entries(outputs))
            core.setOutput(name, redactor.redact(value));
    }
    if (env['GITHUB_STEP_SUMMARY']) {
        const { renderServicesSummary, renderSummary } = await __webpack_require__.e(/* import() */ 836).then(__webpack_require__.bind(__webpack_require__, 4836));
        await core.summary.addRaw(redactor.redact(services ? renderServicesSummary(result, services) : renderSummary(result)), true).write();
    }
}


/***/ })

};
