#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
import(entry.href).then(
  (cli) => cli.main(process.argv),
  (error) => {
    const reason = existsSync(entry) ? error.message : '尚未编译：请先在本项目目录运行 npm install';
    process.stderr.write(`fazhi-lint: 无法启动（${reason}）\n`);
    process.exitCode = 2;
  },
);
