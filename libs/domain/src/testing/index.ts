// Test helpers: not exported from the library's main index.
export * from './case-input.factory';
export * from './access.factory';
export * from './message.factory';
