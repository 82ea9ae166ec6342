// What environment a service process would actually get from docker-compose.yml or from
// its Kubernetes Deployment, and how that compares with the zod schema in the service's
// own src/config.ts. Every function returns problems as sentences naming file and key.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { find, interpolate, objects, ports, ROOT, type Manifest } from './deployment-fixtures.ts';
import type { ComposeService, Container, K8sObject, CnpgClusterSpec, ServiceSpec } from './manifest-types.ts';

export interface EnvView {
  /** Where the values come from, for messages: "docker-compose.yml service identity". */
  where: string;
  values: Record<string, string>;
  /** Keys set on this service itself (not inherited from a shared ConfigMap). */
  explicit: string[];
  /** Keys whose value comes from a Secret (k8s). */
  fromSecret: Set<string>;
  problems: string[];
}

/** Set for every service even if its schema ignores some of them (e.g. a gateway without a
 * database may drop DATABASE_URL); the OTel SDK and Node read OTEL_* / NODE_* themselves. */
const SHARED = ['PORT', 'HOST', 'DATABASE_URL', 'NATS_URL', 'LOG_LEVEL', 'REDIS_URL'];
const toleratedExtra = (key: string): boolean =>
  SHARED.includes(key) || key.startsWith('OTEL_') || key.startsWith('NODE_');

const SECRET_NAME = /PASSWORD|SECRET|PRIVATE_KEY|API_KEY|TOKEN|^DATABASE_URL$/;

export function composeEnv(name: string, service: ComposeService): EnvView {
  const view: EnvView = {
    where: `docker-compose.yml service ${name}`,
    values: {},
    explicit: [],
    fromSecret: new Set(),
    problems: [],
  };
  const env = service.environment ?? {};
  const entries: [string, string | number | boolean | null][] = Array.isArray(env)
    ? env.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, null] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(env);
  for (const [key, raw] of entries) {
    view.explicit.push(key);
    // No value means "pass through from the shell if set": on a fresh clone it is unset.
    if (raw === null) continue;
    const { value, missing } = interpolate(String(raw));
    for (const m of missing)
      view.problems.push(
        `${view.where}: ${key} uses \${${m}} without a default, so \`docker compose up\` on a fresh clone gets no value`,
      );
    view.values[key] = value;
  }
  return view;
}

type SecretSource = Record<string, Record<string, string>>;

/** Secrets the Deployments may reference: Secrets in the manifests, the documented
 * out-of-band ones (k8s/secrets.example.yaml), and CloudNativePG's `<cluster>-app`. */
export function secretSources(manifests: Manifest[], examples: K8sObject[]): SecretSource {
  const sources: SecretSource = {};
  for (const s of [...objects(manifests, 'Secret'), ...examples.filter((o) => o.kind === 'Secret')]) {
    const decoded = Object.fromEntries(
      Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
    );
    sources[s.metadata.name] = { ...decoded, ...(s.stringData ?? {}) };
  }
  for (const cluster of objects(manifests, 'Cluster')) {
    const spec = (cluster.spec ?? {}) as CnpgClusterSpec;
    const owner = spec.bootstrap?.initdb?.owner ?? 'app';
    const db = spec.bootstrap?.initdb?.database ?? 'app';
    const host = `${cluster.metadata.name}-rw`;
    sources[`${cluster.metadata.name}-app`] = {
      uri: `postgresql://${owner}:generated-by-cnpg@${host}:5432/${db}`,
      username: owner,
      password: 'generated-by-cnpg',
      host,
      port: '5432',
      dbname: db,
    };
  }
  return sources;
}

