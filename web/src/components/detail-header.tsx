import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Popconfirm, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../app/i18n';
import { errorMessage } from '../lib/error-message';
import { PageHeader } from './page-header';
import { QueryError } from './query-error';

/** Where a detail page sits: the section and its list, with a link back. */
export interface DetailTrail {
  /** e.g. 目录 */
  section?: string;
  /** e.g. 单位 */
  listLabel: string;
  /** e.g. /directory/organizations */
  listPath: string;
}

function DetailBreadcrumb({ trail, current }: { trail: DetailTrail; current?: string }) {
  return (
    <Breadcrumb
      className="tx-detail-breadcrumb"
      items={[
        ...(trail.section ? [{ title: trail.section }] : []),
        { title: <Link to={trail.listPath}>{trail.listLabel}</Link> },
        ...(current ? [{ title: current }] : []),
      ]}
    />
  );
}

interface DetailQuery<T> {
  data?: T;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a detail page shows before it has its record: a skeleton while loading; "not found or not visible"
 * with the way back to the list for a 404; the error with a retry otherwise. Null once the record is there.
 */
export function detailFallback<T>(query: DetailQuery<T>, trail: DetailTrail, rows = 8): ReactNode {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  // a failed background refetch keeps the page it already shows (a check-in desk must not vanish)
  if (!query.data) {
    return (
      <>
        <DetailBreadcrumb trail={trail} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} backTo={trail.listPath} />
      </>
    );
  }
  return null;
}

/**
 * The head of a detail page: breadcrumb, back to the list, the title with its tags, and 编辑 / 合并 / 删除
 * (each only when given; 删除 asks first, then goes back to the list).
 */
export function DetailHeader({
  trail,
  name,
  title,
  subtitle,
  onEdit,
  onMerge,
  remove,
  extra,
}: {
  trail: DetailTrail;
  /** the record's name, for the breadcrumb and the messages */
  name: string;
  /** the heading when it is more than the name (tags) */
  title?: ReactNode;
  subtitle?: ReactNode;
  onEdit?: () => void;
  onMerge?: () => void;
  remove?: {
    confirm: string;
    hint?: string;
    /** deleting is not possible now (the hint says why) */
    blocked?: boolean;
    run: () => Promise<unknown>;
    pending: boolean;
    done: string;
  };
  /** more buttons, before the edit ones */
  extra?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onDelete = () =>
    remove?.run().then(
      () => {
        void message.success(remove.done);
        void navigate(trail.listPath, { replace: true });
      },
      (error: unknown) => void message.error(errorMessage(error, t)),
    );

  const hasActions = extra || onEdit || onMerge || remove;
  return (
    <>
      <DetailBreadcrumb trail={trail} current={name} />
      <PageHeader
        title={
          <span className="tx-detail-title">
            <Link to={trail.listPath} className="tx-detail-back" aria-label={t('detail.backToList')} title={t('detail.backToList')}>
              <ArrowLeftOutlined />
            </Link>
            <span>{title ?? name}</span>
          </span>
        }
        subtitle={subtitle}
        extra={
          hasActions ? (
            <>
              {extra}
              {onEdit ? (
                <Button icon={<EditOutlined />} onClick={onEdit}>
                  {t('common.edit')}
                </Button>
              ) : null}
              {onMerge ? (
                <Button icon={<MergeCellsOutlined />} onClick={onMerge}>
                  {t('merge.button')}
                </Button>
              ) : null}
              {remove ? (
                <Popconfirm
                  title={remove.confirm}
                  description={remove.hint}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, disabled: remove.blocked }}
                  onConfirm={onDelete}
                >
                  <Button danger icon={<DeleteOutlined />} loading={remove.pending}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ) : null}
            </>
          ) : undefined
        }
      />
    </>
  );
}
