export const id = 125;
export const ids = [125];
export const modules = {

/***/ 2125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/clock.ts
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

;// CONCATENATED MODULE: ./src/aws/names.ts
// Short names for what ECS identifies by ARN, so log lines stay readable.
/** `web:5` from a task definition ARN (`arn:aws:ecs:...:task-definition/web:5`) or from `web:5` itself. */
function familyRevision(taskDefinition) {
    return taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1);
}
/** True when both name the same revision, whether written as an ARN or as `family:revision`. */
function sameTaskDefinition(a, b) {
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
function formatDuration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${seconds % 60}s`;
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/taskdef/plain-data.ts
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

;// CONCATENATED MODULE: ./src/taskdef/ports.ts
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

;// CONCATENATED MODULE: ./src/taskdef/read-only.ts
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

;// CONCATENATED MODULE: ./src/taskdef/task-size.ts
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

;// CONCATENATED MODULE: ./src/taskdef/normalize.ts
// `register: if-changed` reuses the family's latest revision when the rendered task definition equals it.
// ECS answers a registered definition with defaults filled in and some lists reordered, so both sides are
// brought to one form first. Only differences ECS itself does not make are removed: wrongly calling two
// definitions equal would skip a deploy the user asked for, while wrongly calling them different only costs
// a revision. So a default is filled in only where ECS documents it, and an unknown field always counts.




/** Launch types whose tasks do not default to the bridge network mode. */
const NOT_BRIDGE_BY_DEFAULT = ['FARGATE', 'MANAGED_INSTANCES'];
function normalize_sameTaskDefinition(a, b) {
    return canonicalJson(normalizeForCompare(a)) === canonicalJson(normalizeForCompare(b));
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
    const taskDefinition = withoutEmpty(withoutNulls(input));
    for (const field of [...READ_ONLY_FIELDS, 'tags'])
        delete taskDefinition[field];
    if (taskDefinition['enableFaultInjection'] === false)
        delete taskDefinition['enableFaultInjection'];
    const { cpu, memory } = taskDefinition;
    if (typeof cpu === 'number' || typeof cpu === 'string')
        taskDefinition.cpu = cpuUnits(String(cpu));
    if (typeof memory === 'number' || typeof memory === 'string')
        taskDefinition.memory = memoryMiB(String(memory));
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
            .sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
    }
    return container;
}
function normalizePortMapping(input, networkMode) {
    const mapping = { ...input, protocol: input.protocol ?? 'tcp' };
    if (mapping.hostPort === undefined && typeof mapping.containerPort === 'number') {
        if (sharesHostPorts(networkMode))
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
    if (!isPlainObject(value))
        return value;
    const copy = {};
    for (const [key, item] of Object.entries(value)) {
        const kept = withoutEmpty(item);
        if (Array.isArray(kept) && kept.length === 0)
            continue;
        if (isPlainObject(kept) && Object.keys(kept).length === 0)
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
    if (canonicalJson(before.portMappings ?? []) !== canonicalJson(after.portMappings ?? [])) {
        const from = formatPortMappings(before.portMappings);
        const to = formatPortMappings(after.portMappings);
        say(from === to ? `port mapping settings changed (${to})` : `ports ${from} → ${to}`);
    }
    if (canonicalJson(before.command) !== canonicalJson(after.command))
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
    if (canonicalJson(before) === canonicalJson(after))
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
    return [...fields].filter((field) => !described.has(field) && canonicalJson(before[field]) !== canonicalJson(after[field])).sort();
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/taskdef/parse-file.ts
// Reads a task definition file (JSON or YAML) in either shape people keep them in: the RegisterTaskDefinition
// input, or the DescribeTaskDefinition output (`{"taskDefinition": {...}, "tags": [...]}`) saved from the CLI.
// Fields this code does not know are kept as written. Messages say where the problem is, never the text
// around it: a task definition file may hold environment values.




function parseTaskDefinitionText(text, source) {
    return toTaskDefinitionDocument(parseJsonOrYaml(text, source), source);
}
/**
 * Turns parsed data, or a DescribeTaskDefinition answer from the SDK, into a document that can be edited and
 * registered: read-only fields and nulls dropped, tags beside the definition.
 */
function toTaskDefinitionDocument(value, source) {
    const root = withoutNulls(value);
    if (!isPlainObject(root)) {
        throw new errors/* InputError */.dz(`${source}: expected a task definition object, found ${describeKind(root)}`);
    }
    const described = 'taskDefinition' in root;
    const body = described ? root['taskDefinition'] : root;
    if (!isPlainObject(body)) {
        throw new errors/* InputError */.dz(`${source}: taskDefinition must be an object, found ${describeKind(body)}`);
    }
    const taskDefinition = {};
    for (const [key, field] of Object.entries(body)) {
        if (!READ_ONLY_FIELDS.includes(key) && key !== 'tags')
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
function parseJsonOrYaml(text, source) {
    const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
    if (content.trim() === '')
        throw new errors/* InputError */.dz(`${source}: the file is empty: it must hold a task definition (JSON or YAML)`);
    const looksLikeJson = /^\s*[{[]/.test(content);
    if (looksLikeJson) {
        try {
            return JSON.parse(content);
        }
        catch (error) {
            // A YAML flow mapping (unquoted keys, trailing commas) also starts with '{'.
            const yaml = parseYaml(content);
            if (yaml.ok)
                return yaml.value;
            throw new errors/* InputError */.dz(`${source}: invalid JSON${jsonErrorDetail(error, content, yaml.position)}`);
        }
    }
    const yaml = parseYaml(content);
    if (yaml.ok)
        return yaml.value;
    throw new errors/* InputError */.dz(`${source}: invalid YAML${yaml.position ? ` at line ${yaml.position.line}, column ${yaml.position.col}` : ''}: ${yaml.reason}`);
}
function parseYaml(text) {
    // YAML 1.2 core schema: `on`, `yes` and `no` stay strings, as in JSON.
    const document = (0,dist/* parseDocument */.Tp)(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    const [error] = document.errors;
    if (!error)
        return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
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
        throw new errors/* InputError */.dz(`${source}: containerDefinitions is missing: a task definition needs a list of containers`);
    }
    if (!Array.isArray(containers)) {
        throw new errors/* InputError */.dz(`${source}: containerDefinitions must be a list, found ${describeKind(containers)}`);
    }
    for (const [index, container] of containers.entries()) {
        const where = `containerDefinitions[${index}]`;
        if (!isPlainObject(container))
            throw new errors/* InputError */.dz(`${source}: ${where} must be an object, found ${describeKind(container)}`);
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
        throw new errors/* InputError */.dz(`${source}: ${where}.${field} must be a list, found ${describeKind(list)}`);
    for (const [index, entry] of list.entries()) {
        const at = `${where}.${field}[${index}]`;
        if (!isPlainObject(entry))
            throw new errors/* InputError */.dz(`${source}: ${at} must be an object with name and ${valueKey}`);
        if (typeof entry['name'] !== 'string')
            throw new errors/* InputError */.dz(`${source}: ${at}.name must be a string`);
        const value = entry[valueKey];
        if (value !== undefined && typeof value !== 'string') {
            throw new errors/* InputError */.dz(`${source}: ${at}.${valueKey} (${entry['name']}) must be a string, found ${describeKind(value)}: quote it`);
        }
    }
}
function readTags(value, source, where) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new errors/* InputError */.dz(`${source}: ${where} must be a list of {key, value}, found ${describeKind(value)}`);
    return value.map((entry, index) => {
        const at = `${where}[${index}]`;
        if (!isPlainObject(entry))
            throw new errors/* InputError */.dz(`${source}: ${at} must be an object with key and value`);
        const { key, value: tagValue = '' } = entry;
        if (typeof key !== 'string' || key === '')
            throw new errors/* InputError */.dz(`${source}: ${at}.key must be a non-empty string`);
        if (typeof tagValue !== 'string')
            throw new errors/* InputError */.dz(`${source}: ${at}.value (${key}) must be a string, found ${describeKind(tagValue)}: quote it`);
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

;// CONCATENATED MODULE: ./src/aws/taskdef-convert.ts

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
        document: toTaskDefinitionDocument({ taskDefinition: td, tags: out.tags ?? [] }, td.taskDefinitionArn),
        unmodelledFields: out.unmodelledFields ?? [],
    };
}
function toRegisterInput(doc) {
    return {
        ...doc.taskDefinition,
        ...(doc.tags.length > 0 ? { tags: doc.tags.map((tag) => ({ ...tag })) } : {}),
    };
}

;// CONCATENATED MODULE: ./src/aws/errors.ts
// What a failed AWS call means: throttling slows the watcher's polling, transient faults are retried until
// the timeout, anything else ends the wait; and the one line a user reads about it.

const THROTTLING = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
]);
const TRANSIENT = new Set([
    'ServerException',
    'InternalFailure',
    'InternalError',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError',
    'NetworkingError',
]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
]);
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
function classifyError(error) {
    const name = errorName(error);
    const status = httpStatus(error);
    if (THROTTLING.has(name) || status === 429)
        return 'throttled';
    if (TRANSIENT.has(name) || (status !== undefined && status >= 500))
        return 'transient';
    const code = fields(error).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code))
        return 'transient';
    return 'fatal';
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
    const message = (0,errors/* errorMessage */.gJ)(error);
    return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`;
}
/** One line for a failed call, with the fix where the error says what it is. */
function describeAwsError(action, error) {
    const name = errorName(error);
    const message = (0,errors/* errorMessage */.gJ)(error);
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

;// CONCATENATED MODULE: ./src/deploy/preflight.ts



async function preflightService(ecs, cluster, serviceName, region) {
    const clusterFound = await readOnly(`DescribeClusters ${cluster}`, cluster, region, () => ecs.describeCluster(cluster));
    if (!clusterFound || clusterFound.status === 'INACTIVE') {
        throw new errors/* PreflightError */.wG(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
    }
    const answer = await readOnly(`DescribeServices ${serviceName}`, cluster, region, () => ecs.describeServices(cluster, [serviceName]));
    const service = answer.services?.[0];
    if (!service) {
        const reason = answer.failures?.[0]?.reason ?? 'MISSING';
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" was not found in cluster ${cluster} (${reason}); check the service name, or create the service first.`);
    }
    if (service.status !== 'ACTIVE') {
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" is ${service.status ?? 'not active'}; only an ACTIVE service can be deployed to.`);
    }
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS') {
        throw new errors/* PreflightError */.wG(`service: "${serviceName}" uses the ${controller} deployment controller; ecs-deliver deploys services with the ECS (rolling update) controller. Register only (leave service unset) and deploy with your ${controller} tooling.`);
    }
    return service;
}
/** The revision a family, `family:revision` or ARN names; undefined when ECS has none. */
async function findTaskDefinition(ecs, taskDefinition) {
    try {
        return fromDescribed(await ecs.describeTaskDefinition(taskDefinition));
    }
    catch (error) {
        if (errorName(error) === 'ClientException' || errorName(error) === 'InvalidParameterException')
            return undefined;
        throw new errors/* PreflightError */.wG(describeAwsError(`DescribeTaskDefinition ${taskDefinition}`, error));
    }
}
async function readOnly(action, cluster, region, call) {
    try {
        return await call();
    }
    catch (error) {
        if (errorName(error) === 'ClusterNotFoundException') {
            throw new errors/* PreflightError */.wG(`cluster: "${cluster}" does not exist in ${region}; check the cluster name and region.`);
        }
        throw new errors/* PreflightError */.wG(describeAwsError(action, error));
    }
}

;// CONCATENATED MODULE: ./src/deploy/register.ts




function reusableRevision(rendered, latest, mode) {
    if (mode === 'always' || !latest || latest.status !== 'ACTIVE')
        return undefined;
    return normalize_sameTaskDefinition(rendered, latest.document) ? latest : undefined;
}
async function registerRevision(ecs, rendered) {
    try {
        const out = await ecs.registerTaskDefinition(toRegisterInput(rendered));
        const td = out.taskDefinition;
        if (!td?.taskDefinitionArn)
            throw new Error('the answer has no task definition ARN');
        return { arn: td.taskDefinitionArn, revision: td.revision ?? 0, registered: true };
    }
    catch (error) {
        throw new errors/* DeployError */.sH(describeAwsError(`RegisterTaskDefinition ${rendered.taskDefinition.family ?? ''}`, error));
    }
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

;// CONCATENATED MODULE: ./src/taskdef/apply-edits.ts
// What the inputs change on a base task definition (a file, the latest revision, or a new one).




/** The base with the edits applied; the base is not changed. */
function applyEdits(base, edits) {
    const taskDefinition = structuredClone(base.taskDefinition);
    applyTaskEdits(taskDefinition, edits);
    const containers = taskDefinition.containerDefinitions ?? [];
    applyImages(containers, edits);
    applyContainerEdits(containers, edits);
    fitPortsToNetworkMode(taskDefinition);
    checkRegistrable(taskDefinition);
    return { taskDefinition, tags: mergeTags(base.tags, edits.tags) };
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
function applyContainerEdits(containers, edits) {
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
    return given.filter(([, isGiven]) => isGiven).map(([name]) => name);
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
    if (!sharesHostPorts(mode))
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
    checkPort('container-port', containerPort, 1);
    checkPort('host-port', hostPort, 0);
    if (networkMode === 'none') {
        throw new errors/* InputError */.dz('container-port: a task with network mode none has no ports: leave container-port unset or choose another network-mode');
    }
    if (sharesHostPorts(networkMode)) {
        if (hostPort !== 0 && hostPort !== containerPort) {
            throw new errors/* InputError */.dz(`host-port: under network mode ${networkMode} the host port is the container port (${containerPort}): leave host-port unset or set it to ${containerPort}`);
        }
        return { containerPort, protocol };
    }
    return { hostPort, containerPort, protocol };
}
function checkPort(inputName, port, lowest) {
    if (!Number.isInteger(port) || port < lowest || port > 65535) {
        throw new errors/* InputError */.dz(`${inputName}: ${port} is not a port number: use a whole number from ${lowest} to 65535`);
    }
}

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
        ...(inputs.executionRoleArn ? { executionRoleArn: inputs.executionRoleArn } : {}),
        ...(inputs.taskRoleArn ? { taskRoleArn: inputs.taskRoleArn } : {}),
        ...(inputs.networkMode ? { networkMode: inputs.networkMode } : {}),
        ...(inputs.requiresCompatibilities.length > 0 ? { requiresCompatibilities: inputs.requiresCompatibilities } : {}),
        ...(inputs.taskCpu ? { taskCpu: inputs.taskCpu } : {}),
        ...(inputs.taskMemory ? { taskMemory: inputs.taskMemory } : {}),
        tags: inputs.tags,
    };
}
function renderTaskDefinition(inputs, base, image) {
    const edits = editsFromInputs(inputs, image);
    if (base.document) {
        if (inputs.containerPort !== undefined) {
            throw new errors/* InputError */.dz(`container-port: only used when a family is rendered from inputs alone; ${base.label} already has its port mappings, so change them in a task definition file.`);
        }
        return applyEdits(base.document, edits);
    }
    const family = inputs.family;
    if (!family) {
        throw new errors/* InputError */.dz('family: not set and no task definition to start from; set family, task-definition or service.');
    }
    if (!image) {
        throw new errors/* InputError */.dz(`image: family "${family}" has no revision yet, so a new task definition is rendered from inputs and needs image; set image.`);
    }
    const fresh = renderNewTaskDefinition({
        family,
        containerName: inputs.containerName || family,
        image,
        hostPort: inputs.hostPort,
        protocol: inputs.protocol,
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

;// CONCATENATED MODULE: ./src/watch/snapshot.ts
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

;// CONCATENATED MODULE: ./src/deploy/identify-deployment.ts
/**
 * This run's deployment is the one the UpdateService answer names: its currentServiceDeployment where the
 * endpoint gives one, else the PRIMARY deployment of this run's task definition whose id was not there before.
 * An update that changed nothing on an endpoint without the service-deployment API (such as moto) yields neither.
 */
function identifyDeployment(answer, idsBefore, taskDefinitionArn) {
    const primary = answer?.deployments?.find((d) => d.status === 'PRIMARY');
    const isNew = primary?.id !== undefined && !idsBefore.includes(primary.id);
    const fresh = isNew && primary?.taskDefinition === taskDefinitionArn ? primary : undefined;
    const arn = answer?.currentServiceDeployment;
    return { ...(fresh?.id ? { deploymentId: fresh.id } : {}), ...(arn ? { serviceDeploymentArn: arn } : {}) };
}

;// CONCATENATED MODULE: ./src/deploy/start-deployment.ts




async function startDeployment(ecs, before, request) {
    const serviceName = before.serviceName ?? '';
    const idsBefore = (before.deployments ?? []).flatMap((d) => (d.id ? [d.id] : []));
    let answer;
    try {
        const out = await ecs.updateService({
            cluster: request.cluster,
            service: serviceName,
            taskDefinition: request.taskDefinitionArn,
            ...(request.desiredCount !== undefined ? { desiredCount: request.desiredCount } : {}),
            ...(request.forceNewDeployment ? { forceNewDeployment: true } : {}),
        });
        answer = out.service;
    }
    catch (error) {
        throw new errors/* DeployError */.sH(describeAwsError(`UpdateService ${serviceName}`, error));
    }
    return {
        cluster: request.cluster,
        service: serviceName,
        region: request.region,
        taskDefinitionArn: request.taskDefinitionArn,
        deploymentIdsBefore: idsBefore,
        eventKeysBefore: (before.events ?? []).map(eventKey),
        previous: { taskDefinitionArn: before.taskDefinition ?? '', desiredCount: before.desiredCount ?? 0 },
        ...identifyDeployment(answer, idsBefore, request.taskDefinitionArn),
    };
}

;// CONCATENATED MODULE: ./src/deploy/deliver.ts








async function deliver(deps, inputs) {
    const { reporter, session } = deps;
    const startedAt = deps.clock.now();
    const region = session?.region ?? inputs.region;
    const fileDocument = inputs.taskDefinitionFile ? readTaskDefinitionFile(deps, inputs.taskDefinitionFile) : undefined;
    // Preflight: read-only, before anything changes anywhere.
    const service = session && inputs.service ? await preflightService(session.ecs, inputs.cluster, inputs.service, region) : undefined;
    if (service) {
        reporter.info(`Service ${inputs.service} in ${inputs.cluster}: ${familyRevision(service.taskDefinition ?? '?')}, ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running.`);
    }
    const knownFamily = inputs.taskDefinitionArn ? '' : inputs.family || fileDocument?.taskDefinition.family || '';
    const { running, latest } = await describeRevisions(deps, service?.taskDefinition, knownFamily, !inputs.taskDefinitionArn);
    if (inputs.taskDefinitionArn) {
        return deployExistingRevision(deps, inputs, service, running, startedAt);
    }
    const family = knownFamily || running?.family || '';
    const base = chooseBase(inputs, fileDocument, latest, running);
    reporter.info(`Rendering the task definition from ${base.label}.`);
    const baseRevision = base.source === 'latest-revision' ? latest : base.source === 'service' ? running : undefined;
    if (baseRevision && baseRevision.unmodelledFields.length > 0) {
        reporter.warn(`ECS answered ${baseRevision.unmodelledFields.join(', ')} in ${baseRevision.family}:${baseRevision.revision}, which the bundled AWS SDK cannot read or send: a new revision would not have ${baseRevision.unmodelledFields.length === 1 ? 'it' : 'them'}. Update ecs-deliver, or register that revision with another tool and deploy it with task-definition-arn.`);
    }
    // A trial render checks container names and the other inputs before any build or push.
    renderTaskDefinition(inputs, base, inputs.image);
    await deps.image?.check();
    if (!session && !inputs.dryRun)
        throw new errors/* InputError */.dz('region: no AWS session; set region or AWS_REGION.');
    throwIfCancelled(deps.cancel);
    const image = deps.image ? await deps.image.prepare() : { image: inputs.image, pushedNewDigest: false };
    const rendered = renderTaskDefinition(inputs, base, image.image);
    warnUnmodelled(deps, rendered);
    const compareWith = running ?? latest;
    const changes = describeChanges(compareWith?.document, rendered);
    await reporter.group(compareWith ? `Changes against ${compareWith.family}:${compareWith.revision}${running ? ` (what ${inputs.service} runs now)` : ''}` : 'New task definition', async () => {
        for (const line of changes)
            reporter.info(line);
    });
    const reuse = reusableRevision(rendered, latest, inputs.register);
    if (inputs.dryRun) {
        return dryRunResult(deps, inputs, rendered, changes, { reuse, latest, service, region, startedAt, image: image.image });
    }
    throwIfCancelled(deps.cancel);
    const revision = reuse ? reused(deps, reuse) : await register(deps, rendered);
    const result = {
        dryRun: false,
        region,
        cluster: inputs.cluster,
        ...(inputs.service ? { service: inputs.service } : {}),
        image: image.image || primaryImage(rendered, inputs.containerName),
        ...(image.digest ? { imageDigest: image.digest } : {}),
        taskDefinitionArn: revision.arn,
        revision: revision.revision,
        registered: revision.registered,
        deploymentStatus: 'SKIPPED',
        diff: changes,
        startedAt,
        finishedAt: startedAt,
        deregistered: [],
    };
    if (!service || !session) {
        reporter.info('No service given: registered only.');
        return finish(deps, inputs, result, family);
    }
    const force = inputs.forceNewDeployment || (!revision.registered && image.pushedNewDigest);
    if (force && !inputs.forceNewDeployment) {
        reporter.info(`The push gave ${image.image} a new digest under a tag ${familyRevision(revision.arn)} already names: forcing a new deployment.`);
    }
    if (!force && !revision.registered && sameTaskDefinition(service.taskDefinition, revision.arn)) {
        reporter.info(`${inputs.service} already runs ${familyRevision(revision.arn)}: ECS starts no new tasks. If a tag it names now points at new content pushed elsewhere, set force-new-deployment (or deploy by digest with pin-digest).`);
    }
    return rollOut(deps, inputs, service, result, force, family);
}
async function rollOut(deps, inputs, service, result, force, family) {
    const { reporter, session } = deps;
    if (!session)
        throw new Error('rollOut needs an AWS session');
    throwIfCancelled(deps.cancel);
    reporter.info(`Updating service ${inputs.service} to ${familyRevision(result.taskDefinitionArn)}${inputs.desiredCount !== undefined ? `, desired count ${inputs.desiredCount}` : ''}${force ? ', forcing a new deployment' : ''}.`);
    let target;
    try {
        target = await startDeployment(session.ecs, service, {
            cluster: inputs.cluster,
            region: result.region,
            taskDefinitionArn: result.taskDefinitionArn,
            forceNewDeployment: force,
            ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
        });
    }
    catch (error) {
        // The revision may be registered already: the outputs still name it, so a retry can deploy it as it is.
        if (!(error instanceof errors/* DeployError */.sH))
            throw error;
        return { ...result, deploymentStatus: 'FAILED', statusMessage: error.message, finishedAt: deps.clock.now() };
    }
    reporter.info(target.deploymentId ? `Deployment ${target.deploymentId} started.` : 'The update started no new deployment; waiting for the service to be steady.');
    const withDeployment = {
        ...result,
        desiredCount: inputs.desiredCount ?? service.desiredCount ?? 0,
        consoleUrl: consoleUrl(result.region, inputs.cluster, inputs.service),
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
    };
    if (!inputs.wait) {
        reporter.info('wait is false: not waiting for the rollout.');
        return finish(deps, inputs, withDeployment, family, service.taskDefinition);
    }
    const outcome = await deps.watch(target, {
        timeoutMs: inputs.waitTimeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        rollback: inputs.rollback,
        rollbackOnCancel: inputs.rollbackOnCancel,
        cancel: deps.cancel,
        ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
    });
    const watched = {
        ...withDeployment,
        deploymentStatus: outcome.status,
        statusMessage: outcome.message,
        ...(outcome.failure ? { failure: outcome.failure } : {}),
        ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
    };
    if (outcome.status !== 'COMPLETED')
        return { ...watched, finishedAt: deps.clock.now() };
    return finish(deps, inputs, watched, family, service.taskDefinition);
}
/** `rollbackTarget`: the revision the service ran before this run, kept so a later rollback can still reach it. */
async function finish(deps, inputs, result, family, rollbackTarget) {
    let deregistered = [];
    if (inputs.keepRevisions !== undefined && deps.keepRevisions && family) {
        const protect = [result.taskDefinitionArn, ...(rollbackTarget ? [rollbackTarget] : [])];
        try {
            deregistered = await deps.keepRevisions(family, inputs.keepRevisions, protect);
            deps.reporter.info(deregistered.length > 0
                ? `Deregistered ${deregistered.join(', ')}.`
                : `keep-revisions: nothing to deregister beyond the newest ${inputs.keepRevisions} and the revisions in use.`);
        }
        catch (error) {
            // The deploy itself succeeded; tidying up is not worth failing it for.
            deps.reporter.warn(`keep-revisions: ${(0,errors/* errorMessage */.gJ)(error)}; no revision was deregistered by this step.`);
        }
    }
    return { ...result, deregistered, finishedAt: deps.clock.now() };
}
async function deployExistingRevision(deps, inputs, service, running, startedAt) {
    const { session, reporter } = deps;
    const region = session?.region ?? inputs.region;
    const named = session ? await findTaskDefinition(session.ecs, inputs.taskDefinitionArn) : undefined;
    if (session && !named) {
        throw new errors/* PreflightError */.wG(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist in ${region}; check the family:revision or ARN.`);
    }
    if (named && named.status !== 'ACTIVE') {
        reporter.warn(`${named.family}:${named.revision} is ${named.status}; ECS may refuse to start new tasks from it.`);
    }
    await deps.image?.check();
    const image = deps.image ? await deps.image.prepare() : undefined;
    const changes = named ? describeChanges(running?.document, named.document) : [];
    await reporter.group(`Deploying ${named ? `${named.family}:${named.revision}` : inputs.taskDefinitionArn} as it is`, async () => {
        for (const line of changes)
            reporter.info(line);
    });
    const result = {
        dryRun: inputs.dryRun,
        region,
        cluster: inputs.cluster,
        service: inputs.service,
        image: image?.image ?? (named ? primaryImage(named.document, '') : ''),
        ...(image?.digest ? { imageDigest: image.digest } : {}),
        taskDefinitionArn: named?.arn ?? inputs.taskDefinitionArn,
        revision: named?.revision ?? 0,
        registered: false,
        deploymentStatus: 'SKIPPED',
        diff: changes,
        startedAt,
        finishedAt: deps.clock.now(),
        deregistered: [],
    };
    if (inputs.dryRun || !service) {
        if (inputs.dryRun)
            reporter.info(`Dry run: would update ${inputs.service} to ${familyRevision(result.taskDefinitionArn)}; nothing changed.`);
        return result;
    }
    return rollOut(deps, inputs, service, result, inputs.forceNewDeployment || Boolean(image?.pushedNewDigest), named?.family ?? '');
}
function chooseBase(inputs, fileDocument, latest, running) {
    if (fileDocument)
        return { source: 'file', label: inputs.taskDefinitionFile, document: fileDocument };
    if (latest && (inputs.family || !running)) {
        return { source: 'latest-revision', label: `${latest.family}:${latest.revision} (latest ACTIVE revision)`, document: latest.document };
    }
    if (running && !inputs.family) {
        return { source: 'service', label: `${running.family}:${running.revision} (what ${inputs.service} runs now)`, document: running.document };
    }
    return { source: 'inputs', label: 'inputs (new family)' };
}
/**
 * The revision the service runs and the family's latest ACTIVE one, described once each; when they are the
 * same revision one call serves both.
 */
async function describeRevisions(deps, runningTaskDefinition, knownFamily, needLatest) {
    const { session } = deps;
    if (!session)
        return {};
    const latestOfKnown = knownFamily ? await findTaskDefinition(session.ecs, knownFamily) : undefined;
    const running = !runningTaskDefinition
        ? undefined
        : latestOfKnown && sameTaskDefinition(latestOfKnown.arn, runningTaskDefinition)
            ? latestOfKnown
            : await findTaskDefinition(session.ecs, runningTaskDefinition);
    const latest = knownFamily || !needLatest || !running ? latestOfKnown : await findTaskDefinition(session.ecs, running.family);
    return { ...(running ? { running } : {}), ...(latest ? { latest } : {}) };
}
function readTaskDefinitionFile(deps, path) {
    let text;
    try {
        text = deps.readTextFile(path);
    }
    catch (error) {
        const code = error.code;
        throw new errors/* InputError */.dz(`task-definition: cannot read "${path}" (${code ?? String(error)}); give a path relative to the working directory.`);
    }
    return parseTaskDefinitionText(text, path);
}
function warnUnmodelled(deps, rendered) {
    if (!deps.unmodelledFields)
        return;
    const fields = deps.unmodelledFields(rendered.taskDefinition);
    if (fields.length > 0) {
        deps.reporter.warn(`the bundled AWS SDK does not know ${fields.join(', ')}; ${fields.length === 1 ? 'it' : 'they'} will not be sent to ECS. Update ecs-deliver, or remove ${fields.length === 1 ? 'it' : 'them'} from the task definition.`);
    }
}
function reused(deps, revision) {
    deps.reporter.info(`Task definition unchanged: reusing ${revision.family}:${revision.revision}, registering nothing.`);
    return { arn: revision.arn, revision: revision.revision, registered: false };
}
async function register(deps, rendered) {
    if (!deps.session)
        throw new Error('register needs an AWS session');
    const revision = await registerRevision(deps.session.ecs, rendered);
    deps.reporter.info(`Registered ${familyRevision(revision.arn)}.`);
    return revision;
}
function dryRunResult(deps, inputs, rendered, changes, facts) {
    const { reporter } = deps;
    reporter.info('Rendered task definition (environment values redacted):');
    reporter.info(renderTaskDefinitionJson(rendered, { redactEnvironment: true }));
    const plan = [];
    if (!deps.session)
        plan.push('No AWS credentials found: not compared with ECS (set credentials to see the diff against what runs).');
    if (facts.reuse)
        plan.push(`Would reuse ${facts.reuse.family}:${facts.reuse.revision} (unchanged); would register nothing.`);
    else
        plan.push(`Would register a new revision of ${rendered.taskDefinition.family ?? inputs.family}${facts.latest ? ` (latest is ${facts.latest.revision})` : ''}.`);
    if (inputs.service) {
        plan.push(`Would update service ${inputs.service} in ${inputs.cluster}${inputs.desiredCount !== undefined ? ` to desired count ${inputs.desiredCount}` : ''}${inputs.wait ? ' and wait for the rollout' : ''}.`);
    }
    if (inputs.keepRevisions !== undefined)
        plan.push(`Would keep the newest ${inputs.keepRevisions} revisions, deregistering older unused ones.`);
    plan.push('Dry run: nothing was changed.');
    for (const line of plan)
        reporter.info(line);
    return {
        dryRun: true,
        region: facts.region,
        cluster: inputs.cluster,
        ...(inputs.service ? { service: inputs.service } : {}),
        image: facts.image || primaryImage(rendered, inputs.containerName),
        taskDefinitionArn: facts.reuse?.arn ?? '',
        revision: facts.reuse?.revision ?? 0,
        registered: false,
        deploymentStatus: 'SKIPPED',
        diff: changes,
        startedAt: facts.startedAt,
        finishedAt: deps.clock.now(),
        deregistered: [],
    };
}
function throwIfCancelled(cancel) {
    if (cancel.aborted) {
        const reason = cancel.reason;
        throw new errors/* CancelledError */.cc(reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    }
}

;// CONCATENATED MODULE: ./src/deploy/check-inputs.ts
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
            ...(inputs.tags.length > 0 ? ['tags'] : []),
            ...(inputs.requiresCompatibilities.length > 0 ? ['requires-compatibilities'] : []),
        ];
        if (named.length > 0) {
            throw new errors/* InputError */.dz(`task-definition-arn deploys an existing revision as it is, so ${named.join(', ')} would be ignored; remove them, or use family or task-definition to render a new revision.`);
        }
    }
    const somethingToDeploy = inputs.taskDefinitionArn || inputs.taskDefinitionFile || inputs.family || inputs.service;
    if (!somethingToDeploy) {
        throw new errors/* InputError */.dz('nothing to deploy: set service (and image), family, task-definition or task-definition-arn.');
    }
    if (!inputs.service) {
        if (inputs.desiredCount !== undefined)
            throw new errors/* InputError */.dz('desired-count needs service; set service or remove desired-count.');
        if (inputs.forceNewDeployment)
            throw new errors/* InputError */.dz('force-new-deployment needs service; set service or remove it.');
        if (inputs.taskDefinitionArn) {
            throw new errors/* InputError */.dz('task-definition-arn without service changes nothing; set service to deploy that revision.');
        }
    }
    if (inputs.roleArn && !inputs.webIdentityToken) {
        throw new errors/* InputError */.dz('role-arn needs web-identity-token; set ECS_DELIVER_WEB_IDENTITY_TOKEN (such as a GitLab id_tokens variable) or remove role-arn.');
    }
    if (inputs.webIdentityToken && !inputs.roleArn) {
        throw new errors/* InputError */.dz('web-identity-token needs role-arn; set role-arn to the role to assume.');
    }
}

;// CONCATENATED MODULE: ./src/deploy/outputs.ts
/** The run's outputs, keyed as in action.yml. */
function outputsOf(result) {
    return {
        'task-definition-arn': result.taskDefinitionArn,
        'task-definition-revision': result.revision ? String(result.revision) : '',
        registered: String(result.registered),
        image: result.image,
        'image-digest': result.imageDigest ?? '',
        'deployment-id': result.deploymentId ?? '',
        'deployment-status': result.deploymentStatus,
        deregistered: result.deregistered.join(','),
    };
}

;// CONCATENATED MODULE: ./src/inputs/duration.ts

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** "90s", "15m", "1h", "1h30m" or a bare number of seconds, in milliseconds. */
function parseDuration(name, given) {
    const text = given.trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    const consumed = parts.map((part) => part[0]).join('');
    if (parts.length === 0 || consumed !== text) {
        throw new errors/* InputError */.dz(`${name}: "${given}" is not a duration; write it like 90s, 15m or 1h.`);
    }
    return Math.round(parts.reduce((total, part) => total + Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 1000), 0));
}

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
/** Lines of `key=value` where every line sets a pair (no removal). The last line for a key wins. */
function parsePairLines(text, inputName) {
    const pairs = new Map();
    for (const line of meaningfulLines(text)) {
        const { key, value } = splitPair(line, inputName, 'key=value');
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

;// CONCATENATED MODULE: ./src/inputs/parse.ts
// Turns the raw strings a host read into one typed Inputs object. Every input is read here and only here.





function parseInputs(raw) {
    const value = (name) => {
        const spec = specFor(name);
        const given = raw(name).trim();
        return given === '' ? spec.default : given;
    };
    const text = (name) => {
        const spec = specFor(name);
        const given = raw(name);
        return given.trim() === '' ? spec.default : given;
    };
    const bool = (name) => parseBoolean(name, value(name));
    const optionalBool = (name) => (value(name) === '' ? undefined : bool(name));
    const int = (name, min) => parseInteger(name, value(name), min);
    const choice = (name) => {
        const given = value(name);
        const options = specFor(name).options ?? [];
        if (!options.includes(given)) {
            throw new errors/* InputError */.dz(`${name}: "${given}" is not one of ${options.filter(Boolean).join(', ')}; set it to one of them.`);
        }
        return given;
    };
    const duration = (name) => parseDuration(name, value(name));
    const lines = (name) => text(name)
        .split(/\r?\n|,/)
        .map((line) => line.trim())
        .filter(Boolean);
    const waitTimeoutMs = duration('wait-timeout');
    const pollIntervalMs = duration('poll-interval');
    if (pollIntervalMs < 1000)
        throw new errors/* InputError */.dz('poll-interval: must be at least 1s; ECS throttles faster polling.');
    const commandText = text('command');
    return {
        image: value('image'),
        images: parseImageLines(text('images'), 'images'),
        buildContext: value('build-context'),
        dockerfile: value('dockerfile'),
        buildArgs: parsePairLines(text('build-args'), 'build-args').map(({ key, value }) => [key, value]),
        target: value('target'),
        platform: value('platform'),
        sourceImage: value('source-image'),
        push: optionalBool('push'),
        pinDigest: bool('pin-digest'),
        verifyImage: choice('verify-image'),
        dockerCommand: value('docker-command'),
        registryAuth: choice('registry-auth'),
        registryUsername: value('registry-username'),
        registryPassword: raw('registry-password'),
        repositoryCredentials: value('repository-credentials'),
        createRepository: bool('create-repository'),
        taskDefinitionFile: value('task-definition'),
        taskDefinitionArn: value('task-definition-arn'),
        family: value('family'),
        containerName: value('container-name'),
        memory: int('memory', 1),
        cpu: int('cpu', 0),
        containerPort: int('container-port', 0),
        hostPort: int('host-port', 0) ?? 0,
        protocol: choice('protocol'),
        networkMode: choice('network-mode'),
        requiresCompatibilities: lines('requires-compatibilities').map((c) => c.toUpperCase()),
        taskCpu: value('task-cpu'),
        taskMemory: value('task-memory'),
        environment: parseKeyValueLines(text('environment'), 'environment'),
        environmentMode: choice('environment-mode'),
        secrets: parseKeyValueLines(text('secrets'), 'secrets'),
        secretsMode: choice('secrets-mode'),
        command: commandText.trim() === '' ? undefined : parseCommand(commandText, 'command'),
        executionRoleArn: value('execution-role-arn'),
        taskRoleArn: value('task-role-arn'),
        tags: parseTagLines(text('tags'), 'tags'),
        register: choice('register'),
        keepRevisions: int('keep-revisions', 1),
        cluster: value('cluster'),
        service: value('service'),
        desiredCount: int('desired-count', 0),
        forceNewDeployment: bool('force-new-deployment'),
        wait: bool('wait'),
        waitTimeoutMs,
        pollIntervalMs,
        maxFailedTasks: int('max-failed-tasks', 1),
        rollback: bool('rollback'),
        rollbackOnCancel: bool('rollback-on-cancel'),
        region: value('region'),
        roleArn: value('role-arn'),
        webIdentityToken: raw('web-identity-token').trim(),
        dryRun: bool('dry-run'),
    };
}
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
function parseInteger(name, given, min) {
    if (given === '')
        return undefined;
    if (!/^\d+$/.test(given) || Number(given) < min) {
        throw new errors/* InputError */.dz(`${name}: "${given}" is not a whole number of at least ${min}; write digits only, such as ${Math.max(min, 1) * 2}.`);
    }
    return Number(given);
}

// EXTERNAL MODULE: ./src/inputs/sources.ts
var sources = __webpack_require__(6203);
;// CONCATENATED MODULE: ./src/inputs/stdin.ts
async function readStdin(stream = process.stdin) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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

;// CONCATENATED MODULE: ./src/session.ts


const DRY_RUN_CREDENTIALS_LIMIT_MS = 3000;
const SESSION_MS = 3_600_000;
async function openSession(inputs, env, reporter) {
    const region = regionFrom(inputs.region, env);
    if (inputs.dryRun && !credentialSourceVisible(env, inputs.webIdentityToken)) {
        reporter.info('No AWS credentials found: the dry run renders without comparing with ECS.');
        return undefined;
    }
    if (!region) {
        if (inputs.dryRun) {
            reporter.info('No region set: the dry run renders without comparing with ECS.');
            return undefined;
        }
        throw new errors/* InputError */.dz('region: not set; set region, or AWS_REGION / AWS_DEFAULT_REGION.');
    }
    const { createSession } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(778)]).then(__webpack_require__.bind(__webpack_require__, 6778));
    const credentials = inputs.roleArn ? await webIdentityCredentials(inputs, region, env, reporter) : undefined;
    const session = createSession({
        region,
        ...(credentials ? { credentials } : {}),
        ...(inputs.dryRun ? { requestTimeoutMs: DRY_RUN_CREDENTIALS_LIMIT_MS, maxAttempts: 2 } : {}),
    });
    if (inputs.dryRun) {
        const problem = await withinLimit(session.resolveCredentials(), DRY_RUN_CREDENTIALS_LIMIT_MS);
        if (problem) {
            reporter.warn(`${problem}: the dry run renders without comparing with ECS.`);
            return undefined;
        }
    }
    return session;
}
async function webIdentityCredentials(inputs, region, env, reporter) {
    const { assumeRoleWithWebIdentity, sessionNameFor } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695), __webpack_require__.e(850)]).then(__webpack_require__.bind(__webpack_require__, 6850));
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

;// CONCATENATED MODULE: ./src/watch/progress.ts


/** Events this close before the watch began still belong to it: the update came first, and clocks drift. */
const EVENT_MARGIN_MS = 10_000;
function deploymentLine(deployment) {
    const counts = `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ` +
        `${deployment.pendingCount ?? 0} pending, ${deployment.failedTasks ?? 0} failed`;
    const state = deployment.rolloutState ? `, ${deployment.rolloutState}` : '';
    const taskDefinition = deployment.taskDefinition ? ` ${familyRevision(deployment.taskDefinition)}` : '';
    return `${deployment.status ?? '?'} ${deployment.id ?? '?'}${taskDefinition}: ${counts}${state}`;
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
        const fresh = events.filter((event) => !this.seen.has(eventKey(event)) && (event.createdAt === undefined || event.createdAt.getTime() >= this.since - EVENT_MARGIN_MS));
        for (const event of fresh)
            this.seen.add(eventKey(event));
        return fresh.reverse();
    }
}
/** Remembers the last line printed per deployment and answers only the lines that changed. */
class ChangedLines {
    last = new Map();
    changed(service, serviceDeployment) {
        const lines = (service.deployments ?? []).map((deployment) => [
            deployment.id ?? '?',
            deploymentLine(deployment),
        ]);
        if (serviceDeployment)
            lines.push(['service-deployment', serviceDeploymentLine(serviceDeployment)]);
        return lines.filter(([key, line]) => this.remember(key, line)).map(([, line]) => line);
    }
    remember(key, line) {
        if (this.last.get(key) === line)
            return false;
        this.last.set(key, line);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/watch/settle.ts
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

;// CONCATENATED MODULE: ./src/watch/stopped-tasks.ts

const STOPPED_TASKS_SHOWN = 5;
const LIST_PAGES = 3;
const DESCRIBE_BATCH = 100;
/** The most recently stopped tasks of one deployment, newest first. */
async function stoppedTasksOf(ecs, query, limit = STOPPED_TASKS_SHOWN) {
    const arns = await listStoppedTasks(ecs, query);
    const belongs = (task) => query.deploymentId !== undefined
        ? task.startedBy === query.deploymentId
        : sameTaskDefinition(task.taskDefinitionArn, query.taskDefinitionArn);
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
    const lines = [`task ${resourceName(report.taskArn)}: ${report.stoppedReason ?? 'stopped, no reason given'}${stopCode}`];
    for (const container of report.containers) {
        const exit = container.exitCode !== undefined ? `exit code ${container.exitCode}` : 'no exit code';
        const reason = container.reason ? `: ${container.reason}` : '';
        lines.push(`  container ${container.name}: ${exit}${reason}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/watch/failure-report.ts






const EVENTS_SHOWN = 20;
/** Service events of this watch, and any older ones that name the deployment, oldest first. */
function eventsOfDeployment(result) {
    const id = result.followed.deploymentId;
    const printed = new Set(result.events.map(eventKey));
    const naming = (result.last?.service.events ?? []).filter((event) => id !== undefined && !printed.has(eventKey(event)) && (event.message ?? '').includes(id));
    const all = [...naming, ...result.events];
    return all.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0)).slice(-EVENTS_SHOWN);
}
async function collectFailure(ctx, result, taskDefinitionArn, reason) {
    const { target, ecs, options } = ctx;
    const query = {
        cluster: target.cluster,
        service: target.service,
        taskDefinitionArn,
        ...(result.followed.deploymentId ? { deploymentId: result.followed.deploymentId } : {}),
    };
    const stopped = await settle(stoppedTasksOf(ecs, query), options.cancel);
    if (stopped.state === 'rejected')
        ctx.reporter.warn(`Could not read the stopped tasks: ${describeError(stopped.error)}`);
    return {
        reason,
        events: eventsOfDeployment(result).map(eventLine),
        stoppedTasks: stopped.state === 'fulfilled' ? stopped.value : [],
    };
}
function failureLines(report, result, url) {
    const lines = [];
    const deployments = result.last?.service.deployments ?? [];
    if (deployments.length > 0)
        lines.push('Deployments at the end:', ...deployments.map((d) => `  ${deploymentLine(d)}`));
    if (report.events.length > 0)
        lines.push('Service events of this deployment:', ...report.events.map((line) => `  ${line}`));
    else
        lines.push('No service events for this deployment.');
    if (report.stoppedTasks.length > 0) {
        lines.push('Stopped tasks of this deployment, newest first:', ...report.stoppedTasks.flatMap(stoppedTaskLines).map((line) => `  ${line}`));
    }
    else {
        lines.push('No stopped tasks of this deployment.');
    }
    lines.push(`Console: ${url}`);
    return lines;
}
/** Prints the headline as an error and the details after it; answers the report for `WatchOutcome.failure`. */
async function reportFailure(ctx, result, taskDefinitionArn, reason, headline) {
    const report = await collectFailure(ctx, result, taskDefinitionArn, reason);
    ctx.reporter.error(headline);
    const url = consoleUrl(ctx.target.region, ctx.target.cluster, ctx.target.service);
    for (const line of failureLines(report, result, url))
        ctx.reporter.info(line);
    return report;
}

;// CONCATENATED MODULE: ./src/watch/observe.ts

/** The service is gone or unusable: no later poll can change that. */
class ServiceGoneError extends Error {
    name = 'ServiceGoneError';
}
class Observer {
    ecs;
    reporter;
    cluster;
    service;
    serviceDeploymentsAnswered = false;
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
            return deployments.find((deployment) => deployment.serviceDeploymentArn === arn) ?? deployments[0];
        }
        catch (error) {
            if (!isNotSupported(error, !this.serviceDeploymentsAnswered))
                throw error;
            this.serviceDeploymentsSupported = false;
            this.reporter.info(`DescribeServiceDeployments is not available here (${describeError(error)}); following the service's deployments list`);
            return undefined;
        }
    }
}

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

;// CONCATENATED MODULE: ./src/watch/tracking.ts


/** True when the watcher knows which deployment is this run's; otherwise it waits for a steady service. */
function followsDeployment(followed) {
    return followed.deploymentId !== undefined || followed.byServiceDeployment;
}
/**
 * Updates what is known about our deployment from one poll. When its id is not known yet, a new PRIMARY
 * deployment running our task definition is ours: the update answer may not have listed it yet.
 */
function track(followed, snapshot) {
    let deploymentId = followed.deploymentId;
    if (deploymentId === undefined) {
        const primary = primaryOf(snapshot.service);
        const knowsWhatIsNew = followed.deploymentIdsBefore.size > 0 || followed.byServiceDeployment;
        if (knowsWhatIsNew &&
            primary?.id !== undefined &&
            !followed.deploymentIdsBefore.has(primary.id) &&
            sameTaskDefinition(primary.taskDefinition, followed.taskDefinitionArn)) {
            deploymentId = primary.id;
        }
    }
    if (deploymentId === undefined)
        return followed;
    const ours = deploymentsOf(snapshot.service).find((deployment) => deployment.id === deploymentId);
    return {
        ...followed,
        deploymentId,
        seen: followed.seen || ours !== undefined,
        ...(ours ? { last: ours } : followed.last ? { last: followed.last } : {}),
    };
}

;// CONCATENATED MODULE: ./src/watch/verdict.ts



const ROLLING_BACK = /rolling back to deployment (ecs-svc\/\d+)/;
const SERVICE_DEPLOYMENT_ROLLED_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
const SERVICE_DEPLOYMENT_STOPPED = new Set(['STOPPED', 'STOP_REQUESTED']);
/** ECS's own threshold when the service sets none: half the desired count, rounded up, within 3..200. */
function defaultMaxFailedTasks(desiredCount) {
    return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}
/** A service with one deployment that runs every task it wants. */
function isSteady(service) {
    return deploymentsOf(service).length === 1 && service.runningCount === service.desiredCount;
}
function decide(snapshot, followed, eventsSinceStart, maxFailedTasks) {
    const { service, serviceDeployment } = snapshot;
    const primary = primaryOf(service);
    const isNew = (deployment) => deployment?.id !== undefined && deployment.id !== followed.deploymentId && !followed.deploymentIdsBefore.has(deployment.id);
    if (!followsDeployment(followed)) {
        if (followed.deploymentIdsBefore.size > 0 && isNew(primary))
            return { kind: 'superseded', by: primary };
        return isSteady(service) ? { kind: 'completed' } : { kind: 'waiting' };
    }
    if ((followed.deploymentId !== undefined || followed.deploymentIdsBefore.size > 0) && isNew(primary)) {
        return { kind: 'superseded', by: primary };
    }
    const ours = followed.deploymentId
        ? deploymentsOf(service).find((deployment) => deployment.id === followed.deploymentId)
        : undefined;
    const failureReason = reasonOf(ours ?? followed.last, serviceDeployment);
    if (serviceDeployment?.status === 'ROLLBACK_FAILED') {
        return { kind: 'failed', reason: `ECS could not roll back: ${failureReason}` };
    }
    const rolledBack = ecsRollback(service, followed, serviceDeployment, eventsSinceStart);
    if (rolledBack)
        return { kind: 'rolled-back-by-ecs', reason: failureReason, ...rolledBack };
    if (ours?.rolloutState === 'FAILED') {
        if (service.deploymentConfiguration?.deploymentCircuitBreaker?.rollback === true) {
            return { kind: 'rolled-back-by-ecs', reason: failureReason };
        }
        return { kind: 'failed', reason: failureReason };
    }
    if (serviceDeployment?.status && SERVICE_DEPLOYMENT_STOPPED.has(serviceDeployment.status)) {
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
    if (ours && ours.rolloutState === undefined && deploymentsOf(service).length === 1 && ours.runningCount === ours.desiredCount) {
        return { kind: 'completed' };
    }
    return { kind: 'waiting' };
}
function ecsRollback(service, followed, serviceDeployment, events) {
    const primary = primaryOf(service);
    const taskDefinitionOf = (id) => {
        const taskDefinition = deploymentsOf(service).find((deployment) => deployment.id === id)?.taskDefinition;
        return taskDefinition ? { to: taskDefinition } : {};
    };
    const primaryIsOlder = primary?.id !== undefined && primary.id !== followed.deploymentId && followed.deploymentIdsBefore.has(primary.id);
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
    return id ? `deployment ${id} (${familyRevision(taskDefinition)})` : `deployment of ${familyRevision(taskDefinition)}`;
}

;// CONCATENATED MODULE: ./src/watch/follow.ts








async function follow(ctx, target, deadline) {
    const { clock, reporter, observer, options } = ctx;
    const startedAt = clock.now();
    const eventLog = new EventLog(startedAt, ctx.seenEvents);
    const changedLines = new ChangedLines();
    const events = [];
    const maxFailedTasks = options.maxFailedTasks !== undefined && options.maxFailedTasks > 0 ? options.maxFailedTasks : undefined;
    let followed = {
        taskDefinitionArn: target.taskDefinitionArn,
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
        byServiceDeployment: target.serviceDeploymentArn !== undefined,
        deploymentIdsBefore: new Set(target.deploymentIdsBefore),
        seen: false,
    };
    let last;
    let interval = options.pollIntervalMs;
    let lastProblem;
    const result = (end) => ({ end, followed, events, startedAt, ...(last ? { last } : {}) });
    for (;;) {
        if (options.cancel.aborted)
            return result({ kind: 'cancelled' });
        const pollStartedAt = clock.now();
        const serviceDeploymentArn = observer.supportsServiceDeployments ? target.serviceDeploymentArn : undefined;
        const poll = await settle(observer.observe(serviceDeploymentArn), options.cancel);
        if (poll.state === 'aborted')
            return result({ kind: 'cancelled' });
        if (poll.state === 'rejected') {
            const kind = classifyError(poll.error);
            const problem = poll.error instanceof ServiceGoneError ? poll.error.message : describeError(poll.error);
            if (kind === 'fatal')
                return result({ kind: 'watch-error', message: problem });
            const slower = nextPollInterval(interval, options.pollIntervalMs, kind === 'throttled');
            if (kind === 'throttled' && slower > interval) {
                reporter.warn(`ECS is throttling (${problem}); polling every ${formatDuration(slower)}`);
            }
            else if (kind === 'transient' && problem !== lastProblem) {
                reporter.warn(`ECS did not answer (${problem}); retrying until the timeout`);
            }
            lastProblem = problem;
            interval = slower;
        }
        else {
            lastProblem = undefined;
            interval = nextPollInterval(interval, options.pollIntervalMs, false);
            last = poll.value;
            followed = track({ ...followed, byServiceDeployment: serviceDeploymentArn !== undefined && observer.supportsServiceDeployments }, last);
            for (const event of eventLog.takeNew(last.service.events ?? [])) {
                events.push(event);
                reporter.info(eventLine(event));
            }
            for (const line of changedLines.changed(last.service, last.serviceDeployment))
                reporter.info(line);
            const verdict = decide(last, followed, events, maxFailedTasks);
            if (verdict.kind !== 'waiting')
                return result(verdict);
        }
        const now = clock.now();
        if (now >= deadline)
            return result({ kind: 'timed-out' });
        await clock.sleep(sleepBeforeNextPoll(now, pollStartedAt, interval, deadline), options.cancel);
    }
}

;// CONCATENATED MODULE: ./src/watch/watch-rollout.ts








/** How long a cancelled job waits for the answer to the rollback it starts, within the 2 s it has to stop. */
const CANCEL_ROLLBACK_WAIT_MS = 1_500;
async function watchRollout(deps, target, options) {
    const ctx = {
        ...deps,
        target,
        options,
        observer: new Observer(deps.ecs, deps.reporter, target.cluster, target.service),
        seenEvents: new Set(target.eventKeysBefore),
    };
    const rollout = await deps.reporter.group(`Watching rollout of ${target.service}`, () => {
        deps.reporter.info(`${startLine(target)}; timeout ${formatDuration(options.timeoutMs)}`);
        return follow(ctx, rolloutFollowTarget(target), deps.clock.now() + options.timeoutMs);
    });
    return conclude(ctx, rollout);
}
function rolloutFollowTarget(target) {
    return {
        taskDefinitionArn: target.taskDefinitionArn,
        deploymentIdsBefore: target.deploymentIdsBefore,
        ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
        ...(target.serviceDeploymentArn ? { serviceDeploymentArn: target.serviceDeploymentArn } : {}),
    };
}
function startLine(target) {
    const revision = familyRevision(target.taskDefinitionArn);
    if (target.deploymentId)
        return `Following deployment ${target.deploymentId} (${revision})`;
    if (target.serviceDeploymentArn)
        return `Following service deployment ${target.serviceDeploymentArn} (${revision})`;
    return `No new deployment to follow: waiting until ${target.service} runs one deployment with all its tasks`;
}
async function conclude(ctx, rollout) {
    const { target, reporter, options, clock } = ctx;
    const end = rollout.end;
    const what = describeDeployment(rollout.followed.deploymentId, target.taskDefinitionArn);
    switch (end.kind) {
        case 'completed': {
            const message = followsDeployment(rollout.followed)
                ? `${what} completed in ${formatDuration(clock.now() - rollout.startedAt)}`
                : `service ${target.service} is steady on ${familyRevision(rollout.last?.service.taskDefinition ?? target.taskDefinitionArn)}`;
            reporter.info(message);
            return { status: 'COMPLETED', message };
        }
        case 'superseded':
            return superseded(ctx, what, end.by);
        case 'watch-error': {
            const message = `could not follow the rollout of ${target.service}: ${end.message}`;
            reporter.error(message);
            return { status: 'FAILED', message, failure: { reason: end.message, events: [], stoppedTasks: [] } };
        }
        case 'cancelled':
            return cancelled(ctx, rollout, `cancelled while ${what} was in progress`);
        case 'rolled-back-by-ecs': {
            const to = familyRevision(end.to ?? target.previous.taskDefinitionArn);
            const message = `${what} failed: ${end.reason}; ECS rolled back to ${to}`;
            const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, end.reason, message);
            return { status: 'ROLLED_BACK', message, rolledBackTo: to, failure };
        }
        case 'failed':
        case 'timed-out': {
            const reason = end.kind === 'failed' ? end.reason : `did not finish within ${formatDuration(options.timeoutMs)}`;
            const message = end.kind === 'failed' ? `${what} failed: ${reason}` : `${what} ${reason}`;
            const failure = await reportFailure(ctx, rollout, target.taskDefinitionArn, reason, message);
            const outcome = { status: end.kind === 'failed' ? 'FAILED' : 'TIMED_OUT', message, failure };
            if (options.cancel.aborted)
                return cancelled(ctx, rollout, `${message}; cancelled`);
            return options.rollback ? rollBack(ctx, rollout, outcome, failure) : outcome;
        }
    }
}
function superseded(ctx, what, by) {
    const supersededBy = familyRevision(by.taskDefinition ?? '?');
    const message = `${what} was superseded by deployment ${by.id ?? '?'} (${supersededBy}), which another update started`;
    ctx.reporter.warn(message);
    return { status: 'SUPERSEDED', message, supersededBy };
}
function canRollBack(ctx) {
    const { target, reporter } = ctx;
    if (!sameTaskDefinition(target.previous.taskDefinitionArn, target.taskDefinitionArn))
        return true;
    reporter.warn(`Not rolling back: ${target.service} already ran ${familyRevision(target.taskDefinitionArn)} before this run`);
    return false;
}
function requestRollback(ctx) {
    const { target, ecs } = ctx;
    return ecs.updateService({
        cluster: target.cluster,
        service: target.service,
        taskDefinition: target.previous.taskDefinitionArn,
        desiredCount: target.previous.desiredCount,
    });
}
async function rollBack(ctx, rollout, failed, failure) {
    const { target, reporter, clock, options } = ctx;
    if (!canRollBack(ctx))
        return failed;
    const to = familyRevision(target.previous.taskDefinitionArn);
    reporter.warn(`Rolling back ${target.service} to ${to}`);
    const idsBefore = new Set(target.deploymentIdsBefore);
    for (const deployment of rollout.last?.service.deployments ?? [])
        if (deployment.id)
            idsBefore.add(deployment.id);
    if (rollout.followed.deploymentId)
        idsBefore.add(rollout.followed.deploymentId);
    let answer;
    try {
        answer = await requestRollback(ctx);
    }
    catch (error) {
        const message = `${failed.message}; the rollback to ${to} failed: ${describeError(error)}`;
        reporter.error(message);
        return { status: 'FAILED', message, failure };
    }
    const newPrimary = answer.service?.deployments?.find((deployment) => deployment.status === 'PRIMARY' && deployment.id !== undefined && !idsBefore.has(deployment.id));
    const serviceDeploymentArn = answer.service?.currentServiceDeployment;
    const rollbackTarget = {
        taskDefinitionArn: target.previous.taskDefinitionArn,
        deploymentIdsBefore: [...idsBefore],
        ...(newPrimary?.id ? { deploymentId: newPrimary.id } : {}),
        ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
    };
    const rollback = await reporter.group(`Watching rollback of ${target.service} to ${to}`, () => {
        reporter.info(startLine({ ...rollbackTarget, service: target.service }));
        return follow(ctx, rollbackTarget, clock.now() + options.timeoutMs);
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
            return cancelledState(ctx, rollback, `${failed.message}; cancelled while rolling back to ${to}`, failure);
        case 'superseded':
            return superseded(ctx, rollbackWhat, end.by);
        default: {
            const reason = end.kind === 'timed-out'
                ? `did not finish within ${formatDuration(options.timeoutMs)}`
                : end.kind === 'watch-error'
                    ? end.message
                    : end.reason;
            const message = `${failed.message}; the rollback to ${to} did not complete: ${reason}`;
            await reportFailure(ctx, rollback, target.previous.taskDefinitionArn, reason, `Rollback ${rollbackWhat}: ${reason}`);
            reporter.error(message);
            return { status: 'FAILED', message, failure };
        }
    }
}
/** Stops at once; with rollback-on-cancel it first starts the rollback, waiting briefly for its answer only. */
async function cancelled(ctx, rollout, headline) {
    const { options, clock, target } = ctx;
    let message = headline;
    if (options.rollbackOnCancel && canRollBack(ctx)) {
        const to = familyRevision(target.previous.taskDefinitionArn);
        const answer = await Promise.race([
            requestRollback(ctx).then(() => `the rollback to ${to} started`, (error) => `the rollback to ${to} failed: ${describeError(error)}`),
            clock.sleep(CANCEL_ROLLBACK_WAIT_MS).then(() => `the rollback to ${to} was requested, with no answer yet`),
        ]);
        message = `${headline}; ${answer}`;
    }
    return cancelledState(ctx, rollout, message);
}
function cancelledState(ctx, result, message, failure) {
    const { reporter } = ctx;
    reporter.warn(message);
    const deployments = result.last?.service.deployments ?? [];
    if (deployments.length > 0) {
        reporter.info('Deployments when cancelled:');
        for (const deployment of deployments)
            reporter.info(`  ${deploymentLine(deployment)}`);
    }
    return { status: 'CANCELLED', message, ...(failure ? { failure } : {}) };
}

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
    const revisions = await activeRevisions(ecs, request.family);
    const older = revisions.slice(request.keep);
    if (older.length === 0)
        return [];
    const kept = new Set(request.protect.map(familyRevision));
    for (const inUse of await revisionsInUse(ecs, request.cluster))
        kept.add(inUse);
    const deregistered = [];
    for (const revision of older) {
        const name = familyRevision(revision.arn);
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
async function deregister({ ecs, clock }, arn) {
    for (let attempt = 1;; attempt++) {
        try {
            await ecs.deregisterTaskDefinition(arn);
            return 'done';
        }
        catch (error) {
            const throttled = classifyError(error) === 'throttled';
            if (!throttled || attempt === 2)
                return { problem: describeError(error), throttled };
            await clock.sleep(THROTTLED_PAUSE_MS);
        }
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
    const match = /^(.+):(\d+)$/.exec(familyRevision(taskDefinition));
    if (!match?.[1] || !match[2])
        return undefined;
    return { family: match[1], revision: Number(match[2]) };
}
/** Every revision a service of the cluster runs or is moving to or from, as `family:revision`. */
async function revisionsInUse(ecs, cluster) {
    const serviceArns = [];
    let nextToken;
    do {
        const page = await ecs.listServices(cluster, nextToken);
        serviceArns.push(...page.serviceArns);
        nextToken = page.nextToken;
    } while (nextToken);
    const inUse = new Set();
    for (let start = 0; start < serviceArns.length; start += DESCRIBE_SERVICES_BATCH) {
        const answer = await ecs.describeServices(cluster, serviceArns.slice(start, start + DESCRIBE_SERVICES_BATCH));
        for (const service of answer.services ?? []) {
            for (const taskDefinition of taskDefinitionsOf(service))
                inUse.add(familyRevision(taskDefinition));
        }
    }
    return inUse;
}
function taskDefinitionsOf(service) {
    return [
        service.taskDefinition,
        ...(service.deployments ?? []).map((deployment) => deployment.taskDefinition),
        ...(service.taskSets ?? []).map((taskSet) => taskSet.taskDefinition),
    ].filter((taskDefinition) => taskDefinition !== undefined);
}

;// CONCATENATED MODULE: ./src/deploy/image-step.ts
function imageOptionsFrom(inputs, region) {
    const options = {
        image: inputs.image,
        buildArgs: inputs.buildArgs,
        pinDigest: inputs.pinDigest,
        verifyImage: inputs.verifyImage,
        dockerCommand: inputs.dockerCommand,
        registryAuth: inputs.registryAuth,
        createRepository: inputs.createRepository,
        dryRun: inputs.dryRun,
    };
    if (inputs.push !== undefined)
        options.push = inputs.push;
    const text = [
        ['buildContext', inputs.buildContext],
        ['dockerfile', inputs.dockerfile],
        ['target', inputs.target],
        ['platform', inputs.platform],
        ['sourceImage', inputs.sourceImage],
        ['registryUsername', inputs.registryUsername],
        ['registryPassword', inputs.registryPassword],
        ['region', region],
    ];
    for (const [key, value] of text)
        if (value !== '')
            Object.assign(options, { [key]: value });
    return options;
}
/** undefined when the inputs name no image: there is nothing to build, push or verify. */
function imageStep(inputs, session, reporter, cancel, env) {
    if (!inputs.image && inputs.images.size === 0)
        return undefined;
    const options = imageOptionsFrom(inputs, session?.region ?? inputs.region);
    // Images named in `images` are only checked, never built or pushed: a typo fails here, not at the first pull.
    const others = [...inputs.images.values()].map((image) => verifyOnly(options, image));
    const ecrClients = new Map();
    const ecr = async (region) => {
        if (!session)
            throw new Error('no AWS credentials to reach ECR');
        const known = ecrClients.get(region);
        if (known)
            return known;
        const { ecrApiFor } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(249), __webpack_require__.e(898)]).then(__webpack_require__.bind(__webpack_require__, 898));
        const api = ecrApiFor(session, region);
        ecrClients.set(region, api);
        return api;
    };
    return {
        async check() {
            const { checkImageOptions } = await __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 3231));
            if (options.image)
                checkImageOptions(options, env);
            for (const other of others)
                checkImageOptions(other, env);
        },
        async prepare() {
            const { prepareImage } = await __webpack_require__.e(/* import() */ 939).then(__webpack_require__.bind(__webpack_require__, 2939));
            const ecrPublicToken = async () => {
                if (!session)
                    throw new Error('no AWS credentials to reach ECR Public');
                const { ecrPublicClientFor, ecrPublicToken: token } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(249), __webpack_require__.e(821), __webpack_require__.e(365)]).then(__webpack_require__.bind(__webpack_require__, 9365));
                return token(ecrPublicClientFor(session));
            };
            const deps = { ecr: lazyEcr(ecr), ecrPublicToken, reporter, signal: cancel, env };
            for (const other of others)
                await prepareImage(deps, other);
            return options.image ? prepareImage(deps, options) : { image: '', pushed: false, pushedNewDigest: false };
        },
    };
}
function verifyOnly(options, image) {
    const { buildContext: _context, dockerfile: _dockerfile, target: _target, platform: _platform, sourceImage: _source, ...rest } = options;
    return { ...rest, image, buildArgs: [], push: false, pinDigest: false, createRepository: false };
}
/** prepareImage takes a synchronous factory; the SDK client behind it is created on first use. */
function lazyEcr(load) {
    return (region) => ({
        getAuthorizationToken: async () => (await load(region)).getAuthorizationToken(),
        describeImage: async (...args) => (await load(region)).describeImage(...args),
        createRepositoryIfMissing: async (...args) => (await load(region)).createRepositoryIfMissing(...args),
    });
}

