// The traveller's booking screens, their pure parts: the cancellation policy in plain words (in
// the languages' own copy), money from minor units, calendar days, the booking reference the
// e-mails also quote, one Idempotency-Key per booking attempt, and the slot choice kept valid.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageSlots } from '../../libs/contracts/src/http/index.ts';
import { createAttemptKeys } from '../src/pages/packages/idempotency.ts';
import { linesNeedingChoice, settleChoice } from '../src/pages/packages/slot-choice.ts';
import {
  addDays,
  bookingReference,
  formatDay,
  formatMinor,
  partySummary,
  policyParts,
  policySentence,
} from '../src/pages/packages/traveller-format.ts';
import { supportedLanguages } from '../src/i18n/languages.ts';
import { localesDir } from './locale-files.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const i18n = i18next.createInstance();
const tIn = (language: string) => i18n.getFixedT(language, 'booking') as TFunction;

beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: ['booking'],
    defaultNS: 'booking',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    resources: Object.fromEntries(
      supportedLanguages.map((language) => [
        language,
        { booking: JSON.parse(readFileSync(join(localesDir, language, 'booking.json'), 'utf8')) },
      ]),
    ),
  });
});

const usual = {
  tiers: [
    { hoursBefore: 168, refundPercent: 100 },
    { hoursBefore: 48, refundPercent: 50 },
  ],
};

describe('the cancellation policy in plain words', () => {
  it('reads as the brief says in English', () => {
    expect(policySentence(usual, tIn('en'), 'en')).toBe(
      'Free cancellation until 7 days before, 50% refund until 48 h before, no refund after.',
    );
  });

  it('is written in each language, German formally and with its own number style', () => {
    expect(policySentence(usual, tIn('de'), 'de')).toBe(
      'Kostenlose Stornierung bis 7 Tage vorher, 50 % Erstattung bis 48 Std. vorher, danach keine Erstattung.',
    );
    expect(policySentence(usual, tIn('it'), 'it')).toBe(
      'Cancellazione gratuita fino a 7 giorni prima, rimborso del 50% fino a 48 h prima, nessun rimborso dopo.',
    );
    const fr = policySentence(usual, tIn('fr'), 'fr');
    const es = policySentence(usual, tIn('es'), 'es');
    expect(fr).toMatch(/^Annulation gratuite jusqu'à 7 jours avant/);
    expect(es).toMatch(/^Cancelación gratuita hasta 7 días antes/);
  });

  it('stops at a tier that refunds nothing, orders tiers, and says when nothing is ever refunded', () => {
    const unordered = {
      tiers: [
        { hoursBefore: 24, refundPercent: 0 },
        { hoursBefore: 72, refundPercent: 80 },
      ],
    };
    expect(policyParts(unordered)).toEqual([{ kind: 'partial', percent: 80, hoursBefore: 72 }, { kind: 'noneAfter' }]);
    expect(policySentence(unordered, tIn('en'), 'en')).toBe('80% refund until 3 days before, no refund after.');
    expect(policySentence({ tiers: [{ hoursBefore: 0, refundPercent: 0 }] }, tIn('en'), 'en')).toBe(
      'No refund if you cancel.',
    );
    expect(policySentence({ tiers: [{ hoursBefore: 0, refundPercent: 100 }] }, tIn('en'), 'en')).toBe(
      'Free cancellation until the start, no refund after.',
    );
    expect(policySentence({ tiers: [{ hoursBefore: 24, refundPercent: 100 }] }, tIn('en'), 'en')).toBe(
      'Free cancellation until 24 h before, no refund after.',
    );
  });
});

describe('amounts, days and references', () => {
  it('formats minor units exactly in the UI language', () => {
    expect(formatMinor(61_250, 'EUR', 'en')).toBe('€612.50');
    expect(formatMinor(61_250, 'EUR', 'de')).toBe('612,50\u00a0€');
    expect(formatMinor(1_000_000_001, 'EUR', 'it')).toBe('10.000.000,01\u00a0€');
    expect(formatMinor(12_900, 'JPY', 'en')).toBe('¥12,900');
  });

  it('names a calendar day as that day in any time zone', () => {
    expect(formatDay('2031-06-14', 'en', 'full')).toBe('Saturday, June 14, 2031');
    expect(formatDay('2031-06-14', 'de', 'medium')).toBe('14.06.2031');
    expect(addDays('2031-02-27', 2)).toBe('2031-03-01');
    expect(addDays('2031-03-30', 1)).toBe('2031-03-31');
  });

  it('quotes the same reference as the e-mails: the id’s last eight hex digits', () => {
    expect(bookingReference('0190a7c2-1b2c-7d3e-8f40-a1b2c3d4e5f6')).toBe('C3D4E5F6');
  });

  it('summarises a party in words', () => {
    expect(partySummary({ adult: 2, child: 1, infant: 0, senior: 0 }, tIn('en'))).toBe('2 adults, 1 child');
    expect(partySummary({ adult: 1, child: 0, infant: 0, senior: 2 }, tIn('de'))).toBe('1 Erwachsener, 2 Senioren');
  });
});

describe('Idempotency-Key per booking attempt', () => {
  it('reuses the key when the same request is sent again, and takes a new one for a changed request', () => {
    let n = 0;
    const keys = createAttemptKeys(() => `key-${++n}`);
    const request = { date: '2031-06-14', party: { adult: 2 }, slots: {} };
    const first = keys.keyFor(request);
    expect(keys.keyFor({ ...request })).toBe(first);
    const other = keys.keyFor({ ...request, party: { adult: 3 } });
    expect(other).not.toBe(first);
    keys.reset();
    expect(keys.keyFor({ ...request, party: { adult: 3 } })).not.toBe(other);
  });

  it('makes UUIDs by default', () => {
    expect(createAttemptKeys().keyFor({})).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('the slot choice', () => {
  const slots: PackageSlots = {
    date: '2031-06-14',
    lines: [
      {
        position: 0,
        date: '2031-06-14',
        slots: [{ availabilityId: 'only', startTime: '07:30', remaining: 9, fits: true }],
      },
      {
        position: 2,
        date: '2031-06-14',
        slots: [
          { availabilityId: 'morning', startTime: '09:00', remaining: 1, fits: false },
          { availabilityId: 'afternoon', startTime: '14:30', remaining: 8, fits: true },
        ],
      },
      {
        position: 3,
        date: '2031-06-15',
        slots: [
          { availabilityId: 'ten', startTime: '10:00', remaining: 6, fits: true },
          { availabilityId: 'four', startTime: '16:00', remaining: 6, fits: true },
        ],
      },
    ],
  };

  it('asks only where a day has several times', () => {
    expect(linesNeedingChoice(slots).map((line) => line.position)).toEqual([2, 3]);
  });

  it('picks the only time that fits, keeps a valid choice and drops one that no longer fits', () => {
    expect(settleChoice(slots, {})).toEqual({ '2': 'afternoon' });
    expect(settleChoice(slots, { '3': 'four' })).toEqual({ '2': 'afternoon', '3': 'four' });
    expect(settleChoice(slots, { '2': 'morning', '3': 'gone' })).toEqual({ '2': 'afternoon' });
  });
});
