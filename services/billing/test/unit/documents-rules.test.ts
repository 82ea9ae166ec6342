import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/documents/csv.ts';
import { pickLanguage } from '../../src/documents/language.ts';
import { checkPeriod } from '../../src/documents/statements.ts';
import { statementTotals } from '../../src/documents/statement-totals.ts';
import { formatAmount } from '../../src/documents/format.ts';
import { pdfSafe } from '../../src/documents/pdf-writer.ts';

describe('CSV (RFC 4180, formula-safe)', () => {
  it('quotes fields with commas, quotes or line breaks and ends every record with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 3]])).toBe('"a,b","say ""hi""","two\nlines",3\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas but keeps negative numbers numeric', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(null)).toBe('');
  });
});

describe('document language', () => {
  it('takes lang first, then the best Accept-Language match, then English', () => {
    expect(pickLanguage('fr', 'de')).toBe('fr');
    expect(pickLanguage(undefined, 'pt-BR, it;q=0.8, de;q=0.9')).toBe('de');
    expect(pickLanguage(undefined, 'es-419')).toBe('es');
    expect(pickLanguage(undefined, 'ja, zh;q=0.5')).toBe('en');
    expect(pickLanguage(undefined, 'it;q=0')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });
});

describe('statement period', () => {
  it('accepts 1 to 366 days, both ends included', () => {
    expect(() => checkPeriod('2026-01-01', '2026-01-01')).not.toThrow();
    expect(() => checkPeriod('2024-01-01', '2024-12-31')).not.toThrow(); // 366 days (leap year)
    expect(() => checkPeriod('2025-01-01', '2026-01-01')).not.toThrow(); // 366 days
    expect(() => checkPeriod('2025-01-01', '2026-01-02')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => checkPeriod('0000-01-01', '0000-12-31')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
    expect(() => checkPeriod('2026-02-02', '2026-02-01')).toThrow(expect.objectContaining({ code: 'invalid_period' }));
  });
});

describe('statement totals', () => {
  const row = (
    currency: string,
    earning: number,
    fee: number,
    reversals: number,
    transfer: [string, number] | null,
  ) => ({
    bookingId: 'b',
    paidAt: new Date(),
    packageTitle: 'p',
    currency,
    earningMinor: earning,
    feeMinor: fee,
    shareMinor: earning - fee,
    reversalsMinor: reversals,
    transferId: transfer ? 'tr' : null,
    transferStatus: transfer ? transfer[0] : null,
    transferMinor: transfer ? transfer[1] : null,
  });

  it('reconcile per currency: earnings − fees − reversals = net; only sent transfers and paid payouts count', () => {
    const totals = statementTotals(
      [
        row('EUR', 10_000, 1_500, 2_000, ['sent', 8_500]),
        row('EUR', 4_000, 600, 0, ['scheduled', 3_400]),
        row('CHF', 500, 75, 0, null),
      ],
      [
        {
          payoutId: 'po1',
          currency: 'EUR',
          amountMinor: 6_500,
          status: 'paid',
          arrivalAt: null,
          createdAt: new Date(),
        },
        {
          payoutId: 'po2',
          currency: 'EUR',
          amountMinor: 999,
          status: 'failed',
          arrivalAt: null,
          createdAt: new Date(),
        },
      ],
    );
    expect(totals).toEqual([
      {
        currency: 'CHF',
        earningMinor: 500,
        feeMinor: 75,
        shareMinor: 425,
        reversalsMinor: 0,
        netMinor: 425,
        transferredMinor: 0,
        paidOutMinor: 0,
      },
      {
        currency: 'EUR',
        earningMinor: 14_000,
        feeMinor: 2_100,
        shareMinor: 11_900,
        reversalsMinor: 2_000,
        netMinor: 9_900,
        transferredMinor: 8_500,
        paidOutMinor: 6_500,
      },
    ]);
    for (const t of totals) expect(t.earningMinor - t.feeMinor - t.reversalsMinor).toBe(t.netMinor);
  });
});

describe('printing', () => {
  it('formats amounts per locale with plain spaces the PDF fonts can show', () => {
    expect(formatAmount(123_456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatAmount(123_456, 'EUR', 'de')).toBe('1.234,56 €');
    expect(formatAmount(123_456, 'EUR', 'fr')).toBe('1 234,56 €');
    expect(formatAmount(500, 'JPY', 'it')).toBe('500 JPY');
  });

  it('keeps Latin-1 and € and replaces what Helvetica cannot show', () => {
    expect(pdfSafe('Straße – Caffè 12 € ✓ 東京')).toBe('Straße – Caffè 12 € ? ??');
  });
});
