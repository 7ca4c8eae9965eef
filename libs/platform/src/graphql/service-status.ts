import { gmdbVersion } from '../bootstrap/repository-root';

export interface ServiceStatus {
  name: string;
  version: string;
  mode: string;
  startedAt: string;
}

const startedAt = new Date().toISOString();

export function serviceStatus(name: string, mode: string): ServiceStatus {
  return { name, version: gmdbVersion(), mode, startedAt };
}
