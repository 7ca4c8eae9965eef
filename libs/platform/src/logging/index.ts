export * from './logger.factory';
export * from './logging.constants';
export * from './nest-logger.adapter';
export * from './correlation-id';
export * from './correlation-id.middleware';
export * from './access-log.middleware';
export * from './route-template';
export * from './logging.module';
