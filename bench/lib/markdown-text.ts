// The words of a Markdown document as a reader sees them: Defuddle's expected outputs
// (../shared/corpus/defuddle/expected/*.md) turned into text our extraction can be scored against.

/**
 * Text of `md`: the JSON metadata preamble (a ```json fence first thing) dropped, links and
 * pictures reduced to their words (a URL is no word of the article), HTML tags dropped, the rest
 * kept as it is (Markdown punctuation is no `\w+` token, so it does not count).
 */
export function markdownText(md: string): string {
  return md
    .replace(/^\s*```json\n[\s\S]*?\n```\s*/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}
