export * from './role';
export * from './principal';
