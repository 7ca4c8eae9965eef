import { describeConfig } from '@gmdb/platform';
import { SERVICES } from './service-registry';
import { standaloneConfigSchema } from './standalone/standalone.config';

export interface ConfigReferenceRow {
  variable: string;
  default?: string;
  description: string;
  secret: boolean;
  /** The apps that read it (`gmdb start` for the standalone-only ones). */
  readBy: string[];
}

/** Every variable of every app, once, in first-declared order, with the apps that read it. */
export function configReference(apps: readonly string[] = SERVICES.map((s) => s.name)): ConfigReferenceRow[] {
  const rows = new Map<string, ConfigReferenceRow>();
  const sources = [
    ...SERVICES.filter((s) => apps.includes(s.name)).map((s) => ({ name: s.name, schema: s.configSchema })),
    ...(apps.length === SERVICES.length ? [{ name: 'gmdb start', schema: standaloneConfigSchema }] : []),
  ];
  for (const source of sources) {
    for (const row of describeConfig(source.schema)) {
      const existing = rows.get(row.variable);
      if (existing) existing.readBy.push(source.name);
      else rows.set(row.variable, { ...row, readBy: [source.name] });
    }
  }
  return [...rows.values()];
}

/** The README's environment table. */
export function configReferenceMarkdown(): string {
  const all = SERVICES.length;
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = configReference().map((r) => {
    const apps = r.readBy.length === all ? 'all' : r.readBy.join(', ');
    const dflt = r.default !== undefined ? `\`${cell(r.default)}\`` : '';
    return `| \`${r.variable}\` | ${dflt} | ${apps} | ${cell(r.description)}${r.secret ? ' (secret)' : ''} |`;
  });
  return ['| variable | default | read by | description |', '|---|---|---|---|', ...lines].join('\n');
}
