import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { createLinter, type Linter } from '../../src/engine/linter.js';
import { openDocx } from '../../src/input/docx.js';
import { ZipArchive } from '../../src/input/zip.js';
import { ANNOTATION_AUTHOR, annotateDocx } from '../../src/output/annotate/index.js';
import { removeOwnAnnotations } from '../../src/output/annotate/package.js';
import { docxParts, makeZip } from '../input/helpers.js';

/**
 * The same paragraph cut into runs at random places, with different formatting: the comments are anchored on the
 * same characters, the text read back is the same, and every character keeps its run's formatting.
 */

const TITLE = '某某镇2023年法治政府建设情况报告';
// Findings with fixes (法制宣传, a half-width comma, a space before a unit, a half-width colon) and without.
const BODY = '2023年,我镇开展法制宣传活动12场，覆盖群众3000 人:今年还将继续。';
const FORMATS = [
  '',
  '<w:rPr><w:b/></w:rPr>',
  '<w:rPr><w:i/><w:color w:val="C00000"/></w:rPr>',
  '<w:rPr><w:sz w:val="28"/></w:rPr>',
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function documentWith(cuts: number[], formats: number[]): Buffer {
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), BODY.length];
  const runs = bounds
    .slice(0, -1)
    .map((from, i) => {
      const text = BODY.slice(from, bounds[i + 1]);
      return `<w:r>${FORMATS[(formats[i] ?? 0) % FORMATS.length]}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
    })
    .join('');
  const body = `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>${TITLE}</w:t></w:r></w:p><w:p>${runs}</w:p>`;
  return makeZip(docxParts(body));
}

interface Char {
  char: string;
  format: string;
  inserted: boolean;
  deleted: boolean;
}

/**
 * An independent reading of a body (a plain tag scan, not the project's reader): every character with its run's
 * properties and whether it is inside w:ins or w:del, and the characters (of the accepted text) each comment spans.
 */
function scan(xml: string): { chars: Char[]; anchors: Map<string, string> } {
  const chars: Char[] = [];
  const open = new Map<string, number>();
  const anchors = new Map<string, string>();
  let format = '';
  let inserted = 0;
  let deleted = 0;
  const accepted = () => chars.filter((c) => !c.deleted).length;
  const text = () =>
    chars
      .filter((c) => !c.deleted)
      .map((c) => c.char)
      .join('');
  const token =
    /<w:rPr>([\s\S]*?)<\/w:rPr>|<(\/?)w:(r|ins|del|t|delText|commentRangeStart|commentRangeEnd)\b([^>]*?)(\/?)>([^<]*)/g;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    if (m[1] !== undefined) {
      format = `<w:rPr>${m[1]}</w:rPr>`;
      continue;
    }
    const [, , closing, name, attrs, , after] = m;
    const id = /w:id="(\d+)"/.exec(attrs ?? '')?.[1] ?? '';
    if (name === 'r' && !closing) format = '';
    else if (name === 'ins') inserted += closing ? -1 : m[5] ? 0 : 1;
    else if (name === 'del') deleted += closing ? -1 : m[5] ? 0 : 1;
    else if (name === 'commentRangeStart') open.set(id, accepted());
    else if (name === 'commentRangeEnd') anchors.set(id, text().slice(open.get(id) ?? 0));
    else if ((name === 't' || name === 'delText') && !closing && !m[5]) {
      const value = (after ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      for (const char of value) chars.push({ char, format, inserted: inserted > 0, deleted: deleted > 0 });
    }
  }
  return { chars, anchors };
}

/** Each finding's message with the text its comment spans, in order. */
function anchored(bytes: Uint8Array): { findings: string[]; chars: Char[]; text: string } {
  const zip = ZipArchive.open(bytes);
  const body = zip.readText('word/document.xml') as string;
  const comments = zip.readText('word/comments.xml') as string;
  const { chars, anchors } = scan(body);
  const findings = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(
    (m) => {
      const first = /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(m[2] as string)?.[1];
      return `${first} @ ${anchors.get(m[1] as string)}`;
    },
  );
  return { findings: findings.sort(), chars, text: openDocx(bytes, 'x.docx').text };
}

describe('runs cut anywhere, formatted any way', () => {
  let linter: Linter;
  let reference: ReturnType<typeof anchored>;
  const date = new Date('2024-03-02T08:00:00Z');

  beforeAll(async () => {
    linter = await createLinter({ cwd: import.meta.dirname });
    reference = anchored((await annotateDocx(documentWith([], []), 'x.docx', { linter, date })).bytes);
  });

  test('the reference has comments on the expected characters and tracked changes', () => {
    expect(reference.findings).toContain('“法制宣传”不是规范表述，应写作“法治宣传” @ 法治宣传');
    expect(reference.text.split('\n')[1]).toBe(
      // the colon touches the number's fix: the next pass
      '2023年，我镇开展法治宣传活动12场，覆盖群众3000人:今年还将继续。',
    );
  });

  test('same comments on the same characters, same text, every character its own formatting', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: BODY.length - 1 }), { maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 13, maxLength: 13 }),
        async (cuts, formats) => {
          const original = documentWith(cuts, formats);
          const { bytes } = await annotateDocx(original, 'x.docx', { linter, date });
          const got = anchored(bytes);
          expect(got.findings).toEqual(reference.findings);
          expect(got.text).toBe(reference.text);
          // Rejecting the changes gives back every character with its formatting.
          const before = scan(ZipArchive.open(original).readText('word/document.xml') as string).chars;
          const kept = got.chars.filter((c) => !c.inserted).map(({ char, format }) => ({ char, format }));
          expect(kept).toEqual(before.map(({ char, format }) => ({ char, format })));
          // Inserted text takes the formatting of the text it replaces or follows.
          for (const c of got.chars.filter((x) => x.inserted)) expect(FORMATS).toContain(c.format);
          const zip = ZipArchive.open(bytes);
          const rejected = removeOwnAnnotations(
            zip.readText('word/document.xml') as string,
            zip.readText('word/comments.xml'),
            ANNOTATION_AUTHOR,
          );
          const restored = ZipArchive.open(original);
          expect(rejected).not.toBeNull();
          const reread = openDocx(
            makeZip({
              ...docxParts(''),
              'word/document.xml': rejected?.documentXml as string,
            }),
            'x.docx',
          ).text;
          expect(reread).toBe(openDocx(restored.bytes, 'x.docx').text);
        },
      ),
      { numRuns: 60 },
    );
  });
});
