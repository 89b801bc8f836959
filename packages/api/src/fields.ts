import { z } from 'zod';

/**
 * Field rules shared by every domain's contract. PostgreSQL refuses NUL in
 * text and ids past int4: both must be a 400 at the door, never a 500.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !value.includes('\0'), 'Remove the NUL character.');

export const requiredText = (max: number) => text(max).min(1, 'This field may not be blank.');

/** Query strings carry ids as text; JSON and the SDK carry numbers. */
export const idField = z.coerce
  .number<number>()
  .int('Use a whole number.')
  .positive('Use a positive id.')
  .max(2_147_483_647, 'No row has this id.');
