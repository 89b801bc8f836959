import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from './fixtures/fake-resend.ts';
import { startTestServer, type TestServer } from './harness.ts';

const API_KEY = 're_test_key';
let resend: FakeResend;
let server: TestServer;

beforeAll(async () => {
  resend = await startFakeResend(API_KEY);
  server = await startTestServer({
    env: {
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: resend.url,
      MAIL_FROM: 'Career Nexus <hello@example.com>',
    },
  });
});
afterAll(async () => {
  await server.close();
  await resend.close();
});

describe('mail through Resend', () => {
  it('delivers the signup code through the Resend API and writes no outbox file', async () => {
    const email = 'resend-user@example.com';

    const response = await fetch(`${server.url}/user/signup/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password1: 'Sturdy-Pass1', password2: 'Sturdy-Pass1' }),
    });

    expect(response.status).toBe(201);
    expect(resend.received).toHaveLength(1);
    const [sent] = resend.received;
    expect(sent!.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent!.body).toMatchObject({ from: 'Career Nexus <hello@example.com>', to: email });
    expect(sent!.body.text).toMatch(/\b\d{6}\b/);
    expect(await server.mailTo(email)).toEqual([]);
  });
});
