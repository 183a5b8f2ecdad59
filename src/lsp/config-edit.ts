/**
 * Edits of `.fazhi-lint.yaml` for the "停用此规则" code actions on text files, where no comment can be
 * written into the document: a match-scoped `ignore` entry (this finding's text) or a per-file `overrides`
 * entry (the rule off for this file). The YAML is edited as a document, so comments and other keys stay,
 * and the result is parsed back before it is offered: an edit never leaves the file invalid.
 */
import { type Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';

export class ConfigEditError extends Error {}

function load(text: string): Document {
  const doc = parseDocument(text) as Document;
  if (doc.errors.length > 0) throw new ConfigEditError(`配置文件无法解析：${doc.errors[0]?.message ?? ''}`);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
    doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new ConfigEditError('配置文件应是一个 YAML 映射');
  return doc;
}

function finish(doc: Document): string {
  const out = doc.toString({ lineWidth: 0 });
  const check = parseDocument(out);
  if (check.errors.length > 0) throw new ConfigEditError('编辑后的配置无法解析');
  return out;
}

/**
 * Adds `quote` to `ignore[ruleId]`. `inherited` are entries the rule already ignores through configs further
 * up: a nearer file's list replaces theirs, so they are copied along when the nearer file gets its first entry.
 */
export function addIgnoreEntry(
  text: string,
  ruleId: string,
  quote: string,
  inherited: readonly string[] = [],
): string {
  const doc = load(text);
  const ignore = doc.get('ignore', true);
  if (ignore === undefined || ignore === null || (isScalar(ignore) && ignore.value === null)) {
    doc.set('ignore', doc.createNode({ [ruleId]: unique([...inherited, quote]) }));
    return finish(doc);
  }
  if (!isMap(ignore)) throw new ConfigEditError('“ignore” 应为映射');
  const list = ignore.get(ruleId, true);
  if (isSeq(list)) {
    if (!list.items.some((item) => isScalar(item) && item.value === quote)) list.add(doc.createNode(quote));
  } else if (isScalar(list) && typeof list.value === 'string') {
    ignore.set(ruleId, doc.createNode(unique([list.value, quote])));
  } else {
    ignore.set(ruleId, doc.createNode(unique([...inherited, quote])));
  }
  return finish(doc);
}

/** A glob (config `overrides.files`) that matches exactly one path relative to the config's folder. */
export function exactGlob(relativePath: string): string {
  // The project's glob has no escape character: `?` matches any one character, the special one included.
  const p = relativePath.replace(/\\/g, '/').replace(/[*?{}]/g, '?');
  return p.includes('/') ? p : `./${p}`;
}

/** Turns `ruleId` off for one file through an `overrides` entry (reusing an entry for exactly that file). */
export function addFileOverride(text: string, ruleId: string, relativePath: string): string {
  const doc = load(text);
  const glob = exactGlob(relativePath);
  const overrides = doc.get('overrides', true);
  if (overrides === undefined || overrides === null || (isScalar(overrides) && overrides.value === null)) {
    doc.set('overrides', doc.createNode([{ files: [glob], rules: { [ruleId]: 'off' } }]));
    return finish(doc);
  }
  if (!isSeq(overrides)) throw new ConfigEditError('“overrides” 应为列表');
  for (const item of overrides.items) {
    if (!isMap(item)) continue;
    const files = item.get('files', true);
    const only =
      (isSeq(files) &&
        files.items.length === 1 &&
        isScalar(files.items[0]) &&
        files.items[0].value === glob) ||
      (isScalar(files) && files.value === glob);
    if (!only) continue;
    const rules = item.get('rules', true);
    if (isMap(rules)) rules.set(ruleId, 'off');
    else item.set('rules', doc.createNode({ [ruleId]: 'off' }));
    return finish(doc);
  }
  overrides.add(doc.createNode({ files: [glob], rules: { [ruleId]: 'off' } }));
  return finish(doc);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
