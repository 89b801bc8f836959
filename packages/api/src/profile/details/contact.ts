import { countries, type Database } from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { ZodRealError } from 'zod';
import { DomainError } from '../../errors.ts';
import type { Profile } from './read.ts';

export interface ContactChange {
  country_code?: string | undefined;
  phone_number?: string | undefined;
}

export interface Contact {
  countryCode?: string;
  phoneNumber?: string;
}

/**
 * The country code and phone number to store. A phone number must be valid
 * for the code in force (the one sent, else the stored one) and is stored
 * as its national number. A code sent is checked against the permits: when
 * a number comes with it, the permit of the number's own country, since
 * one code such as +1 serves many countries. A stored code is not checked
 * again, so a member can still fix their number after staff disable their
 * country.
 */
export async function checkedContact(
  db: Database,
  current: Pick<Profile, 'countryCode'>,
  change: ContactChange,
): Promise<Contact> {
  const code = change.country_code ?? current.countryCode;
  const phone = change.phone_number ? nationalNumberOf(change.phone_number, code) : undefined;

  if (change.country_code !== undefined) {
    await assertPermitted(db, change.country_code, phone?.country);
  }
  return {
    ...(change.country_code !== undefined && { countryCode: change.country_code }),
    ...(change.phone_number !== undefined && { phoneNumber: phone?.nationalNumber ?? '' }),
  };
}

function nationalNumberOf(text: string, code: string) {
  if (!code) invalid('phone_number', 'Give a country_code with the phone number.');

  const digits = code.slice(1);
  let number;
  try {
    number = parsePhoneNumberFromString(text, { defaultCallingCode: digits });
  } catch {
    // An unknown calling code: no number can be valid for it.
  }
  if (!number?.isValid() || number.countryCallingCode !== digits) {
    invalid('phone_number', `This is not a valid phone number for ${code}.`);
  }
  return number;
}

async function assertPermitted(
  db: Database,
  callingCode: string,
  country: CountryCode | undefined,
): Promise<void> {
  const [permit] = await db
    .select({ id: countries.id })
    .from(countries)
    .where(
      and(
        eq(countries.callingCode, callingCode),
        eq(countries.enabled, true),
        country && eq(countries.isoCode, country),
      ),
    )
    .limit(1);
  if (!permit) invalid('country_code', `Phone numbers from ${callingCode} are not accepted.`);
}

/**
 * A refusal that both doors answer like a schema's: 400 `validation_failed`
 * naming the field. (`ZodRealError` is the one that is an `Error`, which
 * tRPC keeps as the cause.)
 */
function invalid(field: string, message: string): never {
  const issue = { code: 'custom' as const, path: [field], message, input: undefined };
  throw new DomainError('validation_failed', message, { cause: new ZodRealError([issue]) });
}
