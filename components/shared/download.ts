/** Save text as a file through the browser's download flow (no downloads permission needed); large files come in parts. */
export function downloadText(filename: string, text: string | string[], type: string): void {
  const url = URL.createObjectURL(new Blob(Array.isArray(text) ? text : [text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
