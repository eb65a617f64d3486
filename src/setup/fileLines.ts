// A text file's lines, whatever the line endings, without the final newline. Apart from the diff
// (fileDiff.ts), so that showing a file needs no diff library.
export function splitLines(text: string): string[] {
  const normalized = text.replace(/\r\n/g, "\n").replace(/\n$/, "");
  return normalized === "" ? [] : normalized.split("\n");
}