export function k8sEnv(
  workload: K8sObject,
  container: Container,
  manifests: Manifest[],
  secrets: SecretSource,
): EnvView {
  const where = `k8s ${workload.kind} ${workload.metadata.name} (container ${container.name})`;
  const view: EnvView = { where, values: {}, explicit: [], fromSecret: new Set(), problems: [] };
  const configMap = (name: string) => find(manifests, 'ConfigMap', name)?.data;
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const data = from.configMapRef ? configMap(from.configMapRef.name) : secrets[from.secretRef?.name ?? ''];
    if (!ref) continue;
    if (!data) {
      view.problems.push(
        `${where}: envFrom refers to ${from.configMapRef ? 'ConfigMap' : 'Secret'} ${ref.name}, which no manifest${from.secretRef ? ' nor k8s/secrets.example.yaml' : ''} defines`,
      );
      continue;
    }
    if (ref.optional) continue;
    for (const [k, v] of Object.entries(data)) {
      view.values[k] = String(v);
      if (from.secretRef) view.fromSecret.add(k);
    }
  }
  for (const env of container.env ?? []) {
    view.explicit.push(env.name);
    const cm = env.valueFrom?.configMapKeyRef;
    const sk = env.valueFrom?.secretKeyRef;
    if (env.value !== undefined) view.values[env.name] = String(env.value);
    else if (env.valueFrom?.fieldRef) view.values[env.name] = `field:${env.valueFrom.fieldRef.fieldPath}`;
    else if (cm || sk) {
      const kind = cm ? 'ConfigMap' : 'Secret';
      const ref = (cm ?? sk)!;
      const value = cm ? configMap(ref.name)?.[ref.key] : secrets[ref.name]?.[ref.key];
      if (value === undefined) {
        view.problems.push(
          `${where}: ${env.name} refers to key ${ref.key} of ${kind} ${ref.name}, which no manifest${sk ? ', k8s/secrets.example.yaml or CloudNativePG Cluster' : ''} provides`,
        );
      } else if (!ref.optional) {
        view.values[env.name] = value;
        if (sk) view.fromSecret.add(env.name);
      }
    } else view.problems.push(`${where}: ${env.name} has neither value nor valueFrom`);
  }
  return view;
}

/** Literal passwords, keys and database URLs do not belong in a manifest. */
export function hardCodedSecrets(view: EnvView): string[] {
  return Object.keys(view.values)
    .filter((k) => SECRET_NAME.test(k) && !view.fromSecret.has(k))
    .map((k) => `${view.where}: ${k} looks secret but is not taken from a Secret (use secretKeyRef)`);
}

// ---------------------------------------------------------------- services' config.ts

interface ParseResult {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}
export interface ZodObjectLike {
  shape: Record<string, { safeParse(value: unknown): ParseResult }>;
  safeParse(value: unknown): ParseResult;
}

export async function importConfigSchema(service: string): Promise<ZodObjectLike | string> {
  const file = `services/${service}/src/config.ts`;
  if (!existsSync(join(ROOT, file))) {
    return `${file} does not exist: every service validates its environment there (export const configSchema = z.object(…); export function loadConfig(env))`;
  }
  const mod = (await import(pathToFileURL(join(ROOT, file)).href)) as Record<string, unknown>;
  const schema = mod.configSchema as Partial<ZodObjectLike> | undefined;
  if (typeof schema?.safeParse !== 'function' || typeof schema.shape !== 'object') {
    return `${file} must export configSchema as a zod object (z.object({...})); found ${typeof mod.configSchema}`;
  }
  if (typeof mod.loadConfig !== 'function') return `${file} must export function loadConfig(env)`;
  return schema as ZodObjectLike;
}

/** Keys the process cannot start without: parsing `undefined` fails (no optional, no default). */
export const requiredKeys = (schema: ZodObjectLike): string[] =>
  Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);

