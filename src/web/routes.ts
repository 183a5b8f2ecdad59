import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkerJob } from '../cli/parallel.js';
import { JobTimeoutError, PoolBusyError, type WorkerPool } from '../cli/worker-pool.js';
import type { Explanation } from '../service/explain.js';
import type { DocumentJob, DocumentJobOutcome, FixJobResult, LintJobResult } from '../service/jobs.js';
import { ClientGoneError, type MemoryBudget, readBody } from './body.js';
import { HttpError, sendError, statusForInputError } from './http-error.js';
import { checkOrigin, setSecurityHeaders } from './security.js';
import type { PageFile } from './static.js';

export interface RouteContext {
  pool: WorkerPool<WorkerJob, DocumentJobOutcome>;
  hosts: Set<string>;
  page: Map<string, PageFile>;
  maxFileSize: number;
  timeoutMs: number;
  budget: MemoryBudget;
  version: string;
  /** Counts by status class, the only thing the server keeps about requests. */
  counts: Record<'ok' | 'clientError' | 'serverError' | 'aborted', number>;
  /** Answers that depend only on the rules: `GET /api/rules` and each rule's explanation. */
  cache: { rules?: string; explain: Map<string, { status: number; body: string }> };
}

const JSON_TYPE = 'application/json; charset=utf-8';

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string>,
) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}

/** `X-Filename`: the file's name, percent-encoded UTF-8 (header values are Latin-1). */
function fileName(req: IncomingMessage): string {
  const raw = req.headers['x-filename'];
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new HttpError(
      400,
      'missing-filename',
      '缺少请求头 X-Filename：请给出文件名（按 UTF-8 百分号编码，如 %E6%8A%A5%E5%91%8A.txt），它决定文件格式',
    );
  }
  let name: string;
  try {
    name = decodeURIComponent(raw.trim());
  } catch {
    throw new HttpError(
      400,
      'bad-filename',
      '请求头 X-Filename 不是有效的百分号编码（应为 UTF-8 编码后的 %XX 形式）',
    );
  }
  if (name.length > 255 || [...name].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new HttpError(400, 'bad-filename', '请求头 X-Filename 中的文件名无效（过长或含有控制字符）');
  }
  return name;
}

