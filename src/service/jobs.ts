import { basename, extname } from 'node:path';
import { VERSION } from '../cli/common.js';
import { formatFor, summarize } from '../engine/linter.js';
import type { LintResult } from '../engine/types.js';
import { encodingLabel } from '../input/decode.js';
import { encodeText } from '../input/encode.js';
import { InputError } from '../input/errors.js';
import { annotateDocx } from '../output/annotate/index.js';
import { formatJson } from '../output/json.js';
import { cellSymbol, OTHER_COLUMN, summaryLayout, withOtherColumn } from '../output/summary/matrix.js';
import { type Analysis, MAX_CHARS } from './analysis.js';
import { DocumentService } from './document-service.js';
import type { ExplainOutcome } from './explain.js';
import { openBytes } from './open.js';
import { listRules, type RuleSummary } from './rules.js';

/**
 * The document service's operations on uploaded bytes, as the web server runs them in a lint thread
 * (cli/parallel-worker.ts): plain data in, plain data out, so everything crosses the thread boundary.
 */
export type DocumentJob =
  | { op: 'lint'; name: string; bytes: Uint8Array; encoding?: string; detail?: boolean }
  | {
      op: 'fix';
      name: string;
      bytes: Uint8Array;
      encoding?: string;
      /** Write the fixed text in this encoding (and BOM) instead of the file's own: the page's edited text. */
      output?: { encoding: string; bom: boolean };
    }
  | { op: 'annotate'; name: string; bytes: Uint8Array }
  | { op: 'explain'; ruleId: string }
  | { op: 'rules' };

/** A file the service could not open or write: the reason, as the CLI words it. */
export interface JobFailure {
  failure: { code: string; message: string; line?: number; column?: number };
}

export interface LintJobResult {
  /** Exactly what `fazhi-lint --format json` prints for this file. */
  json: string;
  /** With `detail`: the page's view (text, offsets, required checks), as JSON. */
  detail?: string;
}

export interface FixJobResult {
  bytes: Uint8Array;
  /** The file name to save under, and what the bytes are. */
  fileName: string;
  contentType: string;
  /** How many findings are left in the fixed text. */
  remaining: number;
  changed: boolean;
}

export type DocumentJobOutcome =
  | LintJobResult
  | FixJobResult
  | { annotated: Uint8Array; fileName: string }
  | ExplainOutcome
  | { rules: RuleSummary[] }
  | JobFailure;

export type DocumentJobRunner = (
  job: DocumentJob,
) => Promise<{ result: DocumentJobOutcome; transfer: ArrayBuffer[] }>;

export interface JobRunnerOptions {
  cwd: string;
  rules?: string[];
  config?: string;
}

/** Uploaded bytes are never a path: the name only, so no config outside the server's folder is looked up. */
export function uploadName(name: string): string {
  return basename(name.replace(/\\/g, '/')) || 'report.txt';
}

/** The page's view of one report: the text the offsets refer to, and the required checks as `summary` has them. */
function detailOf(service: DocumentService, a: Analysis, result: LintResult): string {
  const rules = service.linter?.rules ?? [];
  const layout = summaryLayout(rules, service.cwd);
  const { row, messageColumns } = layout.row(result, a.facts ?? undefined);
  // The `other` column is shown exactly when a finding belongs to no required check, as in `summary`.
  const hasOther = messageColumns.includes('other');
  withOtherColumn(row, hasOther);
  const columns = hasOther ? [...layout.columns, OTHER_COLUMN] : layout.columns;
  const checks = columns.map((c) => {
    const cell = row.cells[c.id] ?? { status: 'pass' as const, errors: 0, warnings: 0, infos: 0 };
    return { ...c, ...cell, symbol: cellSymbol(cell) };
  });
  return JSON.stringify({
    text: a.source.text,
    format: a.source.format,
    encoding: {
      name: a.source.encoding.encoding,
      label: encodingLabel(a.source.encoding.encoding),
      bom: a.source.encoding.bom,
      eol: a.source.encoding.eol,
      detected: a.source.encoding.detected,
    },
    offsets: a.messages.map((m) => [m.start, m.end]),
    columns: messageColumns,
    checks,
    report: {
      unit: row.unit,
      unitSource: row.unitSource,
      year: row.year,
      title: row.title,
      status: row.status,
      failedChecks: row.failedChecks,
      warnedChecks: row.warnedChecks,
    },
    notes: result.notes ?? [],
  });
}

function failureOf(e: unknown): JobFailure {
  if (e instanceof InputError) {
    const failure: JobFailure['failure'] = { code: String(e.code), message: e.message };
    if (e.line !== undefined) failure.line = e.line;
    if (e.column !== undefined) failure.column = e.column;
    return { failure };
  }
  throw e;
}

