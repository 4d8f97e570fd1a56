export const id = 231;
export const ids = [231];
export const modules = {

/***/ 326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wl: () => (/* binding */ parseEcrHost)
/* harmony export */ });
/* unused harmony exports isEcrHost, isPrivateEcrHost */
// Which registry hosts are Amazon ECR, and what their names tell: account, region, partition, endpoint kind.
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
// <account>.dkr.ecr[-fips].<region>.<domain> and the dual-stack <account>.dkr-ecr[-fips].<region>.<domain>
const IPV4_ONLY = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${REGION}\\.(amazonaws\\.com|amazonaws\\.com\\.cn|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov)$`);
const DUAL_STACK = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${REGION}\\.(on\\.aws|on\\.amazonwebservices\\.com\\.cn)$`);
const PARTITION_BY_DOMAIN = {
    'amazonaws.com.cn': 'aws-cn',
    'on.amazonwebservices.com.cn': 'aws-cn',
    'c2s.ic.gov': 'aws-iso',
    'sc2s.sgov.gov': 'aws-iso-b',
};
function parseEcrHost(host) {
    const name = host.toLowerCase();
    if (name === 'public.ecr.aws')
        return { public: true, region: 'us-east-1' };
    const match = IPV4_ONLY.exec(name) ?? DUAL_STACK.exec(name);
    if (!match)
        return undefined;
    const [, accountId = '', fips, region = '', domain = ''] = match;
    const china = domain.endsWith('.cn');
    if (china !== region.startsWith('cn-'))
        return undefined;
    const partition = PARTITION_BY_DOMAIN[domain] ?? (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
    return { public: false, accountId, region, fips: fips !== undefined, dualStack: match.input.includes('.dkr-ecr'), partition };
}
function isEcrHost(host) {
    return parseEcrHost(host) !== undefined;
}
function isPrivateEcrHost(host) {
    return parseEcrHost(host)?.public === false;
}


/***/ }),

/***/ 3231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImageOptions: () => (/* binding */ checkImageOptions),
/* harmony export */   imageWorkLines: () => (/* binding */ imageWorkLines)
/* harmony export */ });
/* unused harmony export planImage */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _ecr_host_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(326);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3564);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8107);
// The image inputs, checked before anything runs, and the plan they make: build or tag, push, verify, log in how.






const BUILD_ONLY = ['dockerfile', 'target', 'platform'];
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** The decisions the inputs make, without looking at the machine. */
function planImage(o) {
    const build = o.buildContext !== undefined && o.buildContext !== '';
    const tag = o.sourceImage !== undefined && o.sourceImage !== '';
    if (build && tag)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build-context and source-image: give one of them, not both');
    for (const name of BUILD_ONLY) {
        if (!build && optionValue(o, name) !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: only used with build-context; set build-context or remove ${name}`);
    }
    if (!build && o.buildArgs.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build-args: only used with build-context; set build-context or remove build-args');
    for (const [key] of o.buildArgs) {
        if (!BUILD_ARG_KEY.test(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-args: "${key}" is not a build argument name; write lines of KEY=VALUE`);
    }
    const push = o.push ?? (build || tag);
    if (o.image === '') {
        if (build || tag || push)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('image: required to build, tag or push; give the reference to push, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3');
        if (o.pinDigest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('pin-digest: needs an image to push; set image, or set pin-digest to false');
        return { build: false, tag: false, push: false, verify: false, login: { kind: 'none' } };
    }
    const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(o.image, 'image');
    if (tag)
        (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(o.sourceImage ?? '', 'source-image');
    if (push && ref.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`image: "${o.image}" names a digest, and a push needs a tag; write repository:tag (pin-digest names the pushed digest)`);
    }
    if (o.pinDigest && !push)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('pin-digest: only with a push (build-context, source-image or push: true); set pin-digest to false');
    checkCredentialInputs(o);
    const verify = !push && o.verifyImage !== 'false';
    const login = push || verify ? chooseLogin(o, ref, push) : { kind: 'none' };
    if (push && o.createRepository && (0,_ecr_host_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrHost */ .wl)(ref.registry)?.public !== false) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`create-repository: only for ECR registries (<account>.dkr.ecr.<region>.amazonaws.com); ${ref.registry} is not one`);
    }
    return { ref, build, tag, push, verify, login };
}
function checkCredentialInputs(o) {
    const username = nonEmpty(o.registryUsername);
    const password = nonEmpty(o.registryPassword);
    if (o.registryAuth === 'basic' && (!username || !password)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-auth basic: needs registry-username and registry-password (ECS_DELIVER_REGISTRY_PASSWORD or --registry-password-stdin)');
    }
    if (password && !username)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-username: required with registry-password; set the user the password belongs to');
    if (username && !password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-password: required with registry-username; set ECS_DELIVER_REGISTRY_PASSWORD or pass --registry-password-stdin');
    }
    if ((o.registryAuth === 'ecr' || o.registryAuth === 'none') && (username || password)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`registry-username: not used with registry-auth ${o.registryAuth}; remove it, or set registry-auth basic`);
    }
}
function chooseLogin(o, ref, push) {
    const ecrHost = (0,_ecr_host_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrHost */ .wl)(ref.registry);
    switch (o.registryAuth) {
        case 'none':
            return { kind: 'none' };
        case 'basic':
            return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
        case 'ecr':
            if (ecrHost?.public)
                return { kind: 'ecr-public' };
            if (ecrHost)
                return { kind: 'ecr', region: ecrHost.region };
            if (!nonEmpty(o.region)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`registry-auth ecr: ${ref.registry} names no region; set region (or AWS_REGION) to the region of the ECR registry it stands for`);
            }
            return { kind: 'ecr', region: o.region ?? '' };
        case 'auto':
            // Pulls from public.ecr.aws need no login; pushes need an ECR Public token.
            if (ecrHost?.public)
                return push ? { kind: 'ecr-public' } : { kind: 'none' };
            if (ecrHost)
                return { kind: 'ecr', region: ecrHost.region };
            if (nonEmpty(o.registryUsername))
                return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
            return { kind: 'client' };
    }
}
/**
 * The preflight: everything planImage checks, plus what the machine must have (the build context, the
 * Dockerfile, the container client). Reads only; changes nothing.
 */
