import { Command, InvalidArgumentError, Option } from 'commander';
import { formatters } from '../output/formatters/index.js';
import { SUMMARY_FORMATS } from '../output/summary/index.js';
import { describeFailure, EXIT, VERSION } from './common.js';
import { runLint } from './lint.js';

// Subcommands other than the lint run are imported when called, so `fazhi-lint 报告.txt` loads only what it uses.

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数');
  return n;
}

function size(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应为字节数，如 20MB、512KB');
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('应为 0–65535 的端口号');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('应为正整数');
  return n;
}

/** `--format` names: the two terminal formats, then every machine format in the registry. */
export const LINT_FORMATS = ['stylish', 'json', ...Object.keys(formatters)];

export function buildProgram(): Command {
  const program = new Command('fazhi-lint')
    .description('法治政府建设年度报告合规检查：结构、规范表述、数字与标点、落款与日期')
    .version(VERSION, '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .argument(
      '[paths...]',
      '要检查的文件或文件夹（.md .txt .docx，装有 LibreOffice 时也可 .doc）；- 表示标准输入',
    )
    .addOption(new Option('-f, --format <name>', '输出格式').choices(LINT_FORMATS).default('stylish'))
    .option('-o, --output-file <path>', '把 --format 指定格式的结果写入文件（终端仍显示 stylish）')
    .option('--changed [base]', '只检查相对 git 基准（默认：与默认分支的分叉点）有改动的报告')
    .option('--staged', '只检查 git 暂存区中的报告，按暂存内容检查（用于提交前钩子）')
    .option('-j, --jobs <n>', '并行检查的线程数（默认：有富余核心且文件较多时用多个线程，否则 1）', positive)
    .option('--rules <dir>', '加载自定义规则文件夹（可重复）', collect, [])
    .option('-c, --config <file>', '使用指定配置文件，不再逐级查找 .fazhi-lint.yaml')
    .option('--quiet', '只报告错误，不报告警告和提示')
    .option('--max-warnings <n>', '警告超过 n 个时以退出码 1 结束', integer)
    .option('--no-color', '不使用颜色')
    .option('--fix', '自动修复可安全修复的问题并写回文件')
    .option('--fix-dry-run', '显示修复后的差异，不写文件')
    .option('--write-baseline <file>', '把现有问题记录为基线文件（JSON），以后只报告新问题')
    .option('--baseline <file>', '只报告基线文件中没有记录的新问题')
    .option('--stdin-filename <name>', '标准输入的文件名（决定格式和配置）')
    .option('--encoding <label>', '指定文本编码（如 gb18030、utf-16le），不再自动检测')
    .option('--max-file-size <size>', '超过此大小的文件不读取（默认 20MB）', size)
    .option('--max-unzipped-size <size>', '.docx 解压后超过此大小即停止读取，防压缩炸弹（默认 64MB）', size)
    .option('--debug', '出错时显示内部调用栈')
    .action(async (paths: string[], opts) => {
      process.exitCode = await runLint(paths, opts);
    });
  program
    .command('rules')
    .description('列出已加载的规则及其级别和说明')
    .option('--rules <dir>', '同时加载自定义规则文件夹（可重复）', collect, [])
    .option('-f, --format <name>', '输出格式：text 或 json', 'text')
    .action(async (opts) => {
      const { runRules } = await import('./rules.js');
      process.exitCode = await runRules(opts);
    });
  program
    .command('summary')
    .description('批量审阅：每份报告一行、每项必查内容一列的汇总表（最差的在前）')
    .argument('<paths...>', '报告文件或文件夹')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(SUMMARY_FORMATS).default('text'))
    .option('-o, --output-file <path>', '写入文件而不是标准输出')
    .option('--rules <dir>', '同时加载自定义规则文件夹（可重复）', collect, [])
    .option('-c, --config <file>', '使用指定配置文件，不再逐级查找 .fazhi-lint.yaml')
    .option('--encoding <label>', '指定文本编码（如 gb18030、utf-16le），不再自动检测')
    .option('--max-file-size <size>', '超过此大小的文件不读取（默认 20MB）', size)
    .option('--max-unzipped-size <size>', '.docx 解压后超过此大小即停止读取，防压缩炸弹（默认 64MB）', size)
    .option('-j, --jobs <n>', '并行检查的线程数（默认：有富余核心且文件较多时用多个线程，否则 1）', positive)
    .action(async (paths: string[], opts) => {
      const { runSummary } = await import('./summary.js');
      process.exitCode = await runSummary(paths, opts);
    });
  program
    .command('annotate')
    .description('生成审阅稿：问题写成 Word 批注，可安全修复的写成修订（报告.docx → 报告（审阅）.docx）')
    .argument('<paths...>', 'Word 文档（.docx；装有 LibreOffice 时也可 .doc）或其所在文件夹')
    .option('-o, --output <path>', '审阅稿的文件名（一份文档时）或文件夹（默认：原文件旁）')
    .option('--no-track-changes', '只加批注，不作修订')
    .option('--rules <dir>', '同时加载自定义规则文件夹（可重复）', collect, [])
    .option('-c, --config <file>', '使用指定配置文件，不再逐级查找 .fazhi-lint.yaml')
    .option('--max-file-size <size>', '超过此大小的文件不读取（默认 20MB）', size)
    .option('--max-unzipped-size <size>', '.docx 解压后超过此大小即停止读取，防压缩炸弹（默认 64MB）', size)
    .action(async (paths: string[], opts) => {
      const { runAnnotate } = await import('./annotate.js');
      process.exitCode = await runAnnotate(paths, opts);
    });
  program
    .command('explain')
    .description('说明一条规则：依据、级别、示例（及其检查结果）和选项')
    .argument('<rule-id>', '规则名，如 closing-date')
    .option('--rules <dir>', '同时加载自定义规则文件夹（可重复）', collect, [])
    .option('-c, --config <file>', '使用指定配置文件，不再逐级查找 .fazhi-lint.yaml')
    .action(async (id: string, opts) => {
      const { runExplain } = await import('./explain.js');
      process.exitCode = await runExplain(id, opts);
    });
  program
    .command('serve')
    .description('启动本机网页：在浏览器中拖入报告查看问题、应用修复、下载修复后的文本')
    .option('-p, --port <n>', '端口（0 表示自动选择空闲端口）', port, 8600)
    .option('--host <address>', '监听地址（默认只接受本机访问）', '127.0.0.1')
    .option('--allow-remote', '允许监听本机以外的地址（配合 --host，如 0.0.0.0）')
    .option('--allowed-host <name>', '局域网访问时允许的主机名（可重复，如服务器的域名）', collect, [])
    .option('--open', '启动后在浏览器中打开页面')
    .option('--rules <dir>', '同时加载自定义规则文件夹（可重复）', collect, [])
    .option('-c, --config <file>', '使用指定配置文件，不再逐级查找 .fazhi-lint.yaml')
    .option('-j, --jobs <n>', '检查线程数（默认：核心数减一，至少 1 个，最多 4 个）', positive)
    .option('--max-file-size <size>', '上传文件的大小上限（默认 20MB）', size)
    .option('--timeout <seconds>', '每份文档的检查时限（默认 30 秒）', positive)
    .action(async (opts) => {
      const { runServe } = await import('./serve.js');
      process.exitCode = await runServe(opts);
    });
  program
    .command('lsp')
    .description('启动语言服务器，在编辑器中内联显示检查结果（--stdio）')
    .option('--stdio', '通过标准输入输出通信')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      const { startServer } = await import('../lsp/server.js');
      startServer();
    });
  // Options after a subcommand's name belong to the subcommand (`summary -f html`, `rules -f json`).
  program.enablePositionalOptions();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`fazhi-lint: ${s.replace(/^error: /, '')}`),
  });
  program.exitOverride();
  return program;
}

/** Entry point: never lets a stack trace reach a drafter; every failure becomes one clear line and exit 2. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
      process.exitCode = EXIT.ok;
      return;
    }
    if (code?.startsWith('commander.')) {
      process.exitCode = EXIT.failure;
      return;
    }
    process.stderr.write(`${describeFailure(e)}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = EXIT.failure;
  }
}
