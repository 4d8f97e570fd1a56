// Task definitions are handled as the JSON documents ECS exchanges, so that fields this code does not know
// survive rendering untouched. Nothing here imports the AWS SDK.

export interface KeyValuePair {
  name?: string;
  value?: string;
}

export interface Secret {
  name?: string;
  valueFrom?: string;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  [field: string]: unknown;
}

export interface ContainerDefinition {
  name?: string;
  image?: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  portMappings?: PortMapping[];
  environment?: KeyValuePair[];
  secrets?: Secret[];
  command?: string[];
  repositoryCredentials?: { credentialsParameter?: string };
  logConfiguration?: LogConfiguration;
  dockerLabels?: Record<string, string>;
  environmentFiles?: EnvironmentFile[];
  [field: string]: unknown;
}

export interface LogConfiguration {
  logDriver?: string;
  options?: Record<string, string>;
  secretOptions?: Secret[];
  [field: string]: unknown;
}

export interface EnvironmentFile {
  value?: string;
  type?: string;
}

/** A RegisterTaskDefinition input, with any fields the caller wrote. */
export interface TaskDefinition {
  family?: string;
  containerDefinitions?: ContainerDefinition[];
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: string;
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
  [field: string]: unknown;
}

export interface Tag {
  key: string;
  value: string;
}

/** A task definition and the tags that go with it (tags live beside the definition in ECS, not inside). */
export interface TaskDefinitionDocument {
  taskDefinition: TaskDefinition;
  tags: Tag[];
}

/** One line of an `environment` or `secrets` input. */
export type KeyValueEdit = { op: 'set'; key: string; value: string } | { op: 'remove'; key: string };

export type EditMode = 'merge' | 'replace';

/** What the inputs change on a base task definition (a file, the latest revision, or an empty one). */
export interface TaskDefinitionEdits {
  family?: string;
  /** container name → image. The empty-string key means "the default container" (see applyEdits). */
  images: ReadonlyMap<string, string>;
  /** The container that environment, secrets, command, cpu, memory and repositoryCredentials apply to. */
  containerName?: string;
  environment: readonly KeyValueEdit[];
  environmentMode: EditMode;
  secrets: readonly KeyValueEdit[];
  secretsMode: EditMode;
  command?: readonly string[];
  cpu?: number;
  memory?: number;
  repositoryCredentials?: string;
  /** container-port, host-port and protocol, for the same container. */
  port?: PortEdit;
  /** log-configuration-log-driver and log-configuration-options, for the same container. */
  logConfiguration?: LogConfigurationEdit;
  /** docker-labels: merged into the container's dockerLabels. */
  dockerLabels?: readonly KeyValue[];
  /** env-files: S3 object ARNs; the container's environmentFiles become exactly these. */
  environmentFiles?: readonly string[];
  executionRoleArn?: string;
  taskRoleArn?: string;
  networkMode?: string;
  requiresCompatibilities?: readonly string[];
  taskCpu?: string;
  taskMemory?: string;
  tags: readonly Tag[];
}

export interface KeyValue {
  key: string;
  value: string;
}

/** A log driver to set (a different one drops the options of the one before) and options to merge in. */
export interface LogConfigurationEdit {
  logDriver?: string;
  options: readonly KeyValue[];
}

/** A port mapping to set on a container; a field left undefined was not given and changes nothing. */
export interface PortEdit {
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
}

/** Inputs for a task definition made from nothing, the way a hand-written `aws ecs register-task-definition` call does. */
export interface NewTaskDefinitionSpec {
  family: string;
  containerName: string;
  image: string;
  memory?: number;
  cpu?: number;
  containerPort?: number;
  hostPort: number;
  protocol: string;
  networkMode?: string;
}
