/**
 * The one-page Chinese summary of an event, written from its records (zod-free: the web's printable
 * page and the server's DOCX read the same lines). Reported figures are shown beside the counted ones,
 * never added into them.
 */
import { agreementKindLabels, figureQualifierLabels, hostRoleLabels, hostRoles } from './events-vocabulary';
import type { EventDetail } from './schemas/events';
import { shanghaiDateTime } from './shanghai-date';

export interface ReportSection {
  heading: string;
  lines: string[];
}

export function eventReport(e: EventDetail): { title: string; sections: ReportSection[] } {
  const o = e.outcomes;
  const when = e.startsAt ? `${shanghaiDateTime(e.startsAt)}${e.endsAt ? ` 至 ${shanghaiDateTime(e.endsAt)}` : ''}（上海时间）` : '日期未载';
  const main = e.venues.filter((v) => v.role === 'main').map((v) => v.name);
  const branches = e.venues.filter((v) => v.role === 'branch').map((v) => v.name);
  const hosts = hostRoles
    .map((role) => ({ role, names: e.hosts.filter((h) => h.role === role).map((h) => h.name) }))
    .filter((x) => x.names.length)
    .map((x) => `${hostRoleLabels[x.role].zh}：${x.names.join('、')}`);
  const sections: ReportSection[] = [
    {
      heading: '基本情况',
      lines: [
        `时间：${when}`,
        `地点：${main.length ? `主会场 ${main.join('、')}` : '未载'}${branches.length ? `；分会场 ${branches.join('、')}` : ''}`,
        ...(hosts.length ? hosts : ['主办单位：未载']),
        ...(e.seriesName ? [`系列：${e.seriesName}${e.sequence ? ` 第${e.sequence}场` : ''}`] : []),
      ],
    },
    {
      heading: '参加情况（系统记录）',
      lines: [
        `报名 ${o.registered} 人，候补 ${o.waitlisted} 人，签到 ${o.checkedIn} 人（其中现场登记 ${o.walkIns} 人）；签署协议 ${o.agreements} 份，发布 ${o.releases} 项`,
        ...o.perVenue.map((v) => `${v.name}：签到 ${v.checkedIn} 人`),
        ...(o.needsRaised ? [`问题对接：上会诉求 ${o.needsRaised} 项，其中已办结 ${o.needsResolved} 项`] : []),
      ],
    },
    {
      heading: '签约与发布',
      lines: [
        ...(e.agreements.length
          ? e.agreements.map(
              (a) =>
                `${a.title}（${agreementKindLabels[a.kind].zh}${a.signedOn ? `，${a.signedOn}` : ''}）${a.parties.length ? `：${a.parties.map((p) => p.name).join('、')}` : ''}`,
            )
          : ['未记录协议']),
        // what a work-release meeting published, each with the plan it released and its attachments by name
        ...e.releases.map(
          (r) => `发布：${r.title}${r.planTitle ? `（${r.planTitle}）` : ''}${r.attachments.length ? `；附件 ${r.attachments.map((a) => a.name).join('、')}` : ''}`,
        ),
      ],
    },
    ...(e.groups.length
      ? [{ heading: '专题组', lines: e.groups.map((g) => `${g.topic}${g.experts.length ? `：专家 ${g.experts.map((x) => x.name).join('、')}` : ''}${g.points.length ? `；服务点 ${g.points.map((p) => p.name).join('、')}` : ''}`) }]
      : []),
    {
      heading: '报道数字与系统记录',
      lines: e.figures.length
        ? e.figures.map((f) => `${f.label}：报道称 ${f.value}${figureQualifierLabels[f.qualifier].zh}${f.unit}；${f.recorded == null ? '系统不记录此项' : `系统记录 ${f.recorded}`}`)
        : ['无报道数字'],
    },
  ];
  return { title: e.title, sections };
}
