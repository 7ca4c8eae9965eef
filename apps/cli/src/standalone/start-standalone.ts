import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  type Env,
  InProcessTransport,
  type RunningService,
  createLogger,
  loadConfig,
  startLocalS3Server,
} from '@gmdb/platform';
import { SERVICES, SUBGRAPH_NAMES, type AnyServiceConfig, type AnyServiceDefinition } from '../service-registry';
import { standaloneConfigSchema, standaloneEnv } from './standalone.config';

export interface StandaloneSystem {
  /** Everything started, in start order (the local S3 server and the transport included). */
  services: RunningService[];
  gatewayUrl: string;
  /** The environment the apps were configured from (defaults and the local S3 endpoint filled in). */
  env: Env;
  /** Stops everything in reverse start order. */
  close(): Promise<void>;
}

function loadAll(env: Env): Map<AnyServiceDefinition, AnyServiceConfig> {
  const configs = new Map<AnyServiceDefinition, AnyServiceConfig>();
  const issues: ConfigError['issues'] = [];
  for (const definition of SERVICES) {
    try {
      configs.set(definition, loadConfig(definition.configSchema, env));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      for (const issue of e.issues) {
        if (!issues.some((i) => i.variable === issue.variable && i.message === issue.message)) issues.push(issue);
      }
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return configs;
}

/**
 * Standalone mode (`gmdb start`): every app in this one process, SQLite files and a local S3
 * server under GMDB_DATA_DIR, jobs and events through one in-process transport.
 */
export async function startStandalone(baseEnv: Env): Promise<StandaloneSystem> {
  const env = standaloneEnv(baseEnv);
  if (env.GMDB_MODE !== 'standalone') {
    throw new ConfigError([
      { variable: 'GMDB_MODE', message: '`gmdb start` runs standalone mode; use `gmdb serve <app>` per app in distributed mode' },
    ]);
  }
  const own = loadConfig(standaloneConfigSchema, env);
  const dataDir = resolve(env.GMDB_DATA_DIR ?? './var');
  mkdirSync(dataDir, { recursive: true });
  env.GMDB_DATA_DIR = dataDir;

  const started: RunningService[] = [];
  const close = async () => {
    for (const service of [...started].reverse()) await service.close().catch(() => undefined);
  };
  try {
    if (!env.S3_ENDPOINT) {
      const s3 = await startLocalS3Server({ directory: join(dataDir, 's3'), port: own.GMDB_S3_PORT });
      started.push({ name: 'local-s3', url: s3.endpoint, close: () => s3.close() });
      env.S3_ENDPOINT = s3.endpoint;
      env.S3_ACCESS_KEY_ID ??= s3.accessKeyId;
      env.S3_SECRET_ACCESS_KEY ??= s3.secretAccessKey;
    }
    const configs = loadAll(env);
    const transport = new InProcessTransport();
    started.push({ name: 'in-process-transport', url: '', close: () => transport.close() });
    const subgraphs: { name: string; url: string }[] = [];
    let gatewayUrl = '';
    for (const definition of SERVICES) {
      const config = configs.get(definition);
      if (!config) continue;
      const logger = createLogger({ name: definition.name, level: config.LOG_LEVEL });
      const service = await definition.start(config, { transport, logger, subgraphs: [...subgraphs] });
      started.push(service);
      const subgraph = SUBGRAPH_NAMES[definition.name];
      if (subgraph) subgraphs.push({ name: subgraph, url: `${service.url}/graphql` });
      if (definition.name === 'gateway') gatewayUrl = service.url;
    }
    return { services: started, gatewayUrl, env, close };
  } catch (e) {
    await close();
    throw e;
  }
}
