// Billing's signed receipt download, as notifications' sender meets it over HTTP: a real server
// on a free port that checks the link's signature and answers a small PDF in the asked language
// (`lang`), named as billing names it. It can also answer 503 for a while or drop every
// connection (billing down). Notifications cannot import billing (no service imports another),
// so this stands in for it; test/e2e runs the real pair.
import { createServer, type Server } from 'node:http';

export type BillingBehaviour = 'serve' | 'unavailable' | 'down';

export interface FakeBilling {
  url: string;
  /** How billing answers now; see failNext. */
  behaviour: BillingBehaviour;
  /** The next `count` requests meet this failure, then billing serves again (0: serve now). */
  failNext(count: number, how: Exclude<BillingBehaviour, 'serve'>): void;
  /** Each request's path and query, in order. */
  requests: string[];
  /** The PDF billing serves for this receipt in this language (what the e-mail must carry). */
  pdfFor(lang: string): Buffer;
  stop(): Promise<void>;
}

export const RECEIPT_NUMBER = 'R-2026-000012';
const SIGNATURE = 'c2lnbmVk';

/** The path billing publishes in billing.payment.succeeded.v1 for this booking. */
export const receiptPath = (bookingId: string) =>
  `/api/billing/receipts/${bookingId}/download?exp=1893456000&sig=${SIGNATURE}`;

const WORDS: Record<string, string[]> = {
  en: ['Receipt no.', 'Total paid'],
  it: ['Ricevuta n.', 'Totale pagato'],
  de: ['Quittung Nr.', 'Bezahlt gesamt'],
  fr: ['Reçu n°', 'Total payé'],
  es: ['Recibo n.º', 'Total pagado'],
};

export async function startFakeBilling(): Promise<FakeBilling> {
  const state = { behaviour: 'serve' as BillingBehaviour, requests: [] as string[], failures: 0 };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://billing');
    state.requests.push(`${url.pathname}${url.search}`);
    const behaviour = state.behaviour;
    if (state.failures > 0 && --state.failures === 0) state.behaviour = 'serve';
    if (behaviour === 'down') return void request.socket.destroy();
    if (behaviour === 'unavailable') return void response.writeHead(503).end();
    const match = /^\/api\/billing\/receipts\/([^/]+)\/download$/.exec(url.pathname);
    if (!match || url.searchParams.get('sig') !== SIGNATURE || !url.searchParams.get('exp')) {
      return void response.writeHead(404, { 'content-type': 'application/problem+json' }).end('{}');
    }
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="receipt-${RECEIPT_NUMBER}.pdf"`,
    });
    response.end(minimalPdf(WORDS[url.searchParams.get('lang') ?? 'en'] ?? WORDS.en!));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    failNext(count: number, how: Exclude<BillingBehaviour, 'serve'>) {
      state.failures = Math.max(0, count);
      state.behaviour = count > 0 ? how : 'serve';
    },
    pdfFor: (lang: string) => minimalPdf(WORDS[lang] ?? WORDS.en!),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A one-page PDF (Helvetica, uncompressed) showing the receipt's heading and total line. */
function minimalPdf([heading, total]: string[]): Buffer {
  const text = (line: string) => `(${line.replace(/([()\\])/g, '\\$1')})`;
  const content = `BT /F1 16 Tf 56 780 Td ${text(`${heading} ${RECEIPT_NUMBER}`)} Tj 0 -24 Td ${text(`${total} 450,00 EUR`)} Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = Buffer.byteLength(body, 'latin1');
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The text a PDF's uncompressed content shows (its `(…) Tj` strings), one line per string. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1')).join('\n');
}
