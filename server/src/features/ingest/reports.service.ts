import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Extraction } from '../../../../common/schemas/ingest';
import { confirmReportBody, type ConfirmResult } from '../../../../common/schemas/reports';
import { inferOrganizationKind } from '../../../../common/organization-kind-inference';
import { districtCodeByName } from '../../../../common/validators';
import type { Db, Executor, Tx } from '../../db/client';
import { agreements, reportedFigures, reports, reportSources } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { changesRecords, districtForNewRecord, placeableDistricts, readCondition } from '../../lib/visibility';
import { recordAudit } from '../audit/audit.repository';
import { createEventService } from '../events/events.service';
import { reindexOrganization } from '../organizations/organization-detail.service';
import { findOrganizationDuplicates } from '../organizations/organization-duplicates.repository';
import { auditOrganization } from '../organizations/organizations.presenter';
import * as orgRepo from '../organizations/organizations.repository';
import { reindexPerson } from '../people/person-detail.service';
import { auditPerson } from '../people/people.presenter';
import * as personRepo from '../people/people.repository';
import { peopleMatchingExactly } from '../people/person-duplicates.repository';

type Confirm = z.output<typeof confirmReportBody>;
type ReportRow = typeof reports.$inferSelect;

const fieldError = (code: 'VALIDATION' | 'CONFLICT', path: string, zh: string, en: string) =>
  new AppError(code, { fields: [{ path, message: `${zh} / ${en}` }], userMessage: { zh, en } });

