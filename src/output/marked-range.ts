/**
 * Where the mark of a finding ends, in the Word copy and on the web page alike: a finding over several paragraphs
 * (a count over the whole report 自此处起, a page header with its line break) is marked on its first paragraph only,
 * as editors underline only its first line. Shading the whole stretch would hide every other finding, Word would
 * shade every page between, and LibreOffice would show the comment at the far end.
 */
export function markedEnd(text: string, start: number, end: number): number {
  const lineEnd = text.indexOf('\n', start);
  return lineEnd > start && lineEnd < end ? lineEnd : end;
}
