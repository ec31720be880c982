import {
  membershipTierLabelsEn,
  networkKindLabelsEn,
  networkPersonRoleLabelsEn,
  organizationKindLabelsEn,
  organizationSizeLabelsEn,
  personRoleLabelsEn,
  placeKindLabelsEn,
} from '../../../../common/labels-en';
import { labelsOf, type zhCNLabels } from './zh-CN-labels';

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
