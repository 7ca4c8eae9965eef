export * from './gateway.definition';
export * from './config/gateway.config';
export * from './federation/compose-supergraph';
