import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type ProcessorOptions, type WorkerReply } from './parallel.js';

/**
 * A lint worker: creates its linter once from the options in `workerData`, then lints one file per message
 * `{ index, path }` and answers `{ type: 'done', index, outcome }` (see processFiles in parallel.ts).
 */
const port = parentPort;
if (port) {
  const reply = (message: WorkerReply) => port.postMessage(message);
  createProcessor(workerData as ProcessorOptions).then(
    (processor) => {
      port.on('message', async ({ index, path }: { index: number; path: string }) => {
        reply({ type: 'done', index, outcome: await processor(path) });
      });
    },
    (e: unknown) => reply({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }),
  );
}
