import { DEFAULT_MAX_FILE_SIZE } from '../input/read.js';
import { builtins } from '../util/builtins.js';
import { isLoopback } from '../web/security.js';
import { StartupError, startWebServer } from '../web/server.js';
import { describeFailure, EXIT, VERSION } from './common.js';

export interface ServeCommandOptions {
  port: number;
  host: string;
  allowRemote?: boolean;
  allowedHost: string[];
  open?: boolean;
  rules: string[];
  config?: string;
  jobs?: number;
  maxFileSize?: number;
  timeout?: number;
}

/** Opens the page in the desktop's browser; a machine without one just keeps the printed address. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = builtins.childProcess().spawn(command[0] as string, command[1] as string[], {
      stdio: 'ignore',
      detached: true,
    });
    child.on('error', () => process.stderr.write(`fazhi-lint: 无法自动打开浏览器，请手动打开 ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`fazhi-lint: 无法自动打开浏览器，请手动打开 ${url}\n`);
  }
}

/**
 * `fazhi-lint serve`: the web page for drafters. Listens on loopback unless told otherwise (and then warns);
 * Ctrl-C (SIGINT) or SIGTERM closes the server, ends the lint threads and exits 0. Prints counts only.
 */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  const host = opts.host;
  if (!isLoopback(host) && !opts.allowRemote) {
    process.stderr.write(
      `fazhi-lint: ${host} 不是本机回环地址：局域网内的其他人都能访问并上传报告。确需如此，请同时加 --allow-remote\n`,
    );
    return EXIT.failure;
  }
  let web: Awaited<ReturnType<typeof startWebServer>>;
  try {
    web = await startWebServer({
      host,
      port: opts.port,
      cwd: process.cwd(),
      rules: opts.rules,
      config: opts.config,
      workers: opts.jobs,
      maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      timeoutMs: opts.timeout === undefined ? undefined : opts.timeout * 1000,
      allowedHosts: opts.allowedHost,
      version: VERSION,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        `fazhi-lint: 端口 ${opts.port} 已被占用：请用 --port 指定其他端口（--port 0 自动选择）\n`,
      );
    } else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      process.stderr.write(`fazhi-lint: 本机没有地址 ${host}：请检查 --host\n`);
    } else if (code === 'EACCES') {
      process.stderr.write(`fazhi-lint: 没有权限监听端口 ${opts.port}：请使用 1024 以上的端口\n`);
    } else if (e instanceof StartupError) process.stderr.write(`fazhi-lint: ${e.message}\n`);
    else process.stderr.write(`${describeFailure(e)}\n`);
    return EXIT.failure;
  }
  if (!isLoopback(host)) {
    process.stderr.write(
      `fazhi-lint: 警告：服务监听 ${host}，局域网内能访问本机的人都可以打开页面并上传报告。报告只在本机检查，不写入磁盘；请只在可信的内部网络中这样做\n`,
    );
  }
  process.stdout.write(`fazhi-lint 网页已启动：${web.url}\n在浏览器中打开上面的地址；按 Ctrl-C 停止。\n`);
  if (opts.open) openBrowser(web.url);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      // a second Ctrl-C while closing ends at once
      process.once('SIGINT', () => process.exit(EXIT.ok));
      void web.close().then(() => {
        const c = web.counts;
        process.stdout.write(
          `fazhi-lint 网页已停止：共处理 ${c.ok + c.clientError + c.serverError} 个请求（成功 ${c.ok}，请求有误 ${c.clientError}，服务器错误 ${c.serverError}，中断 ${c.aborted}）\n`,
        );
        resolve(EXIT.ok);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
