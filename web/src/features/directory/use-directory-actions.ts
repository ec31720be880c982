import { useT } from '../../app/i18n';
import type { RowActions } from '../../components/list-page';
import { useCanEditDirectory } from './use-can-edit';

/** The directory's record kinds as their message prefixes (org.deleteConfirm, person.deleted …). */
export type DirectoryRecordKind = 'org' | 'person' | 'network' | 'place';

interface Named {
  id: string;
  name: string;
  childCount?: number;
}

interface DeleteMutation {
  mutateAsync: (id: string) => Promise<unknown>;
  isPending: boolean;
}

function useDeleteTexts(kind: DirectoryRecordKind) {
  const t = useT();
  return {
    confirm: (record: Named) => t(`${kind}.deleteConfirm`, { name: record.name }),
    hint: (record: Named) => {
      if (kind === 'network') {
        return (record.childCount ?? 0) > 0 ? t('network.deleteHasChildren') : t('network.deleteConfirmHint');
      }
      return kind === 'place' ? undefined : t(`${kind}.deleteConfirmHint`);
    },
    /** a network with sub-networks cannot be deleted */
    blocked: (record: Named) => kind === 'network' && (record.childCount ?? 0) > 0,
    done: (record: Named) => t(`${kind}.deleted`, { name: record.name }),
  };
}

/** A list's 操作 column for those who may write the directory: 编辑 (opens the drawer) and 删除 (asks first). */
export function useDirectoryRowActions<T extends Named>(
  kind: DirectoryRecordKind,
  onEdit: (row: T) => void,
  remove: DeleteMutation,
): RowActions<T> | undefined {
  const canEdit = useCanEditDirectory();
  const texts = useDeleteTexts(kind);
  if (!canEdit) return undefined;
  return { onEdit, remove: { ...texts, run: (row) => remove.mutateAsync(row.id) } };
}

/** The 删除 of a detail header for those who may write the directory. */
export function useDirectoryDelete(kind: DirectoryRecordKind, record: Named | undefined, remove: DeleteMutation) {
  const canEdit = useCanEditDirectory();
  const texts = useDeleteTexts(kind);
  if (!canEdit || !record) return undefined;
  return {
    confirm: texts.confirm(record),
    hint: texts.hint(record),
    blocked: texts.blocked(record),
    run: () => remove.mutateAsync(record.id),
    pending: remove.isPending,
    done: texts.done(record),
  };
}
