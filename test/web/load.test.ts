/**
 * The load benchmark's checks on a small scale (bench/serve-load.js measures; this only checks, no timing):
 * 20 concurrent clients with the seed reports all succeed, and with bad inputs mixed in each bad one gets its
 * Chinese 4xx while the good ones still succeed and the server stays under 300 MB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badUploads,
  type LoadServer,
  runLoad,
  seedUploads,
  startServer,
  type Upload,
} from '../../bench/lib/serve-load.js';
import { ROOT } from './helpers.js';

describe('fazhi-lint serve under concurrent load (loopback)', () => {
  let server: LoadServer;
  let good: Upload[];
  beforeAll(async () => {
    server = await startServer(ROOT);
    good = await seedUploads(ROOT);
  }, 60_000);
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it('20 clients, 60 requests with the seed reports (.txt and .docx): every one succeeds', async () => {
    const r = await runLoad(server, { good, requests: 60, clients: 20 });
    expect(r.goodFailures).toEqual([]);
    expect(r.good).toBe(60);
  });

  it('bad inputs mixed in: each a Chinese 4xx, the good ones still succeed, RSS under 300 MB', async () => {
    const bad = await badUploads(ROOT);
    const r = await runLoad(server, { good, bad, requests: 50, clients: 20, badEvery: 5 });
    expect(r.goodFailures).toEqual([]);
    expect(r.bad).toHaveLength(10);
    for (const b of r.bad) {
      expect({ kind: b.kind, status: b.status, chinese: b.chinese }).toEqual({
        kind: b.kind,
        status: b.expected,
        chinese: true,
      });
    }
    expect(Math.max(r.rss.sampledMaxMb, r.rss.peakMb ?? 0)).toBeLessThan(300);
  }, 60_000);
});
