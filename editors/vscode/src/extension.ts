/**
 * Thin VS Code client: starts the fazhi-lint language server bundled in this extension (dist/lsp/server.mjs, run by
 * VS Code's own Node over stdio) for Markdown and plain-text documents. Everything else happens in the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let context: vscode.ExtensionContext;

function enabled(): boolean {
  return vscode.workspace.getConfiguration('fazhiLint').get<boolean>('enable', true);
}

async function start(): Promise<void> {
  if (client || !enabled()) return;
  const module = context.asAbsolutePath('dist/lsp/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    // Settings reach the server through workspace/configuration and a didChangeConfiguration on change.
    synchronize: { configurationSection: 'fazhiLint' },
    outputChannelName: 'fazhi-lint',
  };
  client = new LanguageClient('fazhiLint', 'fazhi-lint', serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  context = ctx;
  ctx.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('fazhiLint.enable')) return;
      if (enabled()) await start();
      else await stop();
    }),
    vscode.commands.registerCommand('fazhiLint.restart', async () => {
      await stop();
      await start();
    }),
  );
  await start();
}

export function deactivate(): Thenable<void> | undefined {
  return stop();
}
