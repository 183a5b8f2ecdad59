import type { ApiError, Explanation, LintResponse } from './types.js';

/** A request the server answered with an error: its status and its Chinese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function failure(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as ApiError;
    return new ApiFailure(res.status, body.error.code, body.error.message);
  } catch {
    return new ApiFailure(res.status, 'http', `服务器返回 ${res.status}`);
  }
}

function uploadHeaders(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-Filename': encodeURIComponent(name), 'Content-Type': 'application/octet-stream', ...extra };
}

async function call(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiFailure(0, 'network', '无法连接检查服务：请确认 fazhi-lint serve 仍在运行');
  }
  if (!res.ok) throw await failure(res);
  return res;
}

export async function lint(body: Blob | string, name: string, signal?: AbortSignal): Promise<LintResponse> {
  const res = await call('/api/lint?detail=1', {
    method: 'POST',
    headers: uploadHeaders(name),
    body,
    ...(signal ? { signal } : {}),
  });
  return (await res.json()) as LintResponse;
}

export interface Download {
  blob: Blob;
  fileName: string;
  remaining: number;
}

/** The name in a Content-Disposition header (the UTF-8 `filename*` when there is one). */
function dispositionName(res: Response, fallback: string): string {
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through
    }
  }
  return fallback;
}

export async function fix(
  body: Blob | string,
  name: string,
  output?: { encoding: string; bom: boolean },
): Promise<Download> {
  const extra: Record<string, string> = output
    ? { 'X-Output-Encoding': output.encoding, 'X-Output-BOM': output.bom ? '1' : '0' }
    : {};
  const res = await call('/api/fix', { method: 'POST', headers: uploadHeaders(name, extra), body });
  return {
    blob: await res.blob(),
    fileName: dispositionName(res, name),
    remaining: Number(res.headers.get('X-Fazhi-Remaining') ?? '0'),
  };
}

export async function annotate(body: Blob, name: string): Promise<Download> {
  const res = await call('/api/annotate', { method: 'POST', headers: uploadHeaders(name), body });
  return { blob: await res.blob(), fileName: dispositionName(res, name), remaining: 0 };
}

const explanations = new Map<string, Promise<Explanation>>();

export function explain(ruleId: string): Promise<Explanation> {
  let p = explanations.get(ruleId);
  if (!p) {
    p = call(`/api/rules/${encodeURIComponent(ruleId)}`, { method: 'GET' }).then(
      (r) => r.json() as Promise<Explanation>,
    );
    p.catch(() => explanations.delete(ruleId));
    explanations.set(ruleId, p);
  }
  return p;
}
