import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function send(
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url}${path}`, { method, ...init });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? JSON.parse(text) : null,
  };
}

const json = (body: unknown) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('the REST door', () => {
  it('serves a documented path with its trailing slash and without it', async () => {
    const credentials = { email: 'nobody@example.com', password: 'Wrong-pass1' };

    const withSlash = await send('POST', '/user/signin/', json(credentials));
    const withoutSlash = await send('POST', '/user/signin', json(credentials));

    expect(withSlash.status).toBe(401);
    expect(withoutSlash.status).toBe(401);
    expect(withSlash.body).toEqual(withoutSlash.body);
    expect(withSlash.body).toMatchObject({
      code: 'invalid_credentials',
      message: expect.any(String),
    });
  });

  it('answers 405 with an Allow header for a wrong method on a documented path', async () => {
    const withSlash = await send('GET', '/user/signin/');
    const withoutSlash = await send('DELETE', '/user/signin');

    expect(withSlash.status).toBe(405);
    expect(withSlash.headers.get('allow')).toBe('POST');
    expect(withSlash.body).toMatchObject({ code: 'method_not_allowed' });
    expect(withoutSlash.status).toBe(405);
  });

  it('answers 404 in JSON for an unknown path', async () => {
    const response = await send('GET', '/no/such/place/?token=secret');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toEqual({
      code: 'not_found',
      message: 'No route for GET /no/such/place/.',
    });
  });

  it('refuses a body that is not valid JSON with 400 and a clear code', async () => {
    const response = await send('POST', '/user/signin/', {
      body: '{"email": "a@example.com",',
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 'bad_request',
      message: 'The request body is not valid JSON.',
    });
  });

  it('refuses invalid fields with 400 naming each field', async () => {
    const response = await send(
      'POST',
      '/user/signup/',
      json({ email: 'not-an-email', password1: 'short', password2: 'short' }),
    );

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(Object.keys(response.body.fields)).toEqual(
      expect.arrayContaining(['email', 'password1']),
    );
    expect(response.text).not.toMatch(/at .+\.ts:\d+/);
  });

  it('refuses a protected operation without a token with 401', async () => {
    const response = await send('PATCH', '/user/profile-update/', json({ industry: 'health' }));

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('refuses a protected operation with a bad token with 401', async () => {
    const response = await send('PATCH', '/user/profile-update', {
      ...json({ industry: 'health' }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token' },
    });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
  });

  it('refuses a content type the operation does not take with 415', async () => {
    const response = await send('POST', '/user/signin/', {
      body: 'email=a@example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });

  it("echoes a request id, the caller's when it sends a sane one", async () => {
    const given = await send('GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
    const made = await send('GET', '/healthz', {
      headers: { 'x-request-id': 'bad id {"level":60}' },
    });

    expect(given.headers.get('x-request-id')).toBe('trace-123');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
