import { describe, expect, it } from 'vitest';
import { extensionFor, safeFilename, sniffFileType } from '../../src/file-type.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(Buffer.from(part, 'latin1')) : part)));

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('sniffFileType', () => {
  it('recognises PDF, JPEG and PNG by their magic bytes', () => {
    expect(sniffFileType(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'))).toBe('application/pdf');
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'))).toBe('image/jpeg');
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toBe('image/jpeg');
    expect(sniffFileType(bytes(pngSignature, [0, 0, 0, 13], 'IHDR'))).toBe('image/png');
  });

  it('recognises WebP (lossy, lossless and extended) as a RIFF container of form WEBP', () => {
    for (const chunk of ['VP8 ', 'VP8L', 'VP8X']) {
      expect(sniffFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0]))).toBe('image/webp');
    }
    // Other RIFF files (WAV, AVI) and a WEBP form type without its chunk are not images.
    expect(sniffFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffFileType(bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST'))).toBeNull();
    expect(sniffFileType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBP'))).toBeNull();
    expect(sniffFileType(bytes('WEBPVP8 '))).toBeNull();
  });

  it('accepts a Buffer, which is what multipart uploads hand over', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.4'))).toBe('application/pdf');
  });

  it('refuses executables, archives and scripts whatever they are called', () => {
    expect(sniffFileType(bytes('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(sniffFileType(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBeNull();
    expect(sniffFileType(bytes('PK\x03\x04\x14\x00'))).toBeNull();
    expect(sniffFileType(bytes('#!/bin/sh\nrm -rf /\n'))).toBeNull();
    expect(sniffFileType(bytes('<html><body>%PDF-1.7'))).toBeNull();
  });

  it('refuses an empty buffer and signatures cut short', () => {
    expect(sniffFileType(new Uint8Array())).toBeNull();
    expect(sniffFileType(bytes('%PDF'))).toBeNull();
    expect(sniffFileType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffFileType(bytes(pngSignature.slice(0, 7)))).toBeNull();
  });

  it('refuses a PNG whose line-ending bytes were rewritten in transit', () => {
    expect(sniffFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00]))).toBeNull();
  });

  it('requires the PDF header at offset 0', () => {
    expect(sniffFileType(bytes(' %PDF-1.7'))).toBeNull();
    expect(sniffFileType(bytes([0xef, 0xbb, 0xbf], '%PDF-1.7'))).toBeNull();
  });
});

describe('extensionFor', () => {
  it('maps each sniffed type to its usual extension', () => {
    expect(extensionFor).toEqual({
      'application/pdf': '.pdf',
      'image/jpeg': '.jpg',
      'image/png': '.png',
      'image/webp': '.webp',
    });
  });
});

describe('safeFilename', () => {
  it('replaces the claimed extension with the sniffed one', () => {
    expect(safeFilename('invoice.exe', 'application/pdf')).toBe('invoice.pdf');
    expect(safeFilename('photo.png', 'image/jpeg')).toBe('photo.jpg');
    expect(safeFilename('scan.JPEG', 'image/jpeg')).toBe('scan.jpg');
    expect(safeFilename('licence', 'image/png')).toBe('licence.png');
  });

  it('does not double the right extension hidden behind a wrong one', () => {
    expect(safeFilename('invoice.pdf.exe', 'application/pdf')).toBe('invoice.pdf');
    expect(safeFilename('Invoice.PDF', 'application/pdf')).toBe('Invoice.pdf');
    expect(safeFilename('photo.jpeg.exe', 'image/jpeg')).toBe('photo.jpg');
  });

  it('keeps a dotted date that is not an extension', () => {
    expect(safeFilename('statement 03.2024', 'application/pdf')).toBe('statement 03.2024.pdf');
  });

  it('strips directories, Windows ones too', () => {
    expect(safeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFilename('C:\\Users\\anna\\Desktop\\VAT certificate.pdf', 'application/pdf')).toBe(
      'VAT certificate.pdf',
    );
  });

  it('removes control characters and bidi overrides and collapses whitespace', () => {
    expect(safeFilename('in\u0000voi\u0007ce\u009b.pdf', 'application/pdf')).toBe('invoice.pdf');
    expect(safeFilename('  business\t\tregistration \n 2024 .pdf ', 'application/pdf')).toBe(
      'business registration 2024.pdf',
    );
    expect(safeFilename('passport\u202Egpj.exe', 'application/pdf')).toBe('passportgpj.pdf');
  });

  it('limits the name to 120 characters including the extension', () => {
    const name = safeFilename(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(120);
    expect(name.endsWith('a.pdf')).toBe(true);
  });

  it('never leaves half an emoji when cutting', () => {
    const name = safeFilename(`${'a'.repeat(115)}😀😀😀.png`, 'image/png');
    expect(name).toBe(`${'a'.repeat(115)}😀.png`);
  });

  it('falls back to "document" when nothing usable is left', () => {
    expect(safeFilename('', 'application/pdf')).toBe('document.pdf');
    expect(safeFilename('   ', 'image/png')).toBe('document.png');
    expect(safeFilename('.pdf', 'application/pdf')).toBe('document.pdf');
    expect(safeFilename('uploads/', 'image/jpeg')).toBe('document.jpg');
    expect(safeFilename('\u0000\u0001', 'image/jpeg')).toBe('document.jpg');
  });

  // Issue #9: `/[.\s]+$/` on "a" + 20,000 × ". " + "b" backtracked quadratically and stalled the
  // event loop for seconds. Names are capped before anything looks at them, and the clean-up is a
  // single pass, so no input can make it slow.
  describe('hostile lengths', () => {
    const dotsAndSpaces = `a${'. '.repeat(20_000)}b`;

    it('cleans "a" + 20,000 × ". " + "b" to "a": the dots and spaces are trimmed, not kept', () => {
      expect(safeFilename(dotsAndSpaces, 'application/pdf')).toBe('a.pdf');
    });

    it('caps an 80 KB name at 255 characters before any processing, even before finding the last path segment', () => {
      // A real file name is at most 255 bytes (NAME_MAX); anything after that is not looked at,
      // so a path segment hidden behind 80 KB of padding is never found.
      const padded = `${'a'.repeat(80_000)}/evil.pdf`;
      expect(safeFilename(padded, 'application/pdf')).toBe(`${'a'.repeat(116)}.pdf`);
      expect(safeFilename(`${'a'.repeat(300)}/evil.pdf`, 'application/pdf')).toBe(`${'a'.repeat(116)}.pdf`);
      // Within the cap, the last segment still wins.
      expect(safeFilename(`${'d/'.repeat(100)}evil.pdf`, 'application/pdf')).toBe('evil.pdf');
    });

    it('never cuts a surrogate pair in half at the cap', () => {
      const name = `${'a'.repeat(254)}😀${'b'.repeat(10)}`;
      expect(safeFilename(name, 'image/png')).toBe(`${'a'.repeat(116)}.png`);
      expect(safeFilename(`${'😀'.repeat(200)}`, 'image/png')).toBe(`${'😀'.repeat(116)}.png`);
    });

    it('no regular expression ever sees more than the first 255 characters of a name', () => {
      // Linear by construction: whatever the sanitiser does, it never hands an unbounded string
      // to a backtracking regex engine. Every regex method goes through RegExp.prototype.exec
      // once it is replaced (the spec's slow path), so this sees split, replace, match and test.
      const seen: number[] = [];
      const exec = RegExp.prototype.exec;
      RegExp.prototype.exec = function (this: RegExp, input: string) {
        seen.push(String(input).length);
        return exec.call(this, input);
      };
      let name: string;
      try {
        name = safeFilename(`${'x'.repeat(80_000)}.pdf`, 'application/pdf');
      } finally {
        RegExp.prototype.exec = exec;
      }
      expect(name).toBe(`${'x'.repeat(116)}.pdf`);
      expect(seen.filter((length) => length > 255)).toEqual([]);
    });
  });
});
