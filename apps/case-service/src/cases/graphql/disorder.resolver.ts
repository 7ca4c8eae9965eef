import { AllowAnonymous } from '@gmdb/platform';
import { ResolveReference, Resolver } from '@nestjs/graphql';
import { CaseRepository } from '../case.repository';

/** `Disorder` references: public knowledge; the label comes from FAIR cases only. */
@Resolver('Disorder')
export class DisorderResolver {
  constructor(private readonly cases: CaseRepository) {}

  @ResolveReference()
  @AllowAnonymous()
  async resolveReference(reference: { id: string }): Promise<{ id: string; label: string | null }> {
    return { id: reference.id, label: await this.cases.fairDisorderLabel(reference.id) };
  }
}
