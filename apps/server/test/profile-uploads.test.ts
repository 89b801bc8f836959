import { readdir } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { profiles } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { largePng, mp4Video, pdfDocument, pngImage, textFile } from './fixtures/files.ts';
import { formOf, signUp, type Member } from './fixtures/members.ts';
import { watchStorage } from './fixtures/watched-storage.ts';
import { startTestServer, type TestServer } from './harness.ts';

const MB = 2 ** 20;
let server: TestServer;
let storage: ReturnType<typeof watchStorage>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => storage?.restore());

const learner = () => signUp(server, 'learner');
const mentor = () => signUp(server, 'mentor');

const update = (member: Member, form: FormData) =>
  member.send('PUT', '/user/profile-update/', form);

async function storedFiles(): Promise<string[]> {
  const root = join(server.dataDir, 'uploads');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A request through `agent` (node:http), so that tests choose which connection it uses. */
async function sendThrough(
  agent: Agent,
  method: string,
  path: string,
  token: string,
  form?: FormData,
) {
  const encoded = form && new Request('http://form.test', { method: 'POST', body: form });
  const body = encoded ? Buffer.from(await encoded.arrayBuffer()) : undefined;
  const headers = {
    authorization: `Bearer ${token}`,
    ...(encoded && { 'content-type': encoded.headers.get('content-type')! }),
  };
  return new Promise<number>((resolve, reject) => {
    const outgoing = request(`${server.url}${path}`, { method, agent, headers }, (response) => {
      response.resume().on('end', () => resolve(response.statusCode!));
    });
    outgoing.on('error', reject).end(body);
  });
}

async function keysOf(member: Member) {
  const [row] = await server.services.db
    .select()
    .from(profiles)
    .where(eq(profiles.userId, member.id));
  return row!;
}

async function bytesAt(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('PUT /user/profile-update/ with multipart/form-data', () => {
  it('stores a PNG profile photo and serves the same bytes at the URL it answers', async () => {
    const me = await learner();
    const photo = pngImage(41);

    const response = await update(
      me,
      formOf({ first_name: 'Ada' }, { profile_photo: { bytes: photo, name: 'me.png' } }),
    );
    const served = await bytesAt(response.body.profile_photo);

    expect(response.status).toBe(200);
    expect(response.body.first_name).toBe('Ada');
    expect(response.body.profile_photo).toMatch(
      new RegExp(`^${server.url}/media/profile_photo/[\\w-]+\\.png$`),
    );
    expect(served).toEqual({ status: 200, type: 'image/png', bytes: photo });
  });

  it('shows the uploaded photo, video and resume when the profile is read', async () => {
    const me = await learner();

    await update(
      me,
      formOf(
        {},
        {
          cover_photo: { bytes: pngImage(7), name: 'cover.png' },
          intro_video: { bytes: mp4Video(), name: 'hello.mp4' },
          resume: { bytes: pdfDocument(), name: 'cv.pdf' },
        },
      ),
    );
    const { body } = await me.get('/user/retrieve-profile/');

    expect(body.cover_photo).toMatch(/\/media\/cover_photo\/.+\.png$/);
    expect(body.intro_video).toMatch(/\/media\/intro_video\/.+\.mp4$/);
    expect(body.resume).toMatch(/\/media\/resume\/.+\.pdf$/);
    expect((await bytesAt(body.resume)).bytes).toEqual(pdfDocument());
  });

  it('decides the type by content, not by the name or declared type', async () => {
    const me = await learner();

    const response = await update(
      me,
      formOf({}, { intro_video: { bytes: mp4Video(), name: 'clip.bin', type: 'text/plain' } }),
    );

    expect(response.status).toBe(200);
    expect(response.body.intro_video).toMatch(/\.mp4$/);
    expect((await bytesAt(response.body.intro_video)).type).toBe('video/mp4');
  });

  it('refuses a text file named .png with 415 before storing any of it', async () => {
    const me = await learner();
    const before = await storedFiles();
    storage = watchStorage(server);

    const response = await update(
      me,
      formOf({}, { profile_photo: { bytes: textFile(), name: 'photo.png', type: 'image/png' } }),
    );

    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      code: 'unsupported_media_type',
      message:
        '"profile_photo" takes a JPEG, PNG or WebP image, judged by its content; this file is not one.',
    });
    expect(storage.puts).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file of a known type that the field does not take', async () => {
    const me = await learner();

    const response = await update(
      me,
      formOf({}, { profile_photo: { bytes: pdfDocument(), name: 'photo.png' } }),
    );

    expect(response.status).toBe(415);
    expect((await keysOf(me)).profilePhoto).toBeNull();
  });

  it('refuses a 6 MB image with 413, streaming it only up to the 5 MB limit and keeping nothing', async () => {
    const me = await learner();
    const before = await storedFiles();
    storage = watchStorage(server);

    const response = await update(
      me,
      formOf({}, { cover_photo: { bytes: largePng(6 * MB), name: 'huge.png' } }),
    );

    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      code: 'payload_too_large',
      message:
        '"cover_photo" takes a JPEG, PNG or WebP image of at most 5 MB; this file is larger.',
    });
    expect(storage.puts).toHaveLength(1);
    expect(storage.puts[0]!.streamed).toBe(true);
    expect(storage.puts[0]!.bytes).toBeLessThanOrEqual(5 * MB);
    expect(storage.removed).toEqual([storage.puts[0]!.key]);
    expect(await storedFiles()).toEqual(before);
    expect((await keysOf(me)).coverPhoto).toBeNull();
  });

  it('reads the rest of a refused request, so that its connection serves the next one', async () => {
    const me = await learner();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const form = formOf(
      { bio: 'Still here' },
      {
        profile_photo: { bytes: textFile(), name: 'photo.png' },
        cover_photo: { bytes: largePng(3 * MB), name: 'cover.png' },
        resume: { bytes: pdfDocument(), name: 'cv.pdf' },
      },
    );

    const refused = await sendThrough(agent, 'PUT', '/user/profile-update/', me.access, form);
    const next = await sendThrough(agent, 'GET', '/user/retrieve-profile/', me.access);
    agent.destroy();

    expect(refused).toBe(415);
    expect(next).toBe(200);
  });

  it('deletes the replaced photo from storage once the new one is in place', async () => {
    const me = await learner();
    const first = await update(
      me,
      formOf({}, { profile_photo: { bytes: pngImage(1), name: 'a.png' } }),
    );

    const second = await update(
      me,
      formOf({}, { profile_photo: { bytes: pngImage(2), name: 'b.png' } }),
    );

    expect(second.status).toBe(200);
    expect((await bytesAt(first.body.profile_photo)).status).toBe(404);
    expect((await bytesAt(second.body.profile_photo)).bytes).toEqual(pngImage(2));
    expect((await keysOf(me)).profilePhoto).toMatch(/^profile_photo\//);
  });

  it('keeps no file of an update refused for its text fields', async () => {
    const me = await learner();
    const before = await storedFiles();

    const response = await update(
      me,
      formOf(
        { timezone: 'Nowhere/Town' },
        { profile_photo: { bytes: pngImage(3), name: 'ok.png' } },
      ),
    );

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['timezone']);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file in a field that takes text, storing nothing', async () => {
    const me = await learner();
    const before = await storedFiles();

    const response = await update(me, formOf({}, { bio: { bytes: pngImage(4), name: 'bio.png' } }));

    expect(response.status).toBe(400);
    expect(response.body.message).toBe('This operation takes no file in "bio".');
    expect(await storedFiles()).toEqual(before);
  });

  it('reads list fields sent as repeated parts, as one part, or as a JSON array', async () => {
    const me = await mentor();

    const response = await update(
      me,
      formOf({
        technical_skills: ['Python', 'Devops'],
        mentorship_styles: 'Pairing',
        areas_of_expertise: '["Backend", "Databases"]',
        years_of_experience: '6',
      }),
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      technical_skills: ['Python', 'Devops'],
      mentorship_styles: ['Pairing'],
      areas_of_expertise: ['Backend', 'Databases'],
      years_of_experience: 6,
    });
  });

  it('refuses a JSON list part that holds something other than strings', async () => {
    const me = await mentor();

    const response = await update(me, formOf({ technical_skills: '[1, 2]' }));

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['technical_skills.0', 'technical_skills.1']);
  });
});