export function schemaProblems(service: string, schema: ZodObjectLike, view: EnvView): string[] {
  const file = `services/${service}/src/config.ts`;
  const problems = requiredKeys(schema)
    .filter((key) => view.values[key] === undefined)
    .map((key) => `${view.where}: ${key} is required by ${file} but not set`);
  const parsed = schema.safeParse(view.values);
  for (const issue of parsed.success ? [] : (parsed.error?.issues ?? [])) {
    const key = issue.path.map(String).join('.');
    // Missing keys were reported above; this catches malformed values and whole-object rules.
    if (key === '' || view.values[key] !== undefined) {
      problems.push(`${view.where}: ${key || 'the environment'} is rejected by ${file}: ${issue.message}`);
    }
  }
  for (const key of view.explicit) {
    if (!(key in schema.shape) && !toleratedExtra(key)) {
      problems.push(`${view.where}: sets ${key}, which ${file} does not declare (misspelt, or add it to configSchema)`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------- values and URLs

const DEFAULT_PORTS: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'nats:': 4222,
  'postgres:': 5432,
  'postgresql:': 5432,
  'redis:': 6379,
};

/** host → the ports it listens on (undefined: any port, e.g. compose infrastructure). */
export type KnownHosts = Map<string, number[] | undefined>;

export function composeHosts(serviceNames: string[]): KnownHosts {
  const table = { ...ports.services, ...ports.emulators } as Record<string, number>;
  return new Map(serviceNames.map((n) => [n, table[n] === undefined ? undefined : [table[n]]]));
}

export function k8sHosts(manifests: Manifest[]): KnownHosts {
  const hosts: KnownHosts = new Map();
  for (const s of objects(manifests, 'Service')) {
    hosts.set(s.metadata.name, ((s.spec ?? {}) as ServiceSpec).ports?.map((p) => p.port) ?? []);
  }
  for (const c of objects(manifests, 'Cluster')) {
    for (const suffix of ['-rw', '-ro', '-r']) hosts.set(`${c.metadata.name}${suffix}`, [5432]);
  }
  return hosts;
}

/** Every in-cluster URL (host without dots, or *.svc…) must name a known service and port. */
export function urlProblems(view: EnvView, hosts: KnownHosts): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(view.values)) {
    for (const part of value.split(',').map((p) => p.trim())) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(part)) continue;
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        problems.push(`${view.where}: ${key}=${part} is not a valid URL`);
        continue;
      }
      const host = url.hostname
        .replace(/\.[^.]+\.svc(\.cluster\.local)?$/, '')
        .replace(/\.svc(\.cluster\.local)?$/, '');
      if (host.includes('.') || host === 'localhost' || host === '0.0.0.0') continue;
      if (!hosts.has(host)) {
        problems.push(`${view.where}: ${key} points at host ${host}, which is not a service here`);
        continue;
      }
      const port = url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol];
      const open = hosts.get(host);
      if (open && port !== undefined && !open.includes(port)) {
        problems.push(`${view.where}: ${key} points at ${host}:${port}, but ${host} listens on ${open.join(', ')}`);
      }
    }
  }
  return problems;
}

// --------------------------------------------------------------- emulator / simulator

/** The emulators have their own config (e.g. OCTO_SIMULATOR_PORT, default host 127.0.0.1):
 * read which *_PORT, *_HOST and *_DIR variables infra/<name>/src/config.ts takes, and
 * require the container to set them to its port, to 0.0.0.0 (or other containers cannot
 * reach it) and to a writable mount (the root filesystem is read-only). */
export function emulatorEnvProblems(name: string, port: number, view: EnvView, writable: string[]): string[] {
  const file = ['config.ts', 'server.ts'].map((f) => `infra/${name}/src/${f}`).find((f) => existsSync(join(ROOT, f)));
  if (!file)
    return [`infra/${name}/src/config.ts (or server.ts) does not exist, so its port and host variables are unknown`];
  const source = readFileSync(join(ROOT, file), 'utf8');
  const names = [...new Set([...source.matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] ?? ''))];
  const portVars = names.filter((n) => n.endsWith('PORT'));
  if (portVars.length === 0)
    return [`${file} reads no *_PORT variable, so ${view.where} cannot put it on port ${port}`];
  const isWritable = (path: string | undefined) =>
    path !== undefined && writable.some((m) => path === m || path.startsWith(`${m.replace(/\/$/, '')}/`));
  return [
    ...portVars
      .filter((v) => view.values[v] !== String(port))
      .map((v) => `${view.where}: ${v} should be ${port} (${file} reads it; infra/ports.json)`),
    ...names
      .filter((v) => v.endsWith('HOST') && view.values[v] !== '0.0.0.0')
      .map((v) => `${view.where}: ${v} should be 0.0.0.0 (${file} reads it), or only the container itself can connect`),
    ...names
      .filter((v) => v.endsWith('_DIR') && !isWritable(view.values[v]))
      .map(
        (v) =>
          `${view.where}: ${v}=${view.values[v] ?? '(unset)'} is not on a writable mount (${writable.join(', ') || 'none'}); the root filesystem is read-only`,
      ),
  ];
}
