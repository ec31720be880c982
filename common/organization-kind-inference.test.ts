import { describe, expect, it } from 'vitest';
import { inferOrganizationKind } from './organization-kind-inference';

describe('inferOrganizationKind', () => {
  it('reads the kind from the ending of the name, most specific first', () => {
    expect(inferOrganizationKind('复旦大学')).toBe('university');
    expect(inferOrganizationKind('上海电机学院')).toBe('university');
    expect(inferOrganizationKind('中国科学院上海微系统研究所')).toBe('institute');
    expect(inferOrganizationKind('中国工程院')).toBe('institute');
    expect(inferOrganizationKind('徐汇区工商业联合会')).toBe('association');
    expect(inferOrganizationKind('静安区新的社会阶层人士联谊会')).toBe('association');
    expect(inferOrganizationKind('长宁区外商投资企业协会')).toBe('association');
    expect(inferOrganizationKind('宝山区人民政府')).toBe('government');
    expect(inferOrganizationKind('区科经委')).toBe('government');
    expect(inferOrganizationKind('中共杨浦区委')).toBe('party_org');
    expect(inferOrganizationKind('上海云帆科技有限公司党委')).toBe('party_org');
    expect(inferOrganizationKind('区委统战部')).toBe('party_org');
    expect(inferOrganizationKind('交通银行上海徐汇支行')).toBe('bank');
    expect(inferOrganizationKind('中国电气装备集团')).toBe('soe');
    expect(inferOrganizationKind('上海云帆科技有限公司')).toBe('enterprise');
    expect(inferOrganizationKind('东浩兰生(集团)有限公司')).toBe('enterprise');
    expect(inferOrganizationKind('松江经济技术开发区')).toBe('park_operator');
    expect(inferOrganizationKind('同心荟')).toBe('other');
  });
});
