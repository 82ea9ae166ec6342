import { fileURLToPath } from 'node:url';
import { bootService, type ServiceApp, type ServiceDeps } from '@tourconnect/service-kit';
import type { IdentitySettings } from './config.ts';
import { serviceTables } from './db/service-tables.ts';
import { bootstrapAdmin } from './domain/bootstrap-admin.ts';
import type { IdentityContext } from './domain/context.ts';
import { purgeExpiredLinks } from './domain/account-links.ts';
import { purgeExpiredThrottles } from './domain/login-throttle.ts';
import { createPasswords, type PasswordHasher } from './domain/passwords.ts';
import { loadSigningKeys, type SigningKeys } from './domain/signing-keys.ts';
import { memberJoinedHandler } from './events/member-joined.handler.ts';
import { memberRemovedHandler } from './events/member-removed.handler.ts';
import { partnerDeletionRequestedHandler } from './events/partner-deletion-requested.handler.ts';
import { partnerOwnerChangedHandler } from './events/partner-owner-changed.handler.ts';
import { partnerRegisteredHandler } from './events/partner-registered.handler.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { emailLinkRoutes } from './routes/email-links.routes.ts';
import { jwksRoutes } from './routes/jwks.routes.ts';

export { settingsSchema, configSchema, loadConfig, type IdentitySettings } from './config.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

export interface IdentityOptions {
  /** Argon2id unless given; tests wrap it to see which hashes a sign-in verified. */
  passwordHasher?: PasswordHasher;
}

/**
 * The identity service as one Fastify app, booted in the kit's order. Identity verifies
 * tokens with its own key pair, which lives in its schema: the auth step loads it after the
 * migrations. Registering also schedules the throttle purge and makes sure the bootstrap
 * admin exists (before the bus starts; its event waits in the outbox).
 */
export async function buildIdentityService(
  deps: ServiceDeps<IdentitySettings>,
  options: IdentityOptions = {},
): Promise<ServiceApp> {
  const { settings, database } = deps;
  let keys: SigningKeys | undefined;
  return bootService({
    name: 'identity',
    deps,
    migrationsFolder: MIGRATIONS_FOLDER,
    tables: serviceTables,
    auth: async () => {
      keys = await loadSigningKeys(database.db, settings.JWT_PRIVATE_KEY);
      return { keys: keys.verifier, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE };
    },
    http: {
      openapi: {
        title: 'TourConnect identity',
        description: 'Accounts, sessions, roles and the JWKS that verifies access tokens.',
      },
    },
    async register(app, { bus, publish }) {
      if (!keys) throw new Error('identity: the signing keys were not loaded');
      const ctx: IdentityContext = {
        db: database.db,
        publish,
        settings,
        keys,
        passwords: createPasswords(options.passwordHasher),
      };
      bus.handle(partnerRegisteredHandler(ctx));
      bus.handle(memberJoinedHandler(ctx));
      bus.handle(memberRemovedHandler(ctx));
      bus.handle(partnerDeletionRequestedHandler(ctx));
      bus.handle(partnerOwnerChangedHandler());
      jwksRoutes(app, ctx);
      authRoutes(app, ctx);
      accountRoutes(app, ctx);
      emailLinkRoutes(app, ctx);
      installPurges(app, ctx);
      if (settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
        const outcome = await bootstrapAdmin(ctx, settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD);
        app.log.info({ outcome }, 'bootstrap admin checked');
      }
    },
  });
}

const PURGE_MS = 3_600_000;

/** Stale login-throttle rows and long-expired link secrets are purged hourly while the app runs. */
function installPurges(app: ServiceApp, ctx: IdentityContext): void {
  const purge = () =>
    Promise.all([
      purgeExpiredThrottles(ctx.db, { lockSeconds: ctx.settings.LOGIN_LOCK_SECONDS }),
      purgeExpiredLinks(ctx.db),
    ]).catch((err: unknown) => app.log.warn({ err }, 'identity purge failed'));
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    void purge();
    timer = setInterval(() => void purge(), PURGE_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
