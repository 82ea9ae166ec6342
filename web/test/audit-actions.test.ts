import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../src/i18n/languages.ts';
import { readCatalogue, webRoot } from './locale-files.ts';

/**
 * Every audit action the services write (`action: 'partner.verified'`, ternaries included),
 * read from their sources: the decision trail and the audit log show each in words.
 */
function auditActions(): string[] {
  const repo = join(webRoot, '..');
  const actions = new Set<string>();
  for (const service of ['identity', 'partners', 'notifications']) {
    const root = join(repo, 'services', service, 'src');
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      for (const line of readFileSync(join(root, file), 'utf8').matchAll(/\baction:\s*([^\n]+)/g)) {
        for (const code of line[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(code[1]!);
      }
    }
  }
  return [...actions].sort();
}

describe('audit actions', () => {
  const actions = auditActions();

  it('finds the actions the services write (the scan itself works)', () => {
    expect(actions).toEqual(
      expect.arrayContaining(['partner.verified', 'partner.rejected', 'member.ownership_transferred', 'user.deleted']),
    );
  });

  it.each([...supportedLanguages])('%s names every one of them (admin:auditActions)', (language) => {
    const admin = readCatalogue(language, 'admin');
    const missing = actions.filter((action) => !admin.get(`auditActions.${action.replace(/\./g, '_')}`));
    expect(missing).toEqual([]);
  });
});
