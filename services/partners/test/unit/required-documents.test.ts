import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentKinds, partnerTypes, requiredDocuments, type DocumentKind } from '@tourconnect/contracts/http';

// The README's "Required documents" table is what partners and admins read; the contracts'
// `requiredDocuments` is what the service enforces. Parsing one and comparing it to the other
// keeps the doc and the code from drifting apart.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const columnKinds: Record<string, DocumentKind> = {
  'business registration': 'business_registration',
  'vat certificate': 'vat_certificate',
  'id of the legal representative': 'representative_id',
  licence: 'licence',
  insurance: 'insurance',
};

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

function readmeTable(): { header: string[]; rows: string[][] } {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Required documents'));
  if (!section) throw new Error('README has no "## Required documents" section');
  const lines = section.split('\n').filter((line) => line.trim().startsWith('|'));
  const [header, separator, ...rows] = lines;
  if (!header || !separator || !/^\|[\s|:-]+\|$/.test(separator.trim())) throw new Error('no markdown table');
  return { header: cells(header), rows: rows.map(cells) };
}

function parsedRequirements(): Record<string, DocumentKind[]> {
  const { header, rows } = readmeTable();
  const kinds = header.slice(1).map((title) => {
    const kind = columnKinds[title.toLowerCase()];
    if (!kind) throw new Error(`README column "${title}" names no document kind`);
    return kind;
  });
  return Object.fromEntries(
    rows.map((row) => [(row[0] ?? '').toLowerCase(), kinds.filter((_, i) => (row[i + 1] ?? '').includes('✔'))]),
  );
}

describe('required documents: README table = contracts', () => {
  it('the README table has one column per document kind', () => {
    const { header } = readmeTable();
    expect(header[0]?.toLowerCase()).toBe('partner type');
    expect(header.slice(1).map((title) => columnKinds[title.toLowerCase()])).toEqual([...documentKinds]);
  });

  it('the README table has exactly one row per partner type', () => {
    expect(Object.keys(parsedRequirements()).sort()).toEqual([...partnerTypes].sort());
    expect(Object.keys(requiredDocuments).sort()).toEqual([...partnerTypes].sort());
  });

  it.each(partnerTypes)('%s requires what the README says', (type) => {
    expect([...requiredDocuments[type]].sort()).toEqual([...(parsedRequirements()[type] ?? [])].sort());
  });

  it.each(partnerTypes)('%s lists each required kind once', (type) => {
    expect(new Set(requiredDocuments[type]).size).toBe(requiredDocuments[type].length);
  });

  it.each(partnerTypes)('%s requires the business registration and the representative ID', (type) => {
    expect(requiredDocuments[type]).toEqual(expect.arrayContaining(['business_registration', 'representative_id']));
  });
});
