// autocannon in its own process, as a crowd: every request carries the next of `clients`
// addresses in X-Forwarded-For (and, if given, the next bearer token), as an ingress in front
// of the gateway would report many clients. The CLI cannot vary headers per request, hence
// the programmatic API. Options arrive as JSON on stdin; the result leaves as JSON on stdout.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const opts = JSON.parse(input);

const tokens = opts.tokens ?? [];
let sent = 0;
// 10.0.0.1, 10.0.0.2, …: private addresses, one per simulated client.
const address = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.durationSec,
  method: opts.method ?? 'GET',
  headers: opts.headers ?? {},
  ...(opts.inputFile ? { body: readFileSync(opts.inputFile) } : {}),
  requests: [
    {
      setupRequest: (request) => {
        const n = sent++;
        request.headers = { ...request.headers, 'x-forwarded-for': address(1 + (n % opts.clients)) };
        if (tokens.length) request.headers.authorization = `Bearer ${tokens[n % tokens.length]}`;
        return request;
      },
    },
  ],
});
process.stdout.write(JSON.stringify(result));
