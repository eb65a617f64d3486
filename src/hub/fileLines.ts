// A text file as the hub shows it: its lines, whatever the line endings, without the final newline.
// Kept apart from the diff (fileDiff.ts) so the plain view of a new file needs no diff library.

export function splitLines(text: string): string[] {
  const normalized = text.replace(/\r\n/g, "\n").replace(/\n$/, "");
  return normalized === "" ? [] : normalized.split("\n");
}
