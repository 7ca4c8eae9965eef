export * from './test-services';
export * from './test-database';
export * from './test-redis';
export * from './test-object-storage';
export * from './routes.fixture';
