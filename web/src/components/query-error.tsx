import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../app/i18n';
import { isApiError } from '../lib/api';
import { errorMessage } from '../lib/error-message';

/** A record the server does not show: it does not exist, or it lies outside the user's scope (both are a 404). */
export function isNotFound(error: unknown): boolean {
  return isApiError(error, 'NOT_FOUND') || (isApiError(error) && error.status === 404);
}

/**
 * A failed load, with the server's message, its request id (for support) and a retry button.
 * A missing or out-of-scope record is no error to retry: it says so and offers the way back (`backTo`).
 */
export function QueryError({
  error,
  onRetry,
  backTo,
}: {
  error: unknown;
  onRetry?: () => void;
  /** the list the record belongs to, offered when the record is not found */
  backTo?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (isNotFound(error)) {
    return (
      <Result
        status="404"
        title={t('detail.notFoundTitle')}
        subTitle={t('detail.notFoundText')}
        extra={
          <Button type="primary" onClick={() => void navigate(backTo ?? '/')}>
            {backTo ? t('detail.backToList') : t('common.backHome')}
          </Button>
        }
      />
    );
  }
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Result
      status="error"
      title={t('common.errorTitle')}
      subTitle={
        <>
          <div>{errorMessage(error, t)}</div>
          {requestId ? <div>{t('common.requestId', { id: requestId })}</div> : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
