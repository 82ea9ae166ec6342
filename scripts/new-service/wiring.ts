// Where a new service has to be named besides its own directory (docs/conventions.md, "Adding
// a service"): the all-in-one launcher, the gateway's upstreams and route table, the port table,
// docker-compose.yml, k8s/ and the README's service table. Each function takes the file's
// current text and returns the new one; test/infra/scaffold/ proves the result boots and passes
// the deployment consistency checks.
import {
  editable,
  hasLine,
  insertAfterLast,
  insertAt,
  insertBeforeFirst,
  requireLine,
  ScaffoldError,
  textOf,
  yamlBlock,
} from './text-edits.ts';

export interface ServiceNames {
  /** `billing`: directory, package suffix, PostgreSQL schema, event subject prefix. */
  name: string;
  /** `Billing`: in `buildBillingService`, `BillingContext`. */
  Name: string;
  /** `BILLING`: in `BILLING_URL`. */
  NAME: string;
  port: number;
  /** The public path prefix the gateway routes to the service, e.g. `/api/billing`. */
  prefix: string;
}

export interface PortTable {
  services: Record<string, number>;
  emulators?: Record<string, number>;
}

/** The service's port: its own in the table (planned services have one), else the next free one. */
export function choosePort(ports: PortTable, name: string, wanted?: number): number {
  const taken = new Map(
    [...Object.entries(ports.services), ...Object.entries(ports.emulators ?? {})].map(([n, p]) => [p, n]),
  );
  const own = ports.services[name];
  if (wanted !== undefined) {
    if (!Number.isInteger(wanted) || wanted < 1024 || wanted > 65535)
      throw new ScaffoldError(`port ${wanted} is not a port a service can listen on (1024–65535)`);
    const holder = taken.get(wanted);
    if (holder !== undefined && holder !== name) throw new ScaffoldError(`port ${wanted} is ${holder}'s`);
    return wanted;
  }
  if (own !== undefined) return own;
  let port = Math.max(...Object.values(ports.services)) + 1;
  while (taken.has(port)) port += 1;
  return port;
}

export function withPort(text: string, s: ServiceNames): string {
  const ports = JSON.parse(text) as PortTable;
  if (ports.services[s.name] === s.port) return text;
  ports.services[s.name] = s.port;
  return `${JSON.stringify(ports, null, 2)}\n`;
}

const routeEntry = /\{\s*prefix:\s*'([^']+)',\s*service:\s*'([a-z0-9-]+)'/g;

/** `/api/<name>` when the gateway already routes it, else the service's first public prefix. */
export function choosePrefix(routeTable: string, name: string): string {
  const own = [...routeTable.matchAll(routeEntry)]
    .filter((m) => m[2] === name)
    .map((m) => m[1] ?? '')
    .filter((p) => p.startsWith('/api/') && !p.startsWith('/api/admin/'));
  return own.includes(`/api/${name}`) ? `/api/${name}` : (own[0] ?? `/api/${name}`);
}

export function withRoute(text: string, s: ServiceNames): string {
  const routed = [...text.matchAll(routeEntry)].some((m) => m[1] === s.prefix && m[2] === s.name);
  if (routed) return text;
  const file = editable('services/gateway/src/route-table.ts', text);
  insertBeforeFirst(file, /^\]\.sort\(/, [`  { prefix: '${s.prefix}', service: '${s.name}' },`]);
  return textOf(file);
}

/** `<NAME>_URL` in the gateway's settings, its service list and its upstream map. */
export function withGatewayUpstream(text: string, s: ServiceNames): string {
  const file = editable('services/gateway/src/config.ts', text);
  if (hasLine(file, new RegExp(`^\\s*${s.NAME}_URL:`))) return text;
  insertAfterLast(file, /^\s*[A-Z_]+_URL: optionalUrl,$/, [`  ${s.NAME}_URL: optionalUrl,`]);
  const list = requireLine(file, /^export const serviceNames = \[/);
  insertAt(file, requireLine(file, /^\] as const;/, 'first', list), [`  '${s.name}',`]);
  insertAfterLast(file, /^\s*[a-z0-9]+: settings\.[A-Z_]+_URL,$/, [`    ${s.name}: settings.${s.NAME}_URL,`]);
  return textOf(file);
}

