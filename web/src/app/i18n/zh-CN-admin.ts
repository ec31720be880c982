/** Simplified Chinese strings of the admin pages: audit log, users, industry editor, people's roles in networks. */
export const zhCNAdmin = {
  'tier.founding_expert': '首批专家',
  'tier.expert': '专家',
  'tier.mentor': '导师',
  'tier.adviser': '顾问',
  'tier.secretary_general': '秘书长',
  'tier.individual_member': '成员',
  'membership.position': '层级 / 角色',
  'membership.personRole': '个人角色',
  'network.changeRole': '调整角色',
  'network.showMembersOf': '查看{tier}成员',
  'network.showAllMembers': '查看全部成员',
  'network.peopleCount': '个人 {count}',
  'network.organizationsCount': '单位 {count}',
} as const;
