import { caseServiceDefinition } from '@gmdb/case-service';
import { consentServiceDefinition } from '@gmdb/consent-service';
import { doiServiceDefinition } from '@gmdb/doi-service';
import { gatewayDefinition } from '@gmdb/gateway';
import { inferenceWorkerDefinition } from '@gmdb/inference-worker';
import type { PlatformConfig, ServiceDefinition } from '@gmdb/platform';

export type AnyServiceConfig = PlatformConfig & { GMDB_SHUTDOWN_TIMEOUT_MS: number };
export type AnyServiceDefinition = ServiceDefinition<AnyServiceConfig>;

/** Every app, in start order: the subgraphs and the worker first, the gateway (which composes them) last. */
export const SERVICES: readonly AnyServiceDefinition[] = [
  caseServiceDefinition,
  consentServiceDefinition,
  doiServiceDefinition,
  inferenceWorkerDefinition,
  gatewayDefinition,
] as unknown as readonly AnyServiceDefinition[];

/** The apps that own a database (for `gmdb migrate`). */
export const SERVICES_WITH_DATABASE = SERVICES.filter((s) => s.database !== undefined);

/** Subgraph name (as the gateway composes it) of each GraphQL app. */
export const SUBGRAPH_NAMES: Readonly<Record<string, string>> = {
  'case-service': 'case',
  'consent-service': 'consent',
  'doi-service': 'doi',
};

export function findService(name: string): AnyServiceDefinition | undefined {
  return SERVICES.find((s) => s.name === name);
}
