import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REBUILD_SQL } from '../../src/db/suggest.repository.ts';

describe('migration 0003_suggest_counts', () => {
  it('backfills with the same recount as rebuildSuggestModel', () => {
    const migration = readFileSync(new URL('../../drizzle/0003_suggest_counts.sql', import.meta.url), 'utf8');
    const squash = (text: string) => text.replace(/--> statement-breakpoint/g, '').replace(/\s+/g, ' ');
    for (const statement of REBUILD_SQL.trim().split(/;\s*\n\s*\n/)) {
      expect(squash(migration)).toContain(squash(statement.trim()));
    }
  });
});
