export const id = 911;
export const ids = [911];
export const modules = {

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   helpText: () => (/* binding */ helpText)
/* harmony export */ });
/* unused harmony export HELP_EXAMPLES */
/* harmony import */ var _inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2898);
// `ecs-deliver --help`. Start-up loads this module and the schema only, so it imports nothing else.

const WIDTH = 100;
const INDENT = '      ';
const plain = { title: (t) => t, flag: (t) => t, dim: (t) => t };
const ansi = {
    title: (t) => `\u001b[1m${t}\u001b[22m`,
    flag: (t) => `\u001b[36m${t}\u001b[39m`,
    dim: (t) => `\u001b[2m${t}\u001b[22m`,
};
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:$IMAGE_TAG';
/** The first thing --help shows: five runs as a shell writes them (each is run by the tests, as written). */
const HELP_EXAMPLES = [
    {
        title: 'Print the plan and change nothing (without AWS credentials nothing is read either):',
        command: 'ecs-deliver --family web --image nginx:1.27 --memory 300 --container-port 8080 --dry-run',
    },
    {
        title: 'Deploy an image pushed earlier to a service, starting from the revision the service runs:',
        command: `ecs-deliver --cluster production --service web \\\n  --image ${IMAGE}`,
    },
    {
        title: "Build and push the image, then deploy it from the family's latest revision:",
        command: `ecs-deliver --build-context . --family web --cluster production --service web \\\n  --image ${IMAGE}`,
    },
    {
        title: 'Run a migration as a one-off task first; the service is updated only when it exits 0:',
        command: `ecs-deliver --cluster production --service web --run-task-command 'npm run migrate' \\\n  --image ${IMAGE}`,
    },
    {
        title: 'Deploy the services of a file together, and put them all back when one fails:',
        command: 'ecs-deliver --services-file deploy/services.yml --on-failure rollback-all',
    },
];
const RUN_KINDS = [
    ['Deploy to a service', 'service (cluster: default) and image; the base is the latest revision'],
    ['', 'of family when given, else the revision the service runs.'],
    ['Deploy a revision', 'service and task-definition-arn (family:revision or ARN), as it is.'],
    ['Register only', 'family or task-definition, no service; a new family needs image.'],
    ['Build and push', 'build-context and image; source-image pushes an image built earlier.'],
    ['One-off task', 'run-task-command or run-task; without service, run-task-subnets (awsvpc).'],
    ['Many services', 'services-file; the other inputs apply to every entry.'],
    ['Every run', 'region (or AWS_REGION) and AWS credentials, found as the AWS CLI finds'],
    ['', 'them; a dry run without credentials prints the plan without reading ECS.'],
];
function helpText(options) {
    const paint = options.color ? ansi : plain;
    const lines = [
        `${paint.title('ecs-deliver')} ${options.version}`,
        'Deliver a container image to a running AWS ECS service: build or take the image, push it, render and',
        'register the task definition, update the service and watch the rollout to its end.',
        '',
        paint.title('Examples'),
        ...HELP_EXAMPLES.flatMap((example) => [`  ${example.title}`, ...example.command.split('\n').map((line) => `    ${line}`)]),
        '',
        paint.title('What each kind of run needs'),
        ...RUN_KINDS.map(([kind, needs]) => `  ${kind.padEnd(21)}${needs}`),
        '',
        paint.title('Usage'),
        `  ecs-deliver [<operation>] ${paint.flag('--<input>')} <value> ... [${paint.flag('--json')}]`,
        '  The operation is deploy (the default), status, continue or rollback,',
        '  such as: ecs-deliver status --cluster prod --service web.',
        '  Every input can also be set by its environment variable; a flag wins over the variable.',
        '  A boolean flag alone means true. Inputs of several lines take newline-separated values.',
        '  Secrets never come from a flag value: set their environment variable, or use their -stdin flag.',
        '  ECS_DELIVER_HOST=github|gitlab|shell forces how inputs are read and results written.',
    ];
    for (const [group, title] of Object.entries(_inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .GROUP_TITLES */ .Cx)) {
        lines.push('', paint.title(title));
        for (const input of _inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.filter((spec) => spec.group === group))
            lines.push(...inputLines(input, paint));
    }
    lines.push('', paint.title('Flags'), `  ${paint.flag('--json')}           Print the result as JSON on stdout.`, `  ${paint.flag('-h, --help')}       Print this help.`, `  ${paint.flag('-v, --version')}    Print the version.`, '', paint.title('Exit codes'), '  0    Delivered: the rollout completed (or, with --wait false, the service was updated),', '       or a dry run or register-only run succeeded.', '  1    Failed after a change began: build, push, register, service update or rollout', '       (failed, rolled back, timed out or superseded).', '  2    Bad input or a failed preflight check: nothing was changed.', '  130  Cancelled by SIGINT.', '  143  Cancelled by SIGTERM.', '');
    return lines.join('\n');
}
function inputLines(input, paint) {
    const facts = valueFacts(input);
    const head = `  ${paint.flag(flagFor(input))}${facts === '' ? '' : `  ${paint.dim(`(${facts})`)}`}`;
    return [head, ...wrap(input.description), `${INDENT}${paint.dim(`env: ${(0,_inputs_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .envName */ .pD)(input.name)}`)}`];
}
function flagFor(input) {
    if (input.secret)
        return `--${input.name}-stdin`;
    if (input.type === 'boolean')
        return `--${input.name} [true|false]`;
    return `--${input.name} <value>`;
}
function valueFacts(input) {
    const facts = [];
    const options = (input.options ?? []).filter((option) => option !== '');
    if (input.type === 'choice' && options.length > 0)
        facts.push(`one of: ${options.join(', ')}`);
    if (input.type === 'number')
        facts.push(input.max === undefined ? `whole number from ${input.min ?? 0}` : `whole number ${input.min ?? 0} to ${input.max}`);
    if (input.type === 'duration')
        facts.push('duration with a unit: 90s, 15m, 1h');
    if (input.secret)
        facts.push('read from standard input');
    if (input.default !== '')
        facts.push(`default: ${input.default}`);
    return facts.join('; ');
}
function wrap(text) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line !== '' && INDENT.length + line.length + 1 + word.length > WIDTH) {
            lines.push(INDENT + line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(INDENT + line);
    return lines;
}


/***/ })

};
