import { describe, expect, it } from 'vitest';
import { extractReportText } from '../ingest';
import {
  afterCategory,
  afterConjunction,
  dropShortForms,
  hostOfLaboratory,
  isDescriptiveGroup,
  isShortFormOf,
  notAnOrganisation,
  onlyAsHonoraryPost,
} from './org-rules';
import { orgsInSentence } from './orgs';

// Lines written for these rules (none copied from the seeds).
describe('organisation rules', () => {
  it('a standard short ending is the same body as its full ending, with the same or a bare level prefix', () => {
    expect(isShortFormOf('徐汇新联会', '徐汇区新的社会阶层人士联谊会')).toBe(true);
    expect(isShortFormOf('区新联会', '徐汇区新的社会阶层人士联谊会')).toBe(true);
    expect(isShortFormOf('市知联会', '上海市知识分子联谊会')).toBe(true);
    expect(isShortFormOf('区经信委', '区经济信息化委')).toBe(true);
    expect(isShortFormOf('杨浦新联会', '徐汇区新的社会阶层人士联谊会')).toBe(false);
    // 经信委 (the commission) is not the 经济信息化工作党委 (the party work committee)
    expect(isShortFormOf('市经信委', '上海市经济信息化工作党委')).toBe(false);
  });

  it('an ad-hoc short name skips characters of the full one; a contiguous piece names another body', () => {
    expect(isShortFormOf('南京市科信工作党委', '南京市科技信息化工作党委')).toBe(true);
    expect(isShortFormOf('上海大学', '上海交通大学')).toBe(false);
    expect(isShortFormOf('中国银行', '中国建设银行')).toBe(false);
    // written before the full name, an ad-hoc short name is a name of its own
    expect(isShortFormOf('华电集团', '中国华电集团', false)).toBe(false);
  });

  it('dropShortForms keeps the full name whichever comes first for standard endings', () => {
    const orgs = [
      { name: '奉贤新联会', start: 10 },
      { name: '奉贤区新的社会阶层人士联谊会', start: 90 },
      { name: '东方电气集团', start: 120 },
      { name: '东电集团', start: 150 },
    ];
    expect(dropShortForms(orgs).map((o) => o.name)).toEqual(['奉贤区新的社会阶层人士联谊会', '东方电气集团']);
  });

  it('a group named only with common words is a description; a place, brand or Latin name makes it a name', () => {
    expect(isDescriptiveGroup('制造业企业党建联盟')).toBe(true);
    expect(isDescriptiveGroup('“同心圆”青年专家服务团')).toBe(true);
    expect(isDescriptiveGroup('松江区青年专家服务团')).toBe(false);
    expect(isDescriptiveGroup('G60科创走廊产业联盟')).toBe(false);
    expect(isDescriptiveGroup('某某科技有限公司')).toBe(false);
  });

  it('an academy before 院士, a centre being built, a 市、区 body and a 重点 description are not organisations', () => {
    expect(notAnOrganisation('中国工程院', '陈某为', '院士')).toBe(true);
    expect(notAnOrganisation('国际金融中心', '加快', '建设')).toBe(true);
    expect(notAnOrganisation('区青年企业家协会', '来自市、', '的代表')).toBe(true);
    expect(notAnOrganisation('重点企业服务中心', '成立', '')).toBe(true);
    expect(notAnOrganisation('中国工程院', '由', '主办')).toBe(false);
  });

  it('a laboratory stands for its host; a category word before a name is dropped; 及 splits glued names', () => {
    expect(hostOfLaboratory('复旦大学附属华山医院神经疾病重点实验室')).toBe('复旦大学附属华山医院');
    expect(hostOfLaboratory('同济大学汽车学院')).toBe('同济大学汽车学院');
    expect(afterCategory('美丽乡村示范村吴房村')).toBe('吴房村');
    expect(afterConjunction('徐汇区委及上海电气集团')).toBe('上海电气集团');
    expect(afterConjunction('段和段律师事务所')).toBe('段和段律师事务所');
  });

  it('an organisation only named as the seat of an honorary post is part of a title', () => {
    expect(onlyAsHonoraryPost(['会长张某', '理事长'])).toBe(true);
    expect(onlyAsHonoraryPost(['会长张某', '主办的'])).toBe(false);
    expect(onlyAsHonoraryPost(['副校长李某'])).toBe(false);
  });

  it('the leading part of a longer name at the same place is not a second mention', () => {
    expect(orgsInSentence('南京市委组织部和江苏银行南京城东支行参加。', 0).map((o) => o.name)).toEqual(['南京市委组织部', '江苏银行南京城东支行']);
  });

  it('a made-up report: short forms, honorary posts and descriptions leave the mentioned list', () => {
    const x = extractReportText(`静安区新的社会阶层人士联谊会举办年会
2025-02-20 来源:静安统战
2月18日,静安区新的社会阶层人士联谊会年会在静安区文化馆举行。静安区委统战部、上海云帆科技有限公司代表出席。
上海明德研究会会长、上海云帆科技有限公司总经理王晓东介绍了情况。会上成立了青年企业家服务团,静安新联会将继续联系重点产业专委会。`);
    expect(x.organizations_mentioned).toEqual(expect.arrayContaining(['静安区新的社会阶层人士联谊会', '静安区委统战部', '上海云帆科技有限公司']));
    expect(x.organizations_mentioned).not.toContain('静安新联会');
    expect(x.organizations_mentioned).not.toContain('上海明德研究会');
    expect(x.organizations_mentioned).not.toContain('青年企业家服务团');
    expect(x.organizations_mentioned).not.toContain('重点产业专委会');
  });
});

describe('figure rules', () => {
  it('a count of the items just quoted is not a figure; a label stops where a clause goes on', async () => {
    const { figuresInText, nounPhrase } = await import('./figures');
    expect(figuresInText('围绕“学、思、用”三个方面开展活动,共有12家企业参加。', 0).map((f) => f.value)).toEqual([12]);
    expect(nounPhrase('分会场当天同步开展法律咨询')).toBe('分会场');
    expect(nounPhrase('发起单位')).toBe('发起单位');
    expect(nounPhrase('战略导航书')).toBe('战略导航书');
  });
});
