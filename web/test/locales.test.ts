import { describe, expect, it } from 'vitest';
import { locales, roles } from '../../libs/contracts/src/http/auth.ts';
import { partnerTypes } from '../../libs/contracts/src/http/partners.ts';
import { namespaces, supportedLanguages } from '../src/i18n/languages.ts';
import { partnerSections } from '../src/pages/partner/partner-sections.ts';
import { discoverHighlights } from '../src/pages/discover-highlights.ts';
import { privacySections } from '../src/pages/privacy-sections.ts';
import { liveStates } from '../src/realtime/live-socket.ts';
import { listDir, localesDir, readCatalogue, sourceFiles, type Flat } from './locale-files.ts';

const catalogues = new Map<string, Map<string, Flat>>(
  supportedLanguages.map((language) => [language, new Map(namespaces.map((ns) => [ns, readCatalogue(language, ns)]))]),
);
const en = catalogues.get('en')!;

function enHas(key: string): boolean {
  const [ns, path] = key.split(':') as [string, string];
  return en.get(ns)?.has(path) ?? false;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale catalogues', () => {
  it('offers exactly the languages of the contracts, each with every namespace file', () => {
    expect([...supportedLanguages]).toEqual([...locales]);
    expect(listDir(localesDir)).toEqual([...supportedLanguages].sort());
    for (const language of supportedLanguages) {
      expect(listDir(`${localesDir}/${language}`), language).toEqual(namespaces.map((ns) => `${ns}.json`).sort());
    }
  });

  it('has the same keys in every language', () => {
    const problems: string[] = [];
    for (const ns of namespaces) {
      const union = new Set(supportedLanguages.flatMap((language) => [...catalogues.get(language)!.get(ns)!.keys()]));
      for (const language of supportedLanguages) {
        const keys = catalogues.get(language)!.get(ns)!;
        for (const key of union) if (!keys.has(key)) problems.push(`${language}/${ns}.json is missing "${key}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no empty or non-string values', () => {
    const problems: string[] = [];
    for (const [language, byNs] of catalogues) {
      for (const [ns, flat] of byNs) {
        for (const [key, value] of flat) {
          if (typeof value !== 'string' || value.trim() === '') problems.push(`${language}/${ns}.json "${key}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses the same {{placeholders}} in every translation of a key', () => {
    const problems: string[] = [];
    for (const ns of namespaces) {
      for (const [key, value] of en.get(ns)!) {
        for (const language of supportedLanguages) {
          const other = catalogues.get(language)!.get(ns)!.get(key);
          if (typeof other === 'string' && placeholders(other).join() !== placeholders(String(value)).join()) {
            problems.push(`${language}/${ns}.json "${key}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('speaks German with "Sie" (formal) throughout, never "du"', () => {
    const informal =
      /\b(du|dich|dir|dein\w*|euch|euer|eure\w*)\b|\b(Bitte|bitte)\s+(prüfe|lade|melde|versuche|warte|gib|wähle)\b/i;
    const problems: string[] = [];
    for (const [ns, flat] of catalogues.get('de')!) {
      for (const [key, value] of flat)
        if (informal.test(String(value))) problems.push(`de/${ns}.json ${key}: ${value}`);
    }
    expect(problems).toEqual([]);
  });

  it('names each partner type in one place (common:partnerTypes), the same on every screen', () => {
    const lists: string[] = [];
    for (const [language, byNs] of catalogues) {
      for (const type of partnerTypes) {
        expect(byNs.get('common')!.get(`partnerTypes.${type}`), `${language} partnerTypes.${type}`).toBeTruthy();
      }
      for (const [ns, flat] of byNs) {
        for (const key of flat.keys()) {
          if (/(^|\.)types\.(agency|hotel|dmo|ota|transport)$/.test(key)) lists.push(`${language}/${ns}.json ${key}`);
        }
      }
    }
    expect(lists).toEqual([]);
  });

  it('is really translated, not English copied into other languages', () => {
    for (const language of supportedLanguages.filter((l) => l !== 'en')) {
      const same: string[] = [];
      let total = 0;
      for (const ns of namespaces) {
        for (const [key, value] of en.get(ns)!) {
          total += 1;
          if (catalogues.get(language)!.get(ns)!.get(key) === value) same.push(`${ns}:${key}`);
        }
      }
      // A few words are the same in both languages ("Admin", "Partner"); whole catalogues are not.
      expect(same.length / total, `${language} identical to English: ${same.join(', ')}`).toBeLessThan(0.05);
    }
  });
});

describe('keys used in web/src', () => {
  const files = sourceFiles();

  /** t('key') resolves in the namespace given to useTranslation in the same file. */
  function usedKeys(): { key: string; where: string; pattern: boolean }[] {
    const used: { key: string; where: string; pattern: boolean }[] = [];
    for (const { path, text } of files) {
      const nsList = [...text.matchAll(/useTranslation\(\s*\[?\s*['"]([\w-]+)['"]/g)].map((m) => m[1]!);
      const defaults = [...new Set(nsList)];
      const qualify = (key: string) => {
        if (key.includes(':')) return key;
        expect(defaults.length, `${path}: t('${key}') needs exactly one useTranslation namespace`).toBe(1);
        return `${defaults[0]}:${key}`;
      };
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g))
        used.push({ key: qualify(m[2]!), where: path, pattern: false });
      for (const m of text.matchAll(/\bt\(\s*`([^`]+)`/g))
        used.push({ key: qualify(m[1]!), where: path, pattern: m[1]!.includes('${') });
    }
    return used;
  }

  it('finds translation calls to check (the scan itself works)', () => {
    expect(usedKeys().length).toBeGreaterThan(100);
  });

  it('every literal t() key exists in English', () => {
    const missing = usedKeys()
      .filter((u) => !u.pattern && !enHas(u.key))
      .map((u) => `${u.key} (${u.where.replace(/.*\/web\//, 'web/')})`);
    expect(missing).toEqual([]);
  });

  it('every templated t() key matches at least one English key', () => {
    const missing: string[] = [];
    for (const { key, where } of usedKeys().filter((u) => u.pattern)) {
      const [ns, path] = key.split(':') as [string, string];
      const literal = path.split(/\$\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const regex = new RegExp(`^${literal.join('[^.]+')}$`);
      if (![...(en.get(ns)?.keys() ?? [])].some((k) => regex.test(k))) missing.push(`${key} (${where})`);
    }
    expect(missing).toEqual([]);
  });

  it('has every key the data-driven screens build from their section lists', () => {
    const expected = [
      ...partnerSections.map((s) => `partner:sections.${s}.title`),
      ...privacySections.flatMap((s) => [
        `privacy:sections.${s.id}.title`,
        `privacy:sections.${s.id}.body`,
        ...s.items.map((item) => `privacy:sections.${s.id}.items.${item}`),
      ]),
      ...roles.map((role) => `common:roles.${role}`),
      ...liveStates.map((state) => `common:live.state.${state}`),
      ...discoverHighlights.flatMap((h) => [`discover:highlights.${h}.title`, `discover:highlights.${h}.body`]),
    ];
    expect(expected.filter((key) => !enHas(key))).toEqual([]);
  });
});
