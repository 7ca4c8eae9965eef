import { Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, FieldIssue } from '@gmdb/domain';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['diagnoses', 0, 'omim']` as `diagnoses[0].omim`, the path style of libs/domain's validators. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** zod issue kinds as the stable issue codes of libs/domain (`IssueCode`). */
function issueCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_big':
    case 'too_small':
    case 'not_multiple_of':
      return 'OUT_OF_RANGE';
    case 'invalid_value':
      return 'UNKNOWN_VALUE';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? code : 'INVALID_FORMAT';
    }
    default:
      return 'INVALID_FORMAT';
  }
}

/** zod issues as `FieldIssue`s. Messages come from the schema, never from the input value. */
export function zodIssuesToFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        code: 'UNKNOWN_FIELD',
        message: 'is not a known field',
      }));
    }
    const code = issueCode(issue);
    return [{ path: formatIssuePath(issue.path), code, message: code === 'REQUIRED' ? 'is required' : issue.message }];
  });
}

/** Parses with a zod schema; throws `DomainError` VALIDATION_FAILED with every field issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw DomainError.validation(zodIssuesToFieldIssues(result.error.issues));
}

/** `@Body(new ZodValidationPipe(createCaseSchema)) input: CreateCaseInput` */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.output<S> {
    return parseWith(this.schema, value);
  }
}
