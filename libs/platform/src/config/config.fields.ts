import { z } from 'zod';

/** What `describeConfig` shows for one variable (README env table, `gmdb config`). */
export interface ConfigFieldMeta {
  description: string;
  /** The default as text, when the variable has one. */
  default?: string;
  /** Never print the value (secrets, credentials). */
  secret?: boolean;
}

const metadata = new WeakMap<z.ZodType, ConfigFieldMeta>();

/** The metadata `env.*` recorded for a schema, if it was built by them. */
export function configFieldMeta(schema: z.ZodType): ConfigFieldMeta | undefined {
  return metadata.get(schema);
}

type Meta = string | Omit<ConfigFieldMeta, 'default'>;

/** `FOO=` in a compose file or shell means "not set", not "the empty string". */
function unsetIfEmpty(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function field<T extends z.ZodType>(inner: T, meta: Meta, defaultText?: string) {
  const base = typeof meta === 'string' ? { description: meta } : meta;
  const schema = z.preprocess(unsetIfEmpty, inner);
  metadata.set(schema, defaultText === undefined ? base : { ...base, default: defaultText });
  return schema;
}

/** A text schema with the three ways a variable can be declared. */
function declare<T extends z.ZodType>(schema: T, meta: Meta) {
  return {
    required: () => field(schema, meta),
    optional: () => field(schema.optional(), meta),
    default: (value: z.output<T>) =>
      field(schema.default(value as z.util.NoUndefined<z.output<T>>), meta, String(value)),
  };
}

const BOOLEAN_TEXT = ['true', 'false', '1', '0'];

/**
 * Builders for environment variables. Each parses the raw string strictly ("yes" is not a boolean,
 * "1.5" is not an int), treats an empty value as unset and records its description for `describeConfig`.
 * Messages say what is expected, never what was given: the value may be a secret.
 */
export const env = {
  /** `check` returns what is wrong with a value (a message saying what is expected), or undefined. */
  string(meta: Meta, opts: { min?: number; regex?: RegExp; hint?: string; check?: (value: string) => string | undefined } = {}) {
    let s = z.string();
    if (opts.min !== undefined) s = s.min(opts.min, { message: `must be at least ${opts.min} characters long` });
    if (opts.regex) s = s.regex(opts.regex, { message: opts.hint ?? `must match ${opts.regex.source}` });
    const check = opts.check;
    if (check) {
      return declare(
        s.superRefine((value, ctx) => {
          const problem = check(value);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
        meta,
      );
    }
    return declare(s, meta);
  },

  url(meta: Meta, protocols: readonly string[]) {
    const s = z.string().refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      { message: `must be a URL (${protocols.map((p) => `${p}://`).join(', ')})` },
    );
    return declare(s, meta);
  },

  enum<const V extends readonly [string, ...string[]]>(meta: Meta, values: V) {
    return declare(z.enum(values, { message: `must be one of ${values.join(', ')}` }), meta);
  },

  boolean(meta: Meta) {
    const s = z
      .string()
      .refine((v) => BOOLEAN_TEXT.includes(v), { message: 'must be one of true, false, 1, 0' })
      .transform((v) => v === 'true' || v === '1');
    return declare(s, meta);
  },

  int(meta: Meta, opts: { min?: number; max?: number } = {}) {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = opts;
    const s = z
      .string()
      .regex(/^-?\d+$/, { message: 'must be an integer' })
      .transform(Number)
      .pipe(z.number().min(min, { message: `must be >= ${min}` }).max(max, { message: `must be <= ${max}` }));
    return declare(s, meta);
  },
};
