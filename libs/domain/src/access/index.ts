export * from './role';
export * from './principal';
export * from './data-kind';
export * from './case-access-level';
export * from './case-resource';
export * from './access-decision';
export * from './access.policy';
export * from './access-filter';
