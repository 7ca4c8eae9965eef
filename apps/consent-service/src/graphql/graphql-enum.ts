/** Domain values (`ai-training-only`) to GraphQL enum values (`AI_TRAINING_ONLY`) and back. */
export function toGraphqlEnum(value: string): string {
  return value.replace(/-/g, '_').toUpperCase();
}

export function fromGraphqlEnum(value: unknown): unknown {
  return typeof value === 'string' && /^[A-Z_]+$/.test(value) ? value.toLowerCase().replace(/_/g, '-') : value;
}
