export * from './health-check';
export * from './health.constants';
export * from './shutdown-state.service';
export * from './health.service';
export * from './health.controller';
export * from './health.module';
export * from './readiness-check.decorator';
