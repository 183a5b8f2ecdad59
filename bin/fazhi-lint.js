#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare script).
import('../dist/cli/main.js').then(
  (cli) => cli.main(process.argv),
  (error) => {
    process.stderr.write(
      `fazhi-lint: 无法启动（${error && error.code === 'ERR_MODULE_NOT_FOUND' ? '尚未编译：请先运行 npm install' : error.message}）\n`,
    );
    process.exitCode = 2;
  },
);
