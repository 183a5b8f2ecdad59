/** The .docx unpacking limits that keep an archive bomb from reaching the Word reader (src/service/archive-limits.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { archiveBomb } from '../../bench/lib/bad-inputs.js';
import { checkArchiveLimits } from '../../src/service/archive-limits.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/input');

describe('checkArchiveLimits', () => {
  it('lets real .docx files and non-zips through (the reader judges those)', async () => {
    for (const f of ['headings.docx', 'numbering.docx', 'not-a-zip.docx']) {
      await expect(checkArchiveLimits(readFileSync(join(FIXTURES, f)), f)).resolves.toBeUndefined();
    }
  });

  it('refuses an entry that inflates past the limit, whatever size it declares', async () => {
    const bomb = await archiveBomb(80);
    await expect(checkArchiveLimits(bomb, 'bomb.docx')).rejects.toMatchObject({
      code: 'archive-too-large',
      message: expect.stringContaining('解压后超过 64 MB'),
    });
    await expect(
      checkArchiveLimits(bomb, 'bomb.docx', { maxUnzippedSize: 100 * 1024 * 1024 }),
    ).resolves.toBeUndefined();
  });

  it('refuses an archive with too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`word/media/${i}.xml`, '<x/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(checkArchiveLimits(bytes, 'many.docx', { maxEntries: 20 })).rejects.toMatchObject({
      code: 'archive-too-large',
      message: expect.stringContaining('超过 20 个'),
    });
    await expect(checkArchiveLimits(bytes, 'many.docx')).resolves.toBeUndefined();
  });
});
