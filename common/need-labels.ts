import type { AssignmentStatus, NeedAction, NeedCategory, NeedStatus, NeedUrgency, ServiceKind } from './need-workflow';

/** The needs vocabulary in Chinese and English (web labels, the XLSX export). */
type L = { zh: string; en: string };

export const needCategoryLabels: Record<NeedCategory, L> = {
  technology: { zh: '技术需求对接', en: 'Technology' },
  financing: { zh: '融资', en: 'Financing' },
  listing: { zh: '上市', en: 'Listing' },
  overseas: { zh: '出海', en: 'Going overseas' },
  talent: { zh: '人才', en: 'Talent' },
  ip: { zh: '知识产权', en: 'IP' },
  legal: { zh: '法律咨询', en: 'Legal' },
  policy: { zh: '政策', en: 'Policy' },
  space: { zh: '空间载体', en: 'Space' },
  market: { zh: '市场拓展', en: 'Market' },
  other: { zh: '其他', en: 'Other' },
};

export const needStatusLabels: Record<NeedStatus, L> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  matched: { zh: '已匹配', en: 'Matched' },
  in_service: { zh: '服务中', en: 'In service' },
  resolved: { zh: '已办结', en: 'Resolved' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  reopened: { zh: '已重开', en: 'Reopened' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const needUrgencyLabels: Record<NeedUrgency, L> = {
  low: { zh: '一般', en: 'Low' },
  normal: { zh: '普通', en: 'Normal' },
  high: { zh: '较急', en: 'High' },
  urgent: { zh: '紧急', en: 'Urgent' },
};

export const needActionLabels: Record<NeedAction | 'submit' | 'service' | 'meeting', L> = {
  submit: { zh: '提交', en: 'Submit' },
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  assign: { zh: '指派', en: 'Assign' },
  start: { zh: '接受指派', en: 'Take on' },
  decline: { zh: '谢绝指派', en: 'Decline' },
  resolve: { zh: '办结', en: 'Resolve' },
  confirm: { zh: '确认并评价', en: 'Confirm and rate' },
  reopen: { zh: '重新打开', en: 'Reopen' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  service: { zh: '服务记录', en: 'Service record' },
  meeting: { zh: '问题对接会', en: 'Problem-docking meeting' },
};

export const assignmentStatusLabels: Record<AssignmentStatus, L> = {
  proposed: { zh: '待接受', en: 'Awaiting answer' },
  accepted: { zh: '已接受', en: 'Accepted' },
  declined: { zh: '已谢绝', en: 'Declined' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

export const serviceKindLabels: Record<ServiceKind, L> = {
  technology: { zh: '科技', en: 'Technology' },
  education: { zh: '教育', en: 'Education' },
  culture: { zh: '文化', en: 'Culture' },
  legal: { zh: '法律', en: 'Legal' },
  health: { zh: '医疗健康', en: 'Health' },
  financing: { zh: '金融', en: 'Financing' },
  policy: { zh: '政策', en: 'Policy' },
  other: { zh: '其他', en: 'Other' },
};

export const label = (l: L, locale: 'zh-CN' | 'en') => (locale === 'en' ? l.en : l.zh);
