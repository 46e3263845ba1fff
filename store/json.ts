/** Values are kept as JSON in both stores, so a caller never shares an object with the store. */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('store: the value cannot be stored as JSON');
  return json;
}
