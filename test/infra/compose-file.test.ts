// docker-compose.yml beyond the per-service checks of deployment-config.test.ts: the
// infrastructure containers, the dependency graph and the dev/demo stand-ins.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  commandText,
  composeServiceRunning,
  dependsOn,
  healthcheckText,
  imageRepository,
  interpolate,
  loadCompose,
  ports,
  ROOT,
  serviceNames,
} from './deployment-fixtures.ts';
import { composeEnv, emulatorEnvProblems } from './env-checks.ts';
import { APP_IMAGE } from './service-checks.ts';
import type { ComposeService } from './manifest-types.ts';

const compose = loadCompose();

function writableMounts(service: ComposeService): string[] {
  const tmpfs = Array.isArray(service.tmpfs) ? service.tmpfs : service.tmpfs ? [service.tmpfs] : [];
  const volumes = (service.volumes ?? []).map((v) => v.split(':')).filter((parts) => parts[2] !== 'ro');
  return [...tmpfs, ...volumes.map((parts) => parts[1] ?? '')];
}
const services = compose.services;
const appServices = Object.entries(services).filter(
  ([, s]) => imageRepository(interpolate(s.image ?? '').value) === APP_IMAGE,
);

describe('docker-compose.yml infrastructure', () => {
  it('runs PostgreSQL 16 with a pg_isready healthcheck', () => {
    expect(services.postgres?.image, 'service postgres').toMatch(/^postgres:16(\.|-|$)/);
    expect(healthcheckText(services.postgres ?? {})).toContain('pg_isready');
  });

  it('runs NATS with JetStream and a healthcheck on the monitoring port', () => {
    const command = commandText(services.nats ?? {});
    expect(command, 'nats must start with -js (JetStream)').toMatch(/(^|\s)(-js|--jetstream)(\s|$)/);
    expect(command, 'nats must open the monitoring port 8222 (-m 8222)').toMatch(/(-m|--http_port)\s+8222/);
    expect(healthcheckText(services.nats ?? {})).toMatch(/:8222\/healthz/);
  });

  it('runs the OpenTelemetry collector with infra/otel-collector/config.yaml', () => {
    const file = 'infra/otel-collector/config.yaml';
    const mounted = (services['otel-collector']?.volumes ?? []).some((v) => v.startsWith(`./${file}:`));
    const config = parse(readFileSync(join(ROOT, file), 'utf8')) as {
      receivers?: { otlp?: { protocols?: { http?: { endpoint?: string } } } };
      service?: { pipelines?: Record<string, { processors?: string[]; exporters?: string[] }> };
    };
    const traces = config.service?.pipelines?.traces;
    expect(mounted, `otel-collector should mount ./${file}`).toBe(true);
    expect(config.receivers?.otlp?.protocols?.http?.endpoint, 'OTLP/HTTP receiver').toBe('0.0.0.0:4318');
    expect(traces?.processors, 'traces pipeline processors').toContain('batch');
    expect(traces?.exporters, 'traces pipeline exporters').toContain('debug');
  });

  it('runs Redis (shared rate limits) and MinIO (documents), both healthchecked', () => {
    expect(healthcheckText(services.redis ?? {}), 'service redis').toContain('redis-cli ping');
    expect(services.minio?.image, 'service minio').toMatch(/minio/);
    expect(healthcheckText(services.minio ?? {}), 'service minio healthcheck').not.toBe('');
  });
});

describe('docker-compose.yml wiring', () => {
  it('depends only on services that exist, waiting for health only where there is a healthcheck', () => {
    const problems = Object.entries(services).flatMap(([name, s]) =>
      Object.entries(dependsOn(s)).flatMap(([dep, condition]) => {
        if (!services[dep]) return [`service ${name} depends_on ${dep}, which is not defined`];
        if (condition === 'service_healthy' && !services[dep].healthcheck?.test)
          return [`service ${name} waits for ${dep} to be healthy, but ${dep} has no healthcheck`];
        return [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('lets the gateway start only after every service is healthy', () => {
    const deps = dependsOn(services.gateway ?? {});
    const missing = serviceNames().filter((s) => s !== 'gateway' && deps[s] !== 'service_healthy');
    expect(missing, 'gateway depends_on (condition service_healthy) lacks').toEqual([]);
  });

  it('sends every service telemetry to the collector', () => {
    const wrong = appServices
      .filter(([name]) => serviceNames().includes(name))
      .filter(([name, s]) => composeEnv(name, s).values.OTEL_EXPORTER_OTLP_ENDPOINT !== 'http://otel-collector:4318')
      .map(([name]) => name);
    expect(wrong, 'OTEL_EXPORTER_OTLP_ENDPOINT should be http://otel-collector:4318 for').toEqual([]);
  });

  it('runs app containers read-only with a writable /tmp (tsx cache), from one image and build', () => {
    const problems = appServices.flatMap(([name, s]) => {
      const tmpfs = Array.isArray(s.tmpfs) ? s.tmpfs : [s.tmpfs];
      const build = typeof s.build === 'string' ? { context: s.build } : s.build;
      return [
        ...(s.read_only === true ? [] : [`service ${name}: read_only should be true`]),
        ...(tmpfs.includes('/tmp') ? [] : [`service ${name}: needs tmpfs /tmp`]),
        ...(build?.dockerfile && existsSync(join(ROOT, build.context ?? '.', build.dockerfile))
          ? []
          : [`service ${name}: build.dockerfile ${build?.dockerfile} does not exist`]),
      ];
    });
    expect(problems).toEqual([]);
  });
});

describe.each(Object.entries(ports.emulators))('docker-compose.yml dev stand-in %s', (name, port) => {
  it(`runs infra/${name} on port ${port}`, () => {
    const running = composeServiceRunning(compose, `infra/${name}`);
    const entry = `infra/${name}/src/server.ts`;
    const service = services[name];
    const problems = [
      ...(running.length === 1 && running[0]?.[0] === name
        ? []
        : [
            `docker-compose.yml should have one service ${name} running ${entry}; found ${running.map(([n]) => n).join(', ') || 'none'}`,
          ]),
      ...(existsSync(join(ROOT, entry)) ? [] : [`${entry} does not exist`]),
      ...(service ? emulatorEnvProblems(name, port, composeEnv(name, service), writableMounts(service)) : []),
      ...(service && healthcheckText(service).includes(String(port))
        ? []
        : [`service ${name}: healthcheck should probe port ${port}`]),
    ];
    expect(problems).toEqual([]);
  });
});
