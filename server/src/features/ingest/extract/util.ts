export function isValidDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Sentences of a text with their offsets (split after 。！？; and line breaks). */
export function sentences(text: string, offset = 0): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^。!！?？;；\n]+[。!！?？;；]*/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: offset + m.index });
  return out;
}
