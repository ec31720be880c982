import type { zhCNAdmin } from './zh-CN-admin';

/** English strings of the admin pages; typed against the Chinese so that a missing key fails the type check. */
export const enAdmin: Record<keyof typeof zhCNAdmin, string> = {
  'tier.founding_expert': 'Founding expert',
  'tier.expert': 'Expert',
  'tier.mentor': 'Mentor',
  'tier.adviser': 'Adviser',
  'tier.secretary_general': 'Secretary-general',
  'tier.individual_member': 'Member',
  'membership.position': 'Tier / role',
  'membership.personRole': 'Role',
  'network.changeRole': 'Change role',
  'network.showMembersOf': 'Show {tier} members',
  'network.showAllMembers': 'Show all members',
  'network.peopleCount': 'People {count}',
  'network.organizationsCount': 'Organisations {count}',
  'audit.record': 'Record',
  'audit.recordPlaceholder': 'Part of the name',
  'audit.allActions': 'All actions',
  'audit.allEntities': 'All types',
  'audit.export': 'Export to Excel',
  'audit.exported': 'Exported {name}',
  'audit.field': 'Field',
  'audit.changedCount': '{count} fields changed (highlighted)',
  'audit.changedField': 'Changed: {field}',
  'audit.noDetails': 'No details',
};
