import type { zhCNIo } from './zh-CN-io';

/** English strings of import and export; typed against the Chinese so that a missing key fails the type check. */
export const enIo: Record<keyof typeof zhCNIo, string> = {
  'import.existing': 'Rows that match a record already in the directory (same credit code or same name)',
  'import.existingSkip': 'Skip them and keep the existing record',
  'import.existingUpdate': 'Update the existing record with the non-empty cells of the file',
  'import.existingDone': '{skipped} row(s) matched existing records and were skipped; {updated} existing record(s) were updated.',
  'import.matchedSkip': '{count} row(s) match existing records exactly and will be skipped.',
  'import.matchedUpdate': '{count} row(s) match existing records exactly and will update them.',
  'import.nearNamesPartial': 'Near names were compared for {checked} of {valid} rows (the time for it is limited so that the server stays responsive); the other rows were compared for exact matches only.',
  'import.duplicateRowPrefix': 'Row {row} may duplicate: ',
  'import.listSeparator': ', ',
  'place.importTitle': 'Import places',
};
