export * from './error-status.table';
export * from './edge-error';
export * from './gmdb-exception.filter';
export * from './graphql-error.formatter';
export * from './zod-validation.pipe';
export * from './validate-with.pipe';
export * from './errors.module';
