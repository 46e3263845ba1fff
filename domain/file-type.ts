/** What a citizen may attach, recognised by the first bytes of the file, never by its name. */
export type FileType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The MIME type given to content that is none of the accepted types (flows refuse it). */
export const UNKNOWN_MIME = 'application/octet-stream';

const SIGNATURES: readonly { mime: FileType; bytes: readonly number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // %PDF-
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type of the content by its magic bytes: JPEG, PNG or PDF; null for anything else (an executable renamed .jpg). */
export function detectFileType(content: Uint8Array): FileType | null {
  for (const { mime, bytes } of SIGNATURES) {
    if (content.length >= bytes.length && bytes.every((byte, i) => content[i] === byte)) return mime;
  }
  return null;
}
