import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ConsentGql } from '../graphql/consent-graphql.mapper';
import { toGraphqlEnum } from '../graphql/graphql-enum';
import { ErasureRepository } from '../repositories/erasure.repository';

/** Fields of `Consent` read on demand (the parent was already authorised). */
@Resolver('Consent')
export class ConsentFieldsResolver {
  constructor(private readonly erasures: ErasureRepository) {}

  @ResolveField('erasure')
  async erasure(@Parent() consent: ConsentGql) {
    const erasure = await this.erasures.findByConsent(consent.id);
    return erasure ? { dueAt: new Date(erasure.dueAt).toISOString(), status: toGraphqlEnum(erasure.status) } : null;
  }
}
