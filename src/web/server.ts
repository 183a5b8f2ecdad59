import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { WORKER_URL, type WorkerJob, workersAvailable } from '../cli/parallel.js';
import { WorkerPool } from '../cli/worker-pool.js';
import { DEFAULT_MAX_FILE_SIZE } from '../input/read.js';
import type { DocumentJobOutcome } from '../service/jobs.js';
import { MemoryBudget } from './body.js';
import { createHandler, type RouteContext } from './routes.js';
import { allowedHosts } from './security.js';
import { defaultPageDir, loadPage } from './static.js';

/**
 * `fazhi-lint serve`: one page and a small HTTP API over the document service. Documents are analysed in the
 * lint threads (cli/worker-pool.ts), never on the event loop; nothing is written to disk and nothing about a
 * request is kept but counts.
 */
export interface WebServerOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (0: any free port). */
  port: number;
  /** Where configs are looked up from and rule folders resolved (the folder the command runs in). */
  cwd: string;
  rules?: string[];
  config?: string;
  /** Lint threads (default: defaultWorkers()). */
  workers?: number;
  /** Largest upload (default: the CLI's --max-file-size default). */
  maxFileSize?: number;
  /** Time limit for one document's analysis (default 30 s). */
  timeoutMs?: number;
  /** Documents waiting for a thread before the server answers 503 (default 32). */
  maxQueue?: number;
  /** Request bodies held in memory at once across all requests (default 4 × maxFileSize). */
  memoryBudget?: number;
  /** Heap limit of each lint thread, in MB (default 256). */
  workerHeapMb?: number;
  /** More `Host` names this server answers to (an office server's DNS name). */
  allowedHosts?: string[];
  pageDir?: string;
  version: string;
}

export interface WebServer {
  server: Server;
  url: string;
  host: string;
  port: number;
  counts: RouteContext['counts'];
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The server could not start for a reason the person starting it can fix (broken rules or config). */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * Lint threads by default: one per core but one, which the HTTP thread keeps (as the CLI's --jobs default
 * does), at most 4. On 2 cores that is one thread: 20 clients measured p95 0.6–0.9 s and at most 213 MB RSS
 * with bad inputs mixed in, against 0.3–0.7 s and up to 299 MB with two threads (each thread holds its own
 * linter and segmentation dictionary).
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  if (!workersAvailable())
    throw new Error('找不到编译后的检查线程（dist/cli/parallel-worker.js）：请先运行 npm run build');
  const host = options.host ?? '127.0.0.1';
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const page = loadPage(options.pageDir ?? defaultPageDir());
  const pool = new WorkerPool<WorkerJob, DocumentJobOutcome>({
    url: WORKER_URL,
    size: options.workers ?? defaultWorkers(),
    workerData: {
      cwd: options.cwd,
      rules: options.rules ?? [],
      config: options.config,
      mode: 'lint',
      preload: 'document',
    },
    maxQueue: options.maxQueue ?? 32,
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 256 },
  });
  // The rules are loaded (and the first thread warmed) before the address is printed: broken rules or config
  // stop the command with their message instead of failing every request.
  let rules: string;
  try {
    const outcome = await pool.run({ type: 'document', job: { op: 'rules' } });
    rules = JSON.stringify((outcome as { rules: unknown }).rules);
    // a report in the folder the command runs in: its config is what every upload gets
    const probe = new TextEncoder().encode(
      '某镇2023年法治政府建设情况报告\n一、主要成效\n我镇深入推进依法行政。\n',
    );
    const checked = await pool.run({ type: 'document', job: { op: 'lint', name: '示例.txt', bytes: probe } });
    if ('failure' in checked) throw new Error(checked.failure.message);
  } catch (e) {
    await pool.close();
    throw new StartupError(`网页未启动：${(e as Error).message}`);
  }
  const ctx: RouteContext = {
    pool,
    hosts: new Set(),
    page,
    maxFileSize,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    budget: new MemoryBudget(options.memoryBudget ?? 4 * maxFileSize),
    version: options.version,
    counts: { ok: 0, clientError: 0, serverError: 0, aborted: 0 },
    cache: { rules, explain: new Map() },
  };
  const server = createServer(createHandler(ctx));
  // A slow upload may not hold a connection for ever (slowloris); the analysis has its own limit.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await pool.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  for (const h of allowedHosts(host, port, options.allowedHosts)) ctx.hosts.add(h);
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    server,
    url,
    host,
    port,
    counts: ctx.counts,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([closed, pool.close()]);
      })();
      return closing;
    },
  };
}
