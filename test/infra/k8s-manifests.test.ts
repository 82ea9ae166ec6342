// k8s/ as a whole: the kustomizations apply exactly the files in the folder, every
// reference between objects resolves, pods meet the "restricted" Pod Security profile, and
// the shared pieces (NATS JetStream cluster, CloudNativePG, OTel collector) are complete.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  commandText,
  find,
  imageRepository,
  K8S_DIR,
  loadKustomize,
  objects,
  podTemplate,
  podWorkloads,
  ports,
  readKustomization,
  readManifests,
  rel,
  ROOT,
  selects,
  workloadSpec,
} from './deployment-fixtures.ts';
import { emulatorEnvProblems, hardCodedSecrets, k8sEnv, secretSources } from './env-checks.ts';
import { APP_IMAGE, appContainer } from './service-checks.ts';
import type { CnpgClusterSpec, HpaSpec, IngressSpec, K8sObject, PdbSpec, ServiceSpec } from './manifest-types.ts';

const DEV_DIR = join(K8S_DIR, 'dev');
const production = loadKustomize(K8S_DIR);
const dev = loadKustomize(DEV_DIR);
const onlyInDev = dev.filter((m) => m.file.startsWith('k8s/dev/'));

/** YAML files a kustomization in `dir` should list: its own folder and sub-folders without
 * their own kustomization; `*.example.yaml` are documentation, applied by hand. */
function manifestFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return existsSync(join(path, 'kustomization.yaml')) ? [] : manifestFiles(path);
    const isManifest = /\.ya?ml$/.test(entry) && entry !== 'kustomization.yaml' && !entry.endsWith('.example.yaml');
    return isManifest ? [path] : [];
  });
}

describe.each([K8S_DIR, DEV_DIR])('kustomization in %s', (dir) => {
  it('lists every manifest file of its folder, and only files that exist', () => {
    const listed = (readKustomization(dir).resources ?? []).map((r) => resolve(dir, r));
    const problems = [
      ...listed
        .filter((p) => !existsSync(p))
        .map((p) => `${rel(dir)}/kustomization.yaml lists ${relative(dir, p)}, which does not exist`),
      ...manifestFiles(dir)
        .filter((f) => !listed.includes(f))
        .map((f) => `${rel(f)} is not listed in ${rel(dir)}/kustomization.yaml, so kubectl apply -k never applies it`),
    ];
    expect(problems).toEqual([]);
  });
});

