import { randomUUID } from 'node:crypto';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { DomainError, UploadedFile, type FormShape, type Storage } from '@career-nexus/api';
import type { FastifyRequest } from 'fastify';
import { storeChecked } from './checked-file.ts';

export interface MultipartInput {
  /** Text fields as strings (lists as arrays) and files as `UploadedFile`s. */
  fields: Record<string, unknown>;
  files: UploadedFile[];
}

type Part = Multipart | MultipartFile;

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
  const input: MultipartInput = { fields: {}, files: [] };
  const parts = request.parts({ limits: { fileSize: maxFileBytes } })[Symbol.asyncIterator]();
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      await take(next.value, input, storage, form).catch(async (error: unknown) => {
        await drain(next.value, parts);
        throw error;
      });
    }
  } catch (error) {
    await discard(storage, input.files);
    throw error;
  }
  return { fields: withLists(input.fields, form.lists), files: input.files };
}

async function take(part: Part, input: MultipartInput, storage: Storage, form: FormShape) {
  if (part.type === 'field') {
    add(input.fields, part.fieldname, part.value);
  } else if (part.filename) {
    const file = await storeFile(part, storage, form);
    input.files.push(file);
    add(input.fields, part.fieldname, file);
  } else {
    // A file input left empty by a browser form: no file was chosen.
    part.file.resume();
  }
}

/**
 * Reads the rest of a refused request and drops it. The parser waits for
 * each file part to be read before it goes on, so a part left unread would
 * stall the request, and its connection would hang until it timed out.
 */
async function drain(current: Part, parts: AsyncIterator<Part>): Promise<void> {
  if (current.type === 'file') current.file.resume();
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      if (next.value.type === 'file') next.value.file.resume();
    }
  } catch {
    // The parser gave up on the rest (a limit, a broken body): nothing left to read.
  }
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
