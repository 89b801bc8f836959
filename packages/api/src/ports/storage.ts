import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

export interface StoredFile {
  key: string;
  url: string;
}

/** Where uploaded files live; keys are relative paths such as `profile_photos/<uuid>.png`. */
export interface Storage {
  put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredFile>;
  remove(key: string): Promise<void>;
  url(key: string): string;
}

/** Files under a folder, served by the server at `/media/`. */
export function createDiskStorage(root: string, publicBaseUrl: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    // Keys come from our own code, but a traversal must never escape the root.
    if (!path.startsWith(base + sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return path;
  };
  const url = (key: string) => `${publicBaseUrl.replace(/\/$/, '')}/media/${key}`;

  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await pipeline(body, createWriteStream(path));
      return { key, url: url(key) };
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    url,
  };
}

/** Opens a stored file on disk, for the `/media/` route. */
export function openDiskFile(root: string, key: string) {
  return createReadStream(join(resolve(root), key));
}

export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  forcePathStyle: boolean;
  /** Base URL that serves the bucket's objects; defaults to the endpoint or AWS. */
  publicUrl?: string | undefined;
}

export function createS3Storage(options: S3Options): Storage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
  });
  const base = (options.publicUrl ?? defaultS3Base(options)).replace(/\/$/, '');
  const url = (key: string) => `${base}/${key}`;

  return {
    async put(key, body, contentType) {
      // A multipart upload streams the body; nothing is held whole in memory.
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: key, Body: body, ContentType: contentType },
      });
      await upload.done();
      return { key, url: url(key) };
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key }));
    },
    url,
  };
}

function defaultS3Base(options: S3Options): string {
  if (options.endpoint) {
    const endpoint = options.endpoint.replace(/\/$/, '');
    return options.forcePathStyle
      ? `${endpoint}/${options.bucket}`
      : endpoint.replace('://', `://${options.bucket}.`);
  }
  return `https://${options.bucket}.s3.${options.region}.amazonaws.com`;
}
