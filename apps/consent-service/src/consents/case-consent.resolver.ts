import { type PrincipalRequest } from '@gmdb/platform';
import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { GraphqlPrincipal } from '../access/graphql-principal';
import { toConsentGql } from '../graphql/consent-graphql.mapper';
import { ConsentRepository } from '../repositories/consent.repository';
import { ConsentService } from './consent.service';
import { toConsentView } from './models/consent.view';

type CaseReference = { id: string };

/**
 * The `Case` entity (owned by case-service) extended with its consent. A caller who may not see
 * a case's consent gets null / [] rather than an error, so a case-service query over many cases
 * does not fail on one.
 */
@Resolver('Case')
export class CaseConsentResolver {
  constructor(
    private readonly consents: ConsentService,
    private readonly repository: ConsentRepository,
    private readonly principals: GraphqlPrincipal,
  ) {}

  @ResolveReference()
  resolveReference(reference: { __typename: string; id: string }): CaseReference {
    return { id: reference.id };
  }

  @ResolveField('consent')
  async consent(@Parent() parent: CaseReference, @Context('req') req: PrincipalRequest | undefined) {
    const head = await this.consents.readableHead(await this.principals.of(req), parent.id);
    if (!head?.currentConsentId) return null;
    const current = await this.repository.findVersion(head.currentConsentId);
    return current ? toConsentGql(toConsentView(current)) : null;
  }

  @ResolveField('consentHistory')
  async consentHistory(@Parent() parent: CaseReference, @Context('req') req: PrincipalRequest | undefined) {
    const head = await this.consents.readableHead(await this.principals.of(req), parent.id);
    if (!head) return [];
    return (await this.repository.history(parent.id)).map((v) => toConsentGql(toConsentView(v)));
  }
}
