import { Button, Result } from 'antd';
import { useT } from '../app/i18n';
import { isApiError } from '../lib/api';
import { errorMessage } from '../lib/error-message';

/** A failed load, with the server's message, its request id (for support) and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
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
