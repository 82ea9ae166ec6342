import { euCountryCodes } from '@tourconnect/contracts/http';

type EuCountry = (typeof euCountryCodes)[number];

export type VatCheck =
  | { ok: true; normalised: string }
  | { ok: false; normalised: string; reason: 'format' | 'checksum' | 'country_mismatch' };

type Checksum = (body: string) => boolean;

// Greece is the one member state whose VAT prefix is not its ISO code (VIES only knows EL).
const vatPrefix = (country: EuCountry): string => (country === 'GR' ? 'EL' : country);

// GR is listed too: people type it for Greece, and elsewhere it should read as a foreign id.
const knownPrefixes = new Set<string>([...euCountryCodes.map(vatPrefix), 'GR']);

const isEuCountry = (code: string): code is EuCountry => (euCountryCodes as readonly string[]).includes(code);

/**
 * The part after the prefix, as the Commission's VIES FAQ ("VAT number validation") lists it.
 * ES and IE are narrowed to the shapes their checksums understand; SE's fixed "01" suffix and
 * NL's non-zero number and branch suffix are part of the format there.
 */
const bodyFormats: Record<EuCountry, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  ES: /^(?:[0-9KLMXYZ]\d{7}[A-Z]|[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J])$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  GR: /^\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-W]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^(?!0{9})\d{9}B(?!00)\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^[1-9]\d{7}$/,
  SK: /^\d{10}$/,
};

const digitsOf = (s: string): number[] => Array.from(s, Number);

/** A doubled digit counts by its digit sum (Luhn and its relatives). */
const doubled = (digit: number): number => (digit > 4 ? digit * 2 - 9 : digit * 2);

const weightedSum = (digits: number[], weights: number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);

/** Luhn over a digit string whose last digit is the check digit. */
function luhnValid(digits: string): boolean {
  const sum = digitsOf(digits)
    .reverse()
    .reduce((s, d, i) => s + (i % 2 === 1 ? doubled(d) : d), 0);
  return sum % 10 === 0;
}

/** Remainder mod 97 with letters counted as 10..35 (ISO 7064 MOD 97-10, as in IBANs). */
function mod97(value: string): number {
  let rem = 0;
  for (const ch of value) {
    const v = parseInt(ch, 36);
    rem = (rem * (v > 9 ? 100 : 10) + v) % 97;
  }
  return rem;
}

/** Check digit = 11 - (weighted sum mod 11), with 10 → 0 and 11 invalid (PT, SI). */
function mod11CheckDigit(digits: number[], weights: number[]): number | null {
  const check = 11 - (weightedSum(digits, weights) % 11);
  if (check === 11) return null;
  return check === 10 ? 0 : check;
}

