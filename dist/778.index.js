export const id = 778;
export const ids = [778];
export const modules = {

/***/ 6778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ clientConfig),
  createSession: () => (/* binding */ createSession)
});

// UNUSED EXPORTS: SDK_MAX_ATTEMPTS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/aws/ecs.ts
// The ECS calls ecs-deliver makes, behind one small interface so the deploy flow and the watcher take it
// as a parameter and tests hand in aws-sdk-client-mock or a plain object.

function ecsApi(client) {
    return {
        async describeCluster(cluster) {
            const out = await client.send(new dist_cjs/* DescribeClustersCommand */._2_({ clusters: [cluster] }));
            return out.clusters?.[0];
        },
        describeServices: (cluster, services) => client.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: [...services] })),
        describeTaskDefinition: (taskDefinition) => client.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition, include: ['TAGS'] })),
        registerTaskDefinition: (input) => client.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(input)),
        listTaskDefinitions: (input) => client.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse(input)),
        async deregisterTaskDefinition(taskDefinition) {
            const out = await client.send(new dist_cjs/* DeregisterTaskDefinitionCommand */.sjB({ taskDefinition }));
            return out.taskDefinition;
        },
        updateService: (input) => client.send(new dist_cjs/* UpdateServiceCommand */.kZr(input)),
        async listServices(cluster, nextToken) {
            const out = await client.send(new dist_cjs/* ListServicesCommand */.qde({ cluster, ...(nextToken ? { nextToken } : {}) }));
            return { serviceArns: out.serviceArns ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        },
        listTasks: (input) => client.send(new dist_cjs/* ListTasksCommand */.MYg(input)),
        async describeTasks(cluster, tasks) {
            if (tasks.length === 0)
                return [];
            const out = await client.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster, tasks: [...tasks] }));
            return out.tasks ?? [];
        },
        listServiceDeployments: (input) => client.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8(input)),
        describeServiceDeployments: (arns) => client.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [...arns] })),
    };
}

;// CONCATENATED MODULE: ./src/aws/clients.ts
// Builds the SDK clients once per run: the default credential chain (or a web-identity session), the
// endpoints from AWS_ENDPOINT_URL(_ECS/_ECR), and SDK retries on every call.


const SDK_MAX_ATTEMPTS = 5;
function clientConfig(options) {
    return {
        region: options.region,
        maxAttempts: options.maxAttempts ?? SDK_MAX_ATTEMPTS,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.requestTimeoutMs
            ? { requestHandler: { connectionTimeout: options.requestTimeoutMs, requestTimeout: options.requestTimeoutMs } }
            : {}),
    };
}
function createSession(options) {
    const ecs = new dist_cjs/* ECSClient */.Zgc(clientConfig(options));
    return {
        region: options.region,
        ecs: ecsApi(ecs),
        resolveCredentials: () => ecs.config.credentials(),
        options,
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
}


/***/ })

};
