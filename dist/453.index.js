export const id = 453;
export const ids = [453];
export const modules = {

/***/ 6453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fleetOptions: () => (/* binding */ fleetOptions)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4533);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1703);
/* harmony import */ var _inputs_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7233);
// The run-wide inputs of a run of many services, read from the same raw inputs as every other input.



function fleetOptions(raw) {
    const value = (name) => raw(name).trim() || ((0,_inputs_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .findInput */ .cu)(name)?.default ?? '');
    const bounds = (name) => [(0,_inputs_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .findInput */ .cu)(name)?.min ?? 1, (0,_inputs_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .findInput */ .cu)(name)?.max ?? Number.MAX_SAFE_INTEGER];
    const onFailure = value('on-failure');
    const options = (0,_inputs_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .findInput */ .cu)('on-failure')?.options ?? [];
    if (!options.includes(onFailure)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`on-failure: "${onFailure}" is not one of ${options.join(', ')}; set it to one of them.`);
    }
    return {
        servicesFile: value('services-file'),
        maxParallel: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInteger */ .cG)('max-parallel', value('max-parallel'), ...bounds('max-parallel')),
        maxParallelBuilds: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInteger */ .cG)('max-parallel-builds', value('max-parallel-builds'), ...bounds('max-parallel-builds')) ?? 2,
        onFailure: onFailure,
    };
}


/***/ })

};
