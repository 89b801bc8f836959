import { randomUUID } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import { DomainError, UploadedFile, type Storage } from '@career-nexus/api';
import type { FastifyRequest } from 'fastify';

export interface MultipartInput {
  /** Text fields as strings (arrays when repeated) and files as `UploadedFile`s. */
  fields: Record<string, unknown>;
  files: UploadedFile[];
}

/**
 * Reads a multipart request in arrival order, streaming each file straight to
 * storage: nothing is held whole in memory, and a file past `maxFileBytes`
 * stops being read at the limit. On any failure the files already stored are
 * removed, since no procedure will ever own them.
 */
export async function readMultipart(
  request: FastifyRequest,
  storage: Storage,
  maxFileBytes: number,
): Promise<MultipartInput> {
  const fields: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: maxFileBytes } })) {
      if (part.type === 'field') {
        add(fields, part.fieldname, part.value);
      } else if (part.filename) {
        const file = await store(part, storage);
        files.push(file);
        add(fields, part.fieldname, file);
      } else {
        // A file input left empty by a browser form: no file was chosen.
        part.file.resume();
      }
    }
  } catch (error) {
    await discard(storage, files);
    throw error;
  }
  return { fields, files };
}

/** Removes stored files that no procedure took; failures only leave garbage. */
export async function discard(storage: Storage, files: UploadedFile[]): Promise<void> {
  await Promise.allSettled(files.map((file) => storage.remove(file.key)));
}

async function store(part: MultipartFile, storage: Storage): Promise<UploadedFile> {
  const key = `${safeSegment(part.fieldname)}/${randomUUID()}${extensionOf(part.filename)}`;
  const stored = await storage.put(key, part.file, part.mimetype);

  // busboy stops passing bytes at the limit and marks the stream truncated.
  if (part.file.truncated) {
    await storage.remove(key);
    throw new DomainError('payload_too_large', `The file in "${part.fieldname}" is too large.`);
  }
  return new UploadedFile(stored.key, stored.url, part.filename, part.mimetype, part.file.bytesRead);
}

function add(fields: Record<string, unknown>, name: string, value: unknown): void {
  const current = fields[name];
  if (current === undefined) fields[name] = value;
  else if (Array.isArray(current)) current.push(value);
  else fields[name] = [current, value];
}

function safeSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'file';
}

function extensionOf(filename: string): string {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(filename);
  return match ? match[0].toLowerCase() : '';
}
