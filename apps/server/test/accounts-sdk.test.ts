import { describe, expect, it } from 'vitest';
import { refusalCode as refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const password = 'Sturdy-Pass1';
const sdk = sdkTestServer();
let n = 0;
const newEmail = () => `sdk-member${++n}@example.com`;

async function codeFor(email: string, messages = 1) {
  await expect.poll(async () => (await sdk.server.mailTo(email)).length).toBe(messages);
  const text = (await sdk.server.mailTo(email)).at(-1)!.text;
  return {
    otp: /\b(\d{6})\b/.exec(text)![1]!,
    hash: /\/(?:verify|reset-password)\/([\w-]+)/.exec(text)![1]!,
  };
}

async function member(client = sdk.connect()) {
  const email = newEmail();
  await client.auth.signup.mutate({ email, password1: password, password2: password });
  const { otp } = await codeFor(email);
  const done = await client.auth.signup.mutate({
    email,
    password1: password,
    password2: password,
    otp,
  });
  if (done.status !== 'Success') throw new Error('signup did not complete');
  return { client, email, ...done };
}

describe('accounts through the SDK', () => {
  it('registers by the emailed link', async () => {
    const client = sdk.connect();
    const email = newEmail();
    await client.auth.signup.mutate({
      email,
      password1: password,
      password2: password,
      industry: 'sports',
    });
    const { hash } = await codeFor(email);

    const done = await client.auth.verifyHash.mutate({ hash });

    expect(done).toMatchObject({ email, status: 'Success', user_type: 'mentor' });
  });

  it('refuses a wrong code, an existing email and a weak password by their codes', async () => {
    const { email } = await member();
    const client = sdk.connect();
    const other = newEmail();
    await client.auth.signup.mutate({ email: other, password1: password, password2: password });

    const wrongCode = refusal(
      client.auth.signup.mutate({
        email: other,
        password1: password,
        password2: password,
        otp: '000000',
      }),
    );
    const taken = refusal(
      client.auth.signup.mutate({ email, password1: password, password2: password }),
    );
    const weak = refusal(
      client.auth.signup.mutate({ email: newEmail(), password1: 'weak', password2: 'weak' }),
    );

    expect(await wrongCode).toMatch(/invalid_otp|otp_locked/);
    expect(await taken).toBe('email_taken');
    expect(await weak).toBe('validation_failed');
  });

  it('signs in, and refuses a wrong password as invalid credentials', async () => {
    const { email } = await member();
    const client = sdk.connect();

    const signedIn = await client.auth.signin.mutate({ email, password });
    const wrong = await refusal(client.auth.signin.mutate({ email, password: 'Wrong-Pass1' }));

    expect(signedIn).toMatchObject({ user: email, user_type: 'learner' });
    expect(wrong).toBe('invalid_credentials');
  });

  it('rotates a refresh token, and refuses the used one', async () => {
    const { client, refresh } = await member();

    const rotated = await client.auth.refresh.mutate({ refresh });
    const reused = await refusal(client.auth.refresh.mutate({ refresh }));

    expect(rotated.refresh).not.toBe(refresh);
    expect(reused).toBe('token_revoked');
  });

  it('signs out, after which the access token is refused', async () => {
    const { refresh, access } = await member();
    const client = sdk.connect();

    const result = await client.auth.signout.mutate({ refresh });
    client.setTokens({ access });
    const after = await refusal(client.profile.updateIndustry.mutate({ industry: 'media' }));

    expect(result).toEqual({ status: 'Logged out' });
    expect(after).toBe('unauthenticated');
  });

  it('resets a forgotten password in three steps', async () => {
    const { email } = await member();
    const client = sdk.connect();
    const fresh = 'Fresh-Pass-77';

    const sent = await client.auth.forgetPassword.mutate({ email });
    const { otp } = await codeFor(email, 2);
    const verified = await client.auth.forgetPassword.mutate({ email, otp });
    const changed = await client.auth.forgetPassword.mutate({
      email,
      password1: fresh,
      password2: fresh,
    });

    expect(sent.status).toBe('Reset Password OTP sent.');
    expect(verified.status).toBe('Verified');
    expect(changed.status).toBe('Password Changed');
    await expect(client.auth.signin.mutate({ email, password: fresh })).resolves.toMatchObject({
      user: email,
    });
  });

  it('changes the industry and user type of the signed-in user', async () => {
    const { client, email } = await member();

    const result = await client.profile.updateIndustry.mutate({
      industry: 'government',
      user_type: 'mentor',
    });

    expect(result).toEqual({ industry: 'government', email, user_type: 'mentor' });
  });
});
