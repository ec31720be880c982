import type { IoKind } from '../../../../common/schemas/io';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { headerKey, kindTitles } from './io-columns';
import { createErrorReportStore } from './io-error-reports';
import { createExportRunner } from './io-export.service';
import { createImportRunner } from './io-import.service';
import { buildTemplate } from './io-template';
import { xlsxStream } from './io-xlsx';

export { ImportInvalidError } from './io-import.service';
export type { UploadedFile } from './io-reader';

/** Excel and CSV import and export of organisations, people and memberships. */
export function createIoService({ db }: { db: Db }) {
  const reports = createErrorReportStore({ db });
  const imports = createImportRunner({ db, reports });
  const exports = createExportRunner({ db });
  return {
    /** the XLSX template of a kind (Chinese headers, an example row, a 说明 sheet) */
    template: (kind: IoKind) => buildTemplate(kind),
    importFile: imports.importFile,
    checkFile: imports.checkFile,
    exportFile: exports.exportFile,

    /** the bad rows of an import by its token, with a 错误 column; only for the user who imported, for 7 days */
    async errorReport(actor: Actor, token: string) {
      const report = await reports.get(actor.userId, token);
      if (!report) throw notFound();
      // the 错误 column of an earlier report that was imported again is replaced, not repeated
      const keep = report.header.map((h, i) => (headerKey(h) === '错误' ? -1 : i)).filter((i) => i >= 0);
      return {
        fileName: `${kindTitles[report.kind]}-错误行.xlsx`,
        body: xlsxStream([
          {
            name: '错误行',
            columns: [...keep.map((i) => ({ header: report.header[i], width: 16 })), { header: '错误', width: 60 }],
            rows: report.rows.map((r) => [...keep.map((i) => r.cells[i] ?? ''), `第${r.row}行：${r.messages.join('；')}`]),
          },
        ]),
      };
    },
  };
}
export type IoService = ReturnType<typeof createIoService>;
