import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { convertT2S, dictionaryCoverage } from '../../lib/text';

export type DetectedEncoding = 'utf-8' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
  /** what the statistical detector guessed (jschardet), for the record */
  detector: string | null;
  /** 0..1: how sure the choice is (1 for valid UTF-8) */
  confidence: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Score of a decoding: dictionary coverage of a sample, less the replacement characters. */
function score(text: string): number {
  const sample = text.slice(0, 4000);
  const bad = (sample.match(/\uFFFD/g)?.length ?? 0) / Math.max(1, sample.length);
  return dictionaryCoverage(sample) - 5 * bad;
}

/**
 * Bytes → text. Valid UTF-8 (with or without BOM) is UTF-8. Otherwise both GB18030 (a superset of
 * GBK and GB2312) and Big5 are decoded and the one whose text the dictionary covers better wins
 * (Big5 is converted to Simplified for scoring only); jschardet's guess breaks near-ties.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const text = utf8.decode(buf).replace(/^\uFEFF/, '');
    return { text, encoding: 'utf-8', detector: 'utf-8', confidence: 1 };
  } catch {
    // not UTF-8
  }
  const guess = jschardet.detect(buf.subarray(0, 64 * 1024));
  const detector = guess.encoding ? guess.encoding.toLowerCase() : null;
  const gb = iconv.decode(buf, 'gb18030');
  const big5 = iconv.decode(buf, 'big5');
  const sGb = score(gb);
  const sBig5 = score(convertT2S(big5));
  let pick: DetectedEncoding;
  if (Math.abs(sGb - sBig5) < 0.05 && detector) pick = detector.includes('big5') ? 'big5' : 'gb18030';
  else pick = sGb >= sBig5 ? 'gb18030' : 'big5';
  const best = Math.max(sGb, sBig5);
  return {
    text: pick === 'big5' ? big5 : gb,
    encoding: pick,
    detector,
    confidence: Math.max(0, Math.min(1, Math.abs(sGb - sBig5) * 2 + best / 2)),
  };
}
