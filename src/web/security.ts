import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces, hostname as osHostname } from 'node:os';
import { HttpError } from './http-error.js';

/**
 * Headers on every response: the page may load only its own files and talk only to this server (no inline
 * script or style, no other host, no framing), the browser must not guess content types, and reports are not cached.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cache-Control': 'no-store',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

function hostWithPort(host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${h.toLowerCase()}:${port}`;
}

/**
 * The `Host` values this server answers to: its loopback names, or, when it listens on another address, that
 * address, the machine's name and addresses (for 0.0.0.0 / ::) and the names given with `--allowed-host`.
 * Anything else is a DNS-rebinding attempt (a foreign name resolving to this machine) and is refused.
 */
export function allowedHosts(bound: string, port: number, extra: string[] = []): Set<string> {
  const names = new Set<string>();
  const add = (h: string) => {
    names.add(hostWithPort(h, port));
    if (port === 80) names.add(h.toLowerCase());
  };
  if (isLoopback(bound)) for (const h of ['localhost', '127.0.0.1', '::1']) add(h);
  else {
    add(bound);
    if (bound === '0.0.0.0' || bound === '::') {
      for (const h of ['localhost', '127.0.0.1', '::1', osHostname()]) add(h);
      for (const list of Object.values(networkInterfaces()))
        for (const i of list ?? []) add(i.address.replace(/%.*$/, ''));
    }
  }
  for (const h of extra) add(h);
  return names;
}

/** Refuses a request whose `Host` or `Origin` is not this server, or that a browser says comes from another site. */
export function checkOrigin(req: IncomingMessage, hosts: Set<string>): void {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) {
    throw new HttpError(
      421,
      'host-not-allowed',
      `拒绝访问：请求的主机名“${host || '（空）'}”不是本服务的地址（防止 DNS 重绑定）。请用启动时显示的地址打开本页面`,
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const u = new URL(origin);
      if (u.protocol === 'http:')
        originHost = u.port ? u.host.toLowerCase() : `${u.hostname.toLowerCase()}:80`;
    } catch {
      originHost = null;
    }
    if (!originHost || !hosts.has(originHost)) {
      throw new HttpError(
        403,
        'origin-not-allowed',
        '拒绝访问：请求来自其他网站，本服务只接受自己页面发出的请求',
      );
    }
  }
  // Another site may link to the page (a top-level navigation), but not call the API or load its files.
  if (req.headers['sec-fetch-site'] === 'cross-site' && req.headers['sec-fetch-mode'] !== 'navigate') {
    throw new HttpError(
      403,
      'origin-not-allowed',
      '拒绝访问：请求来自其他网站，本服务只接受自己页面发出的请求',
    );
  }
}
