import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentJobRunner } from '../service/jobs.js';
import { createProcessor, type Processor, type ProcessorOptions, type WorkerJob } from './parallel.js';
import type { JobMessage, WorkerMessage } from './worker-pool.js';

/**
 * A lint thread of the WorkerPool (worker-pool.ts): creates its linter once from the options in `workerData`,
 * then answers one job per message. CLI runs send files (`{type: 'file', path}`), `fazhi-lint serve` sends
 * documents (`{type: 'document', job}`); each kind's machinery is made on its first job, or at start when
 * `workerData.preload` names it, so a server's threads are warm before the first request.
 */
const port = parentPort;
if (port) {
  const options = workerData as ProcessorOptions & { preload?: 'document' };
  const reply = (message: WorkerMessage<unknown>, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  let processor: Promise<Processor> | undefined;
  let documents: Promise<DocumentJobRunner> | undefined;
  const documentRunner = () => {
    documents ??= import('../service/jobs.js').then(({ createDocumentJobRunner }) =>
      createDocumentJobRunner(options),
    );
    return documents;
  };
  const fatal = (e: unknown) => reply({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  if (options.preload === 'document') documentRunner().catch(fatal);
  port.on('message', async ({ id, job }: JobMessage<WorkerJob>) => {
    let ready: Processor | DocumentJobRunner;
    try {
      if (job.type === 'file') {
        processor ??= createProcessor(options);
        ready = await processor;
      } else ready = await documentRunner();
    } catch (e) {
      return fatal(e);
    }
    try {
      if (job.type === 'file') {
        reply({ type: 'result', id, result: await (ready as Processor)(job.path) });
      } else {
        const { result, transfer } = await (ready as DocumentJobRunner)(job.job);
        reply({ type: 'result', id, result }, transfer);
      }
    } catch (e) {
      reply({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    }
  });
}
