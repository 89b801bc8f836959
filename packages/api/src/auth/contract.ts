import { industries, userTypes } from '@career-nexus/db';
import { z } from 'zod';
import { route } from '../meta.ts';

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address.' }).max(254));

export const passwordField = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(256, 'Use at most 256 characters.')
  .regex(/[A-Z]/, 'Include an upper-case letter.')
  .regex(/[a-z]/, 'Include a lower-case letter.')
  .regex(/[0-9]/, 'Include a digit.');

export const otpField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'The code has 6 digits.');

export const linkHashField = z.string().trim().min(1).max(200);

const samePasswords = <T extends { password1?: string; password2?: string }>(value: T) =>
  value.password1 === value.password2;
const mismatch = { message: 'The two passwords differ.', path: ['password2'] };

const tokenPair = { refresh: z.string(), access: z.string() };

export const signupInput = z
  .object({
    email: emailField,
    password1: passwordField,
    password2: z.string(),
    industry: z.enum(industries).optional(),
    otp: otpField.optional(),
  })
  .refine(samePasswords, mismatch);

export const signupOutput = z.union([
  z.object({ status: z.literal('Otp sent') }),
  z.object({
    ...tokenPair,
    user: z.string(),
    user_type: z.enum(userTypes),
    status: z.literal('Success'),
  }),
]);

export const verifyHashInput = z.object({ hash: linkHashField });

export const verifyHashOutput = z.object({
  ...tokenPair,
  email: z.string(),
  user_type: z.enum(userTypes),
  status: z.literal('Success'),
});

export const signinInput = z.object({
  email: emailField,
  password: z.string().min(1).max(256),
});

export const signinOutput = z.object({
  ...tokenPair,
  user: z.string(),
  user_type: z.enum(userTypes),
});

export const refreshInput = z.object({ refresh: z.string().min(1).max(200) });
export const refreshOutput = z.object(tokenPair);

export const signoutInput = refreshInput;
export const signoutOutput = z.object({ status: z.literal('Logged out') });

/**
 * One URL, four steps, chosen by which fields are present: `{email}` sends a
 * code, `{email, otp}` or `{hash}` verifies, `{email, password1, password2}`
 * changes the password.
 */
export const forgetPasswordInput = z
  .object({
    email: emailField.optional(),
    otp: otpField.optional(),
    hash: linkHashField.optional(),
    password1: passwordField.optional(),
    password2: z.string().optional(),
  })
  .refine(samePasswords, mismatch)
  .refine((v) => v.hash !== undefined || v.email !== undefined, {
    message: 'Send an email, or the hash from the link.',
    path: ['email'],
  });

export const forgetPasswordOutput = z.object({
  status: z.enum(['Reset Password OTP sent.', 'Verified', 'Password Changed']),
  email: z.string(),
});

const tag = 'accounts';

export const authRoutes = {
  signup: route('POST', '/user/signup/', {
    status: 201,
    tag,
    protect: false,
    summary: 'Register: without otp, email a code; with it, create the account and sign in',
  }),
  verifyHash: route('POST', '/user/hash/verify/', {
    status: 201,
    tag,
    protect: false,
    summary: 'Register by the emailed link',
  }),
  signin: route('POST', '/user/signin/', { tag, protect: false, summary: 'Sign in' }),
  refresh: route('POST', '/user/token/refresh/', {
    tag,
    protect: false,
    summary: 'Trade a refresh token for a new token pair',
  }),
  signout: route('POST', '/user/signout/', {
    status: 202,
    tag,
    protect: false,
    summary: 'Sign out: end the refresh token family and its access sessions',
  }),
  forgetPassword: route('POST', '/user/forget-password/', {
    tag,
    protect: false,
    summary: 'Reset a password: request a code, verify it, then change the password',
  }),
};
