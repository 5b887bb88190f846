import { messageOf } from './format.ts';
/** Saves text as a file. Fetched first (not a plain link) so the access token goes with it. */
export function downloadText(filename: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Fetches a Markdown export (a transcript, a plan) and saves it. Resolves with the message to
 * show the candidate when that failed, or null.
 */
export async function saveExport(fetchIt: () => Promise<{ filename: string; text: string }>): Promise<string | null> {
  try {
    const { filename, text } = await fetchIt();
    downloadText(filename, text);
    return null;
  } catch (err) {
    return messageOf(err);
  }
}
