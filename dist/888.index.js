export const id = 888;
export const ids = [888];
export const modules = {

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


/***/ })

};