describe('k8s objects refer to each other correctly', () => {
  const all = dev; // production plus the dev-only emulators
  const workloads = podWorkloads(all);

  it('puts everything in the tourconnect namespace, which it creates', () => {
    const namespace = readKustomization(K8S_DIR).namespace;
    const problems = [
      ...(namespace && find(all, 'Namespace', namespace)
        ? []
        : [`k8s/kustomization.yaml namespace ${namespace ?? '(unset)'} has no Namespace manifest`]),
      ...all
        .filter((m) => m.object.metadata.namespace && m.object.metadata.namespace !== namespace)
        .map(
          (m) =>
            `${m.file}: ${m.object.kind} ${m.object.metadata.name} is in namespace ${m.object.metadata.namespace}, not ${namespace}`,
        ),
    ];
    expect(problems).toEqual([]);
  });

  it('has Service selectors, PDB selectors and HPA targets that all resolve', () => {
    const labelsOf = workloads.map((w) => podTemplate(w)?.metadata?.labels);
    const problems = [
      ...objects(all, 'Service')
        .filter((s) => !labelsOf.some((l) => selects((s.spec as ServiceSpec).selector, l)))
        .map(
          (s) =>
            `Service ${s.metadata.name}: selector ${JSON.stringify((s.spec as ServiceSpec).selector)} matches no Deployment or StatefulSet pod labels`,
        ),
      ...objects(all, 'PodDisruptionBudget')
        .filter((p) => !labelsOf.some((l) => selects((p.spec as PdbSpec).selector?.matchLabels, l)))
        .map((p) => `PodDisruptionBudget ${p.metadata.name}: selector matches no pods`),
      ...objects(all, 'HorizontalPodAutoscaler')
        .filter((h) => {
          const ref = (h.spec as HpaSpec).scaleTargetRef;
          return !ref?.kind || !ref.name || !find(all, ref.kind, ref.name);
        })
        .map(
          (h) =>
            `HorizontalPodAutoscaler ${h.metadata.name}: scaleTargetRef ${JSON.stringify((h.spec as HpaSpec).scaleTargetRef)} does not exist`,
        ),
      ...workloads
        .filter((w) => !selects(workloadSpec(w).selector?.matchLabels, podTemplate(w)?.metadata?.labels))
        .map((w) => `${w.kind} ${w.metadata.name}: spec.selector does not match its own pod template labels`),
    ];
    expect(problems).toEqual([]);
  });

  it('mounts only ConfigMaps that exist, and resolves every env reference', () => {
    const secrets = secretSources(
      all,
      readManifests(join(K8S_DIR, 'secrets.example.yaml')).map((m) => m.object),
    );
    const problems = workloads.flatMap((w) => [
      ...(podTemplate(w)?.spec.volumes ?? [])
        .filter((v) => v.configMap && !find(all, 'ConfigMap', v.configMap.name))
        .map(
          (v) =>
            `${w.kind} ${w.metadata.name}: volume ${v.name} mounts ConfigMap ${v.configMap?.name}, which does not exist`,
        ),
      ...(podTemplate(w)?.spec.containers ?? []).flatMap((c) => {
        const view = k8sEnv(w, c, all, secrets);
        return [...view.problems, ...hardCodedSecrets(view)];
      }),
    ]);
    expect(problems).toEqual([]);
  });

  it('commits no Secret with real values (secrets are created out of band)', () => {
    const secretsApplied = objects(all, 'Secret').map(
      (s) =>
        `Secret ${s.metadata.name} is applied by kustomize; move it to k8s/secrets.example.yaml with placeholder values`,
    );
    const example = readManifests(join(K8S_DIR, 'secrets.example.yaml'))
      .flatMap((m) => Object.entries(m.object.stringData ?? {}))
      // A placeholder says so: 'REPLACE-ME…', or a value that must keep a format to pass the
      // service's config check (Stripe keys: 'sk_live_REPLACE_ME') carries REPLACE_ME in it.
      .filter(([, v]) => !v.startsWith('REPLACE-ME') && !/(^|_)REPLACE_ME(_|$)/.test(v))
      .map(([k]) => `k8s/secrets.example.yaml: ${k} should be a REPLACE-ME placeholder`);
    expect([...secretsApplied, ...example]).toEqual([]);
  });

  it('routes the Ingress to the gateway Service on a port it exposes', () => {
    const ingresses = objects(all, 'Ingress');
    const backends = ingresses
      .flatMap((i) => (i.spec as IngressSpec).rules?.flatMap((r) => r.http?.paths ?? []) ?? [])
      .map((p) => p.backend.service);
    const problems = backends.flatMap((b) => {
      const svc = b && find(all, 'Service', b.name);
      const portOk = (svc?.spec as ServiceSpec | undefined)?.ports?.some(
        (p) => p.name === b?.port?.name || p.port === b?.port?.number,
      );
      return svc && portOk ? [] : [`Ingress backend ${JSON.stringify(b)} names no existing Service port`];
    });
    expect(
      backends.map((b) => b?.name),
      'the gateway is the only public entry point',
    ).toContain('gateway');
    expect(problems).toEqual([]);
  });

  it('runs every pod under the "restricted" Pod Security profile with resources set', () => {
    const problems = workloads.flatMap((w) => {
      const pod = podTemplate(w)?.spec;
      return (pod?.containers ?? []).flatMap((c) => {
        const where = `${w.kind} ${w.metadata.name} container ${c.name}`;
        const sc = c.securityContext;
        return [
          ...((sc?.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot) === true
            ? []
            : [`${where}: runAsNonRoot is not true`]),
          ...(sc?.allowPrivilegeEscalation === false ? [] : [`${where}: allowPrivilegeEscalation is not false`]),
          ...(sc?.capabilities?.drop?.includes('ALL') ? [] : [`${where}: capabilities.drop lacks ALL`]),
          ...((sc?.seccompProfile ?? pod?.securityContext?.seccompProfile)?.type === 'RuntimeDefault'
            ? []
            : [`${where}: seccompProfile is not RuntimeDefault`]),
          ...(c.resources?.requests?.cpu && c.resources.requests.memory && c.resources.limits?.memory
            ? []
            : [`${where}: needs requests.cpu, requests.memory and limits.memory`]),
          ...(c.readinessProbe && c.livenessProbe ? [] : [`${where}: needs readiness and liveness probes`]),
        ];
      });
    });
    expect(problems).toEqual([]);
  });

  it('uses one image for every TourConnect process, pinned through the kustomization', () => {
    const appImages = workloads.map((w) => appContainer(w)?.image ?? '').filter((i) => i.includes('tourconnect'));
    const odd = appImages.filter((i) => imageRepository(i) !== APP_IMAGE);
    const pinned = readKustomization(K8S_DIR).images?.some((i) => i.name === APP_IMAGE);
    expect(odd, `images other than ${APP_IMAGE}`).toEqual([]);
    expect(pinned, `k8s/kustomization.yaml images: should name ${APP_IMAGE} so one edit retags every service`).toBe(
      true,
    );
  });
});

