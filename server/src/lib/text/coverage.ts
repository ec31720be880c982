import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict.js';
import { convertT2S } from './normalize';
import { jieba } from './segment';

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

/**
 * Share of the Han characters of `text` that jieba's dictionary (plus the domain words) covers with
 * words of two or more characters, cut without the HMM so unknown runs stay single characters.
 * Real Chinese scores ~0.6–0.9; mojibake and byte-shifted GBK score near 0. Traditional text is
 * converted first (the dictionary is Simplified). Returns 0 for text without Han characters.
 */
export function dictionaryCoverage(text: string): number {
  const han = text.match(HAN_G)?.length ?? 0;
  if (han === 0) return 0;
  let covered = 0;
  for (const w of jieba().cut(convertT2S(text), false)) {
    if (w.length >= 2 && HAN.test(w)) covered += w.match(HAN_G)?.length ?? 0;
  }
  return covered / han;
}

export interface TaggedWord {
  word: string;
  tag: string;
  start: number;
}

/** jieba words with part-of-speech tags and their offsets in `text` (no normalisation: offsets stay true). */
export function tagWords(text: string, hmm = true): TaggedWord[] {
  const out: TaggedWord[] = [];
  let pos = 0;
  for (const { word, tag } of jieba().tag(text, hmm)) {
    const at = text.indexOf(word, pos);
    const start = at < 0 ? pos : at;
    out.push({ word, tag, start });
    pos = start + word.length;
  }
  return out;
}

let tfidf: TfIdf | undefined;
/** The topK TF-IDF keywords of `text` (jieba's IDF table, loaded once per process). */
export function keywords(text: string, topK: number): string[] {
  tfidf ??= TfIdf.withDict(idf);
  return tfidf.extractKeywords(jieba(), text, topK).map((k) => k.keyword);
}
