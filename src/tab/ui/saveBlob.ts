/** Hands a file to the browser's download under a name, through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  // jsdom (component tests that do not look at files) has no object URLs.
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A text the tab made itself (CSV, vCard) as a download. */
export function saveText(fileName: string, text: string, mimeType: string): void {
  saveBlob(new Blob([text], { type: mimeType }), fileName);
}
