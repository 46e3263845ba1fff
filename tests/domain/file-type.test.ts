import { describe, expect, it } from 'vitest';
import { detectFileType } from '../../domain/file-type';

const bytes = (...values: number[]) => Buffer.from(values);

describe('file type by content', () => {
  it('recognises JPEG, PNG and PDF by their first bytes', () => {
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10))).toBe('image/jpeg');
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('image/png');
    expect(detectFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
  });

  it('does not trust the name: an executable or anything else is unknown', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(detectFileType(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01))).toBeNull();
    expect(detectFileType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(detectFileType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});
