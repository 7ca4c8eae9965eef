export * from './subgraph.module';
export * from './federation-link';
export * from './service-status';
