/**
 * JSON with object keys sorted at every level, indented two spaces, ending in a newline: the same
 * result always serialises to the same bytes, whatever order the runner built its objects in,
 * so saved results diff cleanly. Pure.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, sortKeys, 2) + '\n';
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  // A typed array would otherwise serialise as an object keyed "0", "1", ...
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) sorted[k] = (value as Record<string, unknown>)[k];
  return sorted;
}
