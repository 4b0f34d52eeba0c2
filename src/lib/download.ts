/**
 * Saves text as a file without a server round trip. The object URL is revoked on the next task:
 * soon enough that a secret does not stay reachable through a blob: URL for the life of the page,
 * late enough that the browser has started the download (revoking synchronously can cancel it).
 */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
