import type { UseMutationResult } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, type FormInstance } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useT } from '../app/i18n';
import { errorMessage } from '../lib/error-message';
import { applyFieldErrors } from '../lib/form-errors';

export interface FormDrawerOptions {
  onClose: () => void;
  /** the form's top-level field names: a server field message for one of them is shown on that field */
  fields: readonly string[];
  /** maps a server path to the form's own, where they differ */
  renamePath?: (path: string) => string;
}

/**
 * The state of a 新建 / 编辑 drawer: the form, a close that asks before discarding unsaved changes,
 * and a save that shows the server's field messages on the fields (and anything else as a message).
 */
export function useFormDrawer<V>({ onClose, fields, renamePath }: FormDrawerOptions) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<V>();

  const requestClose = useCallback(() => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: t('form.discardTitle'),
      content: t('form.discardText'),
      okText: t('form.discard'),
      okButtonProps: { danger: true },
      cancelText: t('form.keepEditing'),
      onOk: onClose,
    });
  }, [form, modal, onClose, t]);

  const showError = useCallback(
    (error: unknown) => {
      if (!applyFieldErrors(form, error, fields, renamePath)) void message.error(errorMessage(error, t));
    },
    [fields, form, message, renamePath, t],
  );

  /**
   * Runs the save mutation: on success says `success(saved)`, closes and calls `onSaved`; on failure
   * `handleError` may take the error (returning true), otherwise it goes onto the fields.
   */
  const save = <R, Vars>(
    mutation: UseMutationResult<R, unknown, Vars>,
    variables: Vars,
    handlers: { success: (saved: R) => string; onSaved?: (saved: R) => void; handleError?: (error: unknown) => boolean },
  ) =>
    mutation.mutate(variables, {
      onSuccess: (saved) => {
        void message.success(handlers.success(saved));
        onClose();
        handlers.onSaved?.(saved);
      },
      onError: (error) => {
        if (!handlers.handleError?.(error)) showError(error);
      },
    });

  /**
   * The save of a record the server may refuse as a likely duplicate: an edit (`id` given) is sent as is; a
   * create is sent without `force` first and, when `confirmAnyway` takes the refusal (asking 仍要创建 and
   * calling `createAnyway` on yes), sent again with `force: true`.
   */
  const saveRecord = <R, I extends { force?: boolean }>(
    mutation: UseMutationResult<R, unknown, { id?: string; input: I }>,
    id: string | undefined,
    input: I,
    handlers: {
      success: (saved: R) => string;
      onSaved?: (saved: R) => void;
      confirmAnyway: (error: unknown, createAnyway: () => void) => boolean;
    },
  ) => {
    const send = (force: boolean) =>
      save(mutation, { id, input: force ? { ...input, force: true } : input }, {
        success: handlers.success,
        onSaved: handlers.onSaved,
        handleError: (error) => id === undefined && !force && handlers.confirmAnyway(error, () => send(true)),
      });
    send(false);
  };

  return { form, requestClose, showError, save, saveRecord };
}

export type FormDrawerState<V> = ReturnType<typeof useFormDrawer<V>>;

/** The drawer around a form: title, width, 取消 / 保存 in the footer; closing asks first when something changed. */
export function FormDrawer<V>({
  drawer,
  title,
  size,
  saving,
  children,
}: {
  drawer: { form: FormInstance<V>; requestClose: () => void };
  title: ReactNode;
  size: number;
  saving: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Drawer
      open
      // never wider than a phone's screen
      size={`min(${size}px, 100vw)`}
      title={title}
      onClose={drawer.requestClose}
      className="tx-form-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={drawer.requestClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => drawer.form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