describe('NATS JetStream cluster', () => {
  const nats = find(production, 'StatefulSet', 'nats');
  const spec = nats ? workloadSpec(nats) : {};
  const container = nats ? appContainer(nats) : undefined;
  const configMapName = podTemplate(nats ?? ({} as K8sObject))?.spec.volumes?.find((v) => v.configMap)?.configMap?.name;
  const conf = (configMapName && Object.values(find(production, 'ConfigMap', configMapName)?.data ?? {})[0]) || '';

  it('is a 3-replica StatefulSet behind a headless Service', () => {
    const headless = spec.serviceName ? find(production, 'Service', spec.serviceName) : undefined;
    expect(nats, 'k8s: no StatefulSet named nats').toBeDefined();
    expect(spec.replicas, 'JetStream needs 3 nodes for R3 streams and a quorum').toBe(3);
    expect(
      (headless?.spec as ServiceSpec | undefined)?.clusterIP,
      `serviceName ${spec.serviceName} should be a headless Service (clusterIP: None)`,
    ).toBe('None');
    expect(find(production, 'Service', 'nats'), 'services connect through Service nats:4222').toBeDefined();
  });

  it('enables JetStream on volumeClaimTemplates and routes to every peer', () => {
    const storeDir = /store_dir:\s*"?([^\s"]+)/.exec(conf)?.[1];
    const mounts = container?.volumeMounts ?? [];
    const claims = spec.volumeClaimTemplates?.map((t) => t.metadata.name) ?? [];
    const routes = Array.from({ length: spec.replicas ?? 0 }, (_, i) => `nats-${i}.${spec.serviceName}:6222`);
    expect(conf, `ConfigMap ${configMapName} has no jetstream block`).toMatch(/jetstream\s*\{/);
    expect(storeDir, 'jetstream.store_dir is not set').toBeDefined();
    expect(
      mounts.some((m) => claims.includes(m.name) && storeDir?.startsWith(m.mountPath)),
      `store_dir ${storeDir} is not on a volumeClaimTemplate mount`,
    ).toBe(true);
    expect(
      routes.filter((r) => !conf.includes(r)),
      'cluster routes missing from nats.conf',
    ).toEqual([]);
    expect(
      commandText({ command: [...(container?.command ?? []), ...(container?.args ?? [])] }),
      'nats-server is not started with the mounted config',
    ).toMatch(/--config \/etc\/nats\/nats\.conf/);
  });

  it('probes the monitoring port 8222 /healthz', () => {
    const probes = [container?.startupProbe, container?.readinessProbe, container?.livenessProbe];
    const monitor = container?.ports?.find((p) => p.containerPort === 8222)?.name;
    const bad = probes.filter(
      (p) => !p?.httpGet?.path?.startsWith('/healthz') || ![8222, monitor].includes(p.httpGet.port as never),
    );
    expect(bad.length, 'startup, readiness and liveness probes should be httpGet /healthz on 8222').toBe(0);
  });
});

