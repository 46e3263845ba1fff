/** A hash as HGETALL answers inside a Lua script (field, value, field, value…), as an object. */
export function hashOf(flat: unknown): Record<string, string> {
  const list = flat as string[];
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) hash[list[i]!] = list[i + 1]!;
  return hash;
}
