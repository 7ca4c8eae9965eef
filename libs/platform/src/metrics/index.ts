export * from './registry';
export * from './http-metrics.middleware';
export * from './metrics.controller';
export * from './metrics.module';
