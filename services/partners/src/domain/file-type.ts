export type SniffedType = 'application/pdf' | 'image/jpeg' | 'image/png';

export const extensionFor: Record<SniffedType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

// Acrobat tolerates up to 1024 junk bytes before "%PDF-", but accepting that would let a
// polyglot (an HTML page, script or ZIP that also parses as a PDF) through; every real PDF
// producer writes the header at offset 0, so we require it there.
const signatures: ReadonlyArray<readonly [SniffedType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  // The full 8 bytes: the CR LF / LF pair is what catches a PNG mangled by text-mode transfer.
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/**
 * Decides the type from the bytes alone; the client's file name and Content-Type are
 * ignored because either can be set to anything. Executables, archives and scripts simply
 * match none of the signatures.
 */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  for (const [type, magic] of signatures) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return type;
  }
  return null;
}

const maxLength = 120;

// Other names a browser may give a file of the sniffed type; they are replaced, not doubled.
const aliases: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
};

// C0/C1 controls break headers and logs; bidi overrides and isolates can make "x\u202Egpj.exe"
// display as "xexe.jpg", so they go too. Tab, LF, VT, FF and CR are left to the whitespace rule.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// An extension needs a letter, so "statement 03.2024" keeps its date.
const trailingExtension = /\.(?=[0-9]*[a-z])[a-z0-9]{1,8}$/i;

function withoutExtensions(name: string, type: SniffedType): string {
  const stem = name.replace(trailingExtension, '');
  const left = stem.match(trailingExtension)?.[0]?.toLowerCase();
  // "invoice.pdf.exe" that is really a PDF becomes "invoice.pdf", not "invoice.pdf.pdf".
  return left && aliases[type].includes(left) ? stem.slice(0, -left.length) : stem;
}

/**
 * A display name that cannot smuggle a path, a control character or a misleading extension:
 * the last path segment, single spaces, at most 120 characters, ending in the extension of
 * the type the bytes actually have. Header encoding stays the caller's job.
 */
export function safeFilename(name: string, type: SniffedType): string {
  const ext = extensionFor[type];
  const base = (name.split(/[/\\]/).pop() ?? '').replace(invisible, '').replace(/\s+/g, ' ');
  const stem = withoutExtensions(base.trim(), type).replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points so an emoji is never split into a lone surrogate.
  const short = Array.from(stem)
    .slice(0, maxLength - ext.length)
    .join('')
    .replace(/[.\s]+$/, '');
  return (short || 'document') + ext;
}
