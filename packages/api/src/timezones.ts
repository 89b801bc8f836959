import { z } from 'zod';

// A zone name, never an offset such as "+01:00": newer engines accept
// offsets as time zones, and the contract asks for IANA names only.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * The IANA spelling of a time zone name, or undefined when it names none.
 * The engine's zone data is the authority, so aliases such as
 * `Canada/Central` pass too; a canonical name written in the wrong case
 * comes back in its canonical case, an alias as written.
 */
export function timeZoneName(name: string): string | undefined {
  if (!ZONE_NAME.test(name)) return undefined;

  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** A time zone input field: any IANA zone name, stored as `timeZoneName` spells it. */
export const timeZoneField = z
  .string()
  .trim()
  .transform((name, context) => {
    const zone = timeZoneName(name);
    if (zone) return zone;
    context.addIssue({
      code: 'custom',
      message: 'Use an IANA time zone name, such as Africa/Lagos.',
    });
    return z.NEVER;
  });
