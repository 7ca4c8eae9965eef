/** Injection token of the app's readiness checks (`HealthCheck[]`). */
export const HEALTH_CHECKS = 'GMDB_HEALTH_CHECKS';
/** Injection token of the resolved `HealthModuleOptions`. */
export const HEALTH_OPTIONS = 'GMDB_HEALTH_OPTIONS';
