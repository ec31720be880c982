/**
 * Seeded spreadsheets of organisations for the import benchmark: the synthetic organisations of
 * bench/synthetic written the way people fill in the import template (Chinese labels, district names
 * in several forms, lists separated by ；), as an .xlsx with shared strings like Excel writes it.
 * Names repeated by the generator are skipped, so that every row of the file is a good row.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { districtName } from '../common/validators';
import { organizationColumns } from '../server/src/features/io/io-columns';
import { joinList, organizationKindVocabulary, organizationSizeVocabulary } from '../common/labels';
import { streamToBuffer } from '../server/src/features/io/io-xlsx';
import { nameNorm } from '../server/src/features/io/io-organizations.importer';
import { syntheticIndustries } from './synthetic/names';
import { generateOrganization } from './synthetic/organizations';
import { recordRng, type Rng } from './synthetic/rng';

/** The industries the generated rows name (to be present in the database before importing). */
export const benchIndustryNames: string[] = syntheticIndustries.map((i) => i.name);
const industryName = new Map<string, string>(syntheticIndustries.map((i) => [i.key, i.name]));

/** 浦东新区 mostly; sometimes 浦东, the code 310115 or 上海市浦东新区, as in real lists. */
function districtCell(rng: Rng, code: string | null): string {
  if (!code) return '';
  const name = districtName(code)!;
  const r = rng();
  if (r < 0.7) return name;
  if (r < 0.85) return name.replace(/新区$|区$/, '');
  if (r < 0.95) return code;
  return `上海市${name}`;
}

/** The template cells (名称 … 简介) of `count` organisations; the same seed gives the same rows. */
export function* organizationRows(count: number, seed = 1): Generator<string[]> {
  const seen = new Set<string>();
  let made = 0;
  for (let index = 0; made < count; index++) {
    const o = generateOrganization(recordRng(seed, 'organization', index), index, seed);
    const key = nameNorm(o.name);
    if (seen.has(key)) continue;
    seen.add(key);
    made++;
    const rng = recordRng(seed + 7919, 'organization', index);
    yield [
      o.name,
      organizationKindVocabulary.label(o.kind),
      districtCell(rng, o.districtCode),
      o.uscc ?? '',
      joinList(o.aliases),
      o.address ?? '',
      joinList(o.industryKeys.map((k) => industryName.get(k)!)),
      o.size ? organizationSizeVocabulary.label(o.size) : '',
      o.website ?? '',
      o.description ?? '',
    ];
  }
}

/** An .xlsx of the rows (streamed with shared strings, as Excel saves): header row with the template headers. */
export async function organizationsXlsx(count: number, seed = 1): Promise<Buffer> {
  const out = new PassThrough();
  const done = streamToBuffer(out);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('单位');
  sheet.addRow(organizationColumns.map((c) => ("required" in c ? `${c.header}*` : c.header))).commit();
  for (const cells of organizationRows(count, seed)) sheet.addRow(cells.map((c) => (c === '' ? null : c))).commit();
  sheet.commit();
  await workbook.commit();
  return done;
}
