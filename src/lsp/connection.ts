import { inspect } from 'node:util';
import { type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FramingGuard } from './framing.js';

/**
 * The connection editors get: over stdio (`--stdio`) through a FramingGuard, so a malformed message costs that
 * message and not the rest of the session; other transports (`--node-ipc`, `--socket=`) as vscode-languageserver
 * sets them up from the command line.
 */
export function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const guard = new FramingGuard((m) => process.stderr.write(`fazhi-lint: ${m}\n`));
  process.stdin.pipe(guard);
  const connection = createConnection(ProposedFeatures.all, guard, process.stdout);
  // Anything printed to stdout would corrupt the protocol: console output goes to the client's log instead.
  const toLog =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      connection.console[level](args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  console.log = toLog('log');
  console.info = toLog('info');
  console.debug = toLog('log');
  console.warn = toLog('warn');
  console.error = toLog('error');
  return connection;
}
