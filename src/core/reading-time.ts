/**
 * Reading time in whole minutes, at least 1. Words for space-separated scripts (~230 a minute);
 * Chinese and Japanese have no spaces, so their characters are counted instead (~500 a minute).
 */
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

/** Han ideographs, Hiragana, Katakana (Korean Hangul is written with spaces: it counts as words). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export function readingMinutes(text: string): number {
  const cjkChars = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(/[\p{L}\p{N}]+(['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
