export const id = 273;
export const ids = [273];
export const modules = {

/***/ 6107:
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

/***/ 1273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   shellHost: () => (/* binding */ shellHost)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redactor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6107);
// Any shell, Jenkins, a GitHub `run:` step or a GitLab job: plain lines, outputs as JSON with --json.



function shellHost(options) {
    const redactor = new _redactor_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .p();
    const stdout = options.stdout ?? process.stdout;
    const stderr = options.stderr ?? process.stderr;
    const log = options.json ? stderr : stdout;
    const paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const write = (line) => {
        log.write(redactor.redact(line) + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
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
            log.write(`\u001b[0Ksection_start:${now()}:${id}[collapsed=false]\r\u001b[0K${redactor.redact(title)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
            try {
                return await body();
            }
            finally {
                log.write(`\u001b[0Ksection_end:${now()}:${id}\r\u001b[0K${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
            }
        },
        mask: (secret) => redactor.add(secret),
        setOutput() { },
        summary() { },
    };
    return {
        redactor,
        reporter,
        async finish(_result, outputs) {
            const githubOutput = options.env['GITHUB_OUTPUT'];
            if (githubOutput)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(githubOutput, githubOutputLines(outputs, redactor));
            if (options.json) {
                stdout.write(redactor.redact(JSON.stringify(outputs)) + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
                return;
            }
            for (const [name, value] of Object.entries(outputs))
                write(`output ${name}=${value}`);
        },
        fail(message) {
            reporter.error(message);
        },
    };
}
function githubOutputLines(outputs, redactor) {
    return Object.entries(outputs)
        .map(([name, value]) => {
        const clean = redactor.redact(value);
        if (!clean.includes('\n'))
            return `${name}=${clean}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
        const delimiter = `ecs_deliver_${Math.random().toString(36).slice(2)}`;
        return `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${clean}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
    })
        .join('');
}


/***/ })

};
