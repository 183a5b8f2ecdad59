export interface Upload {
  name: string;
  bytes: Uint8Array;
}
export interface BadUpload extends Upload {
  kind: string;
  status: number;
}
export interface LoadServer {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<number | null>;
}
export interface LoadResult {
  requests: number;
  clients: number;
  wallMs: number;
  good: number;
  goodFailures: { name: string; status: number; message: string }[];
  bad: { kind: string; expected: number; status: number; message: string; chinese: boolean; ms: number }[];
  latency: { p50: number; p95: number; p99: number; max: number };
  rss: { sampledMaxMb: number; peakMb: number | null };
}
export function startServer(root: string, args?: string[]): Promise<LoadServer>;
export function seedUploads(root: string): Promise<Upload[]>;
export function badUploads(root: string, maxFileSize?: number): Promise<BadUpload[]>;
export function runLoad(
  server: LoadServer,
  options: { good: Upload[]; bad?: BadUpload[]; requests: number; clients: number; badEvery?: number },
): Promise<LoadResult>;