/** The sentence of the report that first names `words` (the quote a record's 来源 shows), with its span. */
export function quoteOf(text: string, words: string): { quote: string; start: number; end: number } | null {
  const at = words ? text.indexOf(words) : -1;
  if (at < 0) return null;
  const stops = /[。！？!?\n]/;
  let start = at;
  while (start > 0 && !stops.test(text[start - 1]!)) start--;
  let end = at + words.length;
  while (end < text.length && !stops.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  const quote = text.slice(start, end).trim();
  return { quote: quote.length > 500 ? text.slice(at, at + words.length) : quote, start, end };
}

/** The sentence a reported figure comes from: the first naming its value (as a whole number) and its label, else its value, else its label. */
export function figureQuote(text: string, label: string, value: number): string | null {
  const sentences = text.split(/(?<=[。！？!?\n])/);
  const num = new RegExp(`(?<![\\d.])${String(value).replace('.', '\\.')}(?![\\d.])`);
  const core = label.replace(/人数$|数$/, '');
  const hit = sentences.find((x) => num.test(x) && (x.includes(label) || (core.length > 1 && x.includes(core)))) ?? sentences.find((x) => num.test(x)) ?? sentences.find((x) => x.includes(label));
  return hit ? hit.trim().slice(0, 2000) : null;
}

export const presentReport = (r: ReportRow) => ({
  id: r.id,
  title: r.title,
  fileName: r.fileName,
  encoding: r.encoding,
  status: r.status,
  districtCode: r.districtCode,
  eventId: r.eventId,
  createdAt: r.createdAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
});

/**
 * Reports kept as they came and the records confirmed from them (issue 9). Coordinators and admins
 * only; a report is read and confirmed within the actor's districts (lib/visibility.ts, entity 'report').
 */
export function createReportsService({ db }: { db: Db }) {
  const eventsService = createEventService({ db });

  async function visibleReport(ex: Executor, actor: Actor, id: string, lock = false) {
    if (!changesRecords(actor)) throw forbidden();
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
    const scope = readCondition(actor, 'report');
    const q = ex.select().from(reports).where(and(eq(reports.id, id), scope));
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw notFound();
    return row;
  }

  /** Store a report (its bytes, cleaned text and extraction) as a draft in the actor's district. */
  async function create(actor: Actor, input: { original: Buffer; fileName: string | null; extraction: Extraction }) {
    if (!changesRecords(actor)) throw forbidden();
    const ex = input.extraction;
    const fromText = ex.district ? (districtCodeByName(ex.district) ?? null) : null;
    let districtCode: string | null;
    try {
      districtCode = districtForNewRecord(actor, fromText);
    } catch (e) {
      // a report about another district is still the coordinator's to review: keep it in theirs
      const mine = placeableDistricts(actor);
      if (mine === 'all' || !mine.length) throw e;
      districtCode = mine.includes(fromText ?? '') ? fromText : mine[0]!;
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(reports)
        .values({ fileName: input.fileName, original: input.original, encoding: ex.encoding, text: ex.text, title: ex.title, extraction: ex, districtCode, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, { action: 'create', entity: 'report', entityId: row!.id, entityName: ex.title ?? input.fileName ?? null, after: { title: ex.title, fileName: input.fileName, encoding: ex.encoding } });
      return { ...presentReport(row!), extraction: ex };
    });
  }

  async function list(actor: Actor, q: { page: number; pageSize: number }) {
    if (!changesRecords(actor)) throw forbidden();
    const scope = readCondition(actor, 'report');
    const rows = await db
      .select()
      .from(reports)
      .where(scope)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [{ total }] = (await db.select({ total: count() }).from(reports).where(scope)) as [{ total: number }];
    return { items: rows.map(presentReport), total };
  }

  async function get(actor: Actor, id: string) {
    const row = await visibleReport(db, actor, id);
    return { ...presentReport(row), extraction: row.extraction as Extraction };
  }

  /** The 来源 of a record: the reports it was created from or linked by, with their quotes (reports the actor reads). */
  async function sources(actor: Actor, entityType: string, entityId: string) {
    const scope = readCondition(actor, 'report');
    const rows = await db
      .select({ reportId: reportSources.reportId, reportTitle: reports.title, relation: reportSources.relation, quote: reportSources.quote })
      .from(reportSources)
      .innerJoin(reports, eq(reports.id, reportSources.reportId))
      .where(and(eq(reportSources.entityType, entityType as 'event'), eq(reportSources.entityId, entityId), scope))
      .orderBy(reportSources.createdAt);
    return { items: rows };
  }

  /** An organisation of the review: the chosen record, an exact duplicate, or a new record (never a silent duplicate). */
  async function organizationFor(tx: Tx, actor: Actor, o: Confirm['organizations'][number], districtCode: string | null, i: number) {
    if (o.organizationId) {
      const [row] = await tx.execute(sql`select id::text as id, name from organizations where id = ${o.organizationId} and ${readCondition(actor, 'organization') ?? sql`true`}`).then((r) => r.rows as { id: string; name: string }[]);
      if (!row) throw fieldError('VALIDATION', `organizations.${i}.organizationId`, '所选单位不存在', 'no such organisation');
      return { id: row.id, name: row.name, relation: 'linked' as const };
    }
    const candidates = await findOrganizationDuplicates(tx, actor, { name: o.name });
    const exact = candidates.find((c) => c.reason === 'name' || c.reason === 'alias' || c.reason === 'uscc');
    if (exact) return { id: exact.id, name: exact.name, relation: 'linked' as const };
    const row = await orgRepo.insertOrganization(tx, { name: o.name, nameNorm: orgRepo.nameNorm(o.name), kind: o.kind ?? inferOrganizationKind(o.name), districtCode, aliases: [], formerNames: [] });
    const industryIds = await reindexOrganization(tx, row);
    await recordAudit(tx, actor, { action: 'create', entity: 'organization', entityId: row.id, after: auditOrganization(row, industryIds) });
    return { id: row.id, name: row.name, relation: 'created' as const };
  }

  /**
   * The reviewed records, in one transaction: the organisations and people marked new (an exact
   * duplicate is linked instead), the event with its hosts, people, agreements and reported figures
   * (quoted, the report as source), a 来源 link from every record to the report, and the audit entries.
   * A report is confirmed once.
   */
  async function confirm(actor: Actor, reportId: string, body: Confirm, hooks: { beforeEvent?: () => Promise<void> } = {}): Promise<ConfirmResult> {
    return db.transaction(async (tx) => {
      const report = await visibleReport(tx, actor, reportId, true);
      if (report.status === 'confirmed') throw fieldError('CONFLICT', 'status', '该报道已确认过', 'this report has already been confirmed');
      const text = report.text;
      const districtCode = districtForNewRecord(actor, body.districtCode ?? report.districtCode);
      const sourceRows: (typeof reportSources.$inferInsert)[] = [];
      const addSource = (entityType: 'event' | 'organization' | 'person' | 'agreement' | 'figure', entityId: string, relation: 'created' | 'linked', words: string) => {
        if (sourceRows.some((s) => s.entityType === entityType && s.entityId === entityId)) return;
        const q = quoteOf(text, words);
        sourceRows.push({ reportId, entityType, entityId, relation, quote: q?.quote ?? null, spanStart: q?.start ?? null, spanEnd: q?.end ?? null });
      };

      const orgs: ConfirmResult['organizations'] = [];
      const byName = new Map<string, string>();
      for (const [i, o] of body.organizations.entries()) {
        const r = await organizationFor(tx, actor, o, districtCode, i);
        orgs.push(r);
        byName.set(o.name, r.id);
        addSource('organization', r.id, r.relation, o.name);
      }

      const people: ConfirmResult['people'] = [];
      const personIds: (string | null)[] = [];
      const exactIds = await peopleMatchingExactly(
        tx,
        actor,
        body.people.map((p) => ({ name: p.name, organizationNames: body.organizations.filter((o) => p.title?.includes(o.name)).map((o) => o.name) })),
      );
      for (const [i, p] of body.people.entries()) {
        let id: string | null = p.personId ?? null;
        let relation: 'created' | 'linked' = 'linked';
        if (!id && p.create) {
          id = exactIds[i] ?? null;
          if (!id) {
            const org = body.organizations.filter((o) => p.title?.includes(o.name)).sort((a, b) => b.name.length - a.name.length)[0];
            const row = await personRepo.insertPerson(tx, { name: p.name, nameNorm: orgRepo.nameNorm(p.name), roles: [], expertise: [], districtCode });
            await personRepo.setAffiliations(tx, row.id, [
              { organizationId: org ? (byName.get(org.name) ?? null) : null, organizationName: org?.name ?? p.title ?? '', position: p.title, isContact: false },
            ]);
            const indexed = await reindexPerson(tx, row);
            await recordAudit(tx, actor, { action: 'create', entity: 'person', entityId: row.id, after: auditPerson(row, indexed.affiliations, indexed.industryIds) });
            id = row.id;
            relation = 'created';
          }
        }
        personIds.push(id);
        if (id) {
          people.push({ id, name: p.name, relation });
          addSource('person', id, relation, p.name);
        }
      }

      await hooks.beforeEvent?.();
      // every organisation of the review is on the event: 主办/承办/指导 as such, the others as 相关单位
      const hostRole = { host: 'host', organizer: 'organizer', guide: 'guide', mentioned: 'related' } as const;
      const source = `报道:${report.title ?? report.fileName ?? report.id}`.slice(0, 200);
      const ev = await eventsService.createEvent(
        actor,
        {
          title: body.title,
          kind: body.kind,
          description: null,
          startsAt: body.date ? new Date(`${body.date}T00:00:00+08:00`).toISOString() : null,
          endsAt: null,
          status: 'finished',
          districtCode,
          networkId: null,
          requiresApproval: false,
          seriesName: null,
          seriesTotal: null,
          recurrence: null,
          note: null,
          hosts: body.organizations
            .map((o) => ({ organizationId: byName.get(o.name) ?? null, name: o.name, role: hostRole[o.role] }))
            // one line per organisation: the first (主办 before 相关单位) role it was given
            .filter((h, i, all) => all.findIndex((o) => (h.organizationId ? o.organizationId === h.organizationId : o.name === h.name)) === i),
          venues: body.venue ? [{ role: 'main' as const, placeId: null, name: body.venue, districtCode, capacity: null }] : [],
          groups: [],
          people: body.people.map((p, i) => ({ personId: personIds[i] ?? null, name: p.name, role: 'guest_of_honour' as const, topic: null, appointedTo: p.title })),
          agreements: body.agreements.map((a) => ({
            title: a.title,
            kind: a.kind,
            signedOn: body.date,
            termYears: null,
            description: null,
            note: null,
            parties: a.parties.map((name) => ({ organizationId: byName.get(name) ?? null, name, role: null, signatory: null })),
            commitments: [],
          })),
          figures: body.figures.map((f) => {
            return { label: f.label, value: f.value, qualifier: f.qualifier, unit: f.unit, counts: null, period: null, quote: figureQuote(text, f.label, f.value), source };
          }),
        },
        tx,
      );
      addSource('event', ev.id, 'created', body.title);
      for (const f of await tx.select({ id: reportedFigures.id, label: reportedFigures.label, value: reportedFigures.value }).from(reportedFigures).where(eq(reportedFigures.eventId, ev.id)))
        addSource('figure', f.id, 'created', String(f.value));
      for (const a of await tx.select({ id: agreements.id, title: agreements.title }).from(agreements).where(eq(agreements.eventId, ev.id))) addSource('agreement', a.id, 'created', a.title);
      if (sourceRows.length) await tx.insert(reportSources).values(sourceRows);
      const now = new Date();
      await tx.update(reports).set({ status: 'confirmed', eventId: ev.id, confirmedBy: actor.userId, confirmedAt: now }).where(eq(reports.id, reportId));
      await recordAudit(tx, actor, {
        action: 'confirm',
        entity: 'report',
        entityId: reportId,
        entityName: report.title,
        after: { eventId: ev.id, organizations: orgs.map((o) => `${o.name} (${o.relation})`), people: people.map((p) => p.name) },
      });
      return { eventId: ev.id, organizations: orgs, people };
    });
  }

  return { create, list, get, confirm, sources };
}
export type ReportsService = ReturnType<typeof createReportsService>;
