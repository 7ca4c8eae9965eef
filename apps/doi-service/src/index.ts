export * from './doi-service.definition';
export * from './config/doi-service.config';
