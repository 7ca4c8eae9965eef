import { Args, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode, type Principal } from '@gmdb/domain';
import { AllowAnonymous, CurrentPrincipal } from '@gmdb/platform';
import { ReferencePrincipal, type SubgraphContext } from '../../cases/graphql/reference-principal';
import { toImageModel } from '../image.mapper';
import { ImageService } from '../image.service';
import type { ImageModel } from '../models/image.model';

/** What a parent Image may be: a full ImageModel (`image(id)`) or the cases part's summary (`Case.images`). */
type ImageParent = Pick<ImageModel, 'id'> & Partial<ImageModel>;

function orNull<T>(work: Promise<T>): Promise<T | null> {
  return work.catch((e: unknown) => {
    if (e instanceof DomainError && e.code === ErrorCode.IMAGE_NOT_FOUND) return null;
    throw e;
  });
}

/**
 * `Query.image`, the Image entity's reference resolver and the photo fields the cases part's
 * summary lacks. Every load goes through ImageService (the access policy of the photo's case).
 */
@Resolver('Image')
export class ImageResolver {
  /** Full models of summary parents, loaded once per parent object. */
  private readonly loaded = new WeakMap<object, Promise<ImageModel>>();

  constructor(
    private readonly images: ImageService,
    private readonly principals: ReferencePrincipal,
  ) {}

  @Query('image')
  @AllowAnonymous()
  async image(@CurrentPrincipal() principal: Principal, @Args('id') id: string): Promise<ImageModel | null> {
    return orNull(this.images.get(principal, id).then(toImageModel));
  }

  @ResolveReference()
  @AllowAnonymous()
  async resolveReference(reference: { id: string }, context: SubgraphContext): Promise<ImageModel | null> {
    const principal = await this.principals.of(context, ImageResolver, ImageResolver.prototype.resolveReference);
    return orNull(this.images.get(principal, reference.id).then(toImageModel));
  }

  @ResolveField('contentType')
  async contentType(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.full(parent, principal)).contentType;
  }

  @ResolveField('byteSize')
  async byteSize(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<number> {
    return (await this.full(parent, principal)).byteSize;
  }

  @ResolveField('sha256')
  async sha256(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.full(parent, principal)).sha256;
  }

  @ResolveField('faces')
  async faces(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<ImageModel['faces']> {
    return (await this.full(parent, principal)).faces;
  }

  @ResolveField('modelVersion')
  async modelVersion(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string | null> {
    return (await this.full(parent, principal)).modelVersion;
  }

  @ResolveField('encodedAt')
  async encodedAt(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string | null> {
    return (await this.full(parent, principal)).encodedAt;
  }

  @ResolveField('createdAt')
  async createdAt(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.full(parent, principal)).createdAt;
  }

  @ResolveField('url')
  async url(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.images.url(principal, parent.id, 'original')).url;
  }

  @ResolveField('thumbnailUrl')
  async thumbnailUrl(@Parent() parent: ImageParent, @CurrentPrincipal() principal: Principal): Promise<string> {
    return (await this.images.url(principal, parent.id, 'thumbnail')).url;
  }

  private full(parent: ImageParent, principal: Principal): Promise<ImageModel> {
    if (parent.sha256 !== undefined) return Promise.resolve(parent as ImageModel);
    let model = this.loaded.get(parent);
    if (!model) {
      model = this.images.get(principal, parent.id).then(toImageModel);
      this.loaded.set(parent, model);
    }
    return model;
  }
}
