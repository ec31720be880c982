/**
 * The vocabulary of events (zod-free: the web app imports it): the enumerations and their words in
 * both languages.
 */
/** Events, their venues, registrations, agreements and reported figures (issue 7). */
export const eventKinds = [
  'service_day',
  'forum',
  'site_visit',
  'signing_meeting',
  'problem_meeting',
  'release_meeting',
  'sharing_session',
  'training',
  'theme_activity',
  'launch',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventStatuses = ['draft', 'published', 'finished', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** 主办, 承办, 指导, 协办, 支持; related: named in a press report about the event (相关单位), no stated role */
export const hostRoles = ['host', 'organizer', 'guide', 'co_host', 'support', 'related'] as const;
export const venueRoles = ['main', 'branch'] as const;
/** speaker, guest of honour, 建言 speaker (with a topic), appointed (聘任, with what to), other */
export const eventPersonRoles = ['speaker', 'guest_of_honour', 'advice_speaker', 'appointed', 'other'] as const;
export const registrationStatuses = ['registered', 'waitlisted', 'pending', 'approved', 'cancelled', 'checked_in'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** the statuses that hold a seat at the venue */
export const seatStatuses = ['registered', 'pending', 'approved', 'checked_in'] as const satisfies readonly RegistrationStatus[];
export const agreementKinds = ['co_construction', 'strategic', 'initiative', 'pairing', 'plan', 'other'] as const;
/** the six-month follow-up review: not started / in progress / cooperation achieved / abandoned */
export const agreementReviews = ['not_started', 'in_progress', 'achieved', 'abandoned'] as const;
export const figureQualifiers = ['exact', 'more_than', 'about', 'nearly', 'at_least'] as const;

type Words = { zh: string; en: string };
export const eventKindLabels: Record<EventKind, Words> = {
  service_day: { zh: '服务日', en: 'Service day' },
  forum: { zh: '论坛', en: 'Forum' },
  site_visit: { zh: '走访调研', en: 'Site visit' },
  signing_meeting: { zh: '签约会', en: 'Signing meeting' },
  problem_meeting: { zh: '问题对接会', en: 'Problem-docking meeting' },
  release_meeting: { zh: '工作发布会', en: 'Work-release meeting' },
  sharing_session: { zh: '分享会', en: 'Sharing session' },
  training: { zh: '培训', en: 'Training' },
  theme_activity: { zh: '主题活动', en: 'Theme activity' },
  launch: { zh: '启动/揭牌', en: 'Launch' },
  other: { zh: '其他', en: 'Other' },
};
export const eventStatusLabels: Record<EventStatus, Words> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  finished: { zh: '已结束', en: 'Finished' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export const registrationStatusLabels: Record<RegistrationStatus, Words> = {
  registered: { zh: '已报名', en: 'Registered' },
  waitlisted: { zh: '候补', en: 'Waiting list' },
  pending: { zh: '待审核', en: 'Pending approval' },
  approved: { zh: '已通过', en: 'Approved' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  checked_in: { zh: '已签到', en: 'Checked in' },
};
export const hostRoleLabels: Record<(typeof hostRoles)[number], Words> = {
  host: { zh: '主办', en: 'Host' },
  organizer: { zh: '承办', en: 'Organiser' },
  guide: { zh: '指导', en: 'Guidance' },
  co_host: { zh: '协办', en: 'Co-host' },
  support: { zh: '支持', en: 'Support' },
  related: { zh: '相关单位', en: 'Related' },
};
export const eventPersonRoleLabels: Record<(typeof eventPersonRoles)[number], Words> = {
  speaker: { zh: '演讲嘉宾', en: 'Speaker' },
  guest_of_honour: { zh: '出席领导/嘉宾', en: 'Guest of honour' },
  advice_speaker: { zh: '建言发言', en: 'Advice speaker' },
  appointed: { zh: '受聘', en: 'Appointed' },
  other: { zh: '其他', en: 'Other' },
};
export const agreementKindLabels: Record<(typeof agreementKinds)[number], Words> = {
  co_construction: { zh: '共建协议', en: 'Co-construction' },
  strategic: { zh: '战略合作', en: 'Strategic' },
  initiative: { zh: '倡议', en: 'Initiative' },
  pairing: { zh: '结对', en: 'Pairing' },
  plan: { zh: '计划/战略', en: 'Plan' },
  other: { zh: '其他', en: 'Other' },
};
export const figureQualifierLabels: Record<(typeof figureQualifiers)[number], Words> = {
  exact: { zh: '', en: '' },
  more_than: { zh: '余', en: 'more than' },
  about: { zh: '约', en: 'about' },
  nearly: { zh: '近', en: 'nearly' },
  at_least: { zh: '超', en: 'over' },
};
export const agreementReviewLabels: Record<(typeof agreementReviews)[number], Words> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  achieved: { zh: '已达成合作', en: 'Cooperation achieved' },
  abandoned: { zh: '已放弃', en: 'Abandoned' },
};
