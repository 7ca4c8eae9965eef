export * from './gateway.definition';
export * from './config/gateway.config';
