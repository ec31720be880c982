/** Word lists for synthetic Shanghai directory data. */
import type { OrganizationKind } from '../../common/domain';
import { shanghaiDistricts } from '../../common/validators';

/** Industries (names as in the demo taxonomy where they exist) and the words organisation names use for them. */
export const syntheticIndustries = [
  { key: 'icv-nev', name: '智能网联新能源汽车', words: ['汽车科技', '新能源汽车', '汽车电子', '智能驾驶', '动力电池', '车联网科技', '汽车零部件'] },
  { key: 'biomedicine', name: '生物医药', words: ['生物医药', '生物科技', '医药', '医疗器械', '基因技术', '制药', '生物工程'] },
  { key: 'ic', name: '集成电路', words: ['集成电路', '半导体', '微电子', '芯片', '电子科技', '光电科技'] },
  { key: 'ai', name: '人工智能', words: ['人工智能', '智能科技', '机器人', '数据科技', '智算科技', '视觉科技'] },
  { key: 'new-materials', name: '新材料', words: ['新材料', '高分子材料', '复合材料', '纳米科技', '材料科技'] },
  { key: 'digital-finance', name: '数字金融', words: ['金融信息服务', '数字科技', '支付科技', '投资管理', '融资租赁', '资产管理'] },
  { key: 'low-altitude', name: '低空经济', words: ['无人机', '航空科技', '通用航空', '低空科技', '飞行器'] },
  { key: 'smart-manufacturing', name: '智能制造', words: ['智能装备', '精密机械', '自动化', '工业科技', '机电设备', '智能制造'] },
  { key: 'internet', name: '互联网', words: ['信息技术', '软件', '网络科技', '云计算', '互联网科技', '信息科技'] },
  { key: 'green-low-carbon', name: '绿色低碳', words: ['环保科技', '新能源', '节能技术', '碳中和科技', '光伏科技', '环境工程'] },
  { key: 'culture-tourism', name: '文旅', words: ['文化传媒', '文化创意', '旅游发展', '会展服务', '影视文化'] },
  { key: 'modern-chemicals', name: '现代化工', words: ['化工', '精细化工', '化学', '涂料'] },
  { key: 'smart-terminal', name: '智能终端', words: ['电子', '通信技术', '智能终端', '智能硬件'] },
  { key: 'logistics', name: '现代物流', words: ['物流', '供应链管理', '国际货运', '仓储服务'] },
  { key: 'rural-revitalization', name: '乡村振兴', words: ['农业科技', '生态农业', '食品', '农产品'] },
  { key: 'digital-economy', name: '数字经济', words: ['数据服务', '数字技术', '智慧城市', '数字传媒'] },
] as const;
export type SyntheticIndustry = (typeof syntheticIndustries)[number];

/** Characters of 字号 (trade names), combined in pairs: a few hundred distinct pairs and many more combinations. */
export const tradeNameChars = [...
  '华信达瑞博科鑫源恒泰联创星辰宏远盛通天成汇宇嘉润康泽凯德锦程明睿银河金海东方新元振兴永安祥和' +
  '中晟英杰卓越麒麟凤凰长江浩澜博雅致远弘毅立航启明沃森佳豪骏驰瀚海云帆蓝鲸峰岚腾飞百川合众'];

/** 字号 of a few large brands, so some names are shared across districts like real groups. */
export const groupBrands = ['申能', '东浩', '浦江', '张江', '临港', '金桥', '漕河泾', '华虹', '上汽', '光明', '百联', '锦江', '绿地', '久事'];

export const enterpriseForms = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '科技有限公司'];
export const otherForms = ['中心', '工作室', '事务所', '服务社'];
export const universityForms = ['大学', '学院', '职业技术学院', '理工学院'];
export const instituteForms = ['研究院', '研究所', '创新研究院', '技术研究中心', '工程技术研究中心'];
export const associationForms = ['行业协会', '协会', '产业联盟', '商会', '促进会', '学会'];
export const parkForms = ['产业园', '科技园', '创新园', '孵化器', '智造园'];
export const governmentBodies = ['科技和经济委员会', '商务委员会', '发展和改革委员会', '投资促进办公室', '经济委员会', '人力资源和社会保障局'];
export const banks = ['中国工商银行', '中国建设银行', '中国银行', '中国农业银行', '交通银行', '招商银行', '浦发银行', '上海银行', '上海农商银行', '兴业银行', '中信银行', '宁波银行'];

