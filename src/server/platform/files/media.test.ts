import { describe, expect, it } from 'vitest';
import { attachmentHeader, cleanFileName, detectMediaType } from './media.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectMediaType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(detectMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it is called: a Windows program, a script, too few bytes', () => {
    expect(detectMediaType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(detectMediaType(Buffer.from('<script>alert(1)</script>'))).toBeNull();
    expect(detectMediaType(Buffer.from('%PD'))).toBeNull();
    expect(detectMediaType(bytes())).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the name without folders or control characters', () => {
    expect(cleanFileName('C:\\Users\\siti\\putusan.pdf', 'application/pdf')).toBe('putusan.pdf');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.png', 'image/png')).toBe('abc.png');
    expect(cleanFileName('surat %22jaminan%22.pdf', 'application/pdf')).toBe('surat "jaminan".pdf');
  });

  it('names a nameless file after its type', () => {
    expect(cleanFileName(undefined, 'image/jpeg')).toBe('dokumen.jpg');
    expect(cleanFileName('..', 'application/pdf')).toBe('dokumen.pdf');
  });
});

describe('attachmentHeader', () => {
  it('sends an ASCII fallback and the exact name encoded, so quotes cannot break out', () => {
    expect(attachmentHeader('Surat "jaminan"; ibu.pdf')).toBe(
      `attachment; filename="Surat _jaminan__ ibu.pdf"; filename*=UTF-8''Surat%20%22jaminan%22%3B%20ibu.pdf`,
    );
    expect(attachmentHeader('fotó (1).jpg')).toBe(
      `attachment; filename="fot_ (1).jpg"; filename*=UTF-8''fot%C3%B3%20%281%29.jpg`,
    );
  });
});
