// The sender's pure rules: sealing links, putting them back, reading SMTP failures, backing off.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinkSealer, SealError } from '../../src/domain/link-sealer.ts';
import { secretLink } from '../../src/domain/links.ts';
import { retryDelayMs } from '../../src/domain/retry-schedule.ts';
import { revealLinks } from '../../src/domain/reveal-links.ts';
import { classifySmtpFailure } from '../../src/domain/smtp-failure.ts';
import { providerIdIn } from '../../src/mail/mailer.ts';

describe('link sealer', () => {
  const link = secretLink('https://portal.example', 'resetPassword', "tok'en&<x>");

  it('opens what it sealed, and the sealed text does not contain the token', () => {
    const sealer = createLinkSealer(randomBytes(32));
    const sealed = sealer.seal('delivery-1', [link]);
    // The token in clear or URL-encoded, and the address (three letters such as 'tok' turn up
    // in random ciphertext now and then, so the check is on the whole strings).
    for (const clear of ["tok'en&<x>", encodeURIComponent("tok'en&<x>"), 'portal.example']) {
      expect(sealed).not.toContain(clear);
    }
    expect(sealer.open('delivery-1', sealed)).toEqual([link]);
  });

  it('refuses another key, another delivery and a tampered text', () => {
    const sealer = createLinkSealer(randomBytes(32));
    const sealed = sealer.seal('delivery-1', [link]);
    const failure = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as SealError;
      }
      throw new Error('expected a SealError');
    };
    // Another key may belong to another replica (retry there); the rest is broken for good.
    expect(failure(() => createLinkSealer(randomBytes(32)).open('delivery-1', sealed))).toMatchObject({
      name: 'SealError',
      otherKey: true,
    });
    expect(failure(() => sealer.open('delivery-2', sealed))).toMatchObject({ name: 'SealError', otherKey: false });
    const parts = sealed.split('.');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(failure(() => sealer.open('delivery-1', parts.join('.')))).toBeInstanceOf(SealError);
  });
});

describe('revealLinks', () => {
  it('puts the live link back, escaped in HTML and raw in text', () => {
    const link = secretLink('https://portal.example', 'verifyEmail', "a'b");
    expect(link.live).toBe("https://portal.example/verify-email#token=a'b");
    const html = `<a href="${link.redacted}">${link.redacted}</a>`;
    expect(revealLinks(html, [link], 'html')).toBe(
      '<a href="https://portal.example/verify-email#token=a&#39;b">https://portal.example/verify-email#token=a&#39;b</a>',
    );
    expect(revealLinks(`Open: ${link.redacted}`, [link], 'text')).toBe(`Open: ${link.live}`);
  });
});

describe('classifySmtpFailure', () => {
  it('treats 5xx replies as permanent, except authentication failures', () => {
    expect(
      classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 mailbox unavailable' }),
    ).toEqual({ permanent: true, message: 'EENVELOPE: 550 5.1.1 mailbox unavailable' });
    expect(classifySmtpFailure({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' }).permanent).toBe(
      false,
    );
  });

  it('retries 4xx replies, refused connections and timeouts', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 451, response: '451 later' }).permanent).toBe(false);
    expect(classifySmtpFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' })).toEqual({
      permanent: false,
      message: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(classifySmtpFailure(new Error('Timeout')).permanent).toBe(false);
  });
});

describe('retryDelayMs', () => {
  const noJitter = () => 0.5;
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, 1_000, 10_000, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
  it('jitters within ±10 % and never beyond the cap', () => {
    expect(retryDelayMs(1, 1_000, 10_000, () => 0)).toBe(900);
    expect(retryDelayMs(1, 1_000, 10_000, () => 0.999)).toBe(1_100);
    expect(retryDelayMs(9, 1_000, 10_000, () => 0.999)).toBe(10_000);
  });
});

describe('providerIdIn', () => {
  it('reads the id servers give in their final reply', () => {
    expect(providerIdIn('250 2.0.0 Ok: queued as 4BmHHX1z2')).toBe('4BmHHX1z2');
    expect(providerIdIn('250 Ok: queued as <abc@mailpit>')).toBe('abc@mailpit');
    expect(providerIdIn('250 OK')).toBeNull();
  });
});
