import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @tourconnect/bundling` (or `npx drizzle-kit generate` here) writes
// the next migration into drizzle/ from src/db/schema.ts; bootService applies them at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['bundling'],
  migrations: { schema: 'bundling', table: '__drizzle_migrations' },
});
