import type { ResourceLimits, Worker } from 'node:worker_threads';
import { builtins } from '../util/builtins.js';

/**
 * The lint threads: a fixed number of workers (parallel-worker.ts) that each create their linter once and then
 * take jobs. `fazhi-lint --jobs` feeds it files for one run; `fazhi-lint serve` keeps it for its lifetime, with a
 * bounded queue, a time limit per job and a memory limit per worker, so one document never stalls or sinks the
 * others: a worker that runs out of time or memory is ended and replaced, and only its own jobs fail.
 */

/** Message from the main thread to a worker. */
export interface JobMessage<J> {
  id: number;
  job: J;
}

/** Message from a worker: a job's result or error, or a failure to start at all. */
export type WorkerMessage<R> =
  | { type: 'result'; id: number; result: R }
  | { type: 'error'; id: number; message: string }
  | { type: 'fatal'; message: string };

/** Every worker is busy and the queue is full: the caller should answer "busy" rather than wait. */
export class PoolBusyError extends Error {
  override readonly name = 'PoolBusyError';
}

/** A job ran longer than its time limit; its worker was ended and replaced. */
export class JobTimeoutError extends Error {
  override readonly name = 'JobTimeoutError';
}

/** A worker failed: it could not start (e.g. broken rules), crashed, or ran out of memory. */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';
}

export interface PoolOptions {
  url: URL;
  size: number;
  workerData: unknown;
  /** Jobs handed to one worker before it answers (a few, so it reads the next file while it lints one). */
  inFlight?: number;
  /** Jobs waiting for a worker beyond which `run` refuses with PoolBusyError (default: unbounded). */
  maxQueue?: number;
  resourceLimits?: ResourceLimits;
}

interface Pending<R> {
  id: number;
  job: unknown;
  transfer: ArrayBuffer[];
  timeoutMs?: number;
  timer?: NodeJS.Timeout;
  resolve(result: R): void;
  reject(error: Error): void;
}

interface Slot<R> {
  worker: Worker;
  jobs: Map<number, Pending<R>>;
  /** Set once the worker is being ended (time-out, exit): its jobs are settled, it takes no more. */
  gone: boolean;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot<R>[] = [];
  private readonly queue: Pending<R>[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when a worker could not start: every later job fails the same way instead of respawning forever. */
  private fatal: Error | null = null;
  private readonly inFlight: number;

  constructor(private readonly options: PoolOptions) {
    this.inFlight = Math.max(1, options.inFlight ?? 1);
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Jobs running or waiting. */
  get load(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.jobs.size, 0);
  }

  run(job: J, options: { timeoutMs?: number; transfer?: ArrayBuffer[] } = {}): Promise<R> {
    if (this.closed) return Promise.reject(new WorkerFailedError('检查线程已关闭'));
    if (this.fatal) return Promise.reject(this.fatal);
    const max = this.options.maxQueue;
    if (max !== undefined && this.queue.length >= max && !this.slots.some((s) => this.free(s)))
      return Promise.reject(new PoolBusyError('检查线程全部忙碌，等待的文档已满'));
    return new Promise<R>((resolve, reject) => {
      const pending: Pending<R> = {
        id: this.nextId++,
        job,
        transfer: options.transfer ?? [],
        resolve,
        reject,
      };
      if (options.timeoutMs !== undefined) pending.timeoutMs = options.timeoutMs;
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new WorkerFailedError('检查线程已关闭');
    for (const p of this.queue.splice(0)) p.reject(error);
    await Promise.all(
      this.slots.map((s) => {
        this.settleAll(s, error);
        return s.worker.terminate();
      }),
    );
  }

  private free(slot: Slot<R>): boolean {
    return !slot.gone && slot.jobs.size < this.inFlight;
  }

  private spawn(): Slot<R> {
    const { Worker: WorkerClass } = builtins.workerThreads();
    const worker = new WorkerClass(this.options.url, {
      workerData: this.options.workerData,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    const slot: Slot<R> = { worker, jobs: new Map(), gone: false };
    worker.on('message', (message: WorkerMessage<R>) => {
      if (message.type === 'fatal') {
        this.fatal = new WorkerFailedError(message.message);
        this.retire(slot, this.fatal);
        for (const p of this.queue.splice(0)) p.reject(this.fatal);
        return;
      }
      const pending = slot.jobs.get(message.id);
      if (!pending) return;
      slot.jobs.delete(message.id);
      if (pending.timer) clearTimeout(pending.timer);
      if (slot.jobs.size === 0) worker.unref();
      if (message.type === 'result') pending.resolve(message.result);
      else pending.reject(new WorkerFailedError(message.message));
      this.dispatch();
    });
    worker.on('error', (e) => this.retire(slot, new WorkerFailedError(describeWorkerError(e))));
    worker.on('exit', (code) =>
      this.retire(slot, new WorkerFailedError(`检查线程意外退出（退出码 ${code}）`)),
    );
    // An idle worker must not keep the process alive on its own; one with work must (see dispatch).
    worker.unref();
    return slot;
  }

  /** Ends a worker (if it is not ended already), fails its jobs and puts a new worker in its place. */
  private retire(slot: Slot<R>, error: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    this.settleAll(slot, error);
    void slot.worker.terminate();
    const at = this.slots.indexOf(slot);
    if (at >= 0 && !this.closed && !this.fatal) this.slots[at] = this.spawn();
    this.dispatch();
  }

  private settleAll(slot: Slot<R>, error: Error): void {
    for (const p of slot.jobs.values()) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(error);
    }
    slot.jobs.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // the least busy worker first, so jobs spread over all threads
      let best: Slot<R> | undefined;
      for (const s of this.slots) if (this.free(s) && (!best || s.jobs.size < best.jobs.size)) best = s;
      if (!best) return;
      const slot = best;
      const pending = this.queue.shift() as Pending<R>;
      slot.jobs.set(pending.id, pending);
      slot.worker.ref();
      if (pending.timeoutMs !== undefined) {
        pending.timer = setTimeout(() => {
          slot.jobs.delete(pending.id);
          pending.reject(
            new JobTimeoutError(`检查超过 ${Math.round((pending.timeoutMs ?? 0) / 1000)} 秒，已中止`),
          );
          this.retire(slot, new WorkerFailedError('同一检查线程上的另一份文档超时，检查线程已重启'));
        }, pending.timeoutMs);
      }
      const message: JobMessage<unknown> = { id: pending.id, job: pending.job };
      slot.worker.postMessage(message, pending.transfer);
    }
  }
}

function describeWorkerError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return '检查线程内存不足，已重启';
  return `检查线程出错：${e instanceof Error ? e.message : String(e)}`;
}
