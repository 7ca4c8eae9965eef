import { AllowAnonymous } from '@gmdb/platform';
import { Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { CaseImageDirectory, type CaseImageSummary } from '../case-images.port';
import { CaseQueryService } from '../case-query.service';
import type { CaseModel } from '../models/case.model';
import { ReferencePrincipal, type SubgraphContext } from './reference-principal';

/** The `Case` entity: federation references go through the access policy like `case(id)`. */
@Resolver('Case')
export class CaseResolver {
  constructor(
    private readonly reads: CaseQueryService,
    private readonly imageDirectory: CaseImageDirectory,
    private readonly principals: ReferencePrincipal,
  ) {}

  @ResolveReference()
  @AllowAnonymous()
  async resolveReference(reference: { id: string }, context: SubgraphContext): Promise<CaseModel | null> {
    const principal = await this.principals.of(context, CaseResolver, CaseResolver.prototype.resolveReference);
    return this.reads.find(principal, reference.id);
  }

  /** The parent case was already allowed by the policy; its images share its access. */
  @ResolveField('images')
  images(@Parent() parent: CaseModel): Promise<CaseImageSummary[]> {
    return this.imageDirectory.imagesOf(parent.id);
  }
}
