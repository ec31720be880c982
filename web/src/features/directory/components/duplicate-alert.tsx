import { Alert, App, Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n';
import { duplicateReasonLabel } from '../labels';
import type { DuplicateCandidate } from '../types';

/** "可能重复": records the server thinks are the same as the one being entered, each a link (new tab). */
export function DuplicateAlert({
  candidates,
  pathOf,
  description,
}: {
  candidates: readonly DuplicateCandidate[];
  pathOf: (id: string) => string;
  description?: string;
}) {
  const t = useT();
  if (candidates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="duplicate-alert"
      title={t('dup.title')}
      description={
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{description ?? t('dup.hint')}</Typography.Text>
          <CandidateList candidates={candidates} pathOf={pathOf} />
        </Flex>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function CandidateList({
  candidates,
  pathOf,
}: {
  candidates: readonly DuplicateCandidate[];
  pathOf: (id: string) => string;
}) {
  const t = useT();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {candidates.map((candidate) => (
        <li key={candidate.id}>
          {/* a plain link (new tab): this list is also shown in confirm dialogs, outside the router */}
          <a href={pathOf(candidate.id)} target="_blank" rel="noopener">
            {candidate.name}
          </a>
          <Tag style={{ marginInlineStart: 8 }}>{duplicateReasonLabel(t, candidate.reason)}</Tag>
          {[candidate.districtName, candidate.uscc, candidate.titles].filter(Boolean).length > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[candidate.districtName, candidate.uscc, candidate.titles].filter(Boolean).join(' · ')}
            </Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The candidates a 409 DUPLICATE answer carries (none for a plain conflict such as the same credit code). */
export function duplicateCandidatesOf(error: unknown): DuplicateCandidate[] {
  if (typeof error !== 'object' || error === null) return [];
  const body = (error as { code?: unknown; body?: Record<string, unknown> }).body;
  if ((error as { code?: unknown }).code !== 'DUPLICATE' || !Array.isArray(body?.candidates)) return [];
  return body.candidates as DuplicateCandidate[];
}

/**
 * A failed create that the server answered with duplicate candidates: ask "仍要创建" and call
 * onCreateAnyway (which resubmits with force) when confirmed. Returns false for any other error.
 */
export function confirmCreateAnyway(
  error: unknown,
  opts: {
    modal: ReturnType<typeof App.useApp>['modal'];
    t: ReturnType<typeof useT>;
    text: string;
    pathOf: (id: string) => string;
    onCreateAnyway: () => void;
  },
): boolean {
  const found = duplicateCandidatesOf(error);
  if (found.length === 0) return false;
  const { modal, t } = opts;
  modal.confirm({
    title: t('dup.confirmTitle'),
    width: 520,
    content: (
      <Flex vertical gap={8}>
        <span>{opts.text}</span>
        <CandidateList candidates={found} pathOf={opts.pathOf} />
      </Flex>
    ),
    okText: t('dup.createAnyway'),
    cancelText: t('common.cancel'),
    onOk: opts.onCreateAnyway,
  });
  return true;
}

/** `confirmAnyway` for useFormDrawer's saveRecord: the 仍要创建 question with this text and the candidates as links. */
export function useConfirmCreateAnyway(pathOf: (id: string) => string) {
  const t = useT();
  const { modal } = App.useApp();
  return (text: string) => (error: unknown, createAnyway: () => void) =>
    confirmCreateAnyway(error, { modal, t, text, pathOf, onCreateAnyway: createAnyway });
}
