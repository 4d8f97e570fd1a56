// The Express rollout kind's own decisions: which services it takes, how it makes a render fit ECS's rules for an
// Express service, and what its dry run says.
import type { Service } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import type { ServiceUpdate } from '../../src/rollout/kind.js';
import type { ExpressInputs } from '../../src/inputs/express.js';
import { express } from '../../src/rollout/express.js';
import { kindFor } from '../../src/rollout/kinds.js';
import type { TaskDefinitionDocument } from '../../src/taskdef/types.js';

const INPUTS: ExpressInputs = {
  infrastructureRoleArn: '',
  healthCheckPath: '',
  scalingTarget: undefined,
  subnets: [],
  securityGroups: [],
  serviceTags: [],
  mutateTagsOnUpdate: false,
};

function document(portMappings: Record<string, unknown>[]): TaskDefinitionDocument {
  return {
    taskDefinition: {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'Main', image: 'nginx:1.25', portMappings }, { name: 'sidecar', image: 'envoy:1' }],
    },
    tags: [],
  };
}

const mappingsOf = (rendered: TaskDefinitionDocument): unknown => rendered.taskDefinition.containerDefinitions?.[0]?.portMappings;

describe('the Express kind', () => {
  test('takes a service ECS manages as an Express service, before the canary kind would', () => {
    const service: Service = { serviceName: 'web', resourceManagementType: 'ECS', deploymentConfiguration: { strategy: 'CANARY' } };
    expect(kindFor(service)?.name).toBe('Express');
    expect(kindFor({ ...service, resourceManagementType: 'CUSTOMER' })?.name).not.toBe('Express');
    expect(kindFor({ serviceName: 'web' })?.name).toBe('rolling');
  });

  test('names the one port mapping the render left unnamed, and keeps a name already given', () => {
    const finish = express.finishRender ?? ((rendered: TaskDefinitionDocument) => rendered);
    expect(mappingsOf(finish(document([{ containerPort: 8080, protocol: 'tcp' }]), 'family'))).toEqual([{ containerPort: 8080, protocol: 'tcp', name: 'http' }]);
    expect(mappingsOf(finish(document([{ containerPort: 8080, name: 'web' }]), 'family'))).toEqual([{ containerPort: 8080, name: 'web' }]);
  });

  test('refuses what it cannot fix, naming the input; a revision named by ARN is never changed', () => {
    const finish = express.finishRender ?? ((rendered: TaskDefinitionDocument) => rendered);
    expect(() => finish(document([{ containerPort: 8080 }, { containerPort: 9090 }]), 'task-definition')).toThrow(/^task-definition: the container Main maps 2 ports/);
    expect(() => finish(document([]), 'family')).toThrow(/^container-port: the container Main maps no port/);
    expect(() => finish(document([{ containerPort: 8080, protocol: 'tcp' }]), 'task-definition-arn')).toThrow(/^task-definition-arn: the port mapping .* has no name/);
  });

  test('the dry run: create, update with what changes, or nothing to update', () => {
    const base = { cluster: 'prod', service: 'web', kind: express, forceNewDeployment: false, watch: { timeoutMs: 1, pollIntervalMs: 1, rollback: true, rollbackOnCancel: false } };
    const missing = { ...base, before: { serviceName: 'web' }, express: { inputs: INPUTS } } as ServiceUpdate;
    expect(express.dryRun(missing, 'web:1')).toEqual(['Would create the Express service web in prod with web:1 and wait for its canary service deployment, stage by stage.']);

    const described = {
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      activeConfigurations: [{ taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3', healthCheckPath: '/ping' }],
    };
    const update = { ...base, before: { serviceName: 'web' }, express: { inputs: { ...INPUTS, healthCheckPath: '/health' }, described } } as ServiceUpdate;
    expect(express.dryRun(update, 'web:4')).toEqual([
      'Would update the Express service web in prod and wait for its canary service deployment, stage by stage:',
      '  task definition: web:3 -> web:4',
      '  healthCheckPath: /ping -> /health',
    ]);
    const same = { ...update, express: { inputs: INPUTS, described } } as ServiceUpdate;
    expect(express.dryRun(same, 'web:3')).toEqual(['Would not update the Express service web: its configuration already runs web:3, and nothing else changes.']);
  });
});
