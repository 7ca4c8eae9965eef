import { AllowAnonymous } from '@gmdb/platform';
import { ResolveReference, Resolver } from '@nestjs/graphql';
import { CaseRepository } from '../case.repository';

/** `Gene` references by HGNC symbol. */
@Resolver('Gene')
export class GeneResolver {
  constructor(private readonly cases: CaseRepository) {}

  @ResolveReference()
  @AllowAnonymous()
  async resolveReference(reference: { symbol: string }): Promise<{ symbol: string; hgncId: string | null }> {
    return { symbol: reference.symbol, hgncId: await this.cases.hgncIdOf(reference.symbol) };
  }
}
