import type { DataSource } from 'typeorm';
import { type DependencyHealth, probeDependency } from './dependency-health';

/** Readiness: `SELECT 1` on the service's database. */
export function checkDatabase(dataSource: DataSource, timeoutMs = 2000): Promise<DependencyHealth> {
  return probeDependency(async () => {
    if (!dataSource.isInitialized) throw new Error('the data source is not initialised');
    await dataSource.query('SELECT 1');
  }, timeoutMs);
}