/** Built with the same factory as its distributed entry, on the shared transport, behind the gateway. */
export function withAllInOne(text: string, s: ServiceNames): string {
  const file = editable('scripts/all-in-one/platform.ts', text);
  if (hasLine(file, new RegExp(`from '@tourconnect/${s.name}'`))) return text;
  insertAfterLast(file, /^import .* from '@tourconnect\/[^']+';$/, [
    `import { build${s.Name}Service } from '@tourconnect/${s.name}';`,
    `import { settingsSchema as ${s.name}SettingsSchema } from '@tourconnect/${s.name}/config';`,
  ]);
  insertBeforeFirst(file, /^\s*const gateway = await buildGateway\(/, [
    `  const ${s.name}Service = await build${s.Name}Service({`,
    `    settings: ${s.name}SettingsSchema.parse({ ...process.env, ...jwks }),`,
    `    database: createDatabase({ url: databaseUrl, schema: '${s.name}', max: 5 }),`,
    '    transport,',
    '    logger,',
    '    processMetrics: false,',
    '    gatewaySecret,',
    '  });',
    `  await listen('${s.name}', ${s.name}Service);`,
    '',
  ]);
  insertAfterLast(file, /^\s*[A-Z_]+_URL: services\.[a-z0-9]+!?,$/, [`      ${s.NAME}_URL: services.${s.name}!,`]);
  return textOf(file);
}

/** Its own compose service (before the gateway's), and the gateway's URL and health dependency. */
export function withCompose(text: string, s: ServiceNames, block: string): string {
  const file = editable('docker-compose.yml', text);
  if (hasLine(file, new RegExp(`^  ${s.name}:$`))) throw new ScaffoldError(`docker-compose.yml already has ${s.name}`);
  insertBeforeFirst(file, /^ {2}gateway:$/, block.trimEnd().split('\n').concat(''));
  const [start, end] = yamlBlock(file, requireLine(file, /^ {2}gateway:$/));
  const deps = requireLine(file, /^ {4}depends_on:$/, 'first', start, end);
  const [, depsEnd] = yamlBlock(file, deps);
  insertAt(file, depsEnd, [`      ${s.name}:`, '        condition: service_healthy']);
  const lastUrl = requireLine(file, /^ {6}[A-Z_]+_URL: http:\/\//, 'last', start, end);
  insertAt(file, lastUrl + 1, [`      ${s.NAME}_URL: http://${s.name}:${s.port}`]);
  return textOf(file);
}

export function withKustomization(text: string, s: ServiceNames): string {
  const file = editable('k8s/kustomization.yaml', text);
  if (hasLine(file, new RegExp(`^  - services/${s.name}\\.yaml$`))) return text;
  insertAfterLast(file, /^ {2}- services\/(?!gateway\.yaml)[a-z0-9-]+\.yaml$/, [`  - services/${s.name}.yaml`]);
  return textOf(file);
}

export function withGatewayDeployment(text: string, s: ServiceNames): string {
  const file = editable('k8s/services/gateway.yaml', text);
  if (hasLine(file, new RegExp(`- name: ${s.NAME}_URL$`))) return text;
  const last = requireLine(file, /^\s*- name: [A-Z_]+_URL$/, 'last');
  const indent = (file.lines[last] ?? '').search(/\S/);
  insertAt(file, last + 2, [
    `${' '.repeat(indent)}- name: ${s.NAME}_URL`,
    `${' '.repeat(indent + 2)}value: http://${s.name}:${s.port}`,
  ]);
  return textOf(file);
}

/** A planned service's row (`| billing | 8084 | planned: … |`) becomes a link; a new one is added. */
export function withReadmeRow(text: string, s: ServiceNames): string {
  const file = editable('README.md', text);
  const row = (owns: string) => `| [${s.name}](services/${s.name}) | ${s.port} | ${owns} | — | — |`;
  const planned = file.lines.findIndex((l) => l.startsWith(`| ${s.name} |`));
  if (planned >= 0) {
    const owns =
      (file.lines[planned] ?? '')
        .split('|')[3]
        ?.trim()
        .replace(/^planned: /, '') ?? '';
    file.lines[planned] = row(owns);
  } else {
    insertAfterLast(file, /^\| \[[a-z0-9-]+\]\(services\//, [row(`see [its README](services/${s.name}/README.md)`)]);
  }
  return textOf(file);
}
