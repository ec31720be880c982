import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Radio, Result, Steps, Typography, Upload } from 'antd';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { errorMessage } from '../../../lib/error-message';
import {
  downloadErrorReport,
  downloadTemplate,
  importReportOf,
  useCheckImport,
  useRunImport,
  type ExistingMode,
  type ImportMode,
  type ImportReport,
  type IoKind,
} from '../api';
import { ImportReportTable } from './import-report-table';

/** 下载错误行: the bad rows with an added 错误 column (kept by the server for 7 days). */
function ErrorReportButton({ token }: { token: string }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      onClick={() =>
        void downloadErrorReport(token).catch((error: unknown) => {
          void message.error(errorMessage(error, t));
        })
      }
    >
      {t('import.errorReport')}
    </Button>
  );
}

/**
 * 导入: download the template, upload a file, check it (errors by row and column, likely duplicates),
 * then import — everything or nothing (default), or only the good rows with a report of the others.
 */
export function ImportModal({ kind, title, onClose }: { kind: IoKind; title: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<ImportMode>('all');
  const [existing, setExisting] = useState<ExistingMode>('skip');
  const [failure, setFailure] = useState<{ report: ImportReport; message: string }>();
  const check = useCheckImport(kind);
  const run = useRunImport(kind);

  const checked = check.data;
  const result = run.data;
  const badRows = checked ? new Set(checked.errors.map((error) => error.row)).size : 0;
  const step = result ? 2 : checked ? 1 : 0;

  const choose = (next: File | undefined) => {
    setFile(next);
    setFailure(undefined);
    check.reset();
    run.reset();
  };

  const onCheck = () => {
    if (!file) return;
    setFailure(undefined);
    check.mutate(file, { onError: (error) => void message.error(errorMessage(error, t)) });
  };

  const onImport = () => {
    if (!file) return;
    setFailure(undefined);
    run.mutate(
      { file, mode, existing },
      {
        onSuccess: (done) =>
          void message.success(
            [t('import.done', { imported: done.imported, total: done.total }), done.skipped || done.updated ? t('import.existingDone', { skipped: done.skipped, updated: done.updated }) : '']
              .filter(Boolean)
              .join(' '),
          ),
        onError: (error) => {
          const report = importReportOf(error);
          if (report) setFailure({ report, message: errorMessage(error, t) });
          else void message.error(errorMessage(error, t));
        },
      },
    );
  };

  const onTemplate = () =>
    downloadTemplate(kind).catch((error: unknown) => {
      void message.error(errorMessage(error, t));
    });

  const blockedByErrors = mode === 'all' && badRows > 0;
  const footer = result
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t('import.finish')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        checked ? (
          <Button
            key="import"
            type="primary"
            loading={run.isPending}
            disabled={blockedByErrors || checked.valid === 0}
            onClick={onImport}
          >
            {t('import.run')}
          </Button>
        ) : (
          <Button key="check" type="primary" loading={check.isPending} disabled={!file} onClick={onCheck}>
            {t('import.check')}
          </Button>
        ),
      ];

  return (
    <Modal open width={820} title={title} onCancel={onClose} footer={footer} mask={{ closable: false }}>
      <Flex vertical gap={16} style={{ marginTop: 8 }}>
        <Steps
          size="small"
          current={step}
          items={[{ title: t('import.stepFile') }, { title: t('import.stepCheck') }, { title: t('import.stepImport') }]}
        />
        {result ? (
          <>
            <Result
              status={result.errors.length > 0 ? 'warning' : 'success'}
              title={t('import.done', { imported: result.imported, total: result.total })}
              subTitle={result.errors.length > 0 ? t('import.skipped', { count: new Set(result.errors.map((error) => error.row)).size }) : undefined}
              extra={
                result.errorReportToken ? <ErrorReportButton token={result.errorReportToken} /> : undefined
              }
            />
            {result.errors.length > 0 ? <ImportReportTable errors={result.errors} errorCount={result.errorCount} /> : null}
          </>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              title={t('import.templateHint')}
              action={
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void onTemplate()}>
                  {t('import.template')}
                </Button>
              }
            />
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={file ? [{ uid: 'import-file', name: file.name, status: 'done' }] : []}
              beforeUpload={(picked) => {
                choose(picked);
                return false;
              }}
              onRemove={() => choose(undefined)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropHint')}</p>
              <p className="ant-upload-hint">{t('import.dropFormats')}</p>
            </Upload.Dragger>
            <div>
              <Typography.Text strong>{t('import.mode')}</Typography.Text>
              <Radio.Group
                value={mode}
                onChange={(event) => setMode(event.target.value as ImportMode)}
                style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
                options={[
                  { value: 'all', label: t('import.modeAll') },
                  { value: 'valid', label: t('import.modeValid') },
                ]}
              />
            </div>
            {kind === 'organizations' || kind === 'places' ? (
              <div>
                <Typography.Text strong>{t('import.existing')}</Typography.Text>
                <Radio.Group
                  value={existing}
                  onChange={(event) => setExisting(event.target.value as ExistingMode)}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
                  options={[
                    { value: 'skip', label: t('import.existingSkip') },
                    { value: 'update', label: t('import.existingUpdate') },
                  ]}
                />
              </div>
            ) : null}
            {checked ? (
              <>
                <Alert
                  type={badRows > 0 ? 'warning' : 'success'}
                  showIcon
                  title={t('import.checkSummary', { total: checked.total, valid: checked.valid, bad: badRows })}
                  description={
                    blockedByErrors ? t('import.blockedHint') : badRows > 0 ? t('import.validHint') : undefined
                  }
                />
                {checked.matched > 0 ? (
                  <Alert type="info" showIcon title={t(existing === 'skip' ? 'import.matchedSkip' : 'import.matchedUpdate', { count: checked.matched })} />
                ) : null}
                {checked.nearNamesChecked < checked.valid ? (
                  <Alert type="info" showIcon title={t('import.nearNamesPartial', { checked: checked.nearNamesChecked, valid: checked.valid })} />
                ) : null}
                {checked.errors.length > 0 ? <ImportReportTable errors={checked.errors} errorCount={checked.errorCount} /> : null}
                {checked.duplicates.length > 0 ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('import.duplicatesTitle', { count: checked.duplicates.length })}
                    description={
                      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                        {checked.duplicates.map((duplicate) => (
                          <li key={duplicate.row}>
                            {t('import.duplicateRowPrefix', { row: duplicate.row })}
                            {duplicate.candidates.map((candidate, i) => (
                              <Fragment key={candidate.id ?? `row-${candidate.row}`}>
                                {i > 0 ? t('import.listSeparator') : null}
                                {candidate.row ? (
                                  t('import.duplicateInFile', { row: candidate.row, name: candidate.name })
                                ) : candidate.id && kind === 'organizations' ? (
                                  <Link to={`/directory/organizations/${encodeURIComponent(candidate.id)}`} target="_blank">
                                    {candidate.name}
                                  </Link>
                                ) : candidate.id && kind === 'people' ? (
                                  <Link to={`/directory/people/${encodeURIComponent(candidate.id)}`} target="_blank">
                                    {candidate.name}
                                  </Link>
                                ) : (
                                  candidate.name
                                )}
                              </Fragment>
                            ))}
                          </li>
                        ))}
                      </ul>
                    }
                  />
                ) : null}
              </>
            ) : null}
            {failure ? (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={t('import.failed')}
                  description={failure.message}
                  action={failure.report.errorReportToken ? <ErrorReportButton token={failure.report.errorReportToken} /> : undefined}
                />
                <ImportReportTable errors={failure.report.errors} errorCount={failure.report.errorCount} />
              </>
            ) : null}
          </>
        )}
      </Flex>
    </Modal>
  );
}
