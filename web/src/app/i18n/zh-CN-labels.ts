import {
  membershipTierLabels,
  networkKindLabels,
  networkPersonRoleLabels,
  organizationKindLabels,
  organizationSizeLabels,
  personRoleLabels,
  placeKindLabels,
} from '../../../../common/labels';

/** `{ 'orgKind.enterprise': '企业', … }`: the word of each code, or the first (written) one of its words. */
export function labelsOf<P extends string, K extends string>(
  prefix: P,
  labels: Record<K, string | readonly string[]>,
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(
    Object.entries<string | readonly string[]>(labels).map(([code, words]) => [`${prefix}.${code}`, typeof words === 'string' ? words : words[0]]),
  ) as Record<`${P}.${K}`, string>;
}

/**
 * The zh-CN names of the glossary's enumerations come from common/labels.ts, the table the imports read and
 * the exports write, so that the list, the form, the template and the import all say the same word.
 */
export const zhCNLabels = {
  ...labelsOf('orgKind', organizationKindLabels),
  ...labelsOf('orgSize', organizationSizeLabels),
  ...labelsOf('tier', membershipTierLabels),
  ...labelsOf('tier', networkPersonRoleLabels),
  ...labelsOf('personRole', personRoleLabels),
  ...labelsOf('networkKind', networkKindLabels),
  ...labelsOf('placeKind', placeKindLabels),
};
