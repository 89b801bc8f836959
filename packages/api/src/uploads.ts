import { z } from 'zod';

/**
 * A file of a multipart request, already streamed to the storage port by the
 * REST door before the procedure runs. It is a class so that procedures can
 * tell it from look-alike JSON: no request body can build an instance, so a
 * client cannot point a procedure at someone else's stored key.
 */
export class UploadedFile {
  constructor(
    readonly key: string,
    readonly url: string,
    /** The name the client gave; never trusted as a path. */
    readonly filename: string,
    /**
     * For a field with a {@link FileRule}, the type its content was found to
     * be; otherwise the type the client declared, to check before trusting.
     */
    readonly contentType: string,
    readonly size: number,
  ) {}

  /** What a response or a log may show of it. */
  toJSON() {
    return { key: this.key, url: this.url, size: this.size };
  }
}

/** What a file field accepts. The REST door enforces it while the file streams in. */
export interface FileRule {
  /** MIME types the content may be, as its first bytes tell, not its name. */
  types: readonly string[];
  maxBytes: number;
  /** What the field takes, for refusals: "a JPEG, PNG or WebP image". */
  label: string;
}

/**
 * Every file field of every contract, with its rule or null. (A registry
 * answers an empty entry as no entry, hence null rather than absent.)
 */
const fileFields = z.registry<{ rule: FileRule | null }>();

const binary = { override: { type: 'string', format: 'binary' } } as const;

/**
 * The input field of an uploaded file of any type, up to the server's
 * upload limit; documented as a binary form part.
 */
export const uploadedFile = z.instanceof(UploadedFile).meta(binary);
fileFields.add(uploadedFile, { rule: null });

/**
 * The input field of an uploaded file that must follow `rule`. The door
 * refuses other files before storing them (415, 413); the check here keeps
 * the rule true for any other way a file could reach the procedure.
 */
export function fileField(rule: FileRule) {
  // One custom schema, not instanceof().refine(): zod-openapi cannot document the
  // undecorated schema a refinement leaves behind.
  const field = z
    .custom<UploadedFile>(
      (value) =>
        value instanceof UploadedFile &&
        rule.types.includes(value.contentType) &&
        value.size <= rule.maxBytes,
      { message: `Upload ${rule.label} of at most ${megabytes(rule.maxBytes)}.` },
    )
    .meta(binary);
  fileFields.add(field, { rule });
  return field;
}

/** Whether `schema` is a file field, and its rule: what the door reads. */
export function fileFieldOf(schema: z.ZodType): { rule: FileRule | null } | undefined {
  return fileFields.get(schema);
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
}
