import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';
import { allMatches } from '../util/regex.js';

/** One match of a rule pattern, offsets in UTF-16 code units. */
export interface PatternMatch {
  start: number;
  end: number;
  text: string;
  groups: (string | undefined)[];
}

/** A compiled pattern. Built-in rules use V8's RegExp; user rules run on RE2 so no pattern can backtrack forever. */
export interface Pattern {
  source: string;
  findAll(text: string): PatternMatch[];
}

export class PatternError extends Error {}

/** RE2JS is needed only for users' own patterns: loaded then, not at every start. */
let re2Module: typeof import('re2js') | null = null;

/** Loads RE2JS ahead of use through a dynamic import, which bundlers (the VS Code extension) can follow. */
export async function preloadRe2(): Promise<void> {
  re2Module ??= await import('re2js');
}

function re2(): typeof import('re2js').RE2JS {
  re2Module ??= createRequire(import.meta.url)('re2js') as typeof import('re2js');
  return re2Module.RE2JS;
}

/**
 * Compiles a rule pattern. `trusted` patterns (the shipped packs, covered by tests) may use lookaround;
 * patterns from users' folders are compiled with RE2JS, whose matching time is linear in the text.
 */
export function compilePattern(source: string, trusted: boolean, ignoreCase = false): Pattern {
  if (trusted) {
    let re: RegExp;
    try {
      re = new RegExp(source, ignoreCase ? 'giu' : 'gu');
    } catch (e) {
      throw new PatternError((e as Error).message);
    }
    return {
      source,
      findAll(text) {
        const out: PatternMatch[] = [];
        for (const m of allMatches(re, text)) {
          if (m[0].length === 0) continue;
          const start = m.index ?? 0;
          out.push({ start, end: start + m[0].length, text: m[0], groups: m.slice(1) });
        }
        return out;
      },
    };
  }
  const RE2JS = re2();
  let re: RE2JSClass;
  try {
    re = RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (e) {
    throw new PatternError(
      `${(e as Error).message}（用户规则的正则表达式使用 RE2 语法，不支持反向引用和环视）`,
    );
  }
  return {
    source,
    findAll(text) {
      const out: PatternMatch[] = [];
      const m = re.matcher(text);
      const groupCount = re.groupCount();
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end === start) continue;
        const groups: (string | undefined)[] = [];
        for (let g = 1; g <= groupCount; g++) groups.push(m.group(g) ?? undefined);
        out.push({ start, end, text: text.slice(start, end), groups });
      }
      return out;
    },
  };
}
