export * from './case-record.types';
export * from './case-source.value';
export * from './case-parts.value';
export * from './case-input.validator';
