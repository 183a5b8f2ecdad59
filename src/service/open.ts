import { extname } from 'node:path';
import { formatFor as inputFormatFor, sourceFromBuffer } from '../input/read.js';
import type { SourceFile, SourceFormat } from '../input/types.js';

/**
 * Opening a document: an editor buffer (text the client holds, maybe with a BOM) or a file's bytes (a web
 * upload). Both end as the SourceFile the engine lints; the shift says how far the client's offsets are from it.
 */
export interface OpenedDocument {
  /** The text as the client holds it. */
  text: string;
  source: SourceFile;
  /** 1 when `text` starts with a BOM that the engine's offsets exclude. */
  shift: number;
}

/** Markdown or plain text, from an editor language id or else the file name. */
export function textFormatOf(languageId: string, path: string): SourceFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext' || languageId === 'text') return 'text';
  const ext = extname(path).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

/** An editor buffer as the engine sees it: the BOM removed, the line ending it mostly uses. */
export function openText(text: string, path: string, format: SourceFormat): OpenedDocument {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  return {
    text,
    shift,
    source: {
      path,
      format,
      text: body,
      encoding: {
        encoding: 'utf-8',
        bom: shift === 1,
        eol: body.includes('\r\n') ? '\r\n' : '\n',
        detected: false,
      },
    },
  };
}

/**
 * A file's bytes as the command line would read them: the format from the name (refusing .doc, .pdf …), the
 * text decoded (UTF-8, UTF-16, GB18030 detected) or read from Word. Throws the CLI's InputErrors.
 */
export async function openBytes(
  bytes: Uint8Array,
  name: string,
  options: { encoding?: string } = {},
): Promise<OpenedDocument> {
  const format = inputFormatFor(name);
  const source = await sourceFromBuffer(bytes, name, format, options);
  return { text: source.text, source, shift: 0 };
}
