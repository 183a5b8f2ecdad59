import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The page's files (built by `npm run build` into dist/web/page/), held in memory: a few tens of KB. */
export interface PageFile {
  body: Buffer;
  contentType: string;
}

const FILES: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/app.css': 'app.css',
  '/favicon.svg': 'favicon.svg',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/** dist/web/page/ beside the compiled server; from the TypeScript sources (tests), the built one in dist/. */
export function defaultPageDir(): string {
  const here = new URL('./page/', import.meta.url);
  if (existsSync(new URL('app.js', here))) return fileURLToPath(here);
  return fileURLToPath(new URL('../../dist/web/page/', import.meta.url));
}

export function loadPage(dir: string): Map<string, PageFile> {
  const out = new Map<string, PageFile>();
  for (const [route, file] of Object.entries(FILES)) {
    const path = `${dir.replace(/\/$/, '')}/${file}`;
    if (!existsSync(path)) throw new Error(`网页文件 ${path} 不存在：请先运行 npm run build`);
    out.set(route, {
      body: readFileSync(path),
      contentType: TYPES[file.split('.').pop() as string] as string,
    });
  }
  return out;
}
