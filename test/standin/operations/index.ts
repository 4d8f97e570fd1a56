import { describeClusters, listClusters } from './clusters.js';
import type { Operation } from './context.js';
import {
  continueServiceDeployment,
  describeServiceRevisions,
  describeServiceDeployments,
  listServiceDeployments,
  stopServiceDeployment,
} from './service-deployments.js';
import {
  createExpressGatewayService,
  deleteExpressGatewayService,
  describeExpressGatewayService,
  listTagsForResource,
  tagResource,
  untagResource,
  updateExpressGatewayService,
} from './express.js';
import { describeServices, listServices, updateService } from './services.js';
import {
  deleteTaskDefinitions,
  deregisterTaskDefinition,
  describeTaskDefinitionOperation,
  listTaskDefinitions,
  registerTaskDefinition,
} from './task-definitions.js';
import { describeTasks, listTasks, runTask, stopTask } from './tasks.js';

export type { Operation, OperationContext } from './context.js';

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['DescribeClusters', describeClusters],
  ['ListClusters', listClusters],
  ['DescribeServices', describeServices],
  ['ListServices', listServices],
  ['UpdateService', updateService],
  ['ListTasks', listTasks],
  ['DescribeTasks', describeTasks],
  ['RunTask', runTask],
  ['StopTask', stopTask],
  ['RegisterTaskDefinition', registerTaskDefinition],
  ['DescribeTaskDefinition', describeTaskDefinitionOperation],
  ['ListTaskDefinitions', listTaskDefinitions],
  ['DeregisterTaskDefinition', deregisterTaskDefinition],
  ['DeleteTaskDefinitions', deleteTaskDefinitions],
  ['CreateExpressGatewayService', createExpressGatewayService],
  ['UpdateExpressGatewayService', updateExpressGatewayService],
  ['DescribeExpressGatewayService', describeExpressGatewayService],
  ['DeleteExpressGatewayService', deleteExpressGatewayService],
  ['TagResource', tagResource],
  ['UntagResource', untagResource],
  ['ListTagsForResource', listTagsForResource],
]);

/** Answered only when the stand-in plays an endpoint that has the service-deployment API. */
export const SERVICE_DEPLOYMENT_OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['ListServiceDeployments', listServiceDeployments],
  ['DescribeServiceDeployments', describeServiceDeployments],
  ['StopServiceDeployment', stopServiceDeployment],
  ['ContinueServiceDeployment', continueServiceDeployment],
  ['DescribeServiceRevisions', describeServiceRevisions],
]);
