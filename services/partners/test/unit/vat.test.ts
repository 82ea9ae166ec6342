import { describe, expect, it } from 'vitest';
import { euCountryCodes } from '@tourconnect/contracts/http';
import { checkTaxId, normaliseTaxId } from '../../src/domain/vat.ts';

// Published VAT ids of real companies (and the tax offices' own documentation examples for
// the variants no company list shows: 2020 NL sole trader, IE 2013 and pre-1996 formats,
// ES personal NIF/NIE), each verified by hand against the national algorithm.
const validIds: Array<[id: string, country: string]> = [
  ['ATU13585627', 'AT'],
  ['BE0403170701', 'BE'],
  ['DE136695976', 'DE'],
  ['DK13585628', 'DK'],
  ['EL094259216', 'GR'],
  ['ESA28015865', 'ES'],
  ['ES12345678Z', 'ES'],
  ['ESX1234567L', 'ES'],
  ['ESM1234567L', 'ES'],
  ['FI20774740', 'FI'],
  ['FR40303265045', 'FR'],
  ['IE6388047V', 'IE'],
  ['IE6433435OA', 'IE'],
  ['IE8D79739I', 'IE'],
  ['IT00743110157', 'IT'],
  ['IT01234567897', 'IT'],
  ['LU15027442', 'LU'],
  ['NL004495445B01', 'NL'],
  ['NL002455799B11', 'NL'],
  ['PL5260001246', 'PL'],
  ['PT501964843', 'PT'],
  ['SE556188840401', 'SE'],
  ['SI50223054', 'SI'],
];

const firstDigitAfterPrefix = (id: string): number => id.slice(2).search(/\d/) + 2;

/** Bumps the first digit after the two-letter prefix by one (9 wraps to 0). */
function corruptFirstDigit(id: string): string {
  const at = firstDigitAfterPrefix(id);
  return id.slice(0, at) + String((Number(id.charAt(at)) + 1) % 10) + id.slice(at + 1);
}

// Dropping the last character would turn IE 6433435OA into a well-formed one-letter id.
function dropFirstDigit(id: string): string {
  const at = firstDigitAfterPrefix(id);
  return id.slice(0, at) + id.slice(at + 1);
}

