export * from './consent-service.definition';
export * from './config/consent-service.config';
