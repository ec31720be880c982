export {
  collapsePunctuation,
  collapseWhitespace,
  convertT2S,
  normalizeText,
  protectedNames,
  stripPinyinAnnotations,
  toHalfWidthAlnum,
  toSimplified,
} from './normalize';
export {
  domainDictionary,
  escapeTsToken,
  queryTokens,
  searchTokens,
  segment,
  segmentNormalized,
  toTsqueryText,
  toTsvectorText,
} from './segment';
export { namePinyin, pinyinKeys, type NamePinyin } from './pinyin';
export { coreName, coreNameSql, escapeLike, likeContains, NAME_SUFFIX_PATTERN, nameNorm } from './names';
export { dictionaryCoverage, keywords, tagWords, type TaggedWord } from './coverage';
