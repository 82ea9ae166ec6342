// Per-service consistency rules shared by docker-compose.yml and k8s/: which variables a
// service must receive, what their values must be, and how its Kubernetes objects fit
// together. Each function returns sentences naming exactly what disagrees.
import {
  commandText,
  dependsOn,
  entryPoint,
  find,
  healthcheckText,
  interpolate,
  imageRepository,
  objects,
  podTemplate,
  ports,
  selects,
  urlVariable,
  workloadSpec,
  type Manifest,
} from './deployment-fixtures.ts';
import type { EnvView } from './env-checks.ts';
import type { ComposeService, Container, HpaSpec, K8sObject, PdbSpec, Probe, ServiceSpec } from './manifest-types.ts';

/** The one image every TourConnect process runs (tag aside). */
export const APP_IMAGE = 'tourconnect/app';

// ------------------------------------------------------------- the variable matrix

export const COMMON_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'NATS_URL',
  'LOG_LEVEL',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
  'REDIS_URL',
];
/** Every service but identity verifies access tokens against identity's JWKS. */
export const VERIFIER_VARIABLES = ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'];
export const IDENTITY_VARIABLES = ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'JWT_ISSUER', 'JWT_AUDIENCE', 'COOKIE_SECURE'];
export const GATEWAY_VARIABLES = ['WEB_DIST_DIR', 'CORS_ORIGINS'];

/** What a distributed deployment must hand each service, whatever its schema makes optional
 * (OTEL_EXPORTER_OTLP_ENDPOINT is optional in code, yet without it there are no traces). */
export function expectedVariables(service: string, allServices: string[]): string[] {
  if (service === 'identity') return [...COMMON_VARIABLES, ...IDENTITY_VARIABLES];
  // The gateway owns no tables, so it is not handed database credentials.
  const common = service === 'gateway' ? COMMON_VARIABLES.filter((v) => v !== 'DATABASE_URL') : COMMON_VARIABLES;
  const own =
    service === 'gateway' ? [...GATEWAY_VARIABLES, ...allServices.filter((s) => s !== 'gateway').map(urlVariable)] : [];
  return [...common, ...VERIFIER_VARIABLES, ...own];
}

export function missingVariables(service: string, allServices: string[], view: EnvView): string[] {
  return expectedVariables(service, allServices)
    .filter((key) => view.values[key] === undefined)
    .map(
      (key) =>
        `${view.where}: ${key} is not set (every ${service === 'identity' || service === 'gateway' ? service : 'service'} needs it in the distributed setup)`,
    );
}

function pointsAt(view: EnvView, key: string, host: string, port: number, path = ''): string[] {
  const value = view.values[key];
  if (value === undefined) return [];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [`${view.where}: ${key}=${value} is not a URL`];
  }
  const actualHost = url.hostname.split('.')[0];
  const ok = actualHost === host && Number(url.port || 80) === port && (path === '' || url.pathname === path);
  return ok ? [] : [`${view.where}: ${key}=${value} should be http://${host}:${port}${path}`];
}

export function valueProblems(service: string, allServices: string[], view: EnvView): string[] {
  const port = ports.services[service];
  const problems: string[] = [];
  if (port !== undefined && view.values.PORT !== undefined && view.values.PORT !== String(port)) {
    problems.push(`${view.where}: PORT=${view.values.PORT} but infra/ports.json gives ${service} port ${port}`);
  }
  if (view.values.OTEL_SERVICE_NAME !== undefined && view.values.OTEL_SERVICE_NAME !== service) {
    problems.push(
      `${view.where}: OTEL_SERVICE_NAME=${view.values.OTEL_SERVICE_NAME} should be ${service} (traces are grouped by it)`,
    );
  }
  const identityPort = ports.services.identity ?? 8081;
  problems.push(...pointsAt(view, 'JWKS_URL', 'identity', identityPort, '/.well-known/jwks.json'));
  if (service === 'gateway') {
    for (const other of allServices.filter((s) => s !== 'gateway')) {
      problems.push(...pointsAt(view, urlVariable(other), other, ports.services[other] ?? -1));
    }
  }
  return problems;
}