describe('PostgreSQL (CloudNativePG)', () => {
  const cluster = objects(production, 'Cluster')[0];
  const spec = (cluster?.spec ?? {}) as CnpgClusterSpec;

  it('is a 3-instance Cluster bootstrapping the tourconnect database', () => {
    expect(cluster?.apiVersion, 'k8s: no postgresql.cnpg.io/v1 Cluster').toBe('postgresql.cnpg.io/v1');
    expect(spec.instances).toBe(3);
    expect(spec.storage?.size, 'Cluster storage.size').toBeTruthy();
    expect(spec.bootstrap?.initdb?.database).toBe('tourconnect');
  });

  it('is what every DATABASE_URL reads, through the Secret the operator creates', () => {
    const refs = podWorkloads(production).flatMap((w) =>
      (appContainer(w)?.env ?? [])
        .filter((e) => e.name === 'DATABASE_URL')
        .map((e) => ({ w: w.metadata.name, ref: e.valueFrom?.secretKeyRef })),
    );
    const wrong = refs
      .filter((r) => r.ref?.name !== `${cluster?.metadata.name}-app` || r.ref.key !== 'uri')
      .map((r) => `Deployment ${r.w}: DATABASE_URL should be secretKeyRef ${cluster?.metadata.name}-app/uri`);
    expect(refs.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

describe('OpenTelemetry collector', () => {
  it('runs the same config as docker-compose (infra/otel-collector/config.yaml)', () => {
    const deployment = find(production, 'Deployment', 'otel-collector');
    const volume = podTemplate(deployment ?? ({} as K8sObject))?.spec.volumes?.find((v) => v.configMap);
    const embedded = Object.values(find(production, 'ConfigMap', volume?.configMap?.name ?? '')?.data ?? {})[0];
    const source = readFileSync(join(ROOT, 'infra/otel-collector/config.yaml'), 'utf8');
    expect(deployment, 'k8s: no Deployment otel-collector').toBeDefined();
    expect(
      embedded ? parse(embedded) : undefined,
      'the ConfigMap mounted by otel-collector differs from infra/otel-collector/config.yaml',
    ).toEqual(parse(source));
  });

  it('receives OTLP/HTTP where the services send it', () => {
    const common = objects(production, 'ConfigMap')
      .map((c) => c.data?.OTEL_EXPORTER_OTLP_ENDPOINT)
      .filter(Boolean);
    const service = find(production, 'Service', 'otel-collector');
    expect(common, 'a shared ConfigMap should set OTEL_EXPORTER_OTLP_ENDPOINT').toEqual(['http://otel-collector:4318']);
    expect((service?.spec as ServiceSpec | undefined)?.ports?.map((p) => p.port)).toContain(4318);
  });
});

describe('k8s/dev: Stripe emulator and OCTO simulator, never in production', () => {
  it.each(Object.entries(ports.emulators))('%s runs on port %i', (name, port) => {
    const deployment = find(onlyInDev, 'Deployment', name);
    const container = deployment && appContainer(deployment);
    const entry = `infra/${name}/src/server.ts`;
    const problems = [
      ...(find(production, 'Deployment', name)
        ? [`${name} is in the production kustomization; keep it in k8s/dev`]
        : []),
      ...(container ? [] : [`k8s/dev: no Deployment ${name}`]),
      ...(container && !commandText(container).includes(entry)
        ? [`k8s/dev Deployment ${name}: command should run ${entry}`]
        : []),
      ...(container?.ports?.some((p) => p.containerPort === port)
        ? []
        : [`k8s/dev Deployment ${name}: no containerPort ${port}`]),
      ...(deployment && container
        ? emulatorEnvProblems(
            name,
            port,
            k8sEnv(deployment, container, dev, {}),
            (container.volumeMounts ?? []).filter((m) => !m.readOnly).map((m) => m.mountPath),
          )
        : []),
      ...((find(onlyInDev, 'Service', name)?.spec as ServiceSpec | undefined)?.ports?.some((p) => p.port === port)
        ? []
        : [`k8s/dev: no Service ${name} on port ${port}`]),
    ];
    expect(problems).toEqual([]);
  });
});
