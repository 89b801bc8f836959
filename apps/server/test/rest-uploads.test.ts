import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doorRouter } from './fixtures/door-router.ts';
import { startTestServer, type TestServer } from './harness.ts';

const LIMIT = 64 * 1024;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ router: doorRouter, env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
});
afterAll(() => server.close());

function form(
  fields: Record<string, string | string[]>,
  file?: { field: string; bytes: number; name?: string },
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) body.append(name, item);
  }
  if (file) {
    const blob = new Blob([Buffer.alloc(file.bytes, 7)], { type: 'application/pdf' });
    body.append(file.field, blob, file.name ?? 'report.pdf');
  }
  return body;
}

interface Reply {
  code?: string;
  fields?: Record<string, string[]>;
  attachment?: { key: string; url: string; size: number };
}

async function post(path: string, body: FormData, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', body, headers });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Reply,
  };
}

async function storedFiles(): Promise<string[]> {
  const root = join(server.dataDir, 'uploads');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('multipart requests through the REST door', () => {
  it('streams the file to storage and hands the procedure the fields and the stored file', async () => {
    const response = await post(
      '/notes/',
      form({ title: 'Quarterly', tags: ['a', 'b'] }, { field: 'attachment', bytes: 1000 }),
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      title: 'Quarterly',
      tags: ['a', 'b'],
      attachment: {
        size: 1000,
        filename: 'report.pdf',
        key: expect.stringMatching(/^attachment\/.+\.pdf$/),
      },
    });
    const stored = await readFile(join(server.dataDir, 'uploads', response.body.attachment!.key));
    expect(stored.length).toBe(1000);
  });

  it('serves a stored file at its URL under /media/', async () => {
    const created = await post(
      '/notes/',
      form({ title: 'Served' }, { field: 'attachment', bytes: 300 }),
    );

    const response = await fetch(created.body.attachment!.url);

    expect(created.body.attachment!.url).toMatch(new RegExp(`^${server.url}/media/attachment/`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect((await response.arrayBuffer()).byteLength).toBe(300);
  });

  it('refuses a file past the limit with 413 and keeps none of it', async () => {
    const before = await storedFiles();

    const response = await post(
      '/notes/',
      form({ title: 'Huge' }, { field: 'attachment', bytes: LIMIT + 1 }),
    );

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    expect(await storedFiles()).toEqual(before);
  });

  it('removes the stored files when the procedure refuses the request', async () => {
    const before = await storedFiles();

    const response = await post('/notes/refused/', form({}, { field: 'attachment', bytes: 10 }));

    expect(response.status).toBe(415);
    expect(response.body).toEqual({ code: 'unsupported_media_type', message: 'Only PDF files.' });
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an anonymous upload to a protected operation before storing anything', async () => {
    const before = await storedFiles();

    const response = await post('/notes/private/', form({}, { field: 'attachment', bytes: 10 }));

    expect(response.status).toBe(401);
    expect(await storedFiles()).toEqual(before);
  });

  it('answers validation errors of multipart fields with 400 and the field names', async () => {
    const response = await post('/notes/', form({ title: '' }));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(Object.keys(response.body.fields!)).toEqual(['title']);
  });

  it('refuses multipart on an operation that takes JSON only with 415', async () => {
    const response = await fetch(`${server.url}/notes/limited/`, {
      method: 'POST',
      body: form({ a: 'b' }),
    });

    expect(response.status).toBe(415);
  });

  it('cannot be fooled by a JSON object shaped like a stored file', async () => {
    const forged = {
      key: 'attachment/someone-else.pdf',
      url: 'x',
      filename: 'x',
      contentType: 'x',
      size: 1,
    };

    const response = await fetch(`${server.url}/notes/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Forged', attachment: forged }),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as Reply).fields).toHaveProperty('attachment');
  });
});

describe('other REST door replies', () => {
  it('answers a 204 operation with no body', async () => {
    const response = await fetch(`${server.url}/notes/?note_id=3`, { method: 'DELETE' });

    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('reads GET input from the query string', async () => {
    const response = await fetch(`${server.url}/notes?page=4`);

    expect(await response.json()).toEqual({ page: 4 });
  });

  it('hides the details of a server fault behind a 500', async () => {
    const response = await fetch(`${server.url}/notes/crash/`);
    const text = await response.text();

    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      code: 'internal',
      message: 'Something went wrong on our side.',
    });
    expect(text).not.toContain('secret.internal');
  });

  it('sends Retry-After with a 429', async () => {
    const response = await fetch(`${server.url}/notes/limited/`, { method: 'POST' });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
  });

  it('lists every allowed method in Allow, HEAD beside GET', async () => {
    const response = await fetch(`${server.url}/notes/`, { method: 'PUT' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, GET, DELETE, HEAD');
  });
});