/** Tokens identity issues must verify everywhere else: one issuer, one audience. */
export function sharedValueProblems(views: EnvView[], keys = ['JWT_ISSUER', 'JWT_AUDIENCE']): string[] {
  return keys.flatMap((key) => {
    const seen = new Map<string, string[]>();
    for (const v of views) {
      const value = v.values[key];
      if (value !== undefined) seen.set(value, [...(seen.get(value) ?? []), v.where]);
    }
    if (seen.size <= 1) return [];
    const detail = [...seen].map(([value, where]) => `${value} (${where.join('; ')})`).join(' vs ');
    return [`${key} differs between services: ${detail}`];
  });
}

// ---------------------------------------------------------------- docker-compose.yml

export function composeServiceProblems(
  name: string,
  service: ComposeService,
  all: Record<string, ComposeService>,
  healthDeps: string[],
): string[] {
  const where = `docker-compose.yml service ${name}`;
  const port = ports.services[name];
  const problems: string[] = [];
  const image = service.image && interpolate(service.image).value;
  if (!image || imageRepository(image) !== APP_IMAGE) {
    problems.push(`${where}: image is ${service.image ?? 'missing'}, expected ${APP_IMAGE}:<tag> like every service`);
  }
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  if (build?.dockerfile !== 'infra/docker/Dockerfile') {
    problems.push(`${where}: build.dockerfile is ${build?.dockerfile ?? 'missing'}, expected infra/docker/Dockerfile`);
  }
  if (!healthcheckText(service).includes(`:${port}/readyz`)) {
    problems.push(
      `${where}: healthcheck must call http://127.0.0.1:${port}/readyz, found: ${healthcheckText(service) || 'none'}`,
    );
  }
  const deps = dependsOn(service);
  for (const dep of healthDeps) {
    if (deps[dep] !== 'service_healthy')
      problems.push(
        `${where}: depends_on ${dep} should use condition service_healthy (found ${deps[dep] ?? 'no dependency'})`,
      );
  }
  const gateway = all.gateway;
  if (name !== 'gateway' && gateway && dependsOn(gateway)[name] === undefined) {
    problems.push(`docker-compose.yml service gateway: depends_on lacks ${name}`);
  }
  return problems;
}

// -------------------------------------------------------------------------------- k8s

