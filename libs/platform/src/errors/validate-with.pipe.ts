import { PipeTransform } from '@nestjs/common';
import { DomainError, FieldIssue } from '@gmdb/domain';

/** What libs/domain validators return (`ValidationResult<T>`). */
export type DomainValidationResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * A pipe that runs a libs/domain validator on the input and passes on the normalised value, or
 * throws `DomainError` VALIDATION_FAILED carrying every issue with its field path:
 * `@Body(validateWith(validateCaseInput)) input: CaseInput`.
 */
export function validateWith<T>(validator: (input: unknown) => DomainValidationResult<T>): PipeTransform<unknown, T> {
  return {
    transform(value: unknown): T {
      const result = validator(value);
      if (result.ok) return result.value;
      throw DomainError.validation(result.issues);
    },
  };
}
