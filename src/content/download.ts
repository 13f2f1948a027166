/** A file saved from the page: a Blob behind a download link, clicked once, then let go. */
export function download(doc: Document, text: string, type: string, filename: string): true {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
