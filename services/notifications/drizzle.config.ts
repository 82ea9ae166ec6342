import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @tourconnect/notifications` (or `npx drizzle-kit generate` here)
// writes the next migration into drizzle/ from src/db/schema.ts; app.ts applies them at boot.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  schemaFilter: ['notifications'],
  migrations: { schema: 'notifications', table: '__drizzle_migrations' },
});
