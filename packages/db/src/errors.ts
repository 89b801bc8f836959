/**
 * Whether a failed query broke a unique constraint. postgres.js and PGlite
 * both carry PostgreSQL's SQLSTATE on `code`; drizzle may wrap it in `cause`.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error || isObject(e); e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
