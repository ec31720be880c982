import { z } from 'zod';
import { needSchema } from './needs';

/** The three meetings: a problem-docking meeting's agenda (from open needs) and a work-release meeting's releases. */
const req = (zh: string, en: string) => z.string().trim().min(1, { message: `请填写${zh} / ${en} is required` });

/** the workflow steps a meeting may take on a need (needs' state machine decides whether it may) */
export const agendaSteps = ['accept', 'resolve', 'reject'] as const;

export const agendaItemBody = z.object({
  needId: z.uuid({ message: '请选择诉求 / choose a need' }),
  answer: req('答复', 'the answer').max(2000),
  owner: req('责任人', 'the owner').max(200),
  nextDeadline: z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }).nullable().optional(),
  step: z.enum(agendaSteps).nullable().optional(),
});

/** change an item's answer, owner or next deadline (null clears it) */
export const agendaItemPatch = z.object({
  answer: req('答复', 'the answer').max(2000).optional(),
  owner: req('责任人', 'the owner').max(200).optional(),
  nextDeadline: z.iso.date({ message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' }).nullable().optional(),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  needId: z.string(),
  needTitle: z.string(),
  needStatus: z.string(),
  answer: z.string(),
  owner: z.string(),
  nextDeadline: z.string().nullable(),
  step: z.string().nullable(),
  createdAt: z.string(),
});

export const agendaSchema = z.object({
  /** the items recorded at the meeting */
  items: z.array(agendaItemSchema),
  /** open needs of the meeting's district not yet on its agenda (the actor's scope) */
  candidates: z.array(needSchema),
});

const attachment = z.object({ name: req('附件名称', 'the attachment name').max(200), url: z.url({ protocol: /^https?$/, message: '请填写有效的网址（http/https） / enter a valid web link (http/https)' }).max(2000) });

export const releaseBody = z.object({
  title: req('标题', 'the title').max(300),
  body: z.string().trim().max(20_000).default(''),
  attachments: z.array(attachment).max(20).default([]),
  planId: z.uuid().nullable().optional(),
});

export const releaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  planId: z.string().nullable(),
  planTitle: z.string().nullable(),
  createdAt: z.string(),
});