/** Roads by district, for addresses that agree with the record's district. */
export const roadsByDistrict: Readonly<Record<string, readonly string[]>> = {
  '310101': ['南京东路', '淮海中路', '西藏中路', '河南南路', '中山南路'],
  '310104': ['漕溪北路', '宜山路', '虹梅路', '田林路', '钦州北路', '桂平路'],
  '310105': ['仙霞路', '天山路', '金钟路', '长宁路', '愚园路'],
  '310106': ['南京西路', '江宁路', '共和新路', '万荣路', '市北高新园区江场三路'],
  '310107': ['真北路', '中山北路', '金沙江路', '同普路', '桃浦路'],
  '310109': ['四川北路', '东大名路', '大连西路', '曲阳路'],
  '310110': ['国定路', '大连路', '长阳路', '政立路', '军工路'],
  '310112': ['紫竹园区东川路', '剑川路', '莘庄工业区春东路', '申长路', '七莘路', '沪闵路'],
  '310113': ['友谊路', '蕴川路', '沪太路', '长江西路', '宝杨路'],
  '310114': ['安亭墨玉路', '嘉松北路', '曹安公路', '叶城路', '于田南路'],
  '310115': ['张江路', '金科路', '祖冲之路', '碧波路', '蔡伦路', '科苑路', '龙东大道', '世纪大道', '银城中路', '临港新片区环湖西二路', '申港大道'],
  '310116': ['金山卫镇秋实路', '亭林镇林慧路', '卫清西路', '龙胜路'],
  '310117': ['九亭涞寅路', '新桥镇新茸路', '思贤路', '洞泾镇长兴东路'],
  '310118': ['华新镇华腾路', '徐泾镇诸光路', '崧泽大道', '外青松公路'],
  '310120': ['金海公路', '南桥环城东路', '望园路', '海湾镇五四公路'],
  '310151': ['陈家镇揽海路', '城桥镇八一路', '长兴镇潘园公路'],
};

/** The shares of the 16 districts among synthetic records (Pudong has the most). */
export const districtWeights: readonly (readonly [string, number])[] = [
  ['310115', 25], ['310112', 10], ['310114', 8], ['310117', 8], ['310113', 6], ['310104', 6],
  ['310110', 5], ['310118', 5], ['310120', 5], ['310106', 5], ['310105', 4], ['310107', 4],
  ['310101', 3], ['310109', 3], ['310116', 2], ['310151', 1],
];
const districtByCode = new Map(shanghaiDistricts.map((d) => [d.code, d.name]));
export const districtFullName = (code: string) => districtByCode.get(code) ?? '';
/** 浦东新区 → 浦东, 闵行区 → 闵行. */
export const districtShortName = (code: string) => districtFullName(code).replace(/新区$|区$/, '');

export const organizationKindWeights: readonly (readonly [OrganizationKind, number])[] = [
  ['enterprise', 80], ['soe', 3], ['university', 0.3], ['institute', 3], ['bank', 1], ['association', 4],
  ['government', 0.2], ['party_org', 2], ['park_operator', 1], ['other', 5.5],
];

/** Common surnames with rough frequencies (per mille), so that names such as 张峰 repeat. */
export const surnames: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 19], ['周', 19],
  ['徐', 16], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 2], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['顾', 2], ['邱', 1], ['蓝', 1], ['欧阳', 0.5], ['司马', 0.2],
];

/** Characters common in given names; one or two of them make a given name. */
export const givenNameChars = [...
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅' +
  '峰建国志文博晨晓雪琳欣怡佳宁涵子轩梓萱思雨一诺嘉懿昊然天佑泽宸睿皓瑶诗蕾雅倩颖慧敏晶' +
  '海波亮林飞鑫冰晶岩清远新春秋阳光'];

export const positionsByKind: Readonly<Record<OrganizationKind, readonly string[]>> = {
  enterprise: ['总经理', '董事长', '副总经理', '技术总监', '首席科学家', '总工程师', '研发部经理', '创始人', '首席执行官', '董事会秘书'],
  soe: ['董事长', '总经理', '党委书记', '副总经理', '总工程师', '总经济师'],
  university: ['教授', '副教授', '副院长', '院长', '研究员', '副校长', '博士生导师', '讲师'],
  institute: ['研究员', '所长', '副所长', '主任', '副研究员', '首席专家', '高级工程师'],
  bank: ['行长', '副行长', '客户经理', '科创金融部总经理', '风险总监'],
  association: ['会长', '副会长', '秘书长', '理事', '常务副会长'],
  government: ['主任', '副主任', '处长', '副处长', '科长'],
  party_org: ['书记', '副书记', '委员', '组织委员'],
  park_operator: ['总经理', '招商总监', '运营总监', '副总经理'],
  other: ['主任', '合伙人', '律师', '负责人', '创始合伙人'],
};

export const politicalAffiliations = ['无党派人士', '民盟盟员', '九三学社社员', '民建会员', '致公党党员', '农工党党员', '民进会员', '民革党员', '台盟盟员'];

export const networkForms = [
  ['产业智库', 'think_tank'], ['专家服务团', 'service_team'], ['导师团', 'mentor_team'], ['产业联盟', 'alliance'],
  ['产业集群共同体', 'cluster_community'], ['新的社会阶层人士联谊会', 'association'], ['产业发展理事会', 'council'],
  ['产融委员会', 'committee'], ['服务站名录', 'station_roster'],
] as const;
export const subNetworkForms = ['专委会', '分会', '工作组', '服务队'];
export const membershipRoles = ['会长单位', '副会长单位', '理事单位', '秘书长单位', '成员'];
