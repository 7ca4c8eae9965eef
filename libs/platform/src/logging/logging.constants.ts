/** Injection token of the app's pino `Logger` (provided by `LoggingModule.forRoot`). */
export const LOGGER = 'GMDB_LOGGER';
