import { randomUUID } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import {
  DomainError,
  megabytes,
  UploadedFile,
  type FileRule,
  type Storage,
} from '@career-nexus/api';
// The Node entry by name: TypeScript would otherwise pick the browser typings.
import { fileTypeStream } from 'file-type/node';
import { ByteLimit } from './byte-limit.ts';

/**
 * Streams one file part to storage under its field's rule. The type is read
 * from the first bytes before anything is stored (415 otherwise), and the
 * stored copy is cut off and removed as soon as the part passes the rule's
 * size (413). The rest of a refused part is read and dropped, never held,
 * so that the parser can go on to the end of the request.
 */
export async function storeChecked(
  part: MultipartFile,
  storage: Storage,
  rule: FileRule,
): Promise<UploadedFile> {
  const field = part.fieldname;
  const sniffed = await fileTypeStream(part.file);
  const type = sniffed.fileType;
  if (!type || !rule.types.includes(type.mime)) {
    sniffed.resume();
    throw new DomainError(
      'unsupported_media_type',
      `"${field}" takes ${rule.label}, judged by its content; this file is not one.`,
    );
  }

  const key = `${field}/${randomUUID()}.${type.ext}`;
  const limit = new ByteLimit(rule.maxBytes);
  // pipe(), not pipeline(): a limit error must not tear down the part, whose end the parser awaits.
  sniffed.pipe(limit);
  try {
    await storage.put(key, limit, type.mime);
  } catch (error) {
    sniffed.unpipe(limit).resume();
    await storage.remove(key).catch(() => {});
    if (!limit.exceeded) throw error;
    throw tooLarge(field, rule);
  }
  // The server's own upload limit may be below the rule's: busboy then cuts the part short.
  if (part.file.truncated) {
    await storage.remove(key);
    throw tooLarge(field, rule);
  }
  return new UploadedFile(key, storage.url(key), part.filename, type.mime, limit.bytes);
}

function tooLarge(field: string, rule: FileRule): DomainError {
  return new DomainError(
    'payload_too_large',
    `"${field}" takes ${rule.label} of at most ${megabytes(rule.maxBytes)}; this file is larger.`,
  );
}
