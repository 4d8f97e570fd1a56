export const id = 898;
export const ids = [898];
export const modules = {

/***/ 898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrApiFor: () => (/* binding */ ecrApiFor)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5544);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8663);



/** ECR in the region a registry host names, with the run's credentials and endpoint settings. */
function ecrApiFor(session, region) {
    const client = new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ECRClient */ .S70((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)({ ...session.options, region }));
    (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .addAnswerRules */ .tC)(client, session.options, { retryGarbled: false });
    return (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .ecrApi */ .B)(client, session.options.signal);
}


/***/ })

};
