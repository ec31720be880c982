/** 导入导出: re-import, near matches, places. */
export const zhCNIo = {
  'import.existing': '与系统中已有记录完全相同的行（同一统一社会信用代码或同一名称）',
  'import.existingSkip': '跳过，保留已有记录',
  'import.existingUpdate': '用文件中的非空内容更新已有记录',
  'import.existingDone': '另有 {skipped} 行与已有记录相同已跳过，{updated} 条已有记录已更新。',
  'import.matchedSkip': '{count} 行与系统中已有记录完全相同，导入时将跳过。',
  'import.matchedUpdate': '{count} 行与系统中已有记录完全相同，导入时将更新这些记录。',
  'import.nearNamesPartial': '近似名称比对了 {checked} / {valid} 行（为不影响系统响应，比对时间有限）；其余行只比对了完全相同的记录。',
  'import.duplicateRowPrefix': '第 {row} 行可能与以下记录重复：',
  'import.listSeparator': '、',
  'place.importTitle': '导入场所',
} as const;
