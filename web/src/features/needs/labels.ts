import { useCallback } from 'react';
import { label, needActionLabels, needCategoryLabels, needStatusLabels, needUrgencyLabels, serviceKindLabels, assignmentStatusLabels } from '../../../../common/need-labels';
import { needCategories, needStatuses, needUrgencies, serviceKinds, type NeedStatus } from '../../../../common/need-workflow';
import { useLocale } from '../../app/i18n';

/** The needs vocabulary in the interface language (common/need-labels.ts). */
export function useNeedLabels() {
  const { locale } = useLocale();
  const l = useCallback((x: { zh: string; en: string }) => label(x, locale), [locale]);
  return {
    category: (c: keyof typeof needCategoryLabels) => l(needCategoryLabels[c]),
    status: (s: NeedStatus) => l(needStatusLabels[s]),
    urgency: (u: keyof typeof needUrgencyLabels) => l(needUrgencyLabels[u]),
    action: (a: string) => (a in needActionLabels ? l(needActionLabels[a as keyof typeof needActionLabels]) : a),
    serviceKind: (k: keyof typeof serviceKindLabels) => l(serviceKindLabels[k]),
    assignment: (s: keyof typeof assignmentStatusLabels) => l(assignmentStatusLabels[s]),
    categoryOptions: needCategories.map((value) => ({ value, label: l(needCategoryLabels[value]) })),
    statusOptions: needStatuses.map((value) => ({ value, label: l(needStatusLabels[value]) })),
    urgencyOptions: needUrgencies.map((value) => ({ value, label: l(needUrgencyLabels[value]) })),
    serviceKindOptions: serviceKinds.map((value) => ({ value, label: l(serviceKindLabels[value]) })),
  };
}

export const statusColor: Record<NeedStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  matched: 'geekblue',
  in_service: 'purple',
  resolved: 'green',
  confirmed: 'success',
  reopened: 'orange',
  withdrawn: 'default',
};
