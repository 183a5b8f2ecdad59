// Inputs a document server must refuse cleanly (issue #13's load test and test/web/): an archive bomb, a body
// over the limit, an empty body, binary data, a truncated upload. Generated, never stored in the repository.
import { createDeflateRaw } from 'node:zlib';

/**
 * A one-entry archive around deflated bytes, declaring `declaredSize` and `crc` as given (a reader that trusts the
 * header is fooled; CRC-32 0 by default: the readers under test stop before checking it).
 */
export function rawEntryZip(name, compressed, declaredSize, crc = 0) {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBytes.length + compressed.length;
  const cdSize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]);
}

/**
 * A .docx-shaped zip whose word/document.xml inflates to `megabytes` MB of spaces (about 1 MB per KB sent),
 * declaring a small size so a reader that trusts the header is fooled too.
 */
export function archiveBomb(megabytes = 1024) {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out = [];
    deflate.on('data', (c) => out.push(c));
    deflate.on('error', reject);
    deflate.on('end', () => resolve(rawEntryZip('word/document.xml', Buffer.concat(out), 1024)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let left = megabytes;
    const write = () => {
      while (left > 0) {
        left--;
        if (!deflate.write(chunk)) return deflate.once('drain', write);
      }
      deflate.end();
    };
    write();
  });
}

/** Bytes that decode as nothing but control characters and NULs (what an upload of a binary file looks like). */
export function binaryData(size = 4096) {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 131 + 7) % 256;
  b[0] = 0;
  return b;
}

/** The first half of a real .docx: a truncated upload that did arrive whole as far as HTTP knows. */
export function truncated(bytes) {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** A .docx built from a plain-text report: one Word paragraph per line, the way the CLI reads it back. */
export async function docxFromText(text) {
  const { default: JSZip } = await import('jszip');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .split(/\r\n|\r|\n/)
    .map((line) => `<w:p>${line ? `<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>` : ''}</w:p>`)
    .join('');
  const zip = new JSZip();
  const date = new Date('2024-03-01T00:00:00Z');
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    { date },
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    { date },
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    {
      date,
    },
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
