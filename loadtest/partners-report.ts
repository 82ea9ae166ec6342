import type { LoadResult } from './autocannon-run.ts';
import type { PartnersBench } from './partners.bench.ts';

const PAGE = 'GET /api/partners?verified=true&region=IT';

/** A goal counts as met only if every request got a 2xx: refused requests are not throughput. */
const goal = (ok: boolean, r: LoadResult) => (ok && r.errors === 0 && r.non2xx === 0 ? 'met' : 'missed');
const directoryGoal = (p: PartnersBench) =>
  goal(p.directory.requestsPerSec >= 500 && p.directory.p99Ms <= 100, p.directory);
const uploadGoal = (u: PartnersBench['uploads'][number]) => goal(u.requestsPerSec >= 20, u);

function setup(p: PartnersBench): { seed: string; clients: string } {
  const d = p.directorySize;
  const l = p.limits;
  return {
    seed:
      `${d.partners} partners onboarded through the API in ${d.seedSeconds} s (${d.verified} approved by the admin, ` +
      `${d.pendingReview} in review, ${d.drafts} drafts); ${d.matching} match the directory page`,
    clients:
      `every request from another of ${l.clients.toLocaleString('en')} client addresses in X-Forwarded-For ` +
      `(gateway with TRUST_PROXY_HOPS 1: many clients behind one ingress); per-client limits in force: ` +
      `directory ${l.directoryPerMinute}/min, uploads ${l.uploadPerMinute}/min, gateway ${l.gatewayPerMinute}/min`,
  };
}

export function printPartnersBench(p: PartnersBench): void {
  const { seed, clients } = setup(p);
  console.log(`\nPartners through the gateway: ${seed}.\n${clients}.`);
  console.table({
    [`${PAGE} (goal ≥ 500 req/s, p99 ≤ 100 ms)`]: { connections: 20, ...p.directory, goal: directoryGoal(p) },
    'public profile': { connections: 20, ...p.profile, goal: '—' },
    ...Object.fromEntries(
      p.uploads.map((u) => [`upload 1 MB × ${u.connections} (goal ≥ 20/s)`, { ...u, goal: uploadGoal(u) }]),
    ),
  });
}

export function partnersMarkdown(p: PartnersBench): string[] {
  const { seed, clients } = setup(p);
  const md = [
    `**Partners** (all-in-one, through the gateway, 10 s each; ${seed}; ${clients}; goals: directory ≥ 500 req/s with p99 ≤ 100 ms, uploads ≥ 20/s):`,
    '',
    '| call | connections | req/s | p50 | p99 | non-2xx | goal |',
    '|---|---|---|---|---|---|---|',
    `| directory page \`${PAGE}\` | 20 | ${p.directory.requestsPerSec} | ${p.directory.p50Ms} ms | ${p.directory.p99Ms} ms | ${p.directory.non2xx} | ${directoryGoal(p)} |`,
    `| public profile | 20 | ${p.profile.requestsPerSec} | ${p.profile.p50Ms} ms | ${p.profile.p99Ms} ms | ${p.profile.non2xx} | — |`,
  ];
  for (const u of p.uploads)
    md.push(
      `| document upload, 1 MB | ${u.connections} | ${u.requestsPerSec} (${u.megabytesPerSec} MB/s) | ${u.p50Ms} ms | ${u.p99Ms} ms | ${u.non2xx} | ${uploadGoal(u)} |`,
    );
  md.push('');
  return md;
}
