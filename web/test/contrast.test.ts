import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webRoot } from './locale-files.ts';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(join(webRoot, 'src/styles/tokens.css'), 'utf8');
const tokens = Object.fromEntries(
  [...css.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
);
/** `--name: rgba(r, g, b, a)` tokens, e.g. the soft orange tint. */
const tints = Object.fromEntries(
  [...css.matchAll(/--(color-[\w-]+):\s*rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)/g)].map((m) => [
    m[1]!,
    { rgb: [Number(m[2]), Number(m[3]), Number(m[4])] as const, alpha: Number(m[5]) },
  ]),
);

/** The opaque colour a translucent tint gives over a background (alpha compositing). */
function over(tintName: string, background: string): string {
  const tint = tints[tintName];
  if (!tint) throw new Error(`token --${tintName} missing or not an rgba() colour`);
  const bg = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  const mixed = tint.rgb.map((c, i) => Math.round(c * tint.alpha + bg[i]! * (1 - tint.alpha)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const token = (name: string) => {
  const value = tokens[name];
  if (!value) throw new Error(`token --${name} missing or not a #rrggbb colour`);
  return value;
};

describe('design tokens', () => {
  it('use the brand orange #FF6600', () => {
    expect(token('color-accent')).toBe('#ff6600');
  });

  // Text/background pairs the stylesheets actually use; AA needs 4.5:1 for normal text.
  const pairs: [string, string][] = [
    ['color-text', 'color-bg'],
    ['color-text', 'color-surface'],
    ['color-text', 'color-surface-raised'],
    ['color-text-muted', 'color-bg'],
    ['color-text-muted', 'color-surface'],
    ['color-text-muted', 'color-surface-raised'],
    ['color-accent', 'color-bg'],
    ['color-accent', 'color-surface'],
    ['color-accent', 'color-surface-raised'],
    ['color-on-accent', 'color-accent'],
    ['color-on-accent', 'color-accent-hover'],
    ['color-danger', 'color-bg'],
    ['color-danger', 'color-surface'],
    ['color-success', 'color-surface'],
  ];

  it.each(pairs)('%s on %s meets WCAG AA (4.5:1)', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  // Badges and initials: orange text on the soft orange tint, over each surface they sit on.
  it.each(['color-bg', 'color-surface', 'color-surface-raised'])(
    'color-accent-on-soft on color-accent-soft over %s meets WCAG AA (4.5:1)',
    (surface) => {
      expect(contrast(token('color-accent-on-soft'), over('color-accent-soft', token(surface)))).toBeGreaterThanOrEqual(
        4.5,
      );
    },
  );

  it('explains the badge colour: #FF6600 on the tint over a card is 4.37:1, below AA', () => {
    const ratio = contrast(token('color-accent'), over('color-accent-soft', token('color-surface')));
    expect(ratio).toBeCloseTo(4.37, 1);
    expect(ratio).toBeLessThan(4.5);
  });

  it('keeps the focus ring visible against the page (3:1 for UI components)', () => {
    expect(contrast(token('color-focus'), token('color-bg'))).toBeGreaterThanOrEqual(3);
  });

  it('explains why buttons use dark text: white on #FF6600 fails AA', () => {
    expect(contrast('#ffffff', token('color-accent'))).toBeLessThan(4.5);
  });
});
