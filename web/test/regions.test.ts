import { describe, expect, it } from 'vitest';
import { isoCountryCodes, regionCodeSchema } from '../../libs/contracts/src/http/index.ts';
import { supportedLanguages } from '../src/i18n/languages.ts';
import { subdivisionKeywords, subdivisionName, subdivisions } from '../src/lib/subdivisions.ts';

/** The chips input's matching: any name or alias, accents and case folded. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
function find(query: string): string[] {
  const q = fold(query);
  return Object.keys(subdivisions).filter((code) => subdivisionKeywords(code).some((name) => fold(name).includes(q)));
}

describe('region names', () => {
  it('every named subdivision is a region code the API accepts, of a known country', () => {
    for (const code of Object.keys(subdivisions)) {
      expect(regionCodeSchema.safeParse(code).success, code).toBe(true);
      expect(isoCountryCodes, code).toContain(code.slice(0, 2));
    }
  });

  it('finds a region by any of its names: Bayern, Bavaria, Baviera, Lombardia, Südtirol', () => {
    expect(find('Bayern')).toEqual(['DE-BY']);
    expect(find('Bavaria')).toEqual(['DE-BY']);
    expect(find('baviere')).toEqual(['DE-BY']);
    expect(find('Lombardia')).toEqual(['IT-25']);
    expect(find('Lombardei')).toEqual(['IT-25']);
    expect(find('Sudtirol')).toEqual(['IT-32', 'IT-BZ']);
    expect(find('Algarve')).toEqual(['PT-08']);
  });

  it('names it in the UI language, never as a code, for the codes the demo partners use', () => {
    expect(subdivisionName('IT-32', 'en')).toBe('Trentino-South Tyrol');
    expect(subdivisionName('IT-32', 'de')).toBe('Trentino-Südtirol');
    expect(subdivisionName('IT-32', 'it')).toBe('Trentino-Alto Adige');
    expect(subdivisionName('de-by', 'fr')).toBe('Bavière');
    for (const code of ['IT-21', 'IT-25', 'IT-32', 'IT-34', 'ES-IB']) {
      for (const language of supportedLanguages) {
        expect(subdivisionName(code, language), `${code} ${language}`).toMatch(/^[^\d]+$/);
      }
    }
    expect(subdivisionName('HR-19', 'en')).toBeUndefined();
  });
});
