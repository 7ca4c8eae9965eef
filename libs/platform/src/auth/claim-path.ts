/** Reads a claim by name or dotted path (`realm_access.roles`) from a JWT payload. */
export function readClaimPath(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let current: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Sets a claim by dotted path, creating the objects on the way (used to mint development tokens). */
export function writeClaimPath(payload: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = payload;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]] = value;
}
