/**
 * Characters XML 1.0 forbids anywhere (§2.2): C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
 * They can reach us through quoted document text; they are replaced, since no escape makes them legal.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the forbidden control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(value: string): string {
  return value.replace(FORBIDDEN, '\uFFFD');
}

/**
 * Escapes character data (element content). `>` too, so `]]>` can never appear; CR as a reference, because
 * parsers turn a literal CR or CRLF into LF (§2.11).
 */
export function xmlText(value: string): string {
  return clean(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes a double-quoted attribute value. Tab, LF and CR become character references, because a parser
 * normalises literal ones in attribute values to spaces (§3.3.3) and multi-line messages would lose their breaks.
 */
export function xmlAttr(value: string | number): string {
  return clean(String(value))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
