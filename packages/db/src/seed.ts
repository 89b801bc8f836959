import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import type { Database } from './client.ts';
import { countries } from './schema/index.ts';

/**
 * Reference data every installation starts with: each country with its
 * English name and calling code, all permitted. Existing rows, and the
 * permissions staff gave them, are left as they are.
 */
export async function seedReferenceData(db: Database): Promise<void> {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const rows = getCountries().map((isoCode) => ({
    isoCode,
    name: names.of(isoCode) ?? isoCode,
    callingCode: `+${getCountryCallingCode(isoCode)}`,
  }));
  await db.insert(countries).values(rows).onConflictDoNothing({ target: countries.isoCode });
}
