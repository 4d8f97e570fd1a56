/** An ECS error answer: the `__type` a client sees, its message, and the HTTP status that carries it. */
export class EcsError extends Error {
  override readonly name = 'EcsError';
  constructor(
    readonly type: string,
    message: string,
    readonly httpStatus: number = 400,
  ) {
    super(message);
  }
}

export const clusterNotFound = (): EcsError => new EcsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = (): EcsError => new EcsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = (): EcsError => new EcsError('ServiceNotActiveException', 'Service was not ACTIVE.');
export const invalidParameter = (message: string): EcsError => new EcsError('InvalidParameterException', message);
export const clientException = (message: string): EcsError => new EcsError('ClientException', message);
export const throttling = (): EcsError => new EcsError('ThrottlingException', 'Rate exceeded');
export const serverException = (): EcsError =>
  new EcsError('ServerException', 'Service encountered an internal error, please try again.', 500);
export const unknownOperation = (operation: string): EcsError =>
  new EcsError('UnknownOperationException', `Operation ${operation || '(none)'} is not supported.`);
