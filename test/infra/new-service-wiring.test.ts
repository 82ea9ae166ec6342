// The scaffold's decisions and edits on small inputs; test/infra/scaffold/ runs the whole
// scaffold on a copy of the checkout.
import { describe, expect, it } from 'vitest';
import { ScaffoldError } from '../../scripts/new-service/text-edits.ts';
import {
  choosePort,
  choosePrefix,
  withAllInOne,
  withKustomization,
  withReadmeRow,
  type ServiceNames,
} from '../../scripts/new-service/wiring.ts';

const ports = {
  services: { gateway: 8080, identity: 8081, billing: 8084, connectors: 8087 },
  emulators: { 'fake-emulator': 8088 },
};
const names = (name: string, port: number, prefix = `/api/${name}`): ServiceNames => ({
  name,
  Name: name[0]!.toUpperCase() + name.slice(1),
  NAME: name.toUpperCase(),
  port,
  prefix,
});

describe('the port', () => {
  it("is a planned service's own, the next free one for a new service, or the one asked for if free", () => {
    expect(choosePort(ports, 'billing')).toBe(8084);
    expect(choosePort(ports, 'widgets')).toBe(8089); // 8088 is an emulator's
    expect(choosePort(ports, 'widgets', 9100)).toBe(9100);
    expect(() => choosePort(ports, 'widgets', 8081)).toThrow(new ScaffoldError("port 8081 is identity's"));
    expect(() => choosePort(ports, 'widgets', 80)).toThrow(ScaffoldError);
  });
});

describe('the public prefix', () => {
  const table = `[
  { prefix: '/api/packages', service: 'bundling' },
  { prefix: '/api/admin/billing', service: 'billing' },
  { prefix: '/api/billing', service: 'billing' },
].sort(`;
  it("is /api/<name> when routed, else the service's first public prefix, else a new /api/<name>", () => {
    expect(choosePrefix(table, 'billing')).toBe('/api/billing');
    expect(choosePrefix(table, 'bundling')).toBe('/api/packages');
    expect(choosePrefix(table, 'widgets')).toBe('/api/widgets');
  });
});

describe('the README row', () => {
  const readme = [
    '| service | port | owns | publishes | consumes |',
    '|---|---|---|---|---|',
    '| [identity](services/identity) | 8081 | users | — | — |',
    '| billing | 8084 | planned: payments, the split ledger | — | — |',
    '| [Stripe emulator](infra/stripe-emulator) | 12111 | a local Stripe | — | — |',
  ].join('\n');

  it("turns a planned service's row into a link, keeping what it owns", () => {
    expect(withReadmeRow(readme, names('billing', 8084)).split('\n')[3]).toBe(
      '| [billing](services/billing) | 8084 | payments, the split ledger | — | — |',
    );
  });

  it('adds a new service after the last service row', () => {
    expect(withReadmeRow(readme, names('widgets', 8089)).split('\n')[3]).toBe(
      '| [widgets](services/widgets) | 8089 | see [its README](services/widgets/README.md) | — | — |',
    );
  });
});

describe('edits of files others change by hand', () => {
  it('fail naming the file and the anchor when the anchor has moved, rather than guess', () => {
    expect(() => withAllInOne("import x from 'y';\n", names('widgets', 8089))).toThrow(
      /^scripts\/all-in-one\/platform\.ts: no line matches/,
    );
  });

  it('list a new manifest with the other services, and only once', () => {
    const kustomization = 'resources:\n  - services/identity.yaml\n  - services/gateway.yaml\n  - ingress.yaml\n';
    const once = withKustomization(kustomization, names('widgets', 8089));
    expect(once).toBe(
      'resources:\n  - services/identity.yaml\n  - services/widgets.yaml\n  - services/gateway.yaml\n  - ingress.yaml\n',
    );
    expect(withKustomization(once, names('widgets', 8089))).toBe(once);
  });
});
