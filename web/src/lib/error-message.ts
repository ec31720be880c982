import type { Translate } from '../app/i18n';
import { isApiError } from './api';

/** The text to show for a failed request: the server's own (localised) message when it sent one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return t('common.errorNetwork');
    if (error.code === 'UNKNOWN') return t('common.errorGeneric');
    return error.message;
  }
  return t('common.errorGeneric');
}
