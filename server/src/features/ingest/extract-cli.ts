import fs from 'node:fs';
import path from 'node:path';
import { readReportFile } from './input';

/** `tongxin extract FILE`: the extraction JSON (labels schema, evidence, cleaned text) on stdout. */
export async function extractFile(file: string) {
  const bytes = fs.readFileSync(file);
  const extraction = await readReportFile({ fileName: path.basename(file), data: bytes });
  process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
}
