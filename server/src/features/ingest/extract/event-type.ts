import type { ReportEventType } from '../../../../../common/schemas/ingest';

/** Keywords per event type, with a weight; counted in the title ×3, the first paragraph ×2, the rest ×1. */
const KEYWORDS: Record<Exclude<ReportEventType, 'other'>, Array<[RegExp, number]>> = {
  alliance_launch: [[/联盟|共同体/g, 1], [/(联盟|共同体)[^。]{0,12}(成立|揭牌|启动|发布)|(成立|揭牌|启动|组建)[^。]{0,12}(联盟|共同体)|应运而生/g, 3]],
  service_day: [[/服务日|义诊|送服务|服务企业|服务群众|走访|上门|咨询/g, 2], [/专家服务|服务团|服务站/g, 1]],
  cluster_community: [[/产业集群/g, 1.5], [/集群党建|党建共同体|产城融合|链上/g, 1.5]],
  think_tank: [[/智库|专家库|专家委员会/g, 1.2], [/(成立|组建)[^。]{0,12}(智库|专家库)/g, 2]],
  matchmaking_meeting: [[/对接会|供需对接|需求对接|撮合|洽谈会|对接活动/g, 3]],
  agreement_signing: [[/签约|签订|签署/g, 1.5], [/协议|备忘录/g, 1]],
  association_activity: [[/新联会|知联会|联谊会|侨联|欧美同学会|商会|新阶层|新的社会阶层|会员|换届|选举产生|年会/g, 1.5]],
  forum: [[/论坛|峰会|研讨会|对话|沙龙|讲座|报告会|座谈会|主旨演讲/g, 2]],
};

/** What kind of activity the report is about: keyword scores by place in the text; ties go to the first listed. */
export function classifyEvent(title: string, lead: string, rest: string): { type: ReportEventType; confidence: number } {
  let best: ReportEventType = 'other';
  let bestScore = 0;
  let total = 0;
  for (const [type, rules] of Object.entries(KEYWORDS) as Array<[ReportEventType, Array<[RegExp, number]>]>) {
    let score = 0;
    for (const [re, w] of rules) {
      score += w * (3 * (title.match(re)?.length ?? 0) + 2 * (lead.match(re)?.length ?? 0) + Math.min(3, rest.match(re)?.length ?? 0));
    }
    total += score;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  if (bestScore < 2) return { type: 'other', confidence: 0.3 };
  return { type: best, confidence: Math.min(0.95, 0.4 + bestScore / Math.max(1, total) / 2) };
}
