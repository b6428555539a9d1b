/** A plain object (not null, not an array): the shape raw scenario data is checked for. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
