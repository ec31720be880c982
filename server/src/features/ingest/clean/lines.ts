import { keywords } from '../../../lib/text';

/**
 * Line classification for page text: which lines are the header (headline, date/source), which the
 * article body, and which page furniture (navigation, share widgets, copyright, related links).
 * Pure functions over lines already normalised (Simplified, pinyin annotations gone).
 */

export type LineKind = 'header' | 'meta' | 'body' | 'boilerplate';

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
}

export interface Classified {
  lines: ClassifiedLine[];
  /** a headline found in page furniture ("本文链接:URL标题"), when the header has none */
  linkTitle: string | null;
}

/** Date, source, author and editor lines (a byline, not the event). */
export const META_LINE =
  /^(发布时间|发布日期|时间|日期|来源|作者|本文作者|责任编辑|编辑|记者|通讯员|摄影|供稿|浏览次数|阅读|点击|字号|栏目)[::\s]|(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?)(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*(来源|$|\S{0,12}$)|来源[::]/;

/** Page furniture recognised anywhere. */
const FURNITURE =
  /您的位置|当前位置|首页\s*[>›»]|[>›»]\s*正文|^上一篇|^下一篇|^相关(阅读|新闻|文章|推荐)|^推荐(阅读|视频|文章)|^热门|^最近更新|^更多|版权(所有|声明)|copyright|©|icp备|公网安备|许可证[::]|举报(电话|邮箱|专区|中心)|违法和不良信息|^联系我们|^关于我们|^广告服务|^友情链接|^法律条款|^免责声明|^声明[::]|未经(书面)?授权|禁止转载|不得转载|转载(文章|请注明)|注明出处|本网站|^分享(到)?$|^点赞$|^收藏$|^评论|全部评论|发表评论|^暂无评论|请先登录|^扫描二维码|下载app|^登录$|^退出登录$|^个人中心$|^订阅$|^历史$|^手机版$|^打印|^关闭(窗口)?$|^返回(顶部)?$|^关键词[::]|^标签[::]|^本文链接[::]|^常年法律顾问|^新闻线索|^报社地址|^技术支持|^主办单位[::]|^承办单位[::]|^网站地图/i;

/** Markers after which the rest of the page is furniture. */
const END_MARKER =
  /^(上一篇|下一篇|责任编辑|编辑[::\s]|本文作者[::]|作者[::]|来源[::]|相关(阅读|新闻|文章)|推荐(阅读|视频|文章)|全部评论|分享到|本文链接[::]|注[::]|声明[::]|版权|copyright|关键词[::])/i;

/** A line in a list of other articles or videos: a time code, "2天前", or a trailing date. */
const LIST_ITEM = /^\d{1,2}:\d{2}$|\d+(天|小时|分钟)前$|\p{Script=Han}\d{4}[/-]\d{2}[/-]\d{2}$/u;

const SENTENCE = /[,，。;；:：!！?？]/;

export function isParagraph(line: string): boolean {
  const n = line.length;
  return (n >= 40 && SENTENCE.test(line)) || (n >= 16 && /[。!！?？]$/.test(line) && /[,，、]/.test(line));
}

/** A short line of navigation or widget text: few characters, no sentence punctuation, no date. */
function isShortUi(line: string): boolean {
  return line.length <= 6 && !/\d/.test(line) && !SENTENCE.test(line);
}

const LINK_TITLE = /^本文链接[::]\s*(?:https?:\/\/\S+?\.(?:html?|shtml|php|aspx?)\S*?|https?:\/\/\S+?\s+)(\S.{4,80})$/i;


/**
 * Classifies the lines of a page: header (before the first paragraph), body (from the first paragraph
 * to the first end marker: 上一篇, 编辑:, 版权…, or "(完)"), and furniture. Trailing one-sentence
 * paragraphs that share little vocabulary with the article (teasers of other articles printed before
 * the footer) are furniture too.
 */
export function classifyLines(input: string[]): Classified {
  const lines = input.map((l) => l.trim()).filter((l) => l.length > 0);
  const out: ClassifiedLine[] = lines.map((text) => ({ text, kind: 'boilerplate' as LineKind }));
  let linkTitle: string | null = null;
  for (const l of lines) {
    const m = LINK_TITLE.exec(l);
    if (m) linkTitle = m[1].trim();
  }
  const start = lines.findIndex((l) => isParagraph(l) && !FURNITURE.test(l));
  if (start < 0) {
    for (const l of out) l.kind = FURNITURE.test(l.text) || isShortUi(l.text) ? 'boilerplate' : 'body';
    return { lines: out, linkTitle };
  }
  for (let i = 0; i < start; i++) {
    const t = lines[i];
    if (META_LINE.test(t) && !FURNITURE.test(t)) out[i].kind = 'meta';
    else if (!FURNITURE.test(t) && !isShortUi(t) && !LIST_ITEM.test(t)) out[i].kind = 'header';
  }
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i];
    if (i > start && (END_MARKER.test(t) || (FURNITURE.test(t) && !isParagraph(t)))) {
      end = i;
      break;
    }
    out[i].kind = LIST_ITEM.test(t) || isShortUi(t) ? 'boilerplate' : 'body';
    if (/[(（]完[)）]\s*$/.test(t)) {
      out[i].text = t.replace(/\s*[(（]完[)）]\s*$/, '');
      end = i + 1;
      break;
    }
  }
  // teasers: up to three trailing one-sentence paragraphs that hold none of the article's keywords
  const bodyIdx = out.map((l, i) => (l.kind === 'body' ? i : -1)).filter((i) => i >= 0 && i < end);
  // the candidates first, then the keywords of the paragraphs before them, computed once
  let first = bodyIdx.length;
  for (let k = bodyIdx.length - 1; k > 1 && bodyIdx.length - k <= 3; k--) {
    const line = out[bodyIdx[k]].text;
    if (line.length > 90 || (line.match(/[。!！?？]/g)?.length ?? 0) > 1) break;
    first = k;
  }
  if (first < bodyIdx.length) {
    const topic = keywords(bodyIdx.slice(0, first).map((i) => out[i].text).join('\n'), 12);
    for (let k = bodyIdx.length - 1; k >= first; k--) {
      const line = out[bodyIdx[k]].text;
      if (topic.some((w) => line.includes(w))) break;
      out[bodyIdx[k]].kind = 'boilerplate';
    }
  }
  return { lines: out, linkTitle };
}
