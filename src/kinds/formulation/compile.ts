import { compileMatcher, type Matcher } from '../../util/matcher.js';
import { hanOnly, normalize, reverse } from './alphabet.js';
import type { CompiledFormulations, Entry, Options, Role } from './types.js';

const compiledByOptions = new WeakMap<object, CompiledFormulations>();

/**
 * Compiles the entries once per options object: `prepare` and `web-residue` (which reads this rule's options) share
 * one compilation, and so one search per document (see `findFormulations`). `matcher` builds the anchor matcher
 * (the engine's shared lexicon when called from `prepare`).
 */
export function compileFormulations(
  o: Options,
  matcher: (words: readonly string[]) => Matcher = compileMatcher,
): CompiledFormulations {
  let compiled = compiledByOptions.get(o);
  if (!compiled) {
    compiled = compile(o, matcher);
    compiledByOptions.set(o, compiled);
  }
  return compiled;
}

function compile(o: Options, matcher: (words: readonly string[]) => Matcher): CompiledFormulations {
  const entries: Entry[] = o.formulations.map((f) => {
    const norm = normalize(f.term);
    const maxDistance = f.maxDistance ?? 0;
    return {
      term: f.term,
      variants: f.variants ?? [],
      allow: f.allow ?? [],
      maxDistance,
      maxWordDistance: f.maxWordDistance ?? maxDistance,
      held: f.held ?? null,
      since: f.since ?? 0,
      notAfter: f.notAfter ?? [],
      fix: f.fix ?? true,
      norm,
      normWords: hanOnly(norm),
      normReversed: reverse(norm),
    };
  });
  const index = new Map<string, number>();
  const words: string[] = [];
  const roles: Role[][] = [];
  const add = (word: string, role: Role) => {
    let i = index.get(word);
    if (i === undefined) {
      i = words.length;
      index.set(word, i);
      words.push(word);
      roles.push([]);
    }
    (roles[i] as Role[]).push(role);
  };
  for (const [i, e] of entries.entries()) {
    add(e.norm, { entry: i, type: 'term' });
    for (const a of e.allow) add(normalize(a), { entry: i, type: 'allow' });
    for (const v of e.variants) add(normalize(v), { entry: i, type: 'variant' });
    if (e.maxDistance > 0) {
      add(e.norm.slice(0, 3), { entry: i, type: 'prefix' });
      add(e.norm.slice(-4), { entry: i, type: 'suffix' });
    }
  }
  const heldByTerm = new Map<string, string>();
  for (const e of entries) if (e.held) heldByTerm.set(e.term, e.held);
  return {
    entries,
    matcher: matcher(words),
    words,
    roles,
    injectionWindow: o.injectionWindow ?? 40,
    heldByTerm,
  };
}
