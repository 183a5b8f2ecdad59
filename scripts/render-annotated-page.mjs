// The picture of a reviewed copy in the README (docs/annotate-page.png): page 1 of a seed report annotated by
// `fazhi-lint annotate`, laid out by LibreOffice Writer.
//
//   npm run build && node scripts/render-annotated-page.mjs [input.docx [output.png]]
//
// (default: a seed report, into docs/annotate-page.png)
//
// LibreOffice 7.4 (Debian 12) cannot put comments in the margin of a PDF (ExportNotesInMargin came later), so the
// page comes from its PDF export without comments, and each comment from its PDF export with comments (PDF text
// annotations): the comment's text and the place LibreOffice anchors it on the page. They are drawn as Word draws
// its margin, and Chromium (headless) takes the picture. Needs soffice, pdftoppm and chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = process.argv[2] ?? join(ROOT, 'fixtures/input/seeds/002_0ca269bc21c17480.docx');
const OUT = process.argv[3] ?? join(ROOT, 'docs/annotate-page.png');
const DPI = 100;

const dir = mkdtempSync(join(tmpdir(), 'fazhi-shot-'));
try {
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  const soffice = (filter, file) =>
    execFileSync('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', dir, file], {
      stdio: 'ignore',
    });
  // Exit code 1: the report has errors, as expected.
  spawnSync(
    process.execPath,
    [join(ROOT, 'bin/fazhi-lint.js'), 'annotate', SEED, '-o', join(dir, 'review.docx')],
    {
      stdio: 'inherit',
    },
  );
  copyFileSync(join(dir, 'review.docx'), join(dir, 'page.docx'));
  soffice(
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
    join(dir, 'review.docx'),
  );
  soffice('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"}}', join(dir, 'page.docx'));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(DPI),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    join(dir, 'page.pdf'),
    join(dir, 'page'),
  ]);

  // Page 1's text annotations: /Rect (PDF points from the bottom left), /Contents and /T in UTF-16BE hex.
  const pdf = readFileSync(join(dir, 'review.pdf'), 'latin1');
  const object = (n) => new RegExp(`\\n${n} 0 obj\\n([\\s\\S]*?)endobj`).exec(pdf)?.[1] ?? '';
  const page = /\/Type\/Page\/[\s\S]*?\/MediaBox\[0 0 ([\d.]+) ([\d.]+)\]\/Annots\[([^\]]*)\]/.exec(pdf);
  const [, , height, refs] = page;
  const utf16 = (hex) => Buffer.from(hex.slice(4), 'hex').swap16().toString('utf16le');
  const notes = [...refs.matchAll(/(\d+) 0 R/g)]
    .map((m) => object(m[1]))
    .filter((o) => o.includes('/Subtype /Text'))
    .map((o) => {
      const rect = /\/Rect\[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(o).slice(1).map(Number);
      return {
        x: (rect[0] * DPI) / 72,
        y: ((Number(height) - rect[3]) * DPI) / 72,
        // LibreOffice writes "author, date" as the title.
        author: utf16(/\/T <([0-9A-F]+)>/.exec(o)[1]).split(',')[0],
        text: utf16(/\/Contents <([0-9A-F]+)>/.exec(o)[1]),
      };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);

  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const pageWidth = Math.round((595.3 * DPI) / 72);
  const pageHeight = Math.round((Number(height) * DPI) / 72);
  const margin = 430;
  const boxes = notes
    .map((n, i) => {
      const [message, ...rest] = n.text.split('\n');
      return `<div class="note" data-y="${n.y}" data-x="${n.x}" id="n${i}"><b>${esc(n.author)}</b><p class="m">${esc(message)}</p>${rest.map((r) => `<p>${esc(r)}</p>`).join('')}</div>`;
    })
    .join('');
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#e8e8e8;font:13px/1.45 "Noto Sans CJK SC",sans-serif}
#wrap{position:relative;width:${pageWidth + margin}px}
#page{display:block;background:#fff;box-shadow:0 0 4px #999}
#margin{position:absolute;left:${pageWidth}px;top:0;width:${margin}px;height:100%;background:#f3f3f3}
.note{position:absolute;left:${pageWidth + 14}px;width:${margin - 28}px;background:#fff;border-left:4px solid #d4a017;box-shadow:0 1px 3px #aaa;padding:5px 8px;box-sizing:border-box}
.note p{margin:2px 0;color:#444;font-size:12px}.note p.m{color:#111;font-size:13px}
.note b{color:#8a6d00;font-size:12px}
svg{position:absolute;left:0;top:0;pointer-events:none}
</style></head><body><div id="wrap"><img id="page" src="page.png"><div id="margin"></div>${boxes}<svg id="lines"></svg></div>
<script>
let bottom = 6;
const lines = [];
for (const n of document.querySelectorAll('.note')) {
  const y = Math.max(Number(n.dataset.y) - 8, bottom);
  n.style.top = y + 'px';
  bottom = y + n.offsetHeight + 6;
  lines.push('<polyline fill="none" stroke="#d4a017" stroke-width="1.2" stroke-dasharray="4 2" points="' + n.dataset.x + ',' + (Number(n.dataset.y) + 14) + ' ' + ${pageWidth - 4} + ',' + (Number(n.dataset.y) + 14) + ' ' + ${pageWidth + 14} + ',' + (y + 12) + '"/>');
}
const h = Math.max(${pageHeight}, bottom + 10);
const svg = document.getElementById('lines');
svg.setAttribute('width', ${pageWidth + margin}); svg.setAttribute('height', h); svg.innerHTML = lines.join('');
document.getElementById('wrap').style.height = h + 'px';
document.title = String(h);
</script></body></html>`;
  writeFileSync(join(dir, 'page.html'), html);
  const shot = (height) =>
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        `--window-size=${pageWidth + margin},${height}`,
        `--screenshot=${OUT}`,
        pathToFileURL(join(dir, 'page.html')).href,
      ],
      { stdio: 'ignore' },
    );
  // Tall enough for the comments stacked in the margin (the page's grey surround fills the rest).
  shot(
    Math.ceil(
      Math.max(
        pageHeight,
        notes.reduce((h, n) => Math.max(h, n.y) + 150, 0),
      ),
    ),
  );
  console.log(`${OUT}: ${notes.length} comments on page 1`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