function checkImageOptions(o, env = process.env) {
    const plan = planImage(o);
    if (plan.build)
        checkBuildFiles(o);
    if (plan.build || plan.tag || plan.push)
        checkDockerCommand(o.dockerCommand, env);
    return plan;
}
function checkBuildFiles(o) {
    const context = o.buildContext ?? '';
    if (!isDirectory(context))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-context: directory "${context}" not found; give the directory to build in`);
    if (o.dockerfile !== undefined && o.dockerfile !== '') {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(o.dockerfile))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`dockerfile: "${o.dockerfile}" not found; give its path from the working directory`);
    }
    else if (!['Dockerfile', 'Containerfile'].some((name) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context, name)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`dockerfile: no Dockerfile in build-context "${context}"; add one or set dockerfile`);
    }
}
function checkDockerCommand(command, env) {
    if (command.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('docker-command: empty; set it to docker or podman');
    if (/\s/.test(command)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`docker-command: "${command}" is a command line; give one executable such as docker or podman (no sudo, no arguments)`);
    }
    if ((0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .findExecutable */ .o)(command, env) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`);
    }
}
function optionValue(o, name) {
    const value = { dockerfile: o.dockerfile, target: o.target, platform: o.platform }[name];
    return value === undefined || value === '' ? undefined : value;
}
function nonEmpty(value) {
    return value !== undefined && value !== '';
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** What the image step would do, one phrase each ("build . as host/web:1"), for the plan. */
function imageWorkLines(o, plan) {
    if (plan.ref === undefined)
        return [];
    const { ref } = plan;
    const ecrHost = (0,_ecr_host_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrHost */ .wl)(ref.registry);
    const target = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .pushReference */ .Sx)(ref);
    const lines = [];
    if (plan.push && o.createRepository && ecrHost?.public === false)
        lines.push(`create ECR repository ${ref.repository} in ${ecrHost.region} if it is missing`);
    if (plan.push && (plan.login.kind === 'ecr' || plan.login.kind === 'ecr-public' || plan.login.kind === 'basic'))
        lines.push(`log in to ${ref.registry} (${describeLogin(plan.login)})`);
    if (plan.build)
        lines.push(`build ${o.buildContext ?? ''} as ${target}`);
    if (plan.tag)
        lines.push(`tag ${o.sourceImage ?? ''} as ${target}`);
    if (plan.push)
        lines.push(`push ${target}${o.pinDigest ? ' and name its digest in the task definition' : ''}`);
    return lines;
}
function describeLogin(login) {
    if (login.kind === 'ecr-public')
        return 'ECR Public token from us-east-1';
    return login.kind === 'ecr' ? `ECR token from ${login.region}` : login.kind === 'basic' ? `as ${login.username}` : login.kind;
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ tagOrDigest),
/* harmony export */   Sx: () => (/* binding */ pushReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   hQ: () => (/* binding */ withDigest),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   vO: () => (/* binding */ registryApiBase)
/* harmony export */ });
/* unused harmony exports canonicalName, formatReference, pushTag */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Image references as docker reads them: [registry/]repository[:tag][@algorithm:hex].

