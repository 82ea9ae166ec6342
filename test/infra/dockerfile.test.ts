// infra/docker/Dockerfile builds the one image every process runs. Nothing builds it in CI
// (no Docker engine), so these checks read it: multi-stage, web built, tsx kept for the
// runtime, a non-root numeric USER that the Kubernetes securityContexts agree with.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCKERFILE,
  K8S_DIR,
  loadKustomize,
  podTemplate,
  podWorkloads,
  readDockerStages,
  ROOT,
} from './deployment-fixtures.ts';
import { APP_IMAGE, appContainer } from './service-checks.ts';

const text = existsSync(DOCKERFILE) ? readFileSync(DOCKERFILE, 'utf8') : '';
const stages = readDockerStages(text);
const runtime = stages.at(-1);
const runs = (needle: RegExp) =>
  stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && needle.test(i.args)));
const finalUser = runtime?.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args ?? 'root';

describe('infra/docker/Dockerfile', () => {
  it('exists and is multi-stage', () => {
    expect(text, 'infra/docker/Dockerfile is missing').not.toBe('');
    expect(stages.length, 'FROM … AS … stages').toBeGreaterThanOrEqual(3);
    expect(
      runtime?.instructions.some((i) => i.keyword === 'COPY' && /--from=/.test(i.args)),
      'the runtime stage should copy from a build stage',
    ).toBe(true);
  });

  it('installs with npm ci, keeping tsx (a devDependency the services run with)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
      dependencies?: Record<string, string>;
    };
    expect(runs(/\bnpm ci\b/), 'a stage should run npm ci').toBe(true);
    expect(runs(/npm ci[^&]*--omit[= ]dev|--production/), 'npm ci --omit=dev would drop tsx').toBe(false);
    expect(pkg.devDependencies?.tsx ?? pkg.dependencies?.tsx, 'root package.json no longer provides tsx').toBeDefined();
  });

  it('builds the portal into web/dist', () => {
    expect(runs(/npm run build (-w|--workspace)[= ]web/), 'a stage should run npm run build -w web').toBe(true);
  });

  it('runs on node:20-slim as a non-root numeric user', () => {
    expect(runtime?.base, 'runtime stage base image').toBe('node:20-slim');
    expect(finalUser, 'USER of the runtime stage').toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('defaults to running a service chosen by the SERVICE build arg', () => {
    const cmd = runtime?.instructions.filter((i) => i.keyword === 'CMD').at(-1)?.args ?? '';
    expect(runtime?.instructions.some((i) => i.keyword === 'ARG' && i.args.startsWith('SERVICE'))).toBe(true);
    expect(cmd).toMatch(/tsx.*services\/\$\{?SERVICE\}?\/src\/server\.ts/);
  });

  it('matches the runAsUser of every Kubernetes pod running the image', () => {
    const uid = Number(finalUser.split(':')[0]);
    expect(Number.isInteger(uid), `Dockerfile USER ${finalUser} is not a numeric uid`).toBe(true);
    const workloads = podWorkloads(loadKustomize(join(K8S_DIR, 'dev'))).filter((w) =>
      appContainer(w)?.image?.startsWith(APP_IMAGE),
    );
    const wrong = workloads
      .filter(
        (w) => (appContainer(w)?.securityContext?.runAsUser ?? podTemplate(w)?.spec.securityContext?.runAsUser) !== uid,
      )
      .map((w) => `${w.kind} ${w.metadata.name}`);
    expect(workloads.length).toBeGreaterThan(0);
    expect(wrong, `runAsUser should be ${uid}, the Dockerfile's USER`).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps host node_modules, git history, local data and build output out of the context', () => {
    const file = join(ROOT, '.dockerignore');
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .map((l) => l.trim())
      : [];
    const missing = ['**/node_modules', '.git', '.data', 'web/dist', '.env'].filter((p) => !lines.includes(p));
    expect(missing, '.dockerignore (repo root) lacks').toEqual([]);
  });
});
