/**
 * npm run eval:ingest [-- --dir DIR --labels FILE]: scores the extractor against labelled reports
 * (default: ../shared/seeds and its labels.json), field by field, after folding Traditional to
 * Simplified, NFKC and punctuation. Prints a table and one JSON line.
 *
 * Matching: single values are right when equal after folding (venue: either contains the other);
 * list items are matched one to one — organisations when equal or one contains the other (the
 * shorter at least half the longer: 区政府 ~ 闵行区政府), people by name (their titles scored
 * as people_titles, either containing the other), figures by value with a shared Han character in
 * the label, agreements by their parties. Organisations mentioned are compared with the labelled
 * ones plus the labelled organizers and guiding units (the schema counts organizers as mentioned).
 * A field the labels of a report leave out (agreements, guiding_units) is not scored for it.
 * Overall F1 = mean of the fields' F1 (macro); micro F1 over all items is printed beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { convertT2S } from '../../lib/text';
import { extractReportBytes } from './ingest';

type Json = Record<string, unknown>;
interface Count {
  tp: number;
  fp: number;
  fn: number;
}

export const fold = (s: unknown): string =>
  convertT2S(String(s ?? '').normalize('NFKC'))
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .toLowerCase();

function scalar(c: Count, gold: unknown, pred: unknown, eq: (a: string, b: string) => boolean = (a, b) => a === b) {
  const g = gold === null || gold === undefined ? null : fold(gold);
  const p = pred === null || pred === undefined ? null : fold(pred);
  if (g && p && eq(g, p)) c.tp++;
  else {
    if (p) c.fp++;
    if (g) c.fn++;
  }
}

function matchList<G, P>(c: Count, gold: G[], pred: P[], eq: (g: G, p: P) => boolean): Array<[G, P]> {
  const used = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && eq(g, p));
    if (k >= 0) {
      used.add(k);
      pairs.push([g, pred[k]]);
      c.tp++;
    } else c.fn++;
  }
  c.fp += pred.length - used.size;
  return pairs;
}

const contains = (a: string, b: string) => a === b || (a.length && b.length && (a.includes(b) || b.includes(a)));
const orgEq = (a: string, b: string) => {
  const fa = fold(a);
  const fb = fold(b);
  if (fa === fb) return true;
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  return short.length >= 3 && long.includes(short) && short.length * 2 >= long.length;
};
const sharesHan = (a: string, b: string) => [...fold(a)].some((ch) => /\p{Script=Han}/u.test(ch) && fold(b).includes(ch));

export const FIELDS = [
  'title', 'publish_date', 'event_date', 'city', 'district', 'venue', 'event_type', 'organizers', 'guiding_units',
  'organizations_mentioned', 'people', 'people_titles', 'participant_count', 'numbers', 'agreements',
] as const;

export function scoreOne(gold: Json, pred: Json, counts: Record<string, Count>) {
  const c = (f: string) => (counts[f] ??= { tp: 0, fp: 0, fn: 0 });
  scalar(c('title'), gold.title, pred.title);
  scalar(c('publish_date'), gold.publish_date, pred.publish_date);
  scalar(c('event_date'), gold.event_date, pred.event_date ?? pred.event_date_partial);
  scalar(c('city'), gold.city, pred.city);
  scalar(c('district'), gold.district, pred.district);
  scalar(c('venue'), gold.venue, pred.venue, (a, b) => Boolean(contains(a, b)));
  scalar(c('event_type'), gold.event_type, pred.event_type === 'other' ? null : pred.event_type);
  scalar(c('participant_count'), gold.participant_count, pred.participant_count);
  const list = (v: unknown) => (Array.isArray(v) ? v : []) as string[];
  matchList(c('organizers'), list(gold.organizers), list(pred.organizers), orgEq);
  if ('guiding_units' in gold) matchList(c('guiding_units'), list(gold.guiding_units), list(pred.guiding_units), orgEq);
  const goldOrgs = [...new Set([...list(gold.organizations_mentioned), ...list(gold.organizers), ...list(gold.guiding_units)])];
  const predOrgs = [...new Set([...list(pred.organizations_mentioned), ...list(pred.organizers), ...list(pred.guiding_units)])];
  matchList(c('organizations_mentioned'), goldOrgs, predOrgs, orgEq);
  type P = { name: string; title: string | null };
  const gp = (gold.people ?? []) as P[];
  const pp = (pred.people ?? []) as P[];
  const pairs = matchList(c('people'), gp, pp, (g, p) => fold(g.name) === fold(p.name));
  const t = c('people_titles');
  for (const [g, p] of pairs) {
    if (g.title && p.title && contains(fold(g.title), fold(p.title))) t.tp++;
    else {
      if (p.title) t.fp++;
      if (g.title) t.fn++;
    }
  }
  for (const g of gp) if (!pairs.some(([x]) => x === g) && g.title) t.fn++;
  for (const p of pp) if (!pairs.some(([, x]) => x === p) && p.title) t.fp++;
  type N = { label: string; value: number };
  matchList(c('numbers'), (gold.numbers ?? []) as N[], (pred.numbers ?? []) as N[], (g, p) => g.value === p.value && sharesHan(g.label, p.label));
  if ('agreements' in gold) {
    type A = { type: string; parties: string[] };
    const ga = ((gold.agreements ?? []) as A[]).flatMap((a) => a.parties);
    const pa = ((pred.agreements ?? []) as A[]).flatMap((a) => a.parties);
    matchList(c('agreements'), ga, pa, orgEq);
  }
}

const f1 = ({ tp, fp, fn }: Count) => {
  const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function evaluate(dir: string, labelsFile: string) {
  const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Json[];
  const counts: Record<string, Count> = {};
  for (const gold of labels) {
    const pred = extractReportBytes(fs.readFileSync(path.join(dir, String(gold.file)))) as unknown as Json;
    scoreOne(gold, pred, counts);
  }
  const rows = FIELDS.filter((f) => counts[f] && counts[f].tp + counts[f].fp + counts[f].fn > 0).map((f) => ({ field: f, ...counts[f], ...f1(counts[f]) }));
  const macro = rows.reduce((a, r) => a + r.f, 0) / Math.max(1, rows.length);
  const total = rows.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  return { rows, macro, micro: f1(total).f, reports: labels.length };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
  };
  const dir = opt('dir', path.resolve(import.meta.dirname, '../../../../../shared/seeds'));
  const labels = opt('labels', path.join(dir, 'labels.json'));
  const { rows, macro, micro, reports } = evaluate(dir, labels);
  const pct = (x: number) => x.toFixed(3);
  console.log(`${'field'.padEnd(26)}${'tp'.padStart(4)}${'fp'.padStart(4)}${'fn'.padStart(4)}  precision  recall  F1`);
  for (const r of rows) console.log(`${r.field.padEnd(26)}${String(r.tp).padStart(4)}${String(r.fp).padStart(4)}${String(r.fn).padStart(4)}  ${pct(r.p).padStart(9)}  ${pct(r.r).padStart(6)}  ${pct(r.f)}`);
  console.log(`overall F1 (mean of fields) ${pct(macro)}; micro F1 ${pct(micro)}; ${reports} reports`);
  console.log(JSON.stringify({ eval: 'ingest', reports, overall_f1: Number(pct(macro)), micro_f1: Number(pct(micro)), fields: Object.fromEntries(rows.map((r) => [r.field, { p: Number(pct(r.p)), r: Number(pct(r.r)), f1: Number(pct(r.f)) }])) }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
