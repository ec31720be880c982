import { App, Select, Tag, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../app/i18n';
import { ListPage, useListParams } from '../../../components/list-page';
import { errorMessage } from '../../../lib/error-message';
import { useCanEditDirectory } from '../../directory/use-can-edit';
import { agreementKindLabels, agreementKinds, agreementReviewLabels, agreementReviews, optionsOf, useAgreementReview, useAgreements, useWords, type AgreementRow } from '../api';

const filterKeys = ['q', 'kind', 'review'] as const;

/** 协议台账: every agreement and plan in scope, with its parties, commitments, due dates and six-month review. */
export function AgreementsPage() {
  const t = useT();
  const { locale } = useLocale();
  const words = useWords();
  const { message } = App.useApp();
  const canEdit = useCanEditDirectory();
  const params = useListParams({ filterKeys });
  const { page, pageSize, get } = params;
  const filters = { q: get('q'), kind: get('kind'), review: get('review') };
  const list = useAgreements({ ...filters, page, pageSize });
  const review = useAgreementReview();

  const columns: NonNullable<TableProps<AgreementRow>['columns']> = [
    { key: 'title', title: t('event.agreementTitle'), render: (_, a) => <strong>{a.title}</strong> },
    { key: 'kind', title: t('event.agreementKind'), width: 110, render: (_, a) => <Tag>{words(agreementKindLabels, a.kind)}</Tag> },
    { key: 'signedOn', title: t('event.signedOn'), width: 110, render: (_, a) => a.signedOn ?? '—' },
    { key: 'event', title: t('event.title'), width: 200, ellipsis: true, render: (_, a) => (a.eventId ? <Link to={`/events/${a.eventId}`}>{a.eventTitle}</Link> : '—') },
    { key: 'parties', title: t('event.parties'), ellipsis: true, render: (_, a) => a.parties.map((p) => p.name).join('、') || '—' },
    {
      key: 'commitments',
      title: t('event.commitments'),
      render: (_, a) =>
        a.commitments.length
          ? a.commitments.map((c) => (
              <div key={c.id}>
                {c.text}
                {c.dueOn ? <Tag style={{ marginLeft: 4 }}>{c.dueOn}</Tag> : null}
              </div>
            ))
          : '—',
    },
    {
      key: 'review',
      title: t('event.review'),
      width: 150,
      render: (_, a) =>
        canEdit ? (
          <Select
            size="small"
            aria-label={t('event.review')}
            value={a.review}
            style={{ width: 130 }}
            options={optionsOf(agreementReviews, agreementReviewLabels, locale)}
            onChange={(value: string) => review.mutate({ id: a.id, review: value }, { onError: (e) => void message.error(errorMessage(e, t)) })}
          />
        ) : (
          words(agreementReviewLabels, a.review)
        ),
    },
  ];

  return (
    <ListPage<AgreementRow>
      title={t('event.agreementsTitle')}
      subtitle={t('event.agreementsSubtitle')}
      params={params}
      search={{ placeholder: t('event.agreementSearch') }}
      filters={
        <>
          <Select allowClear style={{ width: 140 }} aria-label={t('event.agreementKind')} placeholder={t('event.agreementKind')} value={filters.kind} options={optionsOf(agreementKinds, agreementKindLabels, locale)} onChange={(kind?: string) => params.update({ kind })} />
          <Select allowClear style={{ width: 140 }} aria-label={t('event.review')} placeholder={t('event.review')} value={filters.review} options={optionsOf(agreementReviews, agreementReviewLabels, locale)} onChange={(r?: string) => params.update({ review: r })} />
        </>
      }
      list={list}
      columns={columns}
      emptyText={{ empty: t('event.noAgreements'), filtered: t('event.noAgreements') }}
      totalText={(total) => t('event.agreementsTotal', { total })}
      scrollX={1100}
    />
  );
}
