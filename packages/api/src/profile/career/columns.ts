/** `T` with each key renamed by `names`. */
export type Renamed<T, Names extends Record<keyof T, PropertyKey>> = {
  [K in keyof T as Names[K]]: T[K];
};

/**
 * The wire fields given in `input`, under their column names. Fields left
 * out (undefined) are left out here too, so an update changes only what
 * was sent; null is kept, as it means something ("Present").
 */
export function columnsOf<T extends object, Names extends Record<keyof T, string>>(
  input: T,
  names: Names,
): Renamed<T, Names> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) columns[names[key as keyof T]] = value;
  }
  return columns as Renamed<T, Names>;
}
