// Counted nouns in the command line's sentences: "1 project", "3 projects".
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
