import { TfNodeDef, TfShapeProto } from './tfjs-model.types';

/** Readers for a node's TF `AttrValue`s; a missing or mistyped attribute throws naming node and key. */
export function attrString(node: TfNodeDef, key: string, fallback?: string): string {
  const s = node.attr?.[key]?.s;
  if (s === undefined) return required(node, key, fallback);
  return Buffer.from(s, 'base64').toString('utf8');
}

export function attrStrings(node: TfNodeDef, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
}

export function attrInts(node: TfNodeDef, key: string, fallback?: number[]): number[] {
  const list = node.attr?.[key]?.list;
  if (list === undefined) return required(node, key, fallback);
  return (list.i ?? []).map(Number);
}

export function attrInt(node: TfNodeDef, key: string, fallback?: number): number {
  const i = node.attr?.[key]?.i;
  if (i === undefined) return required(node, key, fallback);
  return Number(i);
}

/** TF shape proto to dims, unknown sizes as -1. */
export function shapeDims(shape: TfShapeProto | undefined, what: string): number[] {
  if (!shape || shape.unknownRank) throw new Error(`${what}: the shape is unknown, a static rank is needed`);
  return (shape.dim ?? []).map((d) => Number(d.size));
}

function required<T>(node: TfNodeDef, key: string, fallback: T | undefined): T {
  if (fallback === undefined) throw new Error(`${node.op} node ${node.name}: attribute ${key} is missing`);
  return fallback;
}