function optionalHeader(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Runs a job in a lint thread within the time limit; its failures become the HTTP errors they stand for. */
async function runJob(
  ctx: RouteContext,
  job: DocumentJob,
  transfer: ArrayBuffer[] = [],
): Promise<DocumentJobOutcome> {
  let outcome: DocumentJobOutcome;
  try {
    outcome = await ctx.pool.run({ type: 'document', job }, { timeoutMs: ctx.timeoutMs, transfer });
  } catch (e) {
    if (e instanceof PoolBusyError)
      throw new HttpError(503, 'busy', '服务器正忙（排队检查的文件过多），请稍后再试', {
        'Retry-After': '5',
      });
    if (e instanceof JobTimeoutError)
      throw new HttpError(
        503,
        'timeout',
        `检查超过 ${Math.round(ctx.timeoutMs / 1000)} 秒仍未完成，已中止。文档可能过大或服务器正忙，请稍后再试`,
      );
    throw new HttpError(500, 'internal', `服务器内部错误：${(e as Error).message}（请报告此问题）`);
  }
  if ('failure' in outcome) {
    const f = outcome.failure;
    throw new HttpError(statusForInputError(f.code), f.code, f.message);
  }
  return outcome;
}

/** Reads an upload, then runs the job made from its bytes; the body's memory is given back when the job ends. */
async function withUpload<T>(
  ctx: RouteContext,
  req: IncomingMessage,
  work: (bytes: Uint8Array, name: string) => Promise<T>,
): Promise<T> {
  const name = fileName(req);
  const { bytes, release } = await readBody(req, ctx.maxFileSize, ctx.budget);
  try {
    if (bytes.length === 0)
      throw new HttpError(400, 'empty', `${name} 是空文件（请求体为空）：请上传报告文件的内容`);
    // a standalone copy that can be moved to the lint thread without copying again
    const own = new Uint8Array(bytes.length);
    own.set(bytes);
    return await work(own, name);
  } finally {
    release();
  }
}

async function handleApi(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const allow = (methods: string) => {
    if (!methods.split(', ').includes(method))
      throw new HttpError(405, 'method-not-allowed', `${path} 不支持 ${method} 请求（可用：${methods}）`, {
        Allow: methods,
      });
  };
  if (path === '/healthz') {
    allow('GET, HEAD');
    return send(res, 200, JSON.stringify({ status: 'ok', version: ctx.version, load: ctx.pool.load }), {
      'Content-Type': JSON_TYPE,
    });
  }
  if (path === '/api/rules') {
    allow('GET, HEAD');
    if (!ctx.cache.rules) {
      const outcome = await runJob(ctx, { op: 'rules' });
      ctx.cache.rules = JSON.stringify((outcome as { rules: unknown }).rules);
    }
    return send(res, 200, ctx.cache.rules, { 'Content-Type': JSON_TYPE });
  }
  const ruleMatch = /^\/api\/rules\/([^/]+)$/.exec(path);
  if (ruleMatch) {
    allow('GET, HEAD');
    let id: string;
    try {
      id = decodeURIComponent(ruleMatch[1] as string);
    } catch {
      throw new HttpError(400, 'bad-request', '规则名不是有效的百分号编码');
    }
    let cached = ctx.cache.explain.get(id);
    if (!cached) {
      const outcome = await runJob(ctx, { op: 'explain', ruleId: id });
      if ('unknown' in outcome) {
        const similar = outcome.similar;
        cached = {
          status: 404,
          body: JSON.stringify({
            error: {
              code: 'unknown-rule',
              message: `没有名为 “${id}” 的规则。${similar.length ? `相近的规则：${similar.join('、')}。` : ''}GET /api/rules 列出全部规则`,
              similar,
            },
          }),
        };
      } else {
        // the rule file's path and a file: link mean nothing to a browser on another machine
        const {
          file: _file,
          url: link,
          ...explanation
        } = (outcome as { explanation: Explanation }).explanation;
        const shown = /^https?:/.test(link) ? { ...explanation, url: link } : explanation;
        cached = { status: 200, body: JSON.stringify(shown) };
      }
      if (ctx.cache.explain.size < 1000) ctx.cache.explain.set(id, cached);
    }
    return send(res, cached.status, cached.body, { 'Content-Type': JSON_TYPE });
  }
  if (path === '/api/lint') {
    allow('POST');
    const detail = url.searchParams.get('detail') === '1';
    const encoding = optionalHeader(req, 'x-encoding');
    const outcome = (await withUpload(ctx, req, (bytes, name) =>
      runJob(ctx, { op: 'lint', name, bytes, detail, ...(encoding ? { encoding } : {}) }, [
        bytes.buffer as ArrayBuffer,
      ]),
    )) as LintJobResult;
    const body = detail ? `{"results":${outcome.json.trimEnd()},"detail":${outcome.detail}}` : outcome.json;
    return send(res, 200, body, { 'Content-Type': JSON_TYPE });
  }
  if (path === '/api/fix') {
    allow('POST');
    const encoding = optionalHeader(req, 'x-encoding');
    const outputEncoding = optionalHeader(req, 'x-output-encoding');
    const outcome = (await withUpload(ctx, req, (bytes, name) =>
      runJob(
        ctx,
        {
          op: 'fix',
          name,
          bytes,
          ...(encoding ? { encoding } : {}),
          ...(outputEncoding
            ? { output: { encoding: outputEncoding, bom: optionalHeader(req, 'x-output-bom') === '1' } }
            : {}),
        },
        [bytes.buffer as ArrayBuffer],
      ),
    )) as FixJobResult;
    return send(res, 200, outcome.bytes, {
      'Content-Type': outcome.contentType,
      'Content-Disposition': attachment(outcome.fileName),
      'X-Fazhi-Remaining': String(outcome.remaining),
      'X-Fazhi-Changed': outcome.changed ? '1' : '0',
    });
  }
  if (path === '/api/annotate') {
    allow('POST');
    const outcome = await withUpload(ctx, req, (bytes, name) =>
      runJob(ctx, { op: 'annotate', name, bytes }, [bytes.buffer as ArrayBuffer]),
    );
    const { annotated, fileName: name } = outcome as { annotated: Uint8Array; fileName: string };
    return send(res, 200, annotated, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': attachment(name),
    });
  }
  throw new HttpError(404, 'not-found', `没有这个接口：${path}（可用接口见 README）`);
}

/** `attachment` with an ASCII fallback name and the real (UTF-8) one, as RFC 6266 allows. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createHandler(ctx: RouteContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    try {
      checkOrigin(req, ctx.hosts);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = ctx.page.get(url.pathname);
      if (file) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          throw new HttpError(405, 'method-not-allowed', `${url.pathname} 只支持 GET 请求`, {
            Allow: 'GET, HEAD',
          });
        res.setHeader('Cache-Control', 'no-cache');
        // for HEAD, Node sends the headers (with the real length) and no body
        send(res, 200, file.body, { 'Content-Type': file.contentType });
      } else await handleApi(ctx, req, res, url);
      ctx.counts.ok++;
    } catch (e) {
      if (e instanceof ClientGoneError) {
        ctx.counts.aborted++;
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        if (e.status >= 500) ctx.counts.serverError++;
        else ctx.counts.clientError++;
        sendError(res, e.status, { code: e.code, message: e.message }, e.headers);
        return;
      }
      ctx.counts.serverError++;
      sendError(res, 500, {
        code: 'internal',
        message: `服务器内部错误：${(e as Error).message}（请报告此问题）`,
      });
    }
  };
}
