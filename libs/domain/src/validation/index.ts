export * from './issue-code';
export * from './validation-result';
export * from './path';
export * from './issue-collector';
export * from './primitives';
export * from './array-of';
export * from './object-reader';
