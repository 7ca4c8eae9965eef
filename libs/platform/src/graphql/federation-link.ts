/** The `@link` every subgraph SDL starts with: Federation 2 and the directives GMDB uses. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

/** The status type every subgraph shares, so the gateway can show which services answered. */
export const SERVICE_STATUS_SDL = `
"""A service's own description of itself."""
type ServiceStatus @shareable {
  "The service name, e.g. case-service."
  name: String!
  "The GMDB version it runs."
  version: String!
  "standalone or distributed."
  mode: String!
  "When the process started (ISO 8601)."
  startedAt: String!
}`;
