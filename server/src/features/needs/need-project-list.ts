import type { Readable } from 'node:stream';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { label, needCategoryLabels, needStatusLabels } from '../../../../common/need-labels';
import { needCategories, openNeedStatuses } from '../../../../common/need-workflow';
import { shanghaiToday } from '../../../../common/shanghai-date';
import { districtName } from '../../../../common/validators';
import type { Db } from '../../db/client';
import { needAssignments, needs, organizations, people } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import type { Locale } from '../../lib/i18n';
import { changesRecords } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { xlsxStream } from '../io/io-xlsx';
import { needScope } from './needs.repository';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD / a date is YYYY-MM-DD' });

/** 服务项目清单: for a district or a network (a park's, a chain's) and a period. */
export const projectListQuery = z.object({
  districtCode: z.string().max(6).optional(),
  networkId: z.uuid().optional(),
  category: z.enum(needCategories).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectListSchema = z.object({
  generatedOn: z.string(),
  groups: z.array(
    z.object({
      category: z.enum(needCategories),
      needs: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          organizationName: z.string(),
          districtName: z.string().nullable(),
          status: z.string(),
          resolveBy: z.string().nullable(),
          providers: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export type ProjectList = z.infer<typeof projectListSchema>;

/**
 * The open needs of the actor's scope (lib/visibility.ts's need rule), filtered by district, network
 * membership (current members), category and submission period, grouped by category, each with the
 * providers matched to it (live assignments).
 */
export async function projectList(db: Db, actor: Actor, q: ProjectListQuery): Promise<ProjectList> {
  if (!changesRecords(actor) && actor.role !== 'viewer') throw forbidden();
  const rows = await db
    .select({ need: needs, organizationName: organizations.name })
    .from(needs)
    .innerJoin(organizations, eq(organizations.id, needs.organizationId))
    .where(
      and(
        needScope(actor),
        inArray(needs.status, [...openNeedStatuses]),
        q.districtCode ? eq(needs.districtCode, q.districtCode) : undefined,
        q.category ? eq(needs.category, q.category) : undefined,
        q.networkId
          ? sql`exists (select 1 from memberships m where m.organization_id = ${needs.organizationId} and m.network_id = ${q.networkId}
              and (m.left_on is null or m.left_on >= ${shanghaiToday()}::date))`
          : undefined,
        q.from ? gte(needs.createdAt, new Date(`${q.from}T00:00:00+08:00`)) : undefined,
        q.to ? lte(needs.createdAt, new Date(`${q.to}T23:59:59.999+08:00`)) : undefined,
      ),
    )
    .orderBy(asc(needs.category), asc(needs.resolveBy), asc(needs.id))
    .limit(5000);
  const ids = rows.map((r) => r.need.id);
  const providers = new Map<string, string[]>();
  if (ids.length) {
    const assigned = await db
      .select({ needId: needAssignments.needId, person: people.name, organization: organizations.name })
      .from(needAssignments)
      .leftJoin(people, eq(people.id, needAssignments.personId))
      .leftJoin(organizations, eq(organizations.id, needAssignments.organizationId))
      .where(and(inArray(needAssignments.needId, ids), inArray(needAssignments.status, ['proposed', 'accepted'])));
    for (const a of assigned) providers.set(a.needId, [...(providers.get(a.needId) ?? []), a.person ?? a.organization ?? '']);
  }
  const groups = needCategories
    .map((category) => ({
      category,
      needs: rows
        .filter((r) => r.need.category === category)
        .map((r) => ({
          id: r.need.id,
          title: r.need.title,
          organizationName: r.organizationName,
          districtName: r.need.districtCode ? (districtName(r.need.districtCode) ?? null) : null,
          status: r.need.status,
          resolveBy: r.need.resolveBy,
          providers: providers.get(r.need.id) ?? [],
        })),
    }))
    .filter((g) => g.needs.length > 0);
  return { generatedOn: shanghaiToday(), groups };
}

/** The list as XLSX: one row per need, its category first (the same rows as the printable page). */
export async function projectListXlsx(db: Db, actor: Actor, q: ProjectListQuery, locale: Locale): Promise<{ fileName: string; body: Readable }> {
  const list = await projectList(db, actor, q);
  await recordAudit(db, actor, { action: 'export', entity: 'need', entityName: null, after: { format: 'xlsx', list: 'service_projects', count: list.groups.reduce((n, g) => n + g.needs.length, 0) } });
  const en = locale === 'en';
  const headers = en
    ? ['Category', 'Need', 'Enterprise', 'District', 'Status', 'Resolve by', 'Matched providers']
    : ['类别', '服务项目（诉求）', '企业', '所在区', '状态', '办结期限', '对接服务方'];
  const widths = [12, 40, 30, 10, 10, 14, 40];
  return {
    fileName: `${en ? 'service-projects' : '服务项目清单'}-${list.generatedOn}.xlsx`,
    body: xlsxStream([
      {
        name: en ? 'Service projects' : '服务项目清单',
        columns: headers.map((header, i) => ({ header, width: widths[i]! })),
        rows: list.groups.flatMap((g) =>
          g.needs.map((n) => [
            label(needCategoryLabels[g.category], locale),
            n.title,
            n.organizationName,
            n.districtName ?? '',
            label(needStatusLabels[n.status as keyof typeof needStatusLabels], locale),
            n.resolveBy ?? '',
            n.providers.join('、'),
          ]),
        ),
      },
    ]),
  };
}