describe('checkTaxId for EU countries', () => {
  it.each(validIds)('accepts %s (%s)', (id, country) => {
    expect(checkTaxId(id, country)).toEqual({ ok: true, normalised: id });
  });

  it.each(validIds)('rejects %s with one digit changed as a checksum error', (id, country) => {
    const corrupted = corruptFirstDigit(id);
    expect(checkTaxId(corrupted, country)).toEqual({ ok: false, normalised: corrupted, reason: 'checksum' });
  });

  it('rejects a wrong check digit, not only a wrong leading digit', () => {
    expect(checkTaxId('IT00743110158', 'IT')).toMatchObject({ ok: false, reason: 'checksum' });
    expect(checkTaxId('DE136695977', 'DE')).toMatchObject({ ok: false, reason: 'checksum' });
    expect(checkTaxId('ES12345678A', 'ES')).toMatchObject({ ok: false, reason: 'checksum' });
    expect(checkTaxId('IE6388047W', 'IE')).toMatchObject({ ok: false, reason: 'checksum' });
    expect(checkTaxId('FR41303265045', 'FR')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it.each(validIds)('rejects %s one character short or long as a format error', (id, country) => {
    expect(checkTaxId(dropFirstDigit(id), country)).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId(`${id}0`, country)).toMatchObject({ ok: false, reason: 'format' });
  });

  it('rejects an id whose prefix names another member state', () => {
    expect(checkTaxId('IT00743110157', 'DE')).toEqual({
      ok: false,
      normalised: 'IT00743110157',
      reason: 'country_mismatch',
    });
    expect(checkTaxId('EL094259216', 'CY')).toMatchObject({ ok: false, reason: 'country_mismatch' });
    expect(checkTaxId('GR094259216', 'IT')).toMatchObject({ ok: false, reason: 'country_mismatch' });
  });

  it('rejects an empty or blank id in every member state as a format error', () => {
    for (const country of euCountryCodes) {
      expect(checkTaxId('', country), country).toMatchObject({ ok: false, reason: 'format' });
      expect(checkTaxId(' - ', country), country).toMatchObject({ ok: false, reason: 'format' });
    }
  });

  it('enforces the VIES shapes that carry meaning beyond length', () => {
    expect(checkTaxId('AT13585627', 'AT')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('BE2403170701', 'BE')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('SE556188840402', 'SE')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('NL004495445B00', 'NL')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('NL000000000B01', 'NL')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('ES123456789', 'ES')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('ESI2801586J', 'ES')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('FRIO303265045', 'FR')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('checks only the format where no checksum is implemented', () => {
    const wellFormed: Array<[string, string]> = [
      ['BG123456789', 'BG'],
      ['BG1234567890', 'BG'],
      ['CY12345678L', 'CY'],
      ['CZ12345678', 'CZ'],
      ['EE123456789', 'EE'],
      ['HR12345678901', 'HR'],
      ['HU12345678', 'HU'],
      ['LT123456789012', 'LT'],
      ['LV12345678901', 'LV'],
      ['MT12345678', 'MT'],
      ['RO18547290', 'RO'],
      ['SK1234567890', 'SK'],
      ['FRK7399859412', 'FR'],
    ];
    for (const [id, country] of wellFormed) expect(checkTaxId(id, country), id).toEqual({ ok: true, normalised: id });
    expect(checkTaxId('CY123456789', 'CY')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('LT1234567890', 'LT')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('RO0123', 'RO')).toMatchObject({ ok: false, reason: 'format' });
  });
});

describe('normaliseTaxId', () => {
  it('drops spaces, dots, dashes and slashes and upper-cases', () => {
    expect(normaliseTaxId(' it 007.431-101/57 ', 'IT')).toBe('IT00743110157');
    expect(normaliseTaxId('nl 0044.95.445.b01', 'NL')).toBe('NL004495445B01');
    expect(checkTaxId('Atu 1358 5627', 'at')).toEqual({ ok: true, normalised: 'ATU13585627' });
  });

  it('adds the VAT prefix when only the national number was typed', () => {
    expect(normaliseTaxId('01234567897', 'IT')).toBe('IT01234567897');
    expect(normaliseTaxId('U13585627', 'AT')).toBe('ATU13585627');
    expect(normaliseTaxId('A28015865', 'ES')).toBe('ESA28015865');
    expect(checkTaxId('136 695 976', 'DE')).toEqual({ ok: true, normalised: 'DE136695976' });
  });

  it('uses EL for Greece, also when GR was typed', () => {
    expect(normaliseTaxId('094259216', 'GR')).toBe('EL094259216');
    expect(normaliseTaxId('GR 094 259 216', 'GR')).toBe('EL094259216');
    expect(checkTaxId('el094259216', 'GR')).toEqual({ ok: true, normalised: 'EL094259216' });
  });

  it('keeps a French two-letter key that happens to look like a country prefix', () => {
    // "DE" is a valid French key shape; the whole input is a complete French body.
    expect(normaliseTaxId('DE303265045', 'FR')).toBe('FRDE303265045');
  });

  it('does not add a prefix outside the EU', () => {
    expect(normaliseTaxId('che-123.456.789', 'CH')).toBe('CHE123456789');
  });
});

describe('checkTaxId outside the EU', () => {
  it('accepts 4 to 20 letters and digits after normalising', () => {
    expect(checkTaxId('CHE-123.456.789 MWST', 'CH')).toEqual({ ok: true, normalised: 'CHE123456789MWST' });
    expect(checkTaxId('12-3456789', 'US')).toEqual({ ok: true, normalised: '123456789' });
    expect(checkTaxId('ab12', 'NO')).toEqual({ ok: true, normalised: 'AB12' });
    expect(checkTaxId('A'.repeat(20), 'JP')).toMatchObject({ ok: true });
  });

  it('rejects shorter, longer or non-alphanumeric ids as a format error', () => {
    expect(checkTaxId('1-2-3', 'US')).toEqual({ ok: false, normalised: '123', reason: 'format' });
    expect(checkTaxId('A'.repeat(21), 'JP')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('GB123_456', 'GB')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTaxId('ÖSTERREICH1', 'CH')).toMatchObject({ ok: false, reason: 'format' });
  });
});
