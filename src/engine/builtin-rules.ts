import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_DIR, defaultRuleUrl, loadRuleDir } from './load-rules.js';
import type { LoadedRule } from './types.js';

/**
 * The shipped rule packs, validated once at build time and stored as JSON next to the compiled code, so a cold
 * start neither loads the YAML parser nor re-validates seventeen files. The cache is used only while every rule
 * file still has the size and modification time it had when the cache was written; otherwise the YAML is read.
 */
const CACHE = new URL('../builtin-rules.json', import.meta.url);
const VERSION = 1;

interface CacheFile {
  version: number;
  stamp: string;
  rules: (Omit<LoadedRule, 'file' | 'url'> & { file: string; url: string | null })[];
}

function ruleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...ruleFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function stampOf(dir: string): string {
  return ruleFiles(dir)
    .map((f) => {
      const s = statSync(f);
      return `${relative(dir, f)}:${s.size}:${Math.trunc(s.mtimeMs)}`;
    })
    .join('\n');
}

export function loadBuiltinRules(): LoadedRule[] {
  const dir = fileURLToPath(BUILTIN_RULES_DIR);
  try {
    const cache = JSON.parse(readFileSync(CACHE, 'utf8')) as CacheFile;
    if (cache.version === VERSION && cache.stamp === stampOf(dir)) {
      return cache.rules.map((r) => {
        const file = join(dir, r.file);
        return { ...r, file, url: r.url ?? defaultRuleUrl(r.id, file, true) };
      });
    }
  } catch {
    // No cache (running from sources) or an unreadable one: read the YAML.
  }
  return loadRuleDir(dir, { trusted: true });
}

/** Run after compiling (`npm run build`): validates the shipped rules and writes the cache. */
export function writeBuiltinRulesCache(): number {
  const dir = fileURLToPath(BUILTIN_RULES_DIR);
  const rules = loadRuleDir(dir, { trusted: true });
  const cache: CacheFile = {
    version: VERSION,
    stamp: stampOf(dir),
    rules: rules.map((r) => ({
      ...r,
      file: relative(dir, r.file),
      url: r.url === defaultRuleUrl(r.id, r.file, true) ? null : r.url,
    })),
  };
  writeFileSync(CACHE, JSON.stringify(cache));
  return rules.length;
}
