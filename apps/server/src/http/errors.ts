import {
  appCodeOf,
  DomainError,
  errorTable,
  fieldErrors,
  statusOf,
  type ErrorCode,
} from '@career-nexus/api';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** The documented error body. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
}

export interface ErrorReply {
  status: number;
  body: ErrorBody;
  /** Seconds, for the `Retry-After` header of a 429. */
  retryAfter?: number | undefined;
}

const HIDDEN = 'Something went wrong on our side.';

/** The code a bare HTTP status answers with, for errors raised outside the procedures. */
const codeOfStatus = new Map<number, ErrorCode>([
  [400, 'bad_request'],
  [401, 'unauthenticated'],
  [403, 'forbidden'],
  [404, 'not_found'],
  [405, 'method_not_allowed'],
  [409, 'conflict'],
  [413, 'payload_too_large'],
  [415, 'unsupported_media_type'],
  [429, 'rate_limited'],
]);

/** Fastify's parser errors, worded for the person who sent the request. */
const parserMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its type says JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted here.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_REQ_FILE_TOO_LARGE: 'A file is larger than allowed.',
};

/**
 * Turns anything thrown while serving a request into the documented error
 * reply. Server faults keep their details for the log, never for the body.
 */
export function errorReplyOf(error: unknown): ErrorReply {
  if (error instanceof TRPCError) return fromTrpc(error);
  return fromHttp(error as { statusCode?: number; code?: string; message?: string });
}

function fromTrpc(error: TRPCError): ErrorReply {
  // Output validation also fails with a ZodError cause, but as a server fault.
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    return {
      status: 400,
      body: {
        code: 'validation_failed',
        message: 'Some fields are invalid.',
        fields: fieldErrors(error.cause.issues),
      },
    };
  }
  const code = appCodeOf(error);
  const status = statusOf(code);
  const message = status >= 500 ? HIDDEN : error.message;
  const retryAfter = error instanceof DomainError ? error.retryAfter : undefined;
  return { status, body: { code, message }, retryAfter };
}

function fromHttp(error: { statusCode?: number; code?: string; message?: string }): ErrorReply {
  const status = error.statusCode ?? 500;
  const code = codeOfStatus.get(status) ?? 'internal';
  if (code === 'internal') return { status: statusOf('internal'), body: { code, message: HIDDEN } };
  const message = parserMessages[error.code ?? ''] ?? error.message ?? code;
  return { status: errorTable[code].status, body: { code, message } };
}
