export * from './config.error';
export * from './config.fields';
export * from './config.loader';
export * from './config.describe';
export * from './config.effective';
export * from './config.module';
export * from './platform-config.schema';