;// CONCATENATED MODULE: ./src/main.ts
// Wires one run: host, inputs, AWS session, the deploy flow, outputs and the exit code.















async function main(invocation, env = process.env) {
    const host = await createHost(invocation, env);
    const { reporter } = host;
    const cancel = new AbortController();
    const stopListening = listenForCancel(cancel, reporter.warn);
    try {
        const stdinValues = await readStdinInputs(invocation);
        const raw = (0,sources/* rawInputReader */.a8)(invocation, env, stdinValues);
        for (const spec of schema/* INPUTS */.mc.filter((input) => input.secret)) {
            const value = raw(spec.name);
            if (value.trim())
                reporter.mask(value.trim());
        }
        const inputs = parseInputs(raw);
        checkInputCombination(inputs);
        const session = await openSession(inputs, env, reporter);
        const deps = {
            reporter,
            clock: systemClock,
            cancel: cancel.signal,
            readTextFile: (path) => (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(path), 'utf8'),
            session,
            ...(session ? { unmodelledFields: (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212), __webpack_require__.e(888)]).then(__webpack_require__.bind(__webpack_require__, 6888))).unmodelledFields } : {}),
            ...imageDeps(inputs, session, reporter, cancel.signal, env),
            watch: (target, options) => {
                if (!session)
                    throw new Error('watching needs an AWS session');
                return watchRollout({ ecs: session.ecs, clock: systemClock, reporter }, target, options);
            },
            keepRevisions: (family, keep, protect) => {
                if (!session)
                    throw new Error('keep-revisions needs an AWS session');
                return keepRevisions({ ecs: session.ecs, clock: systemClock, reporter }, { cluster: inputs.cluster, family, keep, protect });
            },
        };
        const result = await deliver(deps, inputs);
        await host.finish(result, outputsOf(result));
        return concludeRun(host, result, cancel.signal);
    }
    catch (error) {
        const cancelled = cancel.signal.aborted && !(error instanceof errors/* CancelledError */.cc) ? new errors/* CancelledError */.cc(signalOf(cancel.signal)) : error;
        host.fail((0,errors/* errorMessage */.gJ)(cancelled));
        return (0,errors/* exitCodeFor */.Rr)(cancelled);
    }
    finally {
        stopListening();
    }
}
function imageDeps(inputs, session, reporter, cancel, env) {
    const step = imageStep(inputs, session, reporter, cancel, env);
    return step ? { image: step } : {};
}
function concludeRun(host, result, cancel) {
    const status = result.deploymentStatus;
    if (status === 'COMPLETED' || status === 'SKIPPED') {
        host.reporter.info(doneLine(result));
        return errors/* EXIT */.dc.ok;
    }
    host.fail(`deployment ${status}${result.statusMessage ? `: ${result.statusMessage}` : ''}`);
    if (status === 'CANCELLED')
        return signalOf(cancel) === 'SIGINT' ? errors/* EXIT */.dc.sigint : errors/* EXIT */.dc.sigterm;
    return errors/* EXIT */.dc.failed;
}
function doneLine(result) {
    const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
    const revision = result.taskDefinitionArn.split('/').pop() ?? result.taskDefinitionArn;
    if (result.dryRun)
        return `Dry run done in ${seconds}s.`;
    if (!result.service)
        return `Done in ${seconds}s: ${revision} ${result.registered ? 'registered' : 'reused'}.`;
    const state = result.deploymentStatus === 'COMPLETED' ? 'rollout completed' : 'not waited for';
    return `Done in ${seconds}s: ${result.service} runs ${revision}, ${state}.`;
}
async function createHost(invocation, env) {
    const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
    if (invocation.host === 'github-action')
        return (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(118)]).then(__webpack_require__.bind(__webpack_require__, 3118))).githubHost();
    const options = { json: invocation.json, color, env };
    if (invocation.host === 'gitlab')
        return (await __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 4176))).gitlabHost(options);
    return (await __webpack_require__.e(/* import() */ 273).then(__webpack_require__.bind(__webpack_require__, 1273))).shellHost(options);
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
function listenForCancel(cancel, warn) {
    const onSignal = (signal) => () => {
        if (cancel.signal.aborted)
            process.exit(signal === 'SIGINT' ? errors/* EXIT */.dc.sigint : errors/* EXIT */.dc.sigterm);
        warn(`${signal} received: stopping.`);
        cancel.abort(signal);
    };
    const onInt = onSignal('SIGINT');
    const onTerm = onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
    };
}
function signalOf(signal) {
    return signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
}


/***/ })

};
