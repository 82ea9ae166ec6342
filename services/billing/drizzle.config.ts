import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @tourconnect/billing` (or `npx drizzle-kit generate` here) writes
// the next migration into drizzle/ from src/db/schema.ts; bootService applies them at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['billing'],
  migrations: { schema: 'billing', table: '__drizzle_migrations' },
});
