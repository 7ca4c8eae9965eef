import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { pageSizeOf, walkFields } from './operation-shape';

export interface QueryLimits {
  /** Deepest field nesting allowed (the root fields are depth 1). */
  maxDepth: number;
  /** Largest estimated cost: 1 per field, times the page sizes of the lists it sits in. */
  maxCost: number;
  /** Largest `first`/`last`/`limit` a list may ask for. */
  maxPageSize: number;
  /** The page size assumed for a list field that does not say (for the cost). */
  defaultPageSize: number;
}

export interface OperationMeasure {
  depth: number;
  cost: number;
  /** Fields that asked for more than the largest page, with what they asked. */
  oversizedPages: { field: string; size: number }[];
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) out[def.name.value] = def;
  return out;
}

/** Depth, estimated cost and page sizes of one operation, fragments included. */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: Pick<QueryLimits, 'maxPageSize' | 'defaultPageSize'>,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, cost: 0, oversizedPages: [] };
  walkFields(operation.selectionSet, fragmentsOf(document), (field, depth, multiplier) => {
    measure.depth = Math.max(measure.depth, depth);
    measure.cost += multiplier;
    const size = pageSizeOf(field, variables);
    if (size !== undefined && size > limits.maxPageSize) measure.oversizedPages.push({ field: field.name.value, size });
    const isList = size !== undefined || field.arguments?.some((a) => a.name.value === 'after' || a.name.value === 'before');
    return isList ? multiplier * Math.max(1, size ?? limits.defaultPageSize) : multiplier;
  });
  return measure;
}

/** The errors an operation earns against the limits; empty when it is within them. */
export function checkOperation(measure: OperationMeasure, limits: QueryLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (measure.depth > limits.maxDepth) {
    errors.push(
      new GraphQLError(`The query is nested ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed`, {
        extensions: { code: 'QUERY_TOO_DEEP', http: { status: 400 } },
      }),
    );
  }
  if (measure.cost > limits.maxCost) {
    errors.push(
      new GraphQLError(`The query would cost about ${measure.cost}; at most ${limits.maxCost} is allowed`, {
        extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
      }),
    );
  }
  for (const page of measure.oversizedPages) {
    errors.push(
      new GraphQLError(`${page.field} asks for ${page.size} items; at most ${limits.maxPageSize} per page`, {
        extensions: { code: 'PAGE_SIZE_TOO_LARGE', http: { status: 400 } },
      }),
    );
  }
  return errors;
}
