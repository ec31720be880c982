import { shanghaiDistricts } from '../../../../../common/validators';

/** Cities by their standard short name (without 市). Shanghai's districts map to 上海. */
export const CITIES = (
  '上海 北京 天津 重庆 广州 深圳 杭州 南京 苏州 武汉 成都 西安 长沙 郑州 济南 青岛 合肥 福州 厦门 南昌 沈阳 大连 长春 ' +
  '哈尔滨 石家庄 太原 呼和浩特 包头 兰州 西宁 银川 乌鲁木齐 拉萨 昆明 贵阳 南宁 海口 三亚 宁波 无锡 常州 南通 温州 ' +
  '嘉兴 绍兴 金华 台州 佛山 东莞 珠海 中山 惠州 泉州 烟台 潍坊 徐州 扬州 镇江 泰州 盐城 淮安 连云港 宿迁 湖州 舟山 ' +
  '芜湖 洛阳 宜昌 襄阳 株洲 岳阳 赣州 九江 柳州 桂林 遵义 绵阳 宜宾 唐山 保定 邯郸 廊坊 秦皇岛 大同 鄂尔多斯 榆林 ' +
  '宝鸡 咸阳 天水 香港 澳门 台北'
).split(' ');

export const DISTRICTS = shanghaiDistricts.map((d) => ({ full: d.name, short: d.name.replace(/新区$|区$/, '') }));

export interface Mention {
  value: string;
  start: number;
  end: number;
  confidence: number;
}

/**
 * The district the report is about: full names (闵行区, 浦东新区) count twice, short names (闵行) once,
 * a mention in the first paragraph twice more; the most mentioned wins.
 */
export function findDistrict(body: string, bodyStart: number, leadEnd: number): Mention | null {
  const score = new Map<string, { n: number; start: number; end: number }>();
  for (const d of DISTRICTS) {
    const re = new RegExp(`${d.full}|${d.short}(?![江山路桥湖镇港])`, 'g');
    for (const m of body.matchAll(re)) {
      const w = (m[0] === d.full ? 2 : 1) * (m.index < leadEnd ? 2 : 1);
      const cur = score.get(d.full);
      if (cur) cur.n += w;
      else score.set(d.full, { n: w, start: bodyStart + m.index, end: bodyStart + m.index + m[0].length });
    }
  }
  let best: [string, { n: number; start: number; end: number }] | undefined;
  for (const e of score) if (!best || e[1].n > best[1].n) best = e;
  if (!best) return null;
  const total = [...score.values()].reduce((a, b) => a + b.n, 0);
  return { value: best[0], start: best[1].start, end: best[1].end, confidence: Math.min(0.95, 0.5 + best[1].n / total / 2) };
}

/** The city: the one the district belongs to, else the most mentioned city name. */
export function findCity(body: string, bodyStart: number, district: Mention | null): Mention | null {
  if (district) return { value: '上海', start: district.start, end: district.end, confidence: 0.9 };
  const score = new Map<string, { n: number; start: number; end: number }>();
  const re = new RegExp(`(${CITIES.join('|')})(市)?`, 'g');
  for (const m of body.matchAll(re)) {
    const cur = score.get(m[1]);
    const w = m[2] ? 2 : 1;
    if (cur) cur.n += w;
    else score.set(m[1], { n: w, start: bodyStart + m.index, end: bodyStart + m.index + m[0].length });
  }
  let best: [string, { n: number; start: number; end: number }] | undefined;
  for (const e of score) if (!best || e[1].n > best[1].n) best = e;
  return best ? { value: best[0], start: best[1].start, end: best[1].end, confidence: 0.7 } : null;
}

const VENUE =
  /(?:在|于)([^,，。;；、:：!！?？\s在于]{2,30}?)(?:隆重|顺利|成功|正式|盛大)?(?:举行|举办|召开|开幕|启动|开展|进行|揭牌|揭幕|成立)/g;

/** Where the event was held: "在X举行/举办/召开…" in the body, else "主会场设在X". */
export function findVenue(body: string, bodyStart: number): Mention | null {
  for (const m of body.slice(0, 1500).matchAll(VENUE)) {
    const v = m[1];
    if (/指导|领导|支持|推动|基础|背景|框架|过程|期间|之际|下$|中$/.test(v)) continue;
    const start = bodyStart + m.index + 1;
    return { value: v, start, end: start + v.length, confidence: 0.75 };
  }
  const m = /主会场设在([^,，。;；、\s]{2,20})/.exec(body);
  if (m) {
    const start = bodyStart + m.index + 5;
    return { value: m[1], start, end: start + m[1].length, confidence: 0.6 };
  }
  return null;
}
