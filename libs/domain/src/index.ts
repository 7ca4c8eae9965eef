export * from './errors';
export * from './access';
export * from './jobs';