const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z][a-z0-9]*(?:[-_+.][a-z][a-z0-9]*)*:[0-9a-f]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function parseImageReference(reference, input = 'image') {
    const invalid = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: "${reference}" is not an image reference (${why}); write [registry/]repository[:tag][@sha256:...]`);
    const text = reference.trim();
    if (text === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: empty; give an image reference such as registry/repository:tag`);
    const at = text.indexOf('@');
    const beforeDigest = at === -1 ? text : text.slice(0, at);
    const digest = at === -1 ? undefined : text.slice(at + 1);
    if (digest !== undefined && !(DIGEST.test(digest) && (!digest.startsWith('sha256:') || SHA256.test(digest)))) {
        throw invalid('the digest must be sha256: and 64 lowercase hex digits');
    }
    const lastSlash = beforeDigest.lastIndexOf('/');
    const lastColon = beforeDigest.lastIndexOf(':');
    const hasTag = lastColon > lastSlash;
    const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
    const tag = hasTag ? beforeDigest.slice(lastColon + 1) : undefined;
    if (tag !== undefined && !TAG.test(tag))
        throw invalid(`tag "${tag}" has characters a tag cannot have`);
    const parts = name.split('/');
    const first = parts[0] ?? '';
    const namesRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    let registry = namesRegistry ? first : DOCKER_HUB;
    let path = namesRegistry ? parts.slice(1) : parts;
    if (namesRegistry && !HOST.test(registry))
        throw invalid(`"${registry}" is not a registry host`);
    if (DOCKER_HUB_ALIASES.has(registry.toLowerCase()))
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && path.length === 1)
        path = ['library', ...path];
    const bad = path.find((component) => !COMPONENT.test(component));
    if (bad !== undefined)
        throw invalid(`"${bad}" must be lowercase letters, digits and . _ - separators`);
    const repository = path.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid('the name is longer than 255 characters');
    return { registry, repository, name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
/** registry/repository, always with the registry: unambiguous for docker and podman alike. */
function canonicalName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
function formatReference(ref) {
    return `${canonicalName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The tag to build, tag and push under: docker's own default when none is written. */
function pushTag(ref) {
    return ref.tag ?? 'latest';
}
function pushReference(ref) {
    return `${canonicalName(ref)}:${pushTag(ref)}`;
}
/** What to ask the registry for: the digest when the reference pins one, else the tag. */
function tagOrDigest(ref) {
    return ref.digest ?? pushTag(ref);
}
/** The name as the user wrote it, pinned to `digest` (the tag is dropped: the digest alone names the image). */
function withDigest(reference, digest) {
    const ref = typeof reference === 'string' ? parseImageReference(reference) : reference;
    return `${ref.name}@${digest}`;
}
function isLoopbackRegistry(registry) {
    const host = registry.replace(/:\d+$/, '').toLowerCase();
    return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** Base URL of the registry's HTTP API: plain http only for loopback registries. */
function registryApiBase(registry) {
    if (registry === DOCKER_HUB)
        return 'https://registry-1.docker.io';
    return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`;
}


/***/ }),

/***/ 8107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ spawnRunner),
/* harmony export */   o: () => (/* binding */ findExecutable)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(833);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
// The container client runs behind this interface: always an executable and an argument array, never a shell
// string, and a password only ever on stdin. Component tests hand in a fake that records every call.





