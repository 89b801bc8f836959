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
    /** The type the client declared; check the content before trusting it. */
    readonly contentType: string,
    readonly size: number,
  ) {}

  /** What a response or a log may show of it. */
  toJSON() {
    return { key: this.key, url: this.url, size: this.size };
  }
}

/** The input field of an uploaded file; documented as a binary form part. */
export const uploadedFile = z
  .instanceof(UploadedFile)
  .meta({ override: { type: 'string', format: 'binary' } });
