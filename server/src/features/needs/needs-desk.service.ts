import type { Readable } from 'node:stream';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { label, needCategoryLabels, needStatusLabels, needUrgencyLabels } from '../../../../common/need-labels';
import type { inviteEnterpriseBody, matchQuery, MatchWeights, needListQuery } from '../../../../common/schemas/needs';
import { shanghaiToday } from '../../../../common/shanghai-date';
import type { Db } from '../../db/client';
import { accountLinks, inboxItems, matchWeightVersions, needAttachments, needDeadlinePresets, needs, workCalendar } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Locale } from '../../lib/i18n';
import { canAccess, changesRecords, searchReadCondition } from '../../lib/visibility';
import { findUserByUsername, insertUser } from '../accounts/accounts.repository';
import { hashPassword } from '../accounts/passwords';
import { recordAudit } from '../audit/audit.repository';
import { xlsxStream } from '../io/io-xlsx';
import { currentWeights, rankCandidates } from './need-matching';
import { sniffType, MAX_ATTACHMENT_BYTES } from './need-attachments';
import { presentNeed } from './needs.presenter';
import * as repo from './needs.repository';
import type { NeedService } from './needs.service';
import { defaultDeadlines, parseCalendarCsv } from './work-calendar';

export const NEEDS_EXPORT_LIMIT = 50_000;

