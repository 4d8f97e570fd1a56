export const id = 254;
export const ids = [254];
export const modules = {

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
