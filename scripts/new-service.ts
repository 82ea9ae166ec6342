// npm run new:service <name> [-- --dry-run] [--port <n>] [--root <checkout>]
// A new service from the template, wired everywhere (docs/conventions.md, "Adding a service").
import { parseArgs } from 'node:util';
import { scaffoldService, ScaffoldError } from './new-service/scaffold.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    port: { type: 'string' },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const name = positionals[0];
if (values.help || !name || positionals.length > 1) {
  console.log(`usage: npm run new:service <name> [-- --dry-run] [--port <n>] [--root <checkout>]

  <name>       lower-case letters and digits, e.g. billing; also the PostgreSQL schema and
               the event subject prefix. A planned service keeps its port from infra/ports.json.
  --dry-run    list what would be created and changed; write nothing
  --port <n>   another port than the table's (or the next free one)
  --root <dir> write into another checkout (default: this one)`);
  process.exit(name || values.help ? 0 : 64);
}

try {
  const { service, changes } = await scaffoldService({
    name,
    dryRun: values['dry-run'],
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.root ? { root: values.root } : {}),
  });
  const verb = values['dry-run'] ? 'would' : 'did';
  for (const change of changes) console.log(`${verb} ${change.kind.padEnd(6)} ${change.path}`);
  if (values['dry-run']) console.log(`${verb} create services/${name}/drizzle/ (drizzle-kit generate)`);
  console.log(`
${service.name} on port ${service.port}, routed by the gateway at ${service.prefix}. Next:
  npm install                           # links @tourconnect/${service.name} (and updates package-lock.json)
  npx vitest run services/${service.name}      # its health test on the real PostgreSQL
  npm start                             # the whole platform, ${service.name} included
Then fill in services/${service.name}/README.md, replace the example route, and add the service's
event contracts to proto/ (docs/conventions.md, "Adding a service").`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(`new:service: ${error.message}`);
  process.exit(1);
}