// Build logs can run to megabytes; what follows a failure or a push digest is at the end.
const KEPT_OUTPUT = 256 * 1024;
// A cancel first asks the client's process group to stop, then kills what is left: the run must end within 2 s.
const STOP_GRACE_MS = 1000;
// Once a cancelled client has exited, helpers that escaped its group may still hold the pipes open.
const PIPE_DRAIN_MS = 200;
// Each client runs in a process group of its own (detached), so a cancel reaches the helpers it started too.
// Being detached, the group would outlive this process if it exited first: it is killed on exit as well.
const ownGroups = process.platform !== 'win32';
const runningGroups = new Set();
let exitHookInstalled = false;
function spawnRunner(baseEnv = process.env) {
    return {
        run: (command, args, options = {}) => new Promise((resolve, reject) => {
            const { signal } = options;
            if (signal?.aborted) {
                reject(cancelledBy(signal));
                return;
            }
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
                env: { ...baseEnv, ...options.env },
                stdio: ['pipe', 'pipe', 'pipe'],
                shell: false,
                detached: ownGroups,
            });
            const stop = groupStopper(child);
            const stdout = lineCollector('stdout', options.onLine);
            const stderr = lineCollector('stderr', options.onLine);
            let killTimer;
            let drainTimer;
            let settled = false;
            const settle = (finish) => {
                if (settled)
                    return;
                settled = true;
                signal?.removeEventListener('abort', onAbort);
                clearTimeout(drainTimer);
                clearTimeout(killTimer);
                // Whatever the cancelled client left running in its group goes with it.
                if (signal?.aborted)
                    stop('SIGKILL');
                stop.release();
                finish();
            };
            const onAbort = () => {
                stop('SIGTERM');
                killTimer = setTimeout(() => stop('SIGKILL'), STOP_GRACE_MS);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            child.stdout.setEncoding('utf8').on('data', stdout.push);
            child.stderr.setEncoding('utf8').on('data', stderr.push);
            child.on('error', (error) => {
                settle(() => {
                    if (error.code === 'ENOENT') {
                        reject(new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`));
                    }
                    else {
                        reject(error);
                    }
                });
            });
            child.on('exit', () => {
                if (!signal?.aborted)
                    return;
                drainTimer = setTimeout(() => {
                    child.stdout.destroy();
                    child.stderr.destroy();
                    settle(() => reject(cancelledBy(signal)));
                }, PIPE_DRAIN_MS);
            });
            child.on('close', (code, exitSignal) => {
                const out = stdout.end();
                const err = stderr.end();
                settle(() => {
                    if (signal?.aborted)
                        reject(cancelledBy(signal));
                    else
                        resolve({ exitCode: code ?? (exitSignal ? 128 : 1), stdout: out, stderr: err });
                });
            });
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.stdin ?? '');
        }),
    };
}
/** Signals the child's process group (the child alone where there are no groups), until released. */
function groupStopper(child) {
    const group = ownGroups ? child.pid : undefined;
    if (group !== undefined) {
        runningGroups.add(group);
        installExitHook();
    }
    let released = false;
    const stop = (signal) => {
        if (released)
            return;
        try {
            if (group !== undefined)
                process.kill(-group, signal);
            else
                child.kill(signal);
        }
        catch {
            // Nothing of the group is left.
        }
    };
    return Object.assign(stop, {
        release: () => {
            released = true;
            if (group !== undefined)
                runningGroups.delete(group);
        },
    });
}
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    process.on('exit', () => {
        for (const group of runningGroups) {
            try {
                process.kill(-group, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        }
    });
}
function cancelledBy(signal) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc((0,_cancel_js__WEBPACK_IMPORTED_MODULE_3__/* .signalOf */ .oX)(signal));
}
function lineCollector(stream, onLine) {
    let kept = '';
    let partial = '';
    return {
        push: (text) => {
            kept = (kept + text).slice(-KEPT_OUTPUT);
            if (!onLine)
                return;
            const lines = (partial + text).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines)
                onLine(line, stream);
        },
        end: () => {
            if (onLine && partial !== '')
                onLine(partial, stream);
            partial = '';
            return kept;
        },
    };
}
/** The path `command` runs from, or undefined when it cannot be found (as the shell would look it up). */
function findExecutable(command, env = process.env) {
    const candidates = command.includes('/') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(command)
        ? [command]
        : (env['PATH'] ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter((dir) => dir !== '').map((dir) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, command));
    return candidates.find(isExecutableFile);
}
function isExecutableFile(path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
