import { z } from 'zod';
import { configFieldMeta } from './config.fields';

/** One row of the configuration reference (README env table, `gmdb config`). */
export interface ConfigVariableDescription {
  variable: string;
  description: string;
  /** The default as text; absent when the variable has none. */
  default?: string;
  required: boolean;
  secret: boolean;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = schema._zod.def;
  if (def.type === 'object') return (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  if (def.type === 'pipe') return objectShape((schema as z.ZodPipe).in as z.ZodType);
  throw new TypeError('describeConfig expects a z.object schema of environment variables');
}

function defaultOf(field: z.ZodType): string | undefined {
  const result = field.safeParse(undefined);
  return result.success && result.data !== undefined ? String(result.data) : undefined;
}

/** Lists each variable of a config schema with its default and description, in declaration order. */
export function describeConfig(schema: z.ZodType): ConfigVariableDescription[] {
  return Object.entries(objectShape(schema)).map(([variable, field]) => {
    const meta = configFieldMeta(field);
    const row: ConfigVariableDescription = {
      variable,
      description: meta?.description ?? field.description ?? '',
      required: !field.safeParse(undefined).success,
      secret: meta?.secret ?? false,
    };
    const dflt = meta ? meta.default : defaultOf(field);
    return dflt === undefined ? row : { ...row, default: dflt };
  });
}

/** The description as a Markdown table (the README's env section is generated from this). */
export function configMarkdownTable(schema: z.ZodType): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = describeConfig(schema).map(
    (r) =>
      `| \`${r.variable}\` | ${r.default !== undefined ? `\`${cell(r.default)}\`` : r.required ? '(required)' : ''} | ${cell(r.description)}${r.secret ? ' (secret)' : ''} |`,
  );
  return ['| variable | default | description |', '|---|---|---|', ...rows].join('\n');
}
