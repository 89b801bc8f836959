import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, lastCode, strongPassword, type Harness } from './support.ts';

let h: Harness;
let n = 0;
const newEmail = () => `person${++n}@example.com`;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function signUp(email = newEmail(), industry?: 'technology') {
  const anonymous = await h.caller();
  await anonymous.auth.signup({
    email,
    password1: strongPassword,
    password2: strongPassword,
    industry,
  });
  const { otp } = await lastCode(h, email);
  const done = await anonymous.auth.signup({
    email,
    password1: strongPassword,
    password2: strongPassword,
    otp,
  });
  if (done.status !== 'Success') throw new Error('signup did not complete');
  return { email, ...done };
}

describe('signup by code', () => {
  it('stores no secret in plain text', async () => {
    const email = newEmail();
    const anonymous = await h.caller();

    await anonymous.auth.signup({ email, password1: strongPassword, password2: strongPassword });

    const { otp, linkToken } = await lastCode(h, email);
    const rows = await h.testDb.handle.db.query.emailChallenges.findMany();
    const stored = JSON.stringify(rows);
    expect(otp).toMatch(/^\d{6}$/);
    expect(stored).not.toContain(strongPassword);
    expect(stored).not.toContain(linkToken.slice(32));
    expect(stored).toContain('$argon2id$');
  });

  it('refuses a code older than ten minutes', async () => {
    const email = newEmail();
    const anonymous = await h.caller();
    await anonymous.auth.signup({ email, password1: strongPassword, password2: strongPassword });
    const { otp } = await lastCode(h, email);

    h.clock.advance(10 * 60 * 1000 + 1);

    await expect(
      anonymous.auth.signup({ email, password1: strongPassword, password2: strongPassword, otp }),
    ).rejects.toMatchObject({ appCode: 'otp_expired' });
  });

  it('locks the code after five wrong tries, even for the right one', async () => {
    const email = newEmail();
    const anonymous = await h.caller();
    await anonymous.auth.signup({ email, password1: strongPassword, password2: strongPassword });
    const { otp } = await lastCode(h, email);
    const wrong = otp === '000000' ? '111111' : '000000';
    const attempt = (code: string) =>
      anonymous.auth.signup({
        email,
        password1: strongPassword,
        password2: strongPassword,
        otp: code,
      });

    for (let i = 0; i < 5; i++)
      await expect(attempt(wrong)).rejects.toMatchObject({ appCode: 'invalid_otp' });

    await expect(attempt(otp)).rejects.toMatchObject({ appCode: 'otp_locked' });
  });

  it('spends at most five tries under concurrent wrong guesses', async () => {
    const email = newEmail();
    const anonymous = await h.caller();
    await anonymous.auth.signup({ email, password1: strongPassword, password2: strongPassword });
    const { otp } = await lastCode(h, email);
    const wrong = otp === '000000' ? '111111' : '000000';

    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        anonymous.auth.signup({
          email,
          password1: strongPassword,
          password2: strongPassword,
          otp: wrong,
        }),
      ),
    );

    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as { appCode: string }).appCode : 'ok',
    );
    expect(codes.filter((c) => c === 'invalid_otp')).toHaveLength(5);
    expect(codes.filter((c) => c === 'otp_locked')).toHaveLength(7);
  });

  it('makes a mentor when an industry was given at stage one', async () => {
    const { user_type } = await signUp(newEmail(), 'technology');

    expect(user_type).toBe('mentor');
  });
});

describe('token refresh', () => {
  it('kills the whole family when a used refresh token comes back', async () => {
    const { refresh } = await signUp();
    const anonymous = await h.caller();
    const rotated = await anonymous.auth.refresh({ refresh });

    await expect(anonymous.auth.refresh({ refresh })).rejects.toMatchObject({
      appCode: 'token_revoked',
    });

    await expect(anonymous.auth.refresh({ refresh: rotated.refresh })).rejects.toMatchObject({
      appCode: 'token_revoked',
    });
    expect(await h.services.sessions.validate(rotated.access)).toBeNull();
  });

  it('refuses a refresh token past its lifetime', async () => {
    const { refresh } = await signUp();

    h.clock.advance(7 * 86400 * 1000 + 1);

    await expect((await h.caller()).auth.refresh({ refresh })).rejects.toMatchObject({
      appCode: 'token_revoked',
    });
  });
});

describe('password reset', () => {
  it('allows one change within ten minutes of verifying', async () => {
    const { email } = await signUp();
    const anonymous = await h.caller();
    await anonymous.auth.forgetPassword({ email });
    await expect.poll(async () => (await h.mailTo(email)).length).toBe(2);
    const { otp } = await lastCode(h, email);
    await anonymous.auth.forgetPassword({ email, otp });

    h.clock.advance(10 * 60 * 1000 + 1);

    await expect(
      anonymous.auth.forgetPassword({ email, password1: 'New-Pass-22', password2: 'New-Pass-22' }),
    ).rejects.toMatchObject({ appCode: 'not_eligible' });
  });
});

describe('staff accounts', () => {
  it('creates a staff account once and promotes it on the next call', async () => {
    const { ensureStaffAccount } = await import('../src/auth/staff.ts');

    const first = await ensureStaffAccount(h.services.db, 'Boss@Example.com', strongPassword);
    const again = await ensureStaffAccount(h.services.db, 'boss@example.com', strongPassword);

    expect(first).toMatchObject({ email: 'boss@example.com', created: true });
    expect(again).toMatchObject({ id: first.id, created: false });
  });
});
