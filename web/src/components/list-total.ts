import type { Translate } from '../app/i18n';

/**
 * A list's total as shown in its pagination: exact totals as they are, estimated ones (the server
 * counts up to 10,000 and estimates beyond, `totalEstimated: true`) as 约 1,000,000 / about 1,000,000.
 */
export function listTotalLabel(total: number, estimated: boolean | undefined, t: Translate): string {
  return estimated ? t('list.totalEstimated', { total: total.toLocaleString('en-US') }) : String(total);
}
