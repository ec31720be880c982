import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlText {
  /** the page's <title>, if any */
  pageTitle: string | null;
  /** header lines kept before the main text: the headline (h1) and lines with a date or source */
  header: string[];
  /** the main text, one paragraph a line */
  text: string;
}

const BLOCK = /^(P|DIV|H[1-6]|LI|TR|BR|SECTION|ARTICLE|BLOCKQUOTE|TABLE|UL|OL|PRE)$/;
const DATE_OR_SOURCE = /(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})|来源|來源|发布时间|發布時間/;

/** The little of the DOM this file reads (the server has no DOM types). */
interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of an element with a line break after every block element. */
function blockText(node: DomNode): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const el = child as DomNode & { tagName: string };
      if (/^(SCRIPT|STYLE|NOSCRIPT)$/.test(el.tagName)) continue;
      const inner = blockText(el);
      out += BLOCK.test(el.tagName) ? `\n${inner}\n` : inner;
    }
  }
  return out;
}

/**
 * The main text of an HTML page: Readability (Firefox reader view) on a linkedom document. The
 * headline and the date/source lines that Readability leaves out are kept as header lines, since
 * the extraction needs them. Falls back to the whole body's text when Readability finds nothing.
 */
export function htmlMainText(html: string): HtmlText {
  const { document } = parseHTML(html);
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  const header: string[] = [];
  const h1 = document.querySelector('h1')?.textContent?.trim();
  if (h1) header.push(h1);
  for (const el of document.querySelectorAll('span, div, p, time')) {
    const t = (el.textContent ?? '').trim();
    if (t.length < 60 && DATE_OR_SOURCE.test(t) && !header.includes(t)) {
      header.push(t);
      break;
    }
  }
  let text = '';
  try {
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
    if (article?.content) {
      const { document: doc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(doc.body as unknown as DomNode);
    }
  } catch {
    text = '';
  }
  if (!text.trim()) {
    const { document: doc } = parseHTML(html);
    text = doc.body ? blockText(doc.body as unknown as DomNode) : html.replace(/<[^>]*>/g, ' ');
  }
  return { pageTitle, header, text: text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') };
}

/** True when the text looks like an HTML document or fragment rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2000).toLowerCase();
  return /<!doctype html|<html[\s>]|<body[\s>]/.test(head) || (head.match(/<\/?(p|div|span|br|a|h\d)[\s>/]/g)?.length ?? 0) >= 3;
}

/** Stray HTML left in plain text: tags and the common entities. */
export function stripStrayHtml(s: string): string {
  return s
    .replace(/<\/?[a-zA-Z][^<>]{0,200}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|ldquo|rdquo|mdash|hellip);/g, (_m, e: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", ldquo: '“', rdquo: '”', mdash: '—', hellip: '…' })[e] ?? '',
    );
}
