// No Docker engine or cluster runs in CI, so this reads docker-compose.yml and k8s/ and
// checks them against services/: every service directory must be deployed by both, on its
// port from infra/ports.json, with health checks on /livez and /readyz and every variable
// its src/config.ts requires. Adding services/<name> without its compose and k8s entries
// fails here, naming what is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composeServiceRunning,
  entryPoint,
  find,
  K8S_DIR,
  loadCompose,
  loadKustomize,
  podWorkloads,
  ports,
  readManifests,
  ROOT,
  serviceNames,
  commandText,
} from './deployment-fixtures.ts';
import {
  composeEnv,
  composeHosts,
  hardCodedSecrets,
  importConfigSchema,
  k8sEnv,
  k8sHosts,
  schemaProblems,
  secretSources,
  urlProblems,
  type EnvView,
} from './env-checks.ts';
import {
  appContainer,
  composeServiceProblems,
  k8sServiceProblems,
  missingVariables,
  sharedValueProblems,
  valueProblems,
} from './service-checks.ts';

const services = serviceNames();
const compose = loadCompose();
const manifests = loadKustomize(K8S_DIR);
const examplesFile = join(K8S_DIR, 'secrets.example.yaml');
const secrets = secretSources(
  manifests,
  existsSync(examplesFile) ? readManifests(examplesFile).map((m) => m.object) : [],
);

function composeView(name: string): EnvView | undefined {
  const service = compose.services[name];
  return service && composeEnv(name, service);
}

function k8sView(name: string): EnvView | undefined {
  const deployment = find(manifests, 'Deployment', name);
  const container = deployment && appContainer(deployment);
  return deployment && container ? k8sEnv(deployment, container, manifests, secrets) : undefined;
}

async function envProblems(
  name: string,
  view: EnvView | undefined,
  hosts: ReturnType<typeof composeHosts>,
): Promise<string[]> {
  if (!view) return [`${name} is not deployed here at all (see the test above)`];
  const schema = await importConfigSchema(name);
  return [
    ...view.problems,
    ...missingVariables(name, services, view),
    ...valueProblems(name, services, view),
    ...urlProblems(view, hosts),
    ...(typeof schema === 'string' ? [schema] : schemaProblems(name, schema, view)),
  ];
}

describe('services/ and infra/ports.json', () => {
  it('finds the service directories', () => {
    expect(services, 'services/ has no service directories').toContain('gateway');
    expect(services).toContain('identity');
  });

  it('gives every service its own port', () => {
    const missing = services.filter((s) => ports.services[s] === undefined);
    expect(missing, 'services without a port in infra/ports.json (docs/conventions.md has the table)').toEqual([]);
    const all = Object.values({ ...ports.services, ...ports.emulators });
    expect(new Set(all).size, 'infra/ports.json assigns one port twice').toBe(all.length);
  });
});

describe.each(services)('service %s', (name) => {
  const dir = `services/${name}`;

  it('has src/server.ts and src/config.ts exporting configSchema and loadConfig', async () => {
    const schema = await importConfigSchema(name);
    const problems = [
      ...(existsSync(join(ROOT, entryPoint(dir))) ? [] : [`${entryPoint(dir)} does not exist`]),
      ...(typeof schema === 'string' ? [schema] : []),
    ];
    expect(problems).toEqual([]);
  });

  it('runs in docker-compose.yml on its port, healthchecked on /readyz', () => {
    const running = composeServiceRunning(compose, dir);
    const problems =
      running.length === 1 && running[0]?.[0] === name
        ? composeServiceProblems(
            name,
            running[0][1],
            compose.services,
            name === 'gateway' ? ['nats'] : ['postgres', 'nats'],
          )
        : [
            `docker-compose.yml should have exactly one service named ${name} running ${entryPoint(dir)}; found ${running.map(([n]) => n).join(', ') || 'none'}`,
          ];
    expect(problems).toEqual([]);
  });

  it('gets every variable it needs in docker-compose.yml', async () => {
    const problems = await envProblems(name, composeView(name), composeHosts(Object.keys(compose.services)));
    expect(problems).toEqual([]);
  });

  it('has a Deployment, Service, HPA and PDB in k8s/ agreeing on port, probes and labels', () => {
    expect(k8sServiceProblems(name, manifests)).toEqual([]);
  });

  it('gets every variable it needs in k8s/, secrets only from Secrets', async () => {
    const view = k8sView(name);
    const problems = await envProblems(name, view, k8sHosts(manifests));
    expect([...problems, ...(view ? hardCodedSecrets(view) : [])]).toEqual([]);
  });
});

describe('across services', () => {
  it('uses one JWT issuer and audience, so tokens from identity verify everywhere', () => {
    const composeViews = services.flatMap((s) => composeView(s) ?? []);
    const k8sViews = services.flatMap((s) => k8sView(s) ?? []);
    expect([...sharedValueProblems(composeViews), ...sharedValueProblems(k8sViews)]).toEqual([]);
  });

  it('deploys no service that services/ does not have', () => {
    const pattern = /services\/([^/\s]+)\/src\/server\.ts/;
    const composeRuns = Object.entries(compose.services).map(
      ([n, s]) => [`docker-compose.yml service ${n}`, commandText(s)] as const,
    );
    const k8sRuns = [...podWorkloads(manifests), ...podWorkloads(loadKustomize(join(K8S_DIR, 'dev')))].map(
      (w) => [`k8s ${w.kind} ${w.metadata.name}`, commandText(appContainer(w) ?? {})] as const,
    );
    const orphans = [...composeRuns, ...k8sRuns].flatMap(([where, command]) => {
      const target = pattern.exec(command)?.[1];
      return target && !services.includes(target) ? [`${where} runs services/${target}, which does not exist`] : [];
    });
    expect(orphans).toEqual([]);
  });
});
