import {
  membershipTierLabelsEn,
  networkKindLabelsEn,
  networkPersonRoleLabelsEn,
  organizationKindLabelsEn,
  organizationSizeLabelsEn,
  personRoleLabelsEn,
  placeKindLabelsEn,
} from '../../../../common/labels-en';
import type { zhCNLabels } from './zh-CN-labels';

/** `{ 'orgKind.enterprise': 'Enterprise', … }` */
function labelsOf<P extends string, K extends string>(prefix: P, labels: Record<K, string>): Record<`${P}.${K}`, string> {
  return Object.fromEntries(Object.entries<string>(labels).map(([code, word]) => [`${prefix}.${code}`, word])) as Record<`${P}.${K}`, string>;
}

/**
 * English names of the glossary's enumerations, from common/labels-en.ts: the table the English audit export
 * writes, beside the Chinese one of common/labels.ts.
 */
export const enLabels: Record<keyof typeof zhCNLabels, string> = {
  ...labelsOf('orgKind', organizationKindLabelsEn),
  ...labelsOf('orgSize', organizationSizeLabelsEn),
  ...labelsOf('tier', membershipTierLabelsEn),
  ...labelsOf('tier', networkPersonRoleLabelsEn),
  ...labelsOf('personRole', personRoleLabelsEn),
  ...labelsOf('networkKind', networkKindLabelsEn),
  ...labelsOf('placeKind', placeKindLabelsEn),
};
