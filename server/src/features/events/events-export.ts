import type { EventSummary, Registration } from '../../../../common/schemas/events';
import { shanghaiDateTime } from '../../../../common/shanghai-date';
import { csvLine, UTF8_BOM } from '../io/io-csv';
import { escapeFormula, xlsxStream } from '../io/io-xlsx';
import { eventStatusLabels } from '../../../../common/schemas/events';
import { eventKindLabel, registrationStatusLabel } from './events-labels';

/** The events of the list's filters. */
export const eventsXlsx = (rows: EventSummary[]) =>
  xlsxStream([
    {
      name: '活动',
      columns: [
        { header: '活动名称', width: 40 },
        { header: '类型', width: 12 },
        { header: '状态', width: 10 },
        { header: '开始时间', width: 18 },
        { header: '结束时间', width: 18 },
        { header: '所在区', width: 12 },
        { header: '系列', width: 30 },
      ],
      rows: rows.map((e) => [
        e.title,
        eventKindLabel(e.kind),
        eventStatusLabels[e.status].zh,
        e.startsAt ? shanghaiDateTime(e.startsAt) : '',
        e.endsAt ? shanghaiDateTime(e.endsAt) : '',
        e.districtName ?? '',
        e.seriesName ? `${e.seriesName}${e.sequence ? ` 第${e.sequence}场` : ''}` : '',
      ]),
    },
  ]);

const registrationHeaders = ['姓名', '单位', '手机号', '身份', '会场', '状态', '现场登记', '报名时间', '签到时间'];
const registrationCells = (r: Registration) => [
  r.name,
  r.organization ?? '',
  r.phone ?? '',
  r.role ?? '',
  r.venueName,
  registrationStatusLabel(r.status),
  r.walkIn ? '是' : '',
  shanghaiDateTime(r.createdAt),
  r.checkedInAt ? shanghaiDateTime(r.checkedInAt) : '',
];

/** Registrations and attendance as CSV (UTF-8 with BOM for Excel), phones masked, formulas escaped. */
export const registrationsCsv = (rows: Registration[]) =>
  UTF8_BOM + [registrationHeaders, ...rows.map((r) => registrationCells(r).map(escapeFormula))].map((cells) => csvLine(cells)).join('');

/** Registrations and attendance, phones masked. */
export const registrationsXlsx = (rows: Registration[]) =>
  xlsxStream([{ name: '报名签到', columns: registrationHeaders.map((header) => ({ header, width: header === '单位' || header === '会场' ? 28 : 14 })), rows: rows.map(registrationCells) }]);
