import { Inject, Injectable, Optional, type PipeTransform } from '@nestjs/common';
import { type CaseInput, type CasePatch, DomainError, type HpoOntology, validateCaseInput, validateCasePatch } from '@gmdb/domain';
import { HPO_ONTOLOGY } from '../phenotype/hpo-ontology.provider';

/** Validates a whole case record (libs/domain) with the configured HPO ontology; 422 with field paths. */
@Injectable()
export class CaseInputPipe implements PipeTransform<unknown, CaseInput> {
  constructor(@Optional() @Inject(HPO_ONTOLOGY) private readonly hpo?: HpoOntology | null) {}

  transform(value: unknown): CaseInput {
    const result = validateCaseInput(value, this.hpo ? { hpo: this.hpo } : {});
    if (!result.ok) throw DomainError.validation(result.issues);
    return result.value;
  }
}

/** Validates a PATCH of a case; 422 with field paths. */
@Injectable()
export class CasePatchPipe implements PipeTransform<unknown, CasePatch> {
  constructor(@Optional() @Inject(HPO_ONTOLOGY) private readonly hpo?: HpoOntology | null) {}

  transform(value: unknown): CasePatch {
    const result = validateCasePatch(value, this.hpo ? { hpo: this.hpo } : {});
    if (!result.ok) throw DomainError.validation(result.issues);
    return result.value;
  }
}
