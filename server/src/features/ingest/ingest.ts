import type { Extraction } from '../../../../common/schemas/ingest';
import { cleanReport } from './clean';
import { decodeBytes } from './decode';
import { extractFields } from './extract';

/** Clean + extract a report given as text (already decoded). */
export function extractReportText(raw: string, opts: { encoding?: string | null; protectedNames?: readonly string[] } = {}): Extraction {
  const cleaned = cleanReport(raw, opts.protectedNames ?? []);
  const fields = extractFields(cleaned);
  return {
    ...fields,
    encoding: opts.encoding ?? null,
    repairs: cleaned.repairs.map((r) => ({ kind: r.kind, from: r.from, to: r.to, doubtful: r.doubtful })),
    text: cleaned.text,
  };
}

/** Clean + extract a report given as bytes of a .txt or .html file (encoding detected). */
export function extractReportBytes(bytes: Uint8Array, opts: { protectedNames?: readonly string[] } = {}): Extraction {
  const decoded = decodeBytes(bytes);
  return extractReportText(decoded.text, { encoding: decoded.encoding, protectedNames: opts.protectedNames });
}
