import type { DemoData as Demo, DemoEvent } from '../../../demo/schema';
import type { Tx } from '../db/client';
import { events, reportedFigures } from '../db/schema';
import type { EventService, CreateEvent } from '../features/events/events.service';
import type { Actor } from '../lib/actor';
import { eq } from 'drizzle-orm';
import type { DemoKeys } from './demo-keys';

/** What each event-scoped figure counts in the records (so the page shows the recorded count beside it). */
const figureCounts: Record<string, string> = {
  '“未来车”主题活动参加人数': 'participants',
  服务日区分会场: 'branch_venues',
  服务日参加调研的党外专家: 'experts',
  服务日调研专题: 'topic_groups',
  服务日金山主会场参加人数: 'participants',
};

/** Kinds the articles state in the title but the demo file keeps as 'other'. */
const kindOf = (e: DemoEvent): { kind: CreateEvent['kind']; note?: string } => {
  if (e.key === 'pudong-future-car-2024') return { kind: 'theme_activity' };
  if (e.key === 'huangpu-joint-study-0118') return { kind: 'launch', note: '类型为推断：联学会上为“央企外滩党建联盟”“央企外滩科技创新联盟”揭牌' };
  return { kind: e.kind };
};

/** A role as the article words it → the event role, with the topic or what they were appointed to. */
function personRole(text: string): Pick<CreateEvent['people'][number], 'role' | 'topic' | 'appointedTo'> {
  const [head, rest] = text.split(/[:：]/, 2) as [string, string | undefined];
  if (head.startsWith('建言')) return { role: 'advice_speaker', topic: rest ?? null, appointedTo: null };
  if (/担任|受聘|聘任/.test(text)) return { role: 'appointed', topic: null, appointedTo: text.replace(/^受邀担任/, '') };
  if (/出席/.test(head) && !/讲话/.test(text)) return { role: 'guest_of_honour', topic: null, appointedTo: null };
  if (/演讲|宣介|介绍|讲话|致辞|致欢迎/.test(head)) return { role: 'speaker', topic: text, appointedTo: null };
  return { role: 'other', topic: text, appointedTo: null };
}

/**
 * The seed articles' events with their hosts, venues, topic groups and people, the agreements and plans
 * signed or released at them, and the 24 reported figures: only what the articles say; inferred
 * choices carry a note. Through the events service (createEvent) in the demo transaction.
 */
export async function loadEvents(tx: Tx, demo: Demo, keys: DemoKeys, service: EventService, actor: Actor) {
  const orgName = new Map(demo.organizations.map((o) => [o.key, o.name]));
  const place = new Map(demo.places.map((p) => [p.key, p]));
  const person = new Map(demo.people.map((p) => [p.key, p.name]));
  const eventRow = new Map<string, { id: string; districtCode: string | null }>();
  const series = new Map<string, { id: string; n: number }>();

  for (const e of demo.events) {
    const { kind, note: kindNote } = kindOf(e);
    const inSeries = e.seriesName ? series.get(e.seriesName) : undefined;
    const sameSeries = e.seriesName ? demo.events.filter((x) => x.seriesName === e.seriesName).length : 0;
    const notes = [
      e.dateNote,
      e.startDate ? '文中未载具体时刻，按当日 00:00 记录' : undefined,
      kindNote,
      e.partOfKey ? `为“${demo.events.find((x) => x.key === e.partOfKey)?.title}”中的环节` : undefined,
      sameSeries > 1 ? '系列场次顺序按文中列举顺序（推断）' : undefined,
    ].filter(Boolean);
    const input: CreateEvent = {
      title: e.title,
      kind,
      description: e.outcomes.join('；'),
      startsAt: e.startDate ? new Date(`${e.startDate}T00:00:00+08:00`).toISOString() : null,
      endsAt: null,
      status: e.status === 'held' ? 'finished' : 'published',
      districtCode: e.districtCode,
      networkId: null,
      requiresApproval: false,
      seriesName: e.seriesName,
      seriesTotal: sameSeries > 1 ? sameSeries : null,
      recurrence: e.key === 'sh-non-party-expert-service-day-2024' ? 'FREQ=YEARLY;BYMONTH=9' : null,
      note: notes.join('；') || null,
      hosts: e.hosts.map((h) => ({ organizationId: keys.id('organization', h.organizationKey), name: orgName.get(h.organizationKey)!, role: h.role })),
      venues: e.venues.map((v) => {
        const p = v.placeKey ? place.get(v.placeKey) : undefined;
        return {
          role: v.role,
          placeId: v.placeKey ? keys.id('place', v.placeKey) : null,
          name: p?.name ?? v.name!,
          districtCode: p ? p.districtCode : v.role === 'main' ? e.districtCode : null,
          capacity: null,
        };
      }),
      groups: e.groups.map((g) => ({
        topic: g.name,
        industryIds: g.industryKey ? [keys.id('industry', g.industryKey)] : [],
        expertIds: [],
        points: g.placeKeys.map((k) => ({ placeId: keys.id('place', k), name: place.get(k)!.name })),
        note: g.note ?? null,
      })),
      people: (e.people ?? []).map((p) => ({ personId: keys.id('person', p.personKey), name: person.get(p.personKey)!, ...personRole(p.role) })),
      agreements: [],
      figures: demo.figures
        .filter((f) => f.scopeType === 'event' && f.scope === e.key)
        .map((f) => ({ label: f.label, value: f.value, qualifier: f.qualifier, unit: f.unit, counts: figureCounts[f.label] ?? null, period: f.period ?? null, quote: f.quote, source: f.source })),
    };
    const row = await service.createEvent(actor, input, tx, {
      demoKey: e.key,
      ...(inSeries ? { seriesId: inSeries.id, sequence: inSeries.n + 1 } : {}),
    });
    if (e.seriesName) series.set(e.seriesName, inSeries ? { id: inSeries.id, n: inSeries.n + 1 } : { id: row.seriesId ?? row.id, n: 1 });
    if (e.seriesName && !inSeries && !row.seriesId) await tx.update(events).set({ seriesId: row.id, sequence: 1 }).where(eq(events.id, row.id));
    eventRow.set(e.key, { id: row.id, districtCode: row.districtCode });
    keys.set('event', e.key, row.id);
  }

  for (const a of demo.agreements) {
    const at = a.eventKey ? eventRow.get(a.eventKey) : undefined;
    const [id] = await service.insertAgreements(tx, actor, at?.id ?? null, at?.districtCode ?? null, [
      {
        title: a.title,
        kind: a.kind,
        signedOn: a.signedOn,
        termYears: a.durationYears ?? null,
        description: a.description ?? null,
        parties: a.parties.map((k) => ({ organizationId: keys.id('organization', k), name: orgName.get(k)!, role: null, signatory: null })),
        commitments: a.commitments.map((text) => ({ text, owner: null, dueOn: null, progress: 0 })),
        note: a.partiesNote ?? null,
      },
    ]);
    keys.set('agreement', a.key, id!);
  }

  // the figures that are not about one event: kept with their scope (never added into statistics)
  const rest = demo.figures.filter((f) => f.scopeType !== 'event');
  if (rest.length)
    await tx.insert(reportedFigures).values(
      rest.map((f) => ({
        agreementId: f.scopeType === 'agreement' ? keys.id('agreement', f.scope) : null,
        scopeType: f.scopeType,
        scopeRef: f.scope,
        label: f.label,
        value: f.value,
        qualifier: f.qualifier,
        unit: f.unit,
        period: f.period ?? null,
        quote: f.quote,
        source: f.source,
      })),
    );
}