// ISO 7064 MOD 11,10, as the Bundeszentralamt für Steuern specifies for the USt-IdNr.
function germanChecksum(body: string): boolean {
  const d = digitsOf(body);
  let product = 10;
  for (const digit of d.slice(0, 8)) {
    const sum = (digit + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return (11 - product) % 10 === d[8];
}

// AT: the 7 digits after U go through Luhn weights 1,2,1,2…; the BMF adds 4 before the mod 10.
function austrianChecksum(body: string): boolean {
  const d = digitsOf(body.slice(1));
  const sum = d.slice(0, 7).reduce((s, digit, i) => s + (i % 2 === 1 ? doubled(digit) : digit), 0);
  return (10 - ((sum + 4) % 10)) % 10 === d[7];
}

const dniLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';

// ES: personal NIFs (DNI: 8 digits; NIE: X/Y/Z standing for 0/1/2; special K/L/M NIFs) end in
// a mod-23 letter. Company CIFs end in a Luhn-style control written as a digit or as a letter
// of JABCDEFGHI; sources disagree on which entity types use which, so either is accepted.
function spanishChecksum(body: string): boolean {
  const first = body.charAt(0);
  const mid = body.slice(1, 8);
  const check = body.charAt(8);
  if (/\d/.test(first)) return dniLetters[Number(body.slice(0, 8)) % 23] === check;
  if ('KLM'.includes(first)) return dniLetters[Number(mid) % 23] === check;
  if ('XYZ'.includes(first)) return dniLetters[Number(`${'XYZ'.indexOf(first)}${mid}`) % 23] === check;
  const sum = digitsOf(mid).reduce((s, digit, i) => s + (i % 2 === 0 ? doubled(digit) : digit), 0);
  const control = (10 - (sum % 10)) % 10;
  return check === String(control) || check === 'JABCDEFGHI'[control];
}

// FR: only the numeric key has a published formula; alphanumeric keys are checked for format only.
function frenchChecksum(body: string): boolean {
  const key = body.slice(0, 2);
  if (!/^\d{2}$/.test(key)) return true;
  return Number(key) === (12 + 3 * (Number(body.slice(2)) % 97)) % 97;
}

const irishAlphabet = 'WABCDEFGHIJKLMNOPQRSTUV';

// IE: 7 digits weighted 8..2, plus 9 × the optional second letter (2013 format), mod 23.
// Old-style numbers (digit, letter or +/*, 5 digits, letter) move the first digit to the end.
function irishChecksum(body: string): boolean {
  const modern = /^\d{7}/.test(body);
  const digits = modern ? body.slice(0, 7) : `0${body.slice(2, 7)}${body.charAt(0)}`;
  const secondLetter = modern ? irishAlphabet.indexOf(body.charAt(8) || 'W') : 0;
  const sum = weightedSum(digitsOf(digits), [8, 7, 6, 5, 4, 3, 2]) + 9 * secondLetter;
  return irishAlphabet[sum % 23] === body.charAt(7);
}

// NL: the classic "11-test" over the RSIN/BSN, or since 2020 (sole traders, no BSN inside)
// MOD 97-10 over "NL" + the whole number.
function dutchChecksum(body: string): boolean {
  const d = digitsOf(body.slice(0, 9));
  const elevenTest = (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) - (d[8] ?? 0)) % 11 === 0;
  return elevenTest || mod97(`NL${body}`) === 1;
}

// Countries without an entry are checked for format only: BG, CY, CZ, EE, HR, HU, LT, LV,
// MT, RO, SK (and FR ids with an alphanumeric key). Their algorithms are either unpublished
// or not needed yet; VIES stays the authority for whether a number is actually registered.
const checksums: Partial<Record<EuCountry, Checksum>> = {
  AT: austrianChecksum,
  BE: (b) => 97 - (Number(b.slice(0, 8)) % 97) === Number(b.slice(8)),
  DE: germanChecksum,
  DK: (b) => weightedSum(digitsOf(b), [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
  ES: spanishChecksum,
  FI: (b) => {
    const rem = weightedSum(digitsOf(b), [7, 9, 10, 5, 8, 4, 2]) % 11;
    return rem !== 1 && (rem === 0 ? 0 : 11 - rem) === Number(b.charAt(7));
  },
  FR: frenchChecksum,
  GR: (b) => (weightedSum(digitsOf(b), [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === Number(b.charAt(8)),
  IE: irishChecksum,
  IT: luhnValid,
  LU: (b) => Number(b.slice(0, 6)) % 89 === Number(b.slice(6)),
  NL: dutchChecksum,
  PL: (b) => weightedSum(digitsOf(b), [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(b.charAt(9)),
  PT: (b) => mod11CheckDigit(digitsOf(b), [9, 8, 7, 6, 5, 4, 3, 2]) === Number(b.charAt(8)),
  SE: (b) => luhnValid(b.slice(0, 10)),
  SI: (b) => mod11CheckDigit(digitsOf(b), [8, 7, 6, 5, 4, 3, 2]) === Number(b.charAt(7)),
};

/**
 * Upper-cases and drops the separators people copy from letterheads; for EU countries the
 * result always carries a VAT prefix so the same id is stored (and de-duplicated) one way.
 */
export function normaliseTaxId(raw: string, country: string): string {
  const cleaned = raw.toUpperCase().replace(/[\s./-]/g, '');
  const code = country.trim().toUpperCase();
  if (!isEuCountry(code)) return cleaned;
  const prefix = vatPrefix(code);
  if (cleaned.startsWith(prefix)) return cleaned;
  if (code === 'GR' && cleaned.startsWith('GR')) return prefix + cleaned.slice(2);
  // A foreign prefix is kept so the caller hears "wrong country" rather than "bad format";
  // a French key may itself be two letters, so a complete French body wins over that guess.
  if (knownPrefixes.has(cleaned.slice(0, 2)) && !bodyFormats[code].test(cleaned)) return cleaned;
  return prefix + cleaned;
}

/**
 * EU ids: prefix of the partner's own country, VIES format, then the national checksum where
 * one is public. Elsewhere tax ids vary too much to check beyond a plausible shape.
 */
export function checkTaxId(raw: string, country: string): VatCheck {
  const normalised = normaliseTaxId(raw, country);
  const code = country.trim().toUpperCase();
  if (!isEuCountry(code)) {
    return /^[A-Z0-9]{4,20}$/.test(normalised) ? { ok: true, normalised } : { ok: false, normalised, reason: 'format' };
  }
  if (!normalised.startsWith(vatPrefix(code))) return { ok: false, normalised, reason: 'country_mismatch' };
  const body = normalised.slice(2);
  if (!bodyFormats[code].test(body)) return { ok: false, normalised, reason: 'format' };
  const checksum = checksums[code];
  if (checksum && !checksum(body)) return { ok: false, normalised, reason: 'checksum' };
  return { ok: true, normalised };
}