function resolvePort(container: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port !== undefined && /^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function probeProblems(
  where: string,
  container: Container,
  kind: string,
  probe: Probe | undefined,
  path: string,
  port: number,
): string[] {
  if (!probe?.httpGet) return [`${where}: ${kind} must be an httpGet on ${path}, port ${port}`];
  const actual = resolvePort(container, probe.httpGet.port);
  const problems: string[] = [];
  if (probe.httpGet.path !== path) problems.push(`${where}: ${kind} path is ${probe.httpGet.path}, expected ${path}`);
  if (actual !== port)
    problems.push(
      `${where}: ${kind} port ${String(probe.httpGet.port)} resolves to ${actual ?? 'nothing'}, expected ${port}`,
    );
  return problems;
}

export function containerProblems(where: string, dir: string, container: Container, port: number): string[] {
  const problems = [
    ...probeProblems(where, container, 'readinessProbe', container.readinessProbe, '/readyz', port),
    ...probeProblems(where, container, 'livenessProbe', container.livenessProbe, '/livez', port),
  ];
  const startup = container.startupProbe?.httpGet;
  if (!startup || resolvePort(container, startup.port) !== port)
    problems.push(`${where}: startupProbe must be an httpGet on port ${port} (migrations run at boot)`);
  if (!commandText(container).includes(entryPoint(dir)))
    problems.push(`${where}: command should run ${entryPoint(dir)}, found: ${commandText(container) || 'none'}`);
  if (!container.image || imageRepository(container.image) !== APP_IMAGE)
    problems.push(`${where}: image is ${container.image ?? 'missing'}, expected ${APP_IMAGE}:<tag>`);
  if (!container.ports?.some((p) => p.containerPort === port))
    problems.push(`${where}: no containerPort ${port} (infra/ports.json)`);
  const r = container.resources;
  for (const [k, v] of Object.entries({
    'requests.cpu': r?.requests?.cpu,
    'requests.memory': r?.requests?.memory,
    'limits.cpu': r?.limits?.cpu,
    'limits.memory': r?.limits?.memory,
  })) {
    if (v === undefined) problems.push(`${where}: resources.${k} is not set`);
  }
  const sc = container.securityContext;
  if (sc?.readOnlyRootFilesystem !== true)
    problems.push(`${where}: securityContext.readOnlyRootFilesystem should be true`);
  else if (!container.volumeMounts?.some((m) => m.mountPath === '/tmp'))
    problems.push(`${where}: read-only root filesystem but nothing writable at /tmp, where tsx keeps its cache`);
  return problems;
}

/** Deployment, Service, HPA and PDB of one service, and how they refer to each other. */
export function k8sServiceProblems(name: string, manifests: Manifest[]): string[] {
  const port = ports.services[name] ?? -1;
  const deployment = find(manifests, 'Deployment', name);
  if (!deployment)
    return [
      `k8s: no Deployment ${name} (add k8s/services/${name}.yaml modelled on k8s/services/identity.yaml and list it in k8s/kustomization.yaml)`,
    ];
  const where = `k8s Deployment ${name}`;
  const template = podTemplate(deployment);
  const labels = template?.metadata?.labels;
  const container = template?.spec.containers.find((c) => c.name === name) ?? template?.spec.containers[0];
  if (!container) return [`${where}: no container`];
  const problems = containerProblems(where, `services/${name}`, container, port);
  if (!selects(workloadSpec(deployment).selector?.matchLabels, labels))
    problems.push(`${where}: spec.selector does not match its pod template labels`);
  if (workloadSpec(deployment).replicas !== undefined)
    problems.push(`${where}: sets spec.replicas, which resets the HPA's scale on every apply; leave it to the HPA`);

  const service = find(manifests, 'Service', name);
  const sspec = (service?.spec ?? {}) as ServiceSpec;
  if (!service) problems.push(`k8s: no Service ${name} (other services reach it as http://${name}:${port})`);
  else {
    if (!selects(sspec.selector, labels))
      problems.push(
        `k8s Service ${name}: selector ${JSON.stringify(sspec.selector)} does not match Deployment ${name}'s pod labels ${JSON.stringify(labels)}`,
      );
    const sp = sspec.ports?.find((p) => p.port === port);
    if (!sp) problems.push(`k8s Service ${name}: no port ${port}`);
    else if (resolvePort(container, sp.targetPort ?? sp.port) !== port)
      problems.push(`k8s Service ${name}: targetPort ${String(sp.targetPort)} does not reach containerPort ${port}`);
  }

  const hpa = objects(manifests, 'HorizontalPodAutoscaler').find(
    (h) => (h.spec as HpaSpec | undefined)?.scaleTargetRef?.name === name,
  );
  const hspec = (hpa?.spec ?? {}) as HpaSpec;
  if (!hpa) problems.push(`k8s: no HorizontalPodAutoscaler with scaleTargetRef Deployment ${name}`);
  else {
    if (hpa.apiVersion !== 'autoscaling/v2')
      problems.push(`k8s HPA ${hpa.metadata.name}: apiVersion ${hpa.apiVersion}, expected autoscaling/v2`);
    if (hspec.scaleTargetRef?.kind !== 'Deployment')
      problems.push(`k8s HPA ${hpa.metadata.name}: scaleTargetRef.kind should be Deployment`);
    if (!hspec.metrics?.some((m) => m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization'))
      problems.push(`k8s HPA ${hpa.metadata.name}: no CPU utilization target`);
    if ((hspec.minReplicas ?? 1) < 2)
      problems.push(
        `k8s HPA ${hpa.metadata.name}: minReplicas ${hspec.minReplicas ?? 1} leaves no replica during a rollout or node drain`,
      );
    if ((hspec.maxReplicas ?? 0) < (hspec.minReplicas ?? 1))
      problems.push(`k8s HPA ${hpa.metadata.name}: maxReplicas below minReplicas`);
  }

  const pdb = objects(manifests, 'PodDisruptionBudget').find((p) =>
    selects((p.spec as PdbSpec | undefined)?.selector?.matchLabels, labels),
  );
  const minAvailable = (pdb?.spec as PdbSpec | undefined)?.minAvailable;
  if (!pdb) problems.push(`k8s: no PodDisruptionBudget selecting Deployment ${name}'s pods`);
  else if (hpa && typeof minAvailable === 'number' && minAvailable >= (hspec.minReplicas ?? 1)) {
    problems.push(
      `k8s PodDisruptionBudget ${pdb.metadata.name}: minAvailable ${minAvailable} ≥ HPA minReplicas ${hspec.minReplicas ?? 1}, so no node could ever be drained`,
    );
  }
  return problems;
}

export function appContainer(workload: K8sObject): Container | undefined {
  const containers = podTemplate(workload)?.spec.containers ?? [];
  return containers.find((c) => c.name === workload.metadata.name) ?? containers[0];
}
