import type { NeedCategory, NeedStatus, ServiceKind } from '../../../common/need-workflow';
import { shanghaiToday } from '../../../common/shanghai-date';
import type { Tx } from '../db/client';
import { eq } from 'drizzle-orm';
import { needAssignments, needs, needTimeline, organizations, serviceRecords } from '../db/schema';
import type { DemoKeys } from './demo-keys';
import { syncNeedSearch } from '../features/needs/need-search';

/**
 * Illustrative needs (demo = true): the articles describe the kinds of needs — technical-needs docking,
 * financing and listing, going overseas, IP protection, legal consulting, talent, policy; "聚焦园区企业
 * 需求，建立一批服务项目清单" — but name no single one. Each is of a kind an article names, for an
 * enterprise the articles name, served by a person the articles name with that expertise.
 */
interface DemoNeed {
  org: string;
  category: NeedCategory;
  title: string;
  description: string;
  industries: string[];
  status: NeedStatus;
  /** the person (demo key) who served it, with the service */
  served?: { person: string; kind: ServiceKind; outcome: string; hours: number; people: number };
  rating?: number;
}

const ILLUSTRATIVE = '（示例：报道未列出具体诉求，此条为按报道所述诉求类型编写的示例）';

export const demoNeeds: DemoNeed[] = [
  {
    org: 'iluvatar',
    category: 'technology',
    title: '通用GPU芯片与整车企业的技术需求对接',
    description: '希望对接智能网联汽车企业，开展车载算力芯片的联合验证。',
    industries: ['ai', 'icv-nev'],
    status: 'in_service',
    served: { person: 'lan-qinyang', kind: 'technology', outcome: '组织产学研对接，推荐两家整车企业开展联合验证', hours: 4, people: 6 },
  },
  {
    org: 'sinodx',
    category: 'listing',
    title: '诊断企业科创板上市辅导咨询',
    description: '拟于两年内申报科创板，需要上市辅导、合规梳理方面的服务。',
    industries: ['biomedicine'],
    status: 'confirmed',
    served: { person: 'wu-xianao', kind: 'financing', outcome: '开展上市路径辅导，梳理合规事项清单', hours: 6, people: 4 },
    rating: 5,
  },
  {
    org: 'qingflow',
    category: 'financing',
    title: '低代码软件企业B轮融资与银行授信',
    description: '需要股权融资对接和科技企业信贷产品介绍。',
    industries: ['digital-economy'],
    status: 'resolved',
    served: { person: 'liu-ying', kind: 'financing', outcome: '对接科技信贷产品，完成授信申请辅导', hours: 3, people: 3 },
  },
  {
    org: 'tofflon',
    category: 'overseas',
    title: '制药装备出海“一带一路”市场合规咨询',
    description: '计划开拓东南亚市场，需要了解贸易投资政策与合规要求。',
    industries: ['biomedicine', 'intelligent-manufacturing'],
    status: 'confirmed',
    served: { person: 'peng-wensheng', kind: 'policy', outcome: '解读“一带一路”贸易投资政策，提出市场进入建议', hours: 2, people: 8 },
    rating: 4,
  },
  {
    org: 'tofflon',
    category: 'legal',
    title: '海外合同与涉外法律风险咨询',
    description: '出海过程中涉及海外合同审查和涉外法律风险防范。',
    industries: ['intelligent-manufacturing'],
    status: 'matched',
    served: { person: 'duan-qihua', kind: 'legal', outcome: '', hours: 0, people: 0 },
  },
  {
    org: 'zstack',
    category: 'ip',
    title: '云计算软件知识产权保护与专利布局',
    description: '需要软件著作权和专利布局方面的咨询，防范侵权风险。',
    industries: ['digital-economy', 'ai'],
    status: 'accepted',
  },
  {
    org: 'tuhu',
    category: 'talent',
    title: '汽车后市场数字化人才引进与培养',
    description: '需要与高校对接，引进数字化与汽车服务方面的人才。',
    industries: ['icv-nev', 'internet'],
    status: 'submitted',
  },
  {
    org: 'yufeng',
    category: 'policy',
    title: '低空经济飞行器企业产业政策申报咨询',
    description: '了解低空经济相关产业发展政策和企业服务政策的申报条件。',
    industries: ['low-altitude'],
    status: 'confirmed',
    served: { person: 'zhang-ying', kind: 'policy', outcome: '梳理可申报政策清单并辅导申报材料', hours: 2, people: 3 },
    rating: 5,
  },
  {
    org: 'tiancheng',
    category: 'technology',
    title: '电子化学品新材料工艺技术攻关',
    description: '需要现代化工与新材料方面的专家，解决工艺放大中的技术难题。',
    industries: ['modern-chemicals', 'new-materials'],
    status: 'in_service',
    served: { person: 'zhang-zhaoguo', kind: 'technology', outcome: '现场诊断工艺放大问题，提出改进方案', hours: 5, people: 10 },
  },
  {
    org: 'tiancheng',
    category: 'other',
    title: '绿色低碳技术概念验证与转化',
    description: '希望借助概念验证中心对绿色低碳工艺开展验证。',
    industries: ['green-low-carbon'],
    status: 'submitted',
  },
];

/** Load the illustrative needs, their assignments, services and timelines (after people and organisations). */
export async function loadNeeds(tx: Tx, keys: DemoKeys) {
  const today = shanghaiToday();
  for (const d of demoNeeds) {
    const organizationId = keys.maybe('organization', d.org);
    if (!organizationId) continue;
    const industryIds = d.industries.map((k) => keys.maybe('industry', k)).filter((x): x is string => !!x);
    const [row] = await tx
      .insert(needs)
      .values({
        organizationId,
        category: d.category,
        title: d.title,
        description: `${d.description}${ILLUSTRATIVE}`,
        industryIds,
        districtCode: (await tx.select({ d: organizations.districtCode }).from(organizations).where(eq(organizations.id, organizationId)))[0]?.d ?? null,
        status: d.status,
        respondBy: today,
        resolveBy: today,
        rating: d.rating ?? null,
        ratingComment: d.rating ? '服务及时、专业（示例）' : null,
        demo: true,
      })
      .returning();
    await syncNeedSearch(tx, [row!.id]);
    const steps: [string, NeedStatus][] = [['submit', 'submitted']];
    const order: NeedStatus[] = ['accepted', 'matched', 'in_service', 'resolved', 'confirmed'];
    const reached = order.indexOf(d.status);
    const actions = ['accept', 'assign', 'start', 'resolve', 'confirm'];
    for (let i = 0; i <= reached; i++) steps.push([actions[i]!, order[i]!]);
    let from: NeedStatus | null = null;
    for (const [action, to] of steps) {
      await tx.insert(needTimeline).values({ needId: row!.id, actorName: 'demo', action, fromStatus: from, toStatus: to, note: '示例' });
      from = to;
    }
    const personId = d.served ? keys.maybe('person', d.served.person) : null;
    if (personId && reached >= 1) {
      await tx.insert(needAssignments).values({ needId: row!.id, personId, status: reached >= 2 ? 'accepted' : 'proposed' });
      if (reached >= 2 && d.served)
        await tx.insert(serviceRecords).values({
          needId: row!.id,
          organizationId,
          providerPersonIds: [personId],
          servedOn: today,
          kind: d.served.kind,
          hours: d.served.hours,
          peopleServed: d.served.people,
          outcome: d.served.outcome,
          districtCode: row!.districtCode,
          demo: true,
        });
    }
  }
  return demoNeeds.length;
}
