import { createRequire } from 'node:module';
import type { Document, Pair } from 'yaml';
import { ConfigError } from './errors.js';

/** `yaml` loads on the first YAML file read: a run with cached built-in rules and no config never needs it. */
let yamlModule: typeof import('yaml') | null = null;
/** Loads `yaml` ahead of use through a dynamic import, which bundlers (the VS Code extension) can follow. */
export async function preloadYaml(): Promise<void> {
  yamlModule ??= await import('yaml');
}

export function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

/** A parsed YAML file that can point at the line and column of any top-level key. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of a top-level key (or of the document start when absent). */
  at(key?: string): { line: number; column: number };
}

/**
 * Parses YAML strictly: syntax errors, duplicate keys and alias bombs become ConfigErrors with positions.
 * `yaml` caps alias expansion (maxAliasCount), so a billion-laughs file fails fast instead of eating memory.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const { isMap, isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    throw new ConfigError(file, `YAML 无法解析：${(e as Error).message}`);
  }
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(file, `YAML 语法错误：${first.message.split('\n')[0]}`, pos.line, pos.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError(file, `YAML 无法展开：${(e as Error).message}`, 1, 1);
  }
  const at = (key?: string) => {
    const contents = doc.contents;
    if (key !== undefined && isMap(contents)) {
      const pair = contents.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) {
        const pos = lineCounter.linePos(range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { file, value, at };
}
