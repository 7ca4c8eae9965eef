export * from './case-service.definition';
export * from './config/case-service.config';
