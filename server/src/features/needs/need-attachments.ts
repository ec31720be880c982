/** An attachment may be at most 20 MB. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const starts = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * The media type from the content's magic bytes, never from the name: PDF, PNG, JPEG, GIF, WebP,
 * Office Open XML (a ZIP holding [Content_Types].xml), legacy Office (OLE2), or plain UTF-8 text.
 * Anything else (executables, scripts disguised as .pdf, archives) is refused (null).
 */
export function sniffType(b: Buffer): string | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    const head = b.subarray(0, Math.min(b.length, 4096)).toString('latin1');
    if (!head.includes('[Content_Types].xml')) return null;
    if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (head.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    return null;
  }
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  // plain text: valid UTF-8 without NUL or other control characters (tab, LF, CR allowed)
  const sample = b.subarray(0, Math.min(b.length, 65536));
  if (sample.length === 0) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample.length < b.length ? trimUtf8(sample) : sample);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return null;
    return 'text/plain';
  } catch {
    return null;
  }
}

/** Cut a sample at a character boundary (the sample may end inside a multi-byte character). */
function trimUtf8(b: Buffer): Buffer {
  let end = b.length;
  while (end > 0 && end > b.length - 4 && (b[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && b[end - 1]! >= 0xc0) end--;
  return b.subarray(0, end);
}
