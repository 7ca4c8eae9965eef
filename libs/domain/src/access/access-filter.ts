import { decideAccess } from './access.policy';
import { CaseResource } from './case-resource';
import { DataKind } from './data-kind';
import { Principal } from './principal';

/**
 * Keeps the items of a list that `decideAccess` allows, in order. Lists call this rather than
 * filtering in a query, so a list never shows what the single read would refuse.
 */
export function filterAccessible<T>(
  principal: Principal,
  kind: DataKind,
  items: readonly T[],
  resourceOf: (item: T) => CaseResource,
): T[] {
  return items.filter((item) => decideAccess(principal, kind, resourceOf(item)).allowed);
}
