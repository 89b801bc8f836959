import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const password = 'Sturdy-Pass1';
let server: TestServer;
let n = 0;
const newEmail = () => `member${++n}@example.com`;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

const post = (path: string, body: unknown, token?: string) => call('POST', path, body, token);

async function codeFor(email: string) {
  await expect.poll(async () => (await server.mailTo(email)).length).toBeGreaterThan(0);
  const text = (await server.mailTo(email)).at(-1)!.text;
  return {
    otp: /\b(\d{6})\b/.exec(text)![1]!,
    hash: /\/(?:verify|reset-password)\/([\w-]+)/.exec(text)![1]!,
  };
}

async function registered(industry?: string) {
  const email = newEmail();
  await post('/user/signup/', { email, password1: password, password2: password, industry });
  const { otp } = await codeFor(email);
  const done = await post('/user/signup/', {
    email,
    password1: password,
    password2: password,
    otp,
  });
  return { email, ...(done.body as { access: string; refresh: string }) };
}

describe('POST /user/signup/', () => {
  it('emails a code, then creates a signed-in learner with it', async () => {
    const email = newEmail();

    const first = await post('/user/signup/', { email, password1: password, password2: password });
    const { otp } = await codeFor(email);
    const second = await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      otp,
    });

    expect(first).toMatchObject({ status: 201, body: { status: 'Otp sent' } });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ user: email, status: 'Success', user_type: 'learner' });
    expect(second.body.access).toEqual(expect.any(String));
    expect(second.body.refresh).toEqual(expect.any(String));
  });

  it('trims and lowercases the email', async () => {
    const email = newEmail();

    await post('/user/signup/', {
      email: `  ${email.toUpperCase()} `,
      password1: password,
      password2: password,
    });

    expect(await server.mailTo(email)).toHaveLength(1);
  });

  it('creates a mentor when an industry is given', async () => {
    const email = newEmail();
    await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      industry: 'health',
    });
    const { otp } = await codeFor(email);

    const done = await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      otp,
      industry: 'health',
    });

    expect(done.body.user_type).toBe('mentor');
  });

  it('refuses a wrong code with 400', async () => {
    const email = newEmail();
    await post('/user/signup/', { email, password1: password, password2: password });
    const { otp } = await codeFor(email);

    const wrong = await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      otp: otp === '123456' ? '654321' : '123456',
    });

    expect(wrong).toMatchObject({ status: 400, body: { code: 'invalid_otp' } });
  });

  it('refuses an expired code with 400', async () => {
    const email = newEmail();
    await post('/user/signup/', { email, password1: password, password2: password });
    const { otp } = await codeFor(email);

    server.clock.advance(11 * 60 * 1000);
    const late = await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      otp,
    });

    expect(late).toMatchObject({ status: 400, body: { code: 'otp_expired' } });
  });

  it('refuses the sixth try after five wrong codes, even with the right code', async () => {
    const email = newEmail();
    await post('/user/signup/', { email, password1: password, password2: password });
    const { otp } = await codeFor(email);
    const wrong = otp === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      await post('/user/signup/', { email, password1: password, password2: password, otp: wrong });
    }

    const sixth = await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      otp,
    });

    expect(sixth).toMatchObject({ status: 400, body: { code: 'otp_locked' } });
  });

  it.each([
    ['too short', 'Ab1'],
    ['without a digit', 'NoDigitsHere'],
    ['without an upper-case letter', 'lowercase123'],
    ['without a lower-case letter', 'UPPERCASE123'],
  ])('refuses a password %s with 400 naming password1', async (_, weak) => {
    const result = await post('/user/signup/', {
      email: newEmail(),
      password1: weak,
      password2: weak,
    });

    expect(result.status).toBe(400);
    expect(result.body.code).toBe('validation_failed');
    expect(result.body.fields).toHaveProperty('password1');
  });

  it('refuses two different passwords with 400 naming password2', async () => {
    const result = await post('/user/signup/', {
      email: newEmail(),
      password1: password,
      password2: 'Other-Pass2',
    });

    expect(result.status).toBe(400);
    expect(result.body.fields).toHaveProperty('password2');
  });

  it('refuses a malformed email and an unknown industry with 400', async () => {
    const badEmail = await post('/user/signup/', {
      email: 'nope',
      password1: password,
      password2: password,
    });
    const badIndustry = await post('/user/signup/', {
      email: newEmail(),
      password1: password,
      password2: password,
      industry: 'piracy',
    });

    expect(badEmail.body.fields).toHaveProperty('email');
    expect(badIndustry.body.fields).toHaveProperty('industry');
  });

  it('answers 409 for an email that already has an account', async () => {
    const { email } = await registered();

    const again = await post('/user/signup/', { email, password1: password, password2: password });

    expect(again).toMatchObject({ status: 409, body: { code: 'email_taken' } });
  });
});

describe('POST /user/hash/verify/', () => {
  it('creates the account from the emailed link, honouring the industry of stage one', async () => {
    const email = newEmail();
    await post('/user/signup/', {
      email,
      password1: password,
      password2: password,
      industry: 'media',
    });
    const { hash } = await codeFor(email);

    const done = await post('/user/hash/verify/', { hash });

    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ email, status: 'Success', user_type: 'mentor' });
  });

  it('refuses an unknown hash and an expired one with 400', async () => {
    const email = newEmail();
    await post('/user/signup/', { email, password1: password, password2: password });
    const { hash } = await codeFor(email);

    const unknown = await post('/user/hash/verify/', { hash: `${hash.slice(0, 32)}forged` });
    server.clock.advance(11 * 60 * 1000);
    const expired = await post('/user/hash/verify/', { hash });

    expect(unknown.status).toBe(400);
    expect(expired.status).toBe(400);
  });
});

