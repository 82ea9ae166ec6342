/** A file fetched for an e-mail, ready for the SMTP message. */
export interface FetchedFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * `retry`: billing did not answer usefully (down, timing out, 5xx, 429, not a PDF) — the e-mail
 * waits. `gone`: billing refused the link itself (404 unknown or forged, 410 expired), which no
 * retry changes.
 */
export type FetchResult = { ok: true; file: FetchedFile } | { ok: false; retry: boolean; message: string };

/** Bigger than any receipt; the catcher takes messages up to 10 MB. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * GETs a document from billing's own address (BILLING_URL, inside the deployment) by the path
 * and query of the public link the e-mail carries; billing serves the same path either way.
 */
export async function fetchFromBilling(
  billingUrl: string,
  publicLink: string,
  expected: { filename: string; contentType: string },
  timeoutMs: number,
): Promise<FetchResult> {
  const link = new URL(publicLink);
  let response: Response;
  try {
    response = await fetch(`${billingUrl}${link.pathname}${link.search}`, {
      headers: { accept: expected.contentType },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, retry: true, message: `billing unreachable: ${describe(error)}` };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retry = response.status >= 500 || response.status === 429 || response.status === 408;
    return { ok: false, retry, message: `billing answered ${response.status}` };
  }
  const content = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith(expected.contentType) || content.length > MAX_BYTES || !looksLike(expected, content)) {
    return { ok: false, retry: true, message: `billing sent no usable ${expected.contentType} (${type || 'no type'})` };
  }
  const filename = filenameIn(response.headers.get('content-disposition')) ?? expected.filename;
  return { ok: true, file: { filename, contentType: expected.contentType, content } };
}

function looksLike(expected: { contentType: string }, content: Buffer): boolean {
  return expected.contentType !== 'application/pdf' || content.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** `attachment; filename="receipt-R-2026-000012.pdf"` → the name, kept to safe characters. */
export function filenameIn(disposition: string | null): string | undefined {
  const name = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1]?.trim();
  if (!name || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/.test(name)) return undefined;
  return name;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
