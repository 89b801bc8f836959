import { randomUUID } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import { DomainError, UploadedFile, type FormShape, type Storage } from '@career-nexus/api';
import type { FastifyRequest } from 'fastify';
import { storeChecked } from './checked-file.ts';

export interface MultipartInput {
  /** Text fields as strings (lists as arrays) and files as `UploadedFile`s. */
  fields: Record<string, unknown>;
  files: UploadedFile[];
}

/**
 * Reads a multipart request in arrival order, streaming each file straight to
 * storage: nothing is held whole in memory. A file field with a rule is
 * checked while it streams (see `storeChecked`); one without stops being
 * read at `maxFileBytes`. A file in a field the operation does not take is
 * refused before it is stored. On any failure the files already stored are
 * removed, since no procedure will ever own them.
 */
export async function readMultipart(
  request: FastifyRequest,
  storage: Storage,
  form: FormShape,
  maxFileBytes: number,
): Promise<MultipartInput> {
  const fields: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: maxFileBytes } })) {
      if (part.type === 'field') {
        add(fields, part.fieldname, part.value);
      } else if (part.filename) {
        const file = await storeFile(part, storage, form);
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
  return { fields: withLists(fields, form.lists), files };
}

/** Removes stored files that no procedure took; failures only leave garbage. */
export async function discard(storage: Storage, files: UploadedFile[]): Promise<void> {
  await Promise.allSettled(files.map((file) => storage.remove(file.key)));
}

async function storeFile(
  part: MultipartFile,
  storage: Storage,
  form: FormShape,
): Promise<UploadedFile> {
  if (!form.files.has(part.fieldname)) {
    part.file.resume();
    throw new DomainError('bad_request', `This operation takes no file in "${part.fieldname}".`);
  }
  const rule = form.files.get(part.fieldname);
  return rule ? storeChecked(part, storage, rule) : storeAsDeclared(part, storage);
}

/** A field with no rule: stored under the type and extension the client gave. */
async function storeAsDeclared(part: MultipartFile, storage: Storage): Promise<UploadedFile> {
  const key = `${safeSegment(part.fieldname)}/${randomUUID()}${extensionOf(part.filename)}`;
  const stored = await storage.put(key, part.file, part.mimetype);

  // busboy stops passing bytes at the limit and marks the stream truncated.
  if (part.file.truncated) {
    await storage.remove(key);
    throw new DomainError('payload_too_large', `The file in "${part.fieldname}" is too large.`);
  }
  return new UploadedFile(
    stored.key,
    stored.url,
    part.filename,
    part.mimetype,
    part.file.bytesRead,
  );
}

function add(fields: Record<string, unknown>, name: string, value: unknown): void {
  const current = fields[name];
  if (current === undefined) fields[name] = value;
  else if (Array.isArray(current)) current.push(value);
  else fields[name] = [current, value];
}

/**
 * A form sends a list as repeated parts, so one part is a list of one. A
 * single part that starts like a JSON array is read as JSON, for clients
 * that send lists as they would in JSON; the schema judges what it holds.
 */
function withLists(fields: Record<string, unknown>, lists: Set<string>): Record<string, unknown> {
  for (const name of lists) {
    const value = fields[name];
    if (value === undefined || Array.isArray(value)) continue;
    fields[name] =
      typeof value === 'string' && value.trimStart().startsWith('[') ? jsonOr(value) : [value];
  }
  return fields;
}

function jsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function safeSegment(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'file';
}

function extensionOf(filename: string): string {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(filename);
  return match ? match[0].toLowerCase() : '';
}