/** Matching, inbox, calendar, presets, weights, attachments, export and enterprise/expert accounts around needs. */
export function createNeedDeskService({ db, needsService }: { db: Db; needsService: NeedService }) {
  const isAdmin = (actor: Actor) => actor.role === 'admin';

  return {
    /** The ranked, explained providers for a need: for the coordinators who may assign it (and admins). */
    async matches(actor: Actor, id: string, q: z.infer<typeof matchQuery>) {
      const need = await needsService.visible(db, actor, id);
      const relations = await needsService.relationsOf(db, actor, need);
      if (!relations.includes('coordinator') && !relations.includes('admin')) throw forbidden();
      const weights = await currentWeights(db);
      const names = await repo.industryNames(db, [...need.industryIds]);
      // the chain neighbours' names too, for the reasons
      const all = await db.execute(sql`select id::text as id, name from industries`);
      for (const r of (all as unknown as { rows: { id: string; name: string }[] }).rows) names.set(r.id, r.name);
      const items = await rankCandidates(db, need, { scope: searchReadCondition(actor), types: q.type ? [q.type] : undefined, limit: q.limit, weights, industryNames: names });
      return { items, weights, weightsVersion: weights.version };
    },

    async weights(actor: Actor) {
      if (!changesRecords(actor)) throw forbidden();
      const versions = await db.select().from(matchWeightVersions).orderBy(desc(matchWeightVersions.id)).limit(20);
      return { current: await currentWeights(db), versions: versions.map((v) => ({ id: v.id, weights: v.weights, createdAt: v.createdAt.toISOString() })) };
    },

    /** An admin sets the weights: each change is a new version. */
    async setWeights(actor: Actor, weights: MatchWeights) {
      if (!isAdmin(actor)) throw forbidden();
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(matchWeightVersions).values({ weights, createdBy: actor.userId }).returning();
        await recordAudit(tx, actor, { action: 'update', entity: 'match_weights', entityId: String(row!.id), entityName: `v${row!.id}`, after: weights });
        return { id: row!.id };
      });
    },

    async inbox(actor: Actor) {
      const today = shanghaiToday();
      const due = await repo.listNeeds(
        db,
        { scope: repo.needScope(actor), today, open: true },
        'deadline',
        'asc',
        1,
        200,
      );
      const dueToday = due.rows.filter((n) => (n.status === 'submitted' && n.respondBy === today) || n.resolveBy === today);
      const names = await repo.industryNames(db, dueToday.flatMap((n) => n.industryIds));
      const items = actor.userId
        ? await db
            .select({ item: inboxItems, needTitle: needs.title })
            .from(inboxItems)
            .leftJoin(needs, eq(needs.id, inboxItems.needId))
            .where(eq(inboxItems.userId, actor.userId))
            .orderBy(desc(inboxItems.createdAt))
            .limit(200)
        : [];
      return {
        dueToday: dueToday.map((n) => presentNeed(n, names, today)),
        items: items.map(({ item, needTitle }) => ({
          id: item.id,
          kind: item.kind,
          needId: item.needId,
          needTitle,
          message: item.message,
          read: !!item.readAt,
          createdAt: item.createdAt.toISOString(),
        })),
      };
    },

    async markRead(actor: Actor, itemId: string) {
      if (!actor.userId) throw notFound();
      await db
        .update(inboxItems)
        .set({ readAt: new Date() })
        .where(and(eq(inboxItems.id, itemId), eq(inboxItems.userId, actor.userId), isNull(inboxItems.readAt)));
    },

    async calendar(year?: number) {
      const y = year ?? Number(shanghaiToday().slice(0, 4));
      const rows = await db
        .select()
        .from(workCalendar)
        .where(sql`${workCalendar.day} >= ${`${y}-01-01`}::date and ${workCalendar.day} <= ${`${y}-12-31`}::date`)
        .orderBy(asc(workCalendar.day));
      return rows;
    },

    async putCalendarDay(actor: Actor, day: string, body: { working: boolean; name: string }) {
      if (!isAdmin(actor)) throw forbidden();
      await db.transaction(async (tx) => {
        await tx.insert(workCalendar).values({ day, ...body }).onConflictDoUpdate({ target: workCalendar.day, set: body });
        await recordAudit(tx, actor, { action: 'update', entity: 'work_calendar', entityId: day, entityName: day, after: body });
      });
    },

    async deleteCalendarDay(actor: Actor, day: string) {
      if (!isAdmin(actor)) throw forbidden();
      await db.transaction(async (tx) => {
        await tx.delete(workCalendar).where(eq(workCalendar.day, day));
        await recordAudit(tx, actor, { action: 'delete', entity: 'work_calendar', entityId: day, entityName: day });
      });
    },

    /** A CSV of 日期,类型(休/班),名称: all rows or none, each bad row named. */
    async importCalendar(actor: Actor, csv: string) {
      if (!isAdmin(actor)) throw forbidden();
      const rows = parseCalendarCsv(csv);
      await db.transaction(async (tx) => {
        for (const r of rows) await tx.insert(workCalendar).values(r).onConflictDoUpdate({ target: workCalendar.day, set: { working: r.working, name: r.name } });
        await recordAudit(tx, actor, { action: 'import', entity: 'work_calendar', entityName: 'work_calendar', after: { count: rows.length } });
      });
      return { imported: rows.length };
    },

    async presets() {
      const rows = await db.select().from(needDeadlinePresets);
      const set = new Map(rows.map((r) => [r.category, r]));
      return (Object.keys(defaultDeadlines) as (keyof typeof defaultDeadlines)[]).map((category) => set.get(category) ?? { category, ...defaultDeadlines[category] });
    },

    async putPreset(actor: Actor, p: { category: keyof typeof defaultDeadlines; respondDays: number; resolveDays: number }) {
      if (!isAdmin(actor)) throw forbidden();
      await db.transaction(async (tx) => {
        await tx.insert(needDeadlinePresets).values(p).onConflictDoUpdate({ target: needDeadlinePresets.category, set: { respondDays: p.respondDays, resolveDays: p.resolveDays } });
        await recordAudit(tx, actor, { action: 'update', entity: 'need_deadline_preset', entityId: p.category, entityName: p.category, after: p });
      });
    },

    /**
     * A coordinator invites an account for an organisation (role enterprise) or a person (role expert)
     * they may change; the account is bound to it (account_links).
     */
    async invite(actor: Actor, kind: 'enterprise' | 'expert', body: Omit<z.infer<typeof inviteEnterpriseBody>, 'organizationId'> & { organizationId?: string; personId?: string }) {
      if (!changesRecords(actor)) throw forbidden();
      const entity = kind === 'enterprise' ? 'organization' : 'person';
      const targetId = (kind === 'enterprise' ? body.organizationId : body.personId)!;
      const path = kind === 'enterprise' ? 'organizationId' : 'personId';
      if (!(await canAccess(db, actor, entity, 'read', targetId))) throw new AppError('VALIDATION', { fields: [{ path, message: '未找到该记录 / not found' }] });
      if (!(await canAccess(db, actor, entity, 'change', targetId))) throw forbidden();
      const passwordHash = await hashPassword(body.password);
      return db.transaction(async (tx) => {
        if (await findUserByUsername(tx, body.username))
          throw new AppError('CONFLICT', { fields: [{ path: 'username', message: '用户名已存在 / username already taken' }] });
        const user = await insertUser(tx, { username: body.username, displayName: body.displayName, passwordHash, role: kind, scopes: [] });
        await tx.insert(accountLinks).values({ userId: user.id, organizationId: kind === 'enterprise' ? targetId : null, personId: kind === 'expert' ? targetId : null });
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'user',
          entityId: user.id,
          entityName: user.username,
          after: { username: user.username, displayName: user.displayName, role: kind, [path]: targetId },
        });
        return { id: user.id, username: user.username, role: kind };
      });
    },

    /** The caller's own link (which organisation or person the account is), for the web's "my needs". */
    async me(actor: Actor) {
      const link = await repo.linkOf(db, actor.userId);
      return { organizationId: link?.organizationId ?? null, personId: link?.personId ?? null };
    },

    async addAttachment(actor: Actor, id: string, file: { fileName: string; data: Buffer }) {
      const need = await needsService.visible(db, actor, id);
      const relations = await needsService.relationsOf(db, actor, need);
      if (!relations.length) throw forbidden();
      if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', { fields: [{ path: 'file', message: '附件不能超过 20 MB / an attachment may be at most 20 MB' }] });
      const type = sniffType(file.data);
      if (!type) throw new AppError('VALIDATION', { fields: [{ path: 'file', message: '不支持的文件类型（支持 PDF、图片、Office 文档、纯文本）/ unsupported file type (PDF, images, Office documents, plain text)' }] });
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(needAttachments)
          .values({ needId: id, fileName: file.fileName.slice(0, 200), mediaType: type, size: file.data.length, content: file.data, createdBy: actor.userId })
          .returning({ id: needAttachments.id, fileName: needAttachments.fileName, mediaType: needAttachments.mediaType, size: needAttachments.size, createdAt: needAttachments.createdAt });
        await recordAudit(tx, actor, { action: 'create', entity: 'need_attachment', entityId: row!.id, entityName: row!.fileName, after: { needId: id, mediaType: type, size: row!.size } });
        return { ...row!, createdAt: row!.createdAt.toISOString() };
      });
    },

    async attachment(actor: Actor, id: string, attachmentId: string) {
      await needsService.visible(db, actor, id);
      const [row] = await db.select().from(needAttachments).where(and(eq(needAttachments.id, attachmentId), eq(needAttachments.needId, id)));
      if (!row) throw notFound();
      return row;
    },

    /** The filtered list as XLSX, in the caller's scope and language. */
    async exportXlsx(actor: Actor, q: z.infer<typeof needListQuery>, locale: Locale): Promise<{ fileName: string; body: Readable }> {
      const today = shanghaiToday();
      const rows = await repo.needsForExport(
        db,
        {
          scope: repo.needScope(actor),
          today,
          q: q.q,
          status: q.status,
          category: q.category,
          districtCode: q.districtCode,
          organizationId: q.organizationId,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
          open: q.open === undefined ? undefined : q.open === 'true',
        },
        NEEDS_EXPORT_LIMIT,
      );
      const names = await repo.industryNames(db, rows.flatMap((r) => r.industryIds));
      await recordAudit(db, actor, { action: 'export', entity: 'need', entityName: null, after: { format: 'xlsx', count: rows.length } });
      const en = locale === 'en';
      const headers = en
        ? ['Title', 'Enterprise', 'Category', 'Status', 'Urgency', 'District', 'Industries', 'First response by', 'Resolve by', 'Overdue', 'Rating', 'Submitted']
        : ['标题', '企业', '类别', '状态', '紧急程度', '所在区', '产业', '首次响应期限', '办结期限', '是否超期', '评分', '提交时间'];
      const widths = [40, 30, 12, 10, 8, 10, 24, 14, 14, 10, 6, 20];
      return {
        fileName: `${en ? 'needs' : '诉求清单'}-${today}.xlsx`,
        body: xlsxStream([
          {
            name: en ? 'Needs' : '诉求',
            columns: headers.map((header, i) => ({ header, width: widths[i]! })),
            rows: rows.map((r) => {
              const p = presentNeed(r, names, today);
              return [
                p.title,
                p.organizationName,
                label(needCategoryLabels[p.category], locale),
                label(needStatusLabels[p.status], locale),
                label(needUrgencyLabels[p.urgency], locale),
                p.districtName ?? '',
                p.industryNames.join('、'),
                p.respondBy ?? '',
                p.resolveBy ?? '',
                p.overdue ? (en ? 'yes' : '是') : '',
                p.rating === null ? '' : String(p.rating),
                p.createdAt.slice(0, 10),
              ];
            }),
          },
        ]),
      };
    },
  };
}
export type NeedDeskService = ReturnType<typeof createNeedDeskService>;
