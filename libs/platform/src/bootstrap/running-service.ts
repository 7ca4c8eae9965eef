/** A started app (HTTP server, worker, ...) as the CLI and the tests hold it. */
export interface RunningService {
  readonly name: string;
  /** Base URL of its HTTP server, e.g. http://127.0.0.1:4001. */
  readonly url: string;
  /** Stops taking work, drains what runs (bounded by GMDB_SHUTDOWN_TIMEOUT_MS), closes connections. */
  close(): Promise<void>;
}
