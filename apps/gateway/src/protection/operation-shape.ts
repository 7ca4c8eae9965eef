import {
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** The arguments that size a list field: a connection's `first`/`last`, or a plain `limit`. */
export const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/** A page-size argument's value when it is a literal or a variable with a value. */
export function pageSizeOf(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const arg of field.arguments ?? []) {
    if (!(PAGE_ARGUMENTS as readonly string[]).includes(arg.name.value)) continue;
    const value = literalNumber(arg.value, variables);
    if (value !== undefined) return value;
  }
  return undefined;
}

function literalNumber(node: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/**
 * Walks a selection set with fragments inlined, calling `visit` per field with its depth.
 * A fragment that spreads itself again (a cycle) is not followed twice on one path.
 */
export function walkFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (field: FieldNode, depth: number, multiplier: number) => number,
  depth = 1,
  multiplier = 1,
  seen: ReadonlySet<string> = new Set(),
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const childMultiplier = visit(selection, depth, multiplier);
      if (selection.selectionSet) {
        walkFields(selection.selectionSet, fragments, visit, depth + 1, childMultiplier, seen);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkFields(selection.selectionSet, fragments, visit, depth, multiplier, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      walkFields(fragment.selectionSet, fragments, visit, depth, multiplier, new Set([...seen, name]));
    }
  }
}

export function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
