import { ConfigError, ConfigErrors } from '../engine/errors.js';
import type { Linter } from '../engine/linter.js';
import type { LintMessage, LoadedRule } from '../engine/types.js';
import type { SourceFile } from '../input/types.js';
import { buildModel } from '../model/build.js';
import { type ReportFacts, reportFacts } from '../output/summary/matrix.js';

/** Documents longer than this (UTF-16 code units) get one note instead of a lint run. */
export const MAX_CHARS = 5_000_000;

export type { ReportFacts };

/** One lint of one document version under one linter generation: computed once, shared by every request. */
export interface Analysis {
  version: number;
  generation: number;
  /** The document's text as the client has it (with its BOM, if any). */
  text: string;
  /** 1 when the text starts with a BOM (the engine's offsets exclude it). */
  shift: number;
  source: SourceFile;
  messages: LintMessage[];
  /** The rules that ran on this document, by id. */
  rules: Map<string, LoadedRule>;
  facts: ReportFacts | null;
  /** Rule or config errors that stopped the lint. */
  errors: ConfigError[];
  /** A note shown instead of findings (document too large, internal failure). */
  note?: string;
  ms: number;
}

export function toConfigErrors(e: unknown): ConfigError[] | null {
  if (e instanceof ConfigErrors) return e.errors;
  if (e instanceof ConfigError) return [e];
  return null;
}

/** The command line's test for binary input (src/input/decode.ts): NUL, or more than 10% control characters. */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (
      (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) ||
      c === 0x7f ||
      (c >= 0x80 && c <= 0x9f)
    )
      controls++;
  }
  return text.length > 0 && controls / text.length > 0.1;
}

export interface AnalyseInput {
  /** The text as the client holds it (an editor buffer may start with a BOM). */
  text: string;
  source: SourceFile;
  shift: number;
  version: number;
}

/**
 * Lints one opened document: the rules its config selects, one model, every finding; rule and config errors
 * and internal failures are captured in the analysis instead of thrown, so no transport ever crashes on them.
 */
export function analyseSource(
  linter: Linter | null,
  linterErrors: ConfigError[],
  generation: number,
  input: AnalyseInput,
  onInternalError: (e: unknown) => void,
): Analysis {
  const started = performance.now();
  const a: Analysis = {
    version: input.version,
    generation,
    text: input.text,
    shift: input.shift,
    source: input.source,
    messages: [],
    rules: new Map(),
    facts: null,
    errors: [],
    ms: 0,
  };
  if (!linter) a.errors = linterErrors;
  else if (input.text.length > MAX_CHARS) {
    a.note = `文档过长（${input.text.length} 字符，上限 ${MAX_CHARS}），fazhi-lint 未在编辑器中检查；请用命令行检查`;
  } else if (looksBinary(input.text)) {
    a.note = 'fazhi-lint 未检查：这不像文本文件（含有 NUL 或大量控制字符），命令行同样不会检查它';
  } else {
    try {
      const path = input.source.path;
      if (!linter.isIgnored(path)) {
        for (const r of linter.rulesFor(path)) a.rules.set(r.id, r);
        const model = buildModel(input.source);
        a.facts = reportFacts(model);
        a.messages = linter.lintModel(model).messages;
      }
    } catch (e) {
      const errors = toConfigErrors(e);
      if (errors) a.errors = errors;
      else {
        onInternalError(e);
        a.note = `fazhi-lint 检查本文件时出错（内部错误，请报告）：${(e as Error).message}`;
      }
    }
  }
  a.ms = performance.now() - started;
  return a;
}
