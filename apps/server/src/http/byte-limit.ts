import { Transform, type TransformCallback } from 'node:stream';

/** A pass-through that fails once more than `maxBytes` have gone through it. */
export class ByteLimit extends Transform {
  bytes = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes <= this.maxBytes) return callback(null, chunk);

    this.exceeded = true;
    callback(new Error(`More than ${this.maxBytes} bytes`));
  }
}
