import { Readable } from 'node:stream';
import type { OrganizationKind, OrganizationSize, PersonRole, PlaceKind } from '../../../../common/domain';
import type { ExportQuery, IoKind } from '../../../../common/schemas/io';
import { shanghaiDate } from '../../../../common/shanghai-date';
import { districtName } from '../../../../common/validators';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { maskValue } from '../audit/audit-mask';
import { recordAudit } from '../audit/audit.repository';
import { columnsOf, kindEntities, kindTitles } from './io-columns';
import { csvLine, UTF8_BOM } from './io-csv';
import {
  exportIds,
  exportRows,
  type MembershipExportRow,
  type OrganizationExportRow,
  type PersonExportRow,
  type PlaceExportRow,
} from './io-export.repository';
import {
  joinList,
  memberPositionLabel,
  organizationKindVocabulary,
  organizationSizeVocabulary,
  personRoleVocabulary,
  placeKindVocabulary,
} from '../../../../common/labels';
import { escapeFormula, xlsxStream } from './io-xlsx';
import { canExport, canExportPolitical, canExportUnmasked } from './io.policy';

const CHUNK = 2000;
const district = (code: string | null) => (code ? (districtName(code) ?? code) : '');

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** The columns of an export: the template's (so that an export can be imported again), plus what only exports have. */
function exportColumns(kind: IoKind, actor: Actor) {
  const base = columnsOf[kind].map((c) => ({ header: c.header, width: c.width }));
  if (kind === 'people' && canExportPolitical(actor)) base.push({ header: '政治面貌', width: 14 });
  if (kind === 'memberships') base.push({ header: '退出日期', width: 12 });
  return base;
}

function cellsOf(kind: IoKind, actor: Actor, unmasked: boolean) {
  const personal = (key: 'phone' | 'email', v: string | null) => (v == null ? '' : unmasked ? v : String(maskValue(key, v)));
  const political = canExportPolitical(actor);
  switch (kind) {
    case 'organizations':
      return (o: OrganizationExportRow) => [
        o.name,
        organizationKindVocabulary.label(o.kind as OrganizationKind),
        district(o.district_code),
        o.uscc ?? '',
        joinList(o.aliases),
        o.address ?? '',
        joinList(o.industries),
        o.size ? organizationSizeVocabulary.label(o.size as OrganizationSize) : '',
        o.website ?? '',
        o.description ?? '',
      ];
    case 'people':
      return (p: PersonExportRow) => [
        p.name,
        joinList(p.roles.map((r) => personRoleVocabulary.label(r as PersonRole))),
        p.organization_name ?? '',
        p.position ?? '',
        district(p.district_code),
        personal('phone', p.phone),
        personal('email', p.email),
        joinList(p.expertise),
        ...(political ? [p.political_consent ? (p.political_affiliation ?? '') : ''] : []),
      ];
    case 'places':
      // coordinates as stored (WGS-84), so that the file imports again unchanged
      return (p: PlaceExportRow) => [
        p.name,
        placeKindVocabulary.label(p.kind as PlaceKind),
        district(p.district_code),
        p.address ?? '',
        p.lng == null ? '' : String(p.lng),
        p.lat == null ? '' : String(p.lat),
        p.lng == null ? '' : 'WGS-84',
        p.description ?? '',
      ];
    case 'memberships':
      return (m: MembershipExportRow) => [
        m.network_name,
        m.organization_name !== null ? '单位' : '个人',
        m.organization_name ?? m.person_name ?? '',
        memberPositionLabel(m.tier),
        m.role ?? '',
        m.joined_on ?? '',
        m.left_on ?? '',
      ];
  }
}

/** "organizations-2024-05-01.xlsx" (ASCII) and "单位-2024-05-01.xlsx" (for filename*). */
export function exportFileNames(kind: IoKind, format: 'xlsx' | 'csv', now = new Date()) {
  const day = shanghaiDate(now);
  return { ascii: `${kind}-${day}.${format}`, chinese: `${kindTitles[kind]}-${day}.${format}` };
}

export function createExportRunner({ db }: { db: Db }) {
  return {
    /**
     * An export following the list filters, the actor's scope and masking; audit-logged before the first
     * byte (filter, row count, whether unmasked). Rows are read in chunks and streamed.
     */
    async exportFile(actor: Actor, kind: IoKind, format: 'xlsx' | 'csv', q: ExportQuery): Promise<ExportFile> {
      if (!canExport(actor, kind) || (q.unmasked && !canExportUnmasked(actor))) throw forbidden();
      const ids = await exportIds(db, actor, kind, q);
      const { unmasked, ...filter } = q;
      await recordAudit(db, actor, {
        action: 'export',
        entity: kindEntities[kind],
        after: { format, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== false)), count: ids.length, unmasked },
      });
      const toCells = cellsOf(kind, actor, unmasked) as (row: unknown) => string[];
      async function* rows() {
        for (let i = 0; i < ids.length; i += CHUNK) {
          for (const r of await exportRows(db, kind, ids.slice(i, i + CHUNK))) yield toCells(r);
        }
      }
      const columns = exportColumns(kind, actor);
      const names = exportFileNames(kind, format);
      if (format === 'xlsx') {
        return {
          fileName: names.chinese,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: xlsxStream([{ name: kindTitles[kind], columns, rows: rows() }]),
        };
      }
      async function* csv() {
        yield UTF8_BOM + csvLine(columns.map((c) => c.header));
        for await (const cells of rows()) yield csvLine(cells.map(escapeFormula));
      }
      return { fileName: names.chinese, contentType: 'text/csv; charset=utf-8', body: Readable.from(csv()) };
    },
  };
}
