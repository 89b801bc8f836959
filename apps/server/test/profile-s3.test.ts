import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largePng, pngImage } from './fixtures/files.ts';
import { formOf, signUp } from './fixtures/members.ts';
import { startTestServer, type TestServer } from './harness.ts';

const BUCKET = 'career-nexus-test';
let s3: S3rver;
let s3Dir: string;
let endpoint: string;
let server: TestServer;

beforeAll(async () => {
  // A local server of the S3 protocol, on a free port, with its bucket made at start.
  s3Dir = await mkdtemp(join(tmpdir(), 'career-nexus-s3-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
  server = await startTestServer({
    env: {
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  });
});
afterAll(async () => {
  await server.close();
  await s3.close();
  await rm(s3Dir, { recursive: true, force: true });
});

/** The objects s3rver keeps for the bucket, read from its folder. */
async function objectsInBucket(): Promise<string[]> {
  const entries = await readdir(join(s3Dir, BUCKET), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('._S3rver_object'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function fetchBytes(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('profile uploads kept in S3', () => {
  it('puts an uploaded PNG in the bucket and answers a path-style URL that serves its bytes', async () => {
    const me = await signUp(server, 'learner');
    const photo = pngImage(77, 32, 32);

    const response = await me.send(
      'PUT',
      '/user/profile-update/',
      formOf({}, { profile_photo: { bytes: photo, name: 'me.png' } }),
    );
    const served = await fetchBytes(response.body.profile_photo);

    expect(response.status).toBe(200);
    expect(response.body.profile_photo).toMatch(
      new RegExp(`^${endpoint}/${BUCKET}/profile_photo/[\\w-]+\\.png$`),
    );
    expect(served).toEqual({ status: 200, type: 'image/png', bytes: photo });
    const key = new URL(response.body.profile_photo).pathname.slice(`/${BUCKET}/`.length);
    expect(await objectsInBucket()).toContainEqual(expect.stringContaining(key));
  });

  it('deletes the replaced photo from the bucket', async () => {
    const me = await signUp(server, 'learner');
    const form = (seed: number) =>
      formOf({}, { cover_photo: { bytes: pngImage(seed), name: 'cover.png' } });
    const first = await me.send('PUT', '/user/profile-update/', form(1));

    const second = await me.send('PUT', '/user/profile-update/', form(2));

    expect((await fetchBytes(first.body.cover_photo)).status).toBe(404);
    expect((await fetchBytes(second.body.cover_photo)).bytes).toEqual(pngImage(2));
  });

  it('refuses an image over 5 MB with 413 and leaves no object behind', async () => {
    const me = await signUp(server, 'learner');
    const before = await objectsInBucket();

    const response = await me.send(
      'PUT',
      '/user/profile-update/',
      formOf({}, { profile_photo: { bytes: largePng(6 * 2 ** 20), name: 'huge.png' } }),
    );

    expect(response.status).toBe(413);
    expect(await objectsInBucket()).toEqual(before);
  });

  it('still serves the default images from the server itself', async () => {
    const me = await signUp(server, 'learner');

    const { body } = await me.get('/user/retrieve-profile/');
    const photo = await fetchBytes(body.profile_photo);

    expect(body.profile_photo).toMatch(new RegExp(`^${server.url}/assets/`));
    expect(photo.type).toBe('image/png');
  });
});
