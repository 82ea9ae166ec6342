export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';

export const extensionFor: Record<SniffedType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};

// Each signature is (offset, bytes) pairs that must all match.
type Magic = readonly (readonly [offset: number, bytes: readonly number[]])[];
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const signatures: ReadonlyArray<readonly [SniffedType, Magic]> = [
  // Acrobat tolerates up to 1024 junk bytes before "%PDF-", but accepting that would let a
  // polyglot (an HTML page, script or ZIP that also parses as a PDF) through; every real PDF
  // producer writes the header at offset 0, so we require it there.
  ['application/pdf', [[0, [0x25, 0x50, 0x44, 0x46, 0x2d]]]],
  ['image/jpeg', [[0, [0xff, 0xd8, 0xff]]]],
  // The full 8 bytes: the CR LF / LF pair is what catches a PNG mangled by text-mode transfer.
  ['image/png', [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]]],
  // A RIFF container whose form type is WEBP, with one of the three chunk kinds after it.
  [
    'image/webp',
    [
      [0, ascii('RIFF')],
      [8, ascii('WEBPVP8')],
    ],
  ],
];

/**
 * Decides the type from the bytes alone; the client's file name and Content-Type are
 * ignored because either can be set to anything. Executables, archives and scripts simply
 * match none of the signatures.
 */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  for (const [type, magic] of signatures) {
    const matches = magic.every(
      ([offset, expected]) =>
        bytes.length >= offset + expected.length && expected.every((byte, i) => bytes[offset + i] === byte),
    );
    if (matches) return type;
  }
  return null;
}

const maxLength = 120;

/**
 * How much of a client's file name is ever looked at. A real file name is at most 255 bytes
 * (NAME_MAX on every common file system), while multipart lets a client send ~80 KB: the rest
 * is cut before any processing, so no step below can be made slow by a long name.
 */
export const FILENAME_INPUT_LIMIT = 255;

// Other names a browser may give a file of the sniffed type; they are replaced, not doubled.
const aliases: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
};

/**
 * C0/C1 controls break headers and logs; bidi marks, overrides and isolates can make
 * "x\u202Egpj.exe" display as "xexe.jpg", so they go too. Tab, LF, VT, FF and CR are
 * whitespace (collapsed to one space instead).
 */
function isInvisible(cp: number): boolean {
  return (
    cp <= 0x08 ||
    (cp >= 0x0e && cp <= 0x1f) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}

// What JavaScript's `\s` and String#trim treat as white space and line terminators.
const whitespace = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAsciiDigit = (c: string) => c >= '0' && c <= '9';
const isDotOrSpace = (c: string | undefined) => c === '.' || c === ' ';

/** The first FILENAME_INPUT_LIMIT UTF-16 units, without a high surrogate left dangling at the cut. */
function capped(name: string): string {
  if (name.length <= FILENAME_INPUT_LIMIT) return name;
  const last = name.charCodeAt(FILENAME_INPUT_LIMIT - 1);
  return name.slice(0, last >= 0xd800 && last <= 0xdbff ? FILENAME_INPUT_LIMIT - 1 : FILENAME_INPUT_LIMIT);
}

/**
 * Where the extension of chars[lo, hi) starts (its dot), or -1: a dot followed by 1–8 ASCII
 * letters or digits up to `hi`, at least one a letter, so "statement 03.2024" keeps its date.
 * Looks at most 9 characters back.
 */
function extensionStart(chars: readonly string[], lo: number, hi: number): number {
  let letter = false;
  for (let i = hi - 1; i >= lo && hi - i <= 9; i -= 1) {
    const c = chars[i]!;
    if (c === '.') return letter && i < hi - 1 ? i : -1;
    if (isAsciiLetter(c)) letter = true;
    else if (!isAsciiDigit(c)) return -1;
  }
  return -1;
}

/**
 * A display name that cannot smuggle a path, a control character or a misleading extension:
 * the last path segment, single spaces, at most 120 characters, ending in the extension of
 * the type the bytes actually have. Header encoding stays the caller's job.
 *
 * Linear by construction: the name is capped at FILENAME_INPUT_LIMIT first, then read once
 * into code points; every later step moves two indices over that array (issue #9: a
 * backtracking `/[.\s]+$/` on "a" + 20,000 × ". " + "b" took seconds).
 */
export function safeFilename(name: string, type: SniffedType): string {
  const ext = extensionFor[type];
  const input = capped(name);
  const segment = input.slice(Math.max(input.lastIndexOf('/'), input.lastIndexOf('\\')) + 1);
  // Code points, so an emoji is never split into a lone surrogate when cutting.
  const chars: string[] = [];
  for (const c of segment) {
    const cp = c.codePointAt(0)!;
    if (isInvisible(cp)) continue;
    if (whitespace.has(cp)) {
      if (chars[chars.length - 1] !== ' ') chars.push(' ');
    } else chars.push(c);
  }
  let lo = 0;
  let hi = chars.length;
  while (lo < hi && chars[lo] === ' ') lo += 1;
  while (hi > lo && chars[hi - 1] === ' ') hi -= 1;
  // The claimed extension goes; "invoice.pdf.exe" that is really a PDF becomes "invoice.pdf",
  // not "invoice.pdf.pdf".
  const claimed = extensionStart(chars, lo, hi);
  if (claimed >= 0) hi = claimed;
  const hidden = extensionStart(chars, lo, hi);
  if (hidden >= 0 && aliases[type].includes(chars.slice(hidden, hi).join('').toLowerCase())) hi = hidden;
  while (lo < hi && isDotOrSpace(chars[lo])) lo += 1;
  while (hi > lo && isDotOrSpace(chars[hi - 1])) hi -= 1;
  hi = Math.min(hi, lo + maxLength - ext.length);
  while (hi > lo && isDotOrSpace(chars[hi - 1])) hi -= 1;
  return (chars.slice(lo, hi).join('') || 'document') + ext;
}