describe('POST /user/signin/', () => {
  it('answers 200 with tokens and the user type', async () => {
    const { email } = await registered('education');

    const result = await post('/user/signin/', { email, password });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ user: email, user_type: 'mentor' });
    expect(Object.keys(result.body).sort()).toEqual(['access', 'refresh', 'user', 'user_type']);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const { email } = await registered();

    const wrongPassword = await post('/user/signin/', { email, password: 'Wrong-Pass1' });
    const unknownEmail = await post('/user/signin/', { email: newEmail(), password });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });

  it('answers 400, not 500, to a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/user/signin/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });

    expect(response.status).toBe(400);
  });
});

describe('POST /user/token/refresh/', () => {
  it('rotates the pair; the old access token keeps working until it expires', async () => {
    const { refresh, access } = await registered();

    const rotated = await post('/user/token/refresh/', { refresh });
    const withOld = await call('PATCH', '/user/profile-update/', { industry: 'media' }, access);

    expect(rotated.status).toBe(200);
    expect(Object.keys(rotated.body).sort()).toEqual(['access', 'refresh']);
    expect(rotated.body.refresh).not.toBe(refresh);
    expect(withOld.status).toBe(206);
  });

  it('revokes the whole family when a used refresh token is presented again', async () => {
    const { refresh } = await registered();
    const rotated = await post('/user/token/refresh/', { refresh });

    const reused = await post('/user/token/refresh/', { refresh });
    const afterTheft = await post('/user/token/refresh/', { refresh: rotated.body.refresh });
    const withNewAccess = await call(
      'PATCH',
      '/user/profile-update/',
      { industry: 'media' },
      rotated.body.access,
    );

    expect(reused.status).toBe(401);
    expect(afterTheft.status).toBe(401);
    expect(withNewAccess.status).toBe(401);
  });
});

describe('POST /user/signout/', () => {
  it('answers 202 and the access token is refused afterwards', async () => {
    const { refresh, access } = await registered();

    const result = await post('/user/signout/', { refresh });
    const afterwards = await call('PATCH', '/user/profile-update/', { industry: 'media' }, access);

    expect(result).toMatchObject({ status: 202, body: { status: 'Logged out' } });
    expect(afterwards.status).toBe(401);
  });

  it('answers 400 to an unknown refresh token', async () => {
    const result = await post('/user/signout/', { refresh: 'not-a-token-we-issued' });

    expect(result.status).toBe(400);
  });
});

describe('POST /user/forget-password/', () => {
  it('resets the password by code, then signs the user out everywhere', async () => {
    const { email, access } = await registered();
    const newPassword = 'Brand-New-Pass9';

    const requested = await post('/user/forget-password/', { email });
    await expect.poll(async () => (await server.mailTo(email)).length).toBe(2);
    const { otp } = await codeFor(email);
    const verified = await post('/user/forget-password/', { email, otp });
    const changed = await post('/user/forget-password/', {
      email,
      password1: newPassword,
      password2: newPassword,
    });

    expect(requested.body).toEqual({ status: 'Reset Password OTP sent.', email });
    expect(verified).toMatchObject({ status: 200, body: { status: 'Verified', email } });
    expect(changed).toMatchObject({ status: 200, body: { status: 'Password Changed', email } });
    expect((await post('/user/signin/', { email, password })).status).toBe(401);
    expect((await post('/user/signin/', { email, password: newPassword })).status).toBe(200);
    expect(
      (await call('PATCH', '/user/profile-update/', { industry: 'media' }, access)).status,
    ).toBe(401);
  });

  it('verifies by the emailed link as well', async () => {
    const { email } = await registered();
    await post('/user/forget-password/', { email });
    await expect.poll(async () => (await server.mailTo(email)).length).toBe(2);
    const { hash } = await codeFor(email);

    const verified = await post('/user/forget-password/', { hash });

    expect(verified.body).toEqual({ status: 'Verified', email });
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    const email = newEmail();

    const result = await post('/user/forget-password/', { email });

    expect(result).toMatchObject({
      status: 200,
      body: { status: 'Reset Password OTP sent.', email },
    });
    expect(await server.mailTo(email)).toHaveLength(0);
  });

  it('refuses a change without verification with 403, and a second change after one', async () => {
    const { email } = await registered();
    const body = { email, password1: 'Brand-New-Pass9', password2: 'Brand-New-Pass9' };

    const unverified = await post('/user/forget-password/', body);
    await post('/user/forget-password/', { email });
    await expect.poll(async () => (await server.mailTo(email)).length).toBe(2);
    await post('/user/forget-password/', { email, otp: (await codeFor(email)).otp });
    const first = await post('/user/forget-password/', body);
    const second = await post('/user/forget-password/', body);

    expect(unverified.status).toBe(403);
    expect(first.status).toBe(200);
    expect(second.status).toBe(403);
  });
});

describe('PATCH /user/profile-update/', () => {
  it('answers 206 with the industry and the email', async () => {
    const { access, email } = await registered();

    const result = await call(
      'PATCH',
      '/user/profile-update/',
      { industry: 'banking', user_type: 'mentor' },
      access,
    );

    expect(result).toMatchObject({
      status: 206,
      body: { industry: 'banking', email, user_type: 'mentor' },
    });
  });

  it('answers 401 without a token', async () => {
    const result = await call('PATCH', '/user/profile-update/', { industry: 'banking' });

    expect(result.status).toBe(401);
  });
});
