import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import { useEventRoute, useRoutes, useSetEventRoute } from '../api';
import { formatMetres } from '../format';

/** On the event page: the route the event follows (a site visit along a 智游线路), and a picker to set it. */
export function EventRouteCard({ eventId, canChange }: { eventId: string; canChange: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const current = useEventRoute(eventId);
  const [q, setQ] = useState('');
  const routes = useRoutes({ q: q || undefined, page: 1, pageSize: 20 });
  const set = useSetEventRoute(eventId);
  const route = current.data?.route ?? null;
  const save = (routeId: string | null) =>
    set.mutate(routeId, {
      onSuccess: () => void message.success(t('map.eventRouteSaved')),
      onError: (e) => void message.error(errorMessage(e, t)),
    });
  return (
    <Card size="small" title={t('map.eventRoute')} style={{ marginTop: 16 }} data-testid="event-route">
      <Flex vertical gap={8}>
        {route ? (
          <Typography.Text>
            <Link to={`/map/routes/${route.id}`}>{route.name}</Link>
            <Typography.Text type="secondary">
              {' · '}
              {t('map.routeSummary', { stops: route.stops, total: formatMetres(route.totalM, locale) })}
            </Typography.Text>
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('map.noEventRoute')}</Typography.Text>
        )}
        {canChange && (
          <Flex wrap gap={8}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              style={{ minWidth: 220, flex: '1 1 220px' }}
              placeholder={t('map.pickRoute')}
              aria-label={t('map.pickRoute')}
              value={null}
              loading={routes.isFetching}
              options={(routes.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
              onChange={(v: string) => save(v)}
            />
            {route && (
              <Button onClick={() => save(null)} loading={set.isPending}>
                {t('map.clearEventRoute')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
