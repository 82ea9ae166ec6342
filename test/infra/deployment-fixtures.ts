// Loads what the distributed setups are made of (infra/ports.json, docker-compose.yml,
// k8s/ through its kustomizations, the Dockerfile) so test/infra can compare them with
// services/. Nothing here asserts; problems are returned as sentences for the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import type {
  ComposeFile,
  ComposeService,
  K8sObject,
  Kustomization,
  Labels,
  PodTemplate,
  WorkloadSpec,
} from './manifest-types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const rel = (path: string): string => relative(ROOT, path) || '.';

export interface PortTable {
  services: Record<string, number>;
  emulators: Record<string, number>;
}

export const ports: PortTable = JSON.parse(readFileSync(join(ROOT, 'infra/ports.json'), 'utf8')) as PortTable;

/** Every directory under services/ is a deployable service. */
export function serviceNames(): string[] {
  const dir = join(ROOT, 'services');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** `billing` → `BILLING_URL`, the gateway's variable for that service. */
export const urlVariable = (service: string): string => `${service.toUpperCase().replace(/-/g, '_')}_URL`;

export const entryPoint = (dir: string): string => `${dir}/src/server.ts`;

/** Strips the tag (or digest) of an image reference: `a/b:1.2` → `a/b`. */
export function imageRepository(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  return lastColon > lastSlash ? withoutDigest.slice(0, lastColon) : withoutDigest;
}

// ---------------------------------------------------------------- docker-compose.yml

export const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');

export function loadCompose(): ComposeFile {
  // Compose resolves `<<` merge keys (our x- anchors rely on them); YAML 1.2 needs the flag.
  const parsed = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as ComposeFile;
  return { ...parsed, services: parsed.services ?? {} };
}

/**
 * Compose variable interpolation with an empty shell environment, i.e. what
 * `docker compose up` sees on a fresh clone: `${X:-d}` and `${X-d}` give d, a bare `${X}`
 * or `${X:?…}` has no value and is reported.
 */
export function interpolate(text: string): { value: string; missing: string[] } {
  const missing: string[] = [];
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  const value = text.replace(pattern, (match, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    if (op === ':-' || op === '-') return arg ?? '';
    if (op === ':+' || op === '+') return '';
    missing.push(name);
    return '';
  });
  return { value, missing };
}

export function commandText(service: ComposeService | { command?: string[] }): string {
  const { command } = service;
  return Array.isArray(command) ? command.join(' ') : (command ?? '');
}

export function healthcheckText(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

export function dependsOn(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, d]) => [name, d?.condition ?? 'service_started']));
}

/** The compose service whose command runs `<dir>/src/server.ts`, if any. */
export function composeServiceRunning(compose: ComposeFile, dir: string): [string, ComposeService][] {
  return Object.entries(compose.services).filter(([, s]) => commandText(s).includes(entryPoint(dir)));
}

// ------------------------------------------------------------------------------- k8s

export const K8S_DIR = join(ROOT, 'k8s');

export interface Manifest {
  file: string;
  object: K8sObject;
}

export function readKustomization(dir: string): Kustomization {
  const file = join(dir, 'kustomization.yaml');
  return (parse(readFileSync(file, 'utf8')) ?? {}) as Kustomization;
}

export function readManifests(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(docs) ? docs : [];
  return list.flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${rel(file)}: ${doc.errors[0]?.message}`);
    const object = doc.toJS() as K8sObject | null;
    return object ? [{ file: rel(file), object }] : [];
  });
}

/** Everything `kubectl apply -k <dir>` would apply (missing entries are skipped here and
 * reported by the kustomization test). */
export function loadKustomize(dir: string): Manifest[] {
  return (readKustomization(dir).resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    if (!existsSync(path)) return [];
    return statSync(path).isDirectory() ? loadKustomize(path) : readManifests(path);
  });
}

export const objects = (manifests: Manifest[], kind: string): K8sObject[] =>
  manifests.map((m) => m.object).filter((o) => o.kind === kind);

export function find(manifests: Manifest[], kind: string, name: string): K8sObject | undefined {
  return objects(manifests, kind).find((o) => o.metadata?.name === name);
}

export const workloadSpec = (o: K8sObject): WorkloadSpec => (o.spec ?? {}) as WorkloadSpec;

export function podTemplate(o: K8sObject): PodTemplate | undefined {
  return workloadSpec(o).template;
}

/** A selector matches when every one of its labels is on the pod template. */
export function selects(selector: Labels | undefined, labels: Labels | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => labels?.[k] === v);
}

export function podWorkloads(manifests: Manifest[]): K8sObject[] {
  return manifests.map((m) => m.object).filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind));
}

// ------------------------------------------------------------------------ Dockerfile

export const DOCKERFILE = join(ROOT, 'infra/docker/Dockerfile');

export interface DockerStage {
  base: string;
  name?: string;
  instructions: { keyword: string; args: string }[];
}

/** Splits a Dockerfile into stages, joining `\` continuations and resolving the
 * `ARG X=default` values declared before the first FROM. */
export function readDockerStages(text: string): DockerStage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const globalArgs: Record<string, string> = {};
  const stages: DockerStage[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/).filter((a) => !a.startsWith('--'));
      const base = image.replace(/\$\{?(\w+)\}?/g, (_, v: string) => globalArgs[v] ?? '');
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (upper === 'ARG' && stages.length === 0) {
      const [k = '', v = ''] = args.split('=');
      globalArgs[k] = v;
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}
