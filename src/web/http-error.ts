import type { ServerResponse } from 'node:http';

/** A request that gets an error answer: the status and one Chinese sentence saying what is wrong and what to do. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The status for an input the CLI would refuse, by its InputError code. */
export function statusForInputError(code: string): number {
  switch (code) {
    case 'too-large':
    case 'docx-too-large':
    case 'docx-too-many-entries':
      return 413;
    case 'unsupported-format':
    case 'binary':
      return 415;
    case 'empty':
      return 400;
    case 'config-error':
      return 500;
    default:
      // docx-invalid, undecodable, unknown-encoding, lossy, unencodable …: the bytes arrived but cannot be used
      return 422;
  }
}

/** Every error answer has the same JSON shape: `{ "error": { "code", "message", line?, column? } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: { code: string; message: string; line?: number; column?: number },
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
