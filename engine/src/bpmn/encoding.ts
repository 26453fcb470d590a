// BPMN files as bytes: decoded by their byte-order mark or XML declaration before parsing, so an
// export in ISO-8859-1, UTF-16 (with BOM) or GBK reads the same as UTF-8.
const DECLARED = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** Encoding labels TextDecoder knows by another name. */
const ALIASES: Record<string, string> = { 'iso-8859-1': 'latin1', 'iso8859-1': 'latin1', 'latin-1': 'latin1', 'gb2312': 'gbk', 'utf-16': 'utf-16le' };

/** The text of a BPMN file: BOM first, then the XML declaration, else UTF-8. */
export function decodeBpmn(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without a BOM: `<` followed or preceded by a zero byte
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = DECLARED.exec(head.trimStart())?.[1]?.toLowerCase();
  const label = declared ? ALIASES[declared] ?? declared : 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an encoding TextDecoder does not know: read as UTF-8
  }
}
