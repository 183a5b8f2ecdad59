import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlAttr, xmlText } from '../../src/output/formatters/xml.js';
import { parseXml, xmlProblem } from './helpers.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('XML escaping', () => {
  it('escapes markup, quotes and line breaks', () => {
    expect(xmlAttr('<《法》&"引"\'>\t\r\n')).toBe("&lt;《法》&amp;&quot;引&quot;'&gt;&#9;&#13;&#10;");
    expect(xmlText('a]]>b & <c>\r\n')).toBe('a]]&gt;b &amp; &lt;c&gt;&#13;\n');
  });

  it('keeps astral characters and replaces what XML cannot carry', () => {
    expect(xmlText('𠀀\u0001\uD800x\uFFFE')).toBe('𠀀\uFFFD\uFFFDx\uFFFD');
  });

  it('any string becomes well-formed XML that reads back as itself (forbidden characters replaced)', () => {
    const clean = (s: string) =>
      s.replace(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids.
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, t) => {
        const xml = `${DECLARATION}<r a="${xmlAttr(a)}"><t>${xmlText(t)}</t></r>`;
        expect(xmlProblem(xml)).toBeNull();
        const doc = parseXml(xml) as { r: { a: string; t: string | Record<string, never> } };
        expect(doc.r.a).toBe(clean(a));
        expect(typeof doc.r.t === 'string' ? doc.r.t : '').toBe(clean(t));
      }),
    );
  });

  it('the well-formedness checker rejects what it should', () => {
    expect(xmlProblem(`${DECLARATION}<a b="<"/>`)).toMatch(/< in attribute/);
    expect(xmlProblem(`${DECLARATION}<a>&</a>`)).toMatch(/bare &/);
    expect(xmlProblem(`${DECLARATION}<a>\u0001</a>`)).toMatch(/character/);
    expect(xmlProblem(`${DECLARATION}<a><b></a></b>`)).toMatch(/unbalanced/);
    expect(xmlProblem(`${DECLARATION}<a/><b/>`)).toMatch(/root/);
    expect(xmlProblem(`${DECLARATION}<a x="1" x="2"/>`)).toMatch(/duplicate/);
  });
});
