import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

// CommonJS packages under NodeNext: the default import is `module.exports`, whose `.default` is the export proper.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

const schemaPath = (name: string) => new URL(`../../schemas/${name}`, import.meta.url);

/** The official SARIF 2.1.0 schema (draft-04), compiled once. */
export function sarifValidator(): ValidateFunction {
  const ajv = new Ajv04({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath('sarif-2.1.0-rtm.5.json'), 'utf8')));
}

/** Our transcription of GitLab's documented Code Quality report fields (draft-07). */
export function codeQualityValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(schemaPath('gitlab-codequality.json'), 'utf8')));
}

/** Parses XML into plain objects: attributes without prefix, entities (numeric ones too) decoded, nothing typed. */
export function parseXml(xml: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    htmlEntities: true,
    trimValues: false,
    isArray: (name, _path, _leaf, isAttribute) =>
      !isAttribute && ['testsuite', 'testcase', 'file', 'error'].includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const REFERENCE = /^&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;
// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (surrogates in pairs only).
const CHARS = /^(?:[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/**
 * A strict well-formedness check for the subset of XML our formatters write (declaration, elements, attributes,
 * character data, references): fast-xml-parser's validator lets a raw `<` in an attribute and control characters
 * through. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  if (!CHARS.test(xml)) return 'character not allowed in XML';
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (rest === xml) return 'missing XML declaration';
  const stack: string[] = [];
  let roots = 0;
  const checkRefs = (text: string, where: string): string | null => {
    for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
      if (!REFERENCE.test(text.slice(i))) return `bare & in ${where}`;
    }
    return null;
  };
  while (rest.length > 0) {
    if (rest.startsWith('</')) {
      const name = NAME.exec(rest.slice(2))?.[0];
      if (!name || stack.pop() !== name) return `unbalanced </${name}>`;
      rest = rest.slice(2 + name.length);
      if (!rest.startsWith('>')) return `bad end tag ${name}`;
      rest = rest.slice(1);
    } else if (rest.startsWith('<')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return 'bad start tag';
      if (stack.length === 0 && roots++ > 0) return 'more than one root element';
      rest = rest.slice(1 + name.length);
      const seen = new Set<string>();
      for (;;) {
        const attr = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)"/.exec(rest);
        if (!attr) break;
        const [all, key, value] = attr as unknown as [string, string, string];
        if (seen.has(key)) return `duplicate attribute ${key}`;
        seen.add(key);
        if (value.includes('<')) return `< in attribute ${key}`;
        const bad = checkRefs(value, `attribute ${key}`);
        if (bad) return bad;
        rest = rest.slice(all.length);
      }
      if (rest.startsWith('/>')) rest = rest.slice(2);
      else if (rest.startsWith('>')) {
        stack.push(name);
        rest = rest.slice(1);
      } else return `bad tag ${name}: ${rest.slice(0, 20)}`;
    } else {
      const end = rest.indexOf('<');
      const text = end < 0 ? rest : rest.slice(0, end);
      if (stack.length === 0 && text.trim() !== '') return 'text outside the root element';
      if (text.includes(']]>')) return ']]> in text';
      const bad = checkRefs(text, 'text');
      if (bad) return bad;
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join('>, <')}>`;
  return roots === 1 ? null : 'no root element';
}

/** Throws with ajv's errors when `data` does not validate (and, unlike the type guard, leaves `data`'s type alone). */
export function assertValid(validate: ValidateFunction, data: unknown): void {
  if (!validate(data))
    throw new Error(`schema validation failed:\n${JSON.stringify(validate.errors, null, 2)}`);
}
