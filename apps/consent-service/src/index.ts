export * from './consent-service.definition';
export * from './config/consent-service.config';
export * from './consent.module';
export * from './migrations/consent-service.migrations';