/** Creates the service (linter) once, then runs jobs on it. Throws (fatal for the thread) when the rules are broken. */
export async function createDocumentJobRunner(options: JobRunnerOptions): Promise<DocumentJobRunner> {
  const service = new DocumentService({
    cwd: options.cwd,
    rulesDirs: options.rules,
    configPath: options.config,
  });
  await service.reload();
  if (!service.linter) throw new Error(service.errors.map((e) => e.format()).join('\n'));
  const open = async (bytes: Uint8Array, name: string, encoding?: string) => {
    const opened = await openBytes(bytes, name, encoding === undefined ? {} : { encoding });
    const a = service.analyse(opened);
    if (opened.text.length > MAX_CHARS) {
      throw new InputError(
        name,
        'too-large',
        `无法检查 ${name}：文档有 ${opened.text.length} 个字符，超过上限 ${MAX_CHARS}。请确认这是报告正文`,
      );
    }
    // Rule or config errors are not the uploader's: the request fails as the server's error, saying so.
    if (a.errors.length > 0) {
      throw new InputError(
        name,
        'config-error',
        `服务器上的规则或配置有误，未检查（请管理员修正）：${a.errors.map((e) => e.format()).join('；')}`,
      );
    }
    if (a.note) throw new Error(a.note);
    return a;
  };
  const notes = (a: Analysis): string[] =>
    a.source.encoding.detected
      ? [`按 ${encodingLabel(a.source.encoding.encoding)} 编码读取（不是 UTF-8）；如有乱码请指定编码`]
      : [];

  return async (job) => {
    try {
      switch (job.op) {
        case 'lint': {
          const name = uploadName(job.name);
          const a = await open(job.bytes, name, job.encoding);
          const result = summarize(name, a.messages);
          const n = notes(a);
          if (n.length) result.notes = n;
          // The JSON writer reads no rule metadata: the same bytes as `--format json` for this one file.
          const out: LintJobResult = {
            json: formatJson([result], { cwd: service.cwd, rules: new Map(), toolVersion: VERSION }),
          };
          if (job.detail) out.detail = detailOf(service, a, result);
          return { result: out, transfer: [] };
        }
        case 'fix': {
          const name = uploadName(job.name);
          const a = await open(job.bytes, name, job.encoding);
          const fixed = service.fixAll(a);
          const output = fixed?.output ?? a.source.text;
          const docx = a.source.format === 'docx';
          if (!docx && !job.output && a.source.encoding.lossy) {
            throw new InputError(
              name,
              'lossy',
              `无法修复 ${name}：文件中有无法解码的字节，写回会损坏原文。请指定正确的编码，或先另存为 UTF-8`,
            );
          }
          const target = docx
            ? { encoding: 'utf-8', bom: false }
            : (job.output ?? { encoding: a.source.encoding.encoding, bom: a.source.encoding.bom });
          const bytes = new Uint8Array(encodeText(output, target.encoding, target.bom, name));
          const stem = name.slice(0, name.length - extname(name).length) || name;
          const result: FixJobResult = {
            bytes,
            fileName: docx ? `${stem}（修复后）.txt` : name,
            contentType:
              a.source.format === 'markdown' && !docx
                ? `text/markdown; charset=${target.encoding}`
                : `text/plain; charset=${target.encoding}`,
            remaining: (fixed?.remaining ?? a.messages).length,
            changed: fixed !== null,
          };
          return { result, transfer: [bytes.buffer as ArrayBuffer] };
        }
        case 'annotate': {
          const name = uploadName(job.name);
          if (formatFor(name) !== 'docx')
            throw new InputError(
              name,
              'unsupported-format',
              `${name} 不是 .docx：Word 审阅稿只能由 .docx 生成`,
            );
          // The thread's own linter: the same rules and config as every other request, loaded once.
          const { bytes } = await annotateDocx(job.bytes, name, {
            ...(service.linter ? { linter: service.linter } : {}),
            cwd: options.cwd,
          });
          const stem = name.slice(0, name.length - extname(name).length);
          const copy = new Uint8Array(bytes);
          return { result: { annotated: copy, fileName: `${stem}（审阅）.docx` }, transfer: [copy.buffer] };
        }
        case 'explain':
          return { result: await service.explain(job.ruleId), transfer: [] };
        case 'rules':
          return { result: { rules: listRules(service.linter?.rules ?? [], false) }, transfer: [] };
      }
    } catch (e) {
      return { result: failureOf(e), transfer: [] };
    }
  };
}
