// Colours and symbols for the terminal; plain words when there is no terminal (or NO_COLOR).
import type { ProjectStatus } from "../report";
import type { ChecklistState } from "../../setup";

export interface Style {
  color: boolean;
  /** Symbols (✓ ✗ …) rather than bracketed words. */
  symbols: boolean;
}

export const PLAIN: Style = { color: false, symbols: false };

const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
} as const;
export type Color = keyof typeof CODES;

export function paint(style: Style, color: Color, text: string): string {
  return style.color ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text;
}

const STATUS: Record<ProjectStatus, { word: string; symbol: string; color: Color }> = {
  ready: { word: "ready", symbol: "✓", color: "green" },
  "changes-pending": { word: "changes pending", symbol: "•", color: "yellow" },
  "needs-decision": { word: "needs a decision", symbol: "?", color: "yellow" },
  "waiting-for-pull-request": { word: "waiting for a pull request", symbol: "…", color: "cyan" },
  blocked: { word: "blocked", symbol: "✗", color: "red" },
  failed: { word: "FAILED", symbol: "✗", color: "red" },
};

export function statusWord(status: ProjectStatus): string {
  return STATUS[status].word;
}

/** "✓ ready" in colour on a terminal; "ready" otherwise. */
export function statusLabel(style: Style, status: ProjectStatus): string {
  const s = STATUS[status];
  return paint(style, s.color, style.symbols ? `${s.symbol} ${s.word}` : s.word);
}

const ITEM: Record<ChecklistState, { word: string; symbol: string; color: Color }> = {
  ok: { word: "ok", symbol: "✓", color: "green" },
  "will-change": { word: "change", symbol: "+", color: "yellow" },
  "needs-decision": { word: "decide", symbol: "?", color: "yellow" },
  blocked: { word: "blocked", symbol: "✗", color: "red" },
  "waiting-for-pull-request": { word: "waiting", symbol: "…", color: "cyan" },
};

export function itemMark(style: Style, state: ChecklistState): string {
  const s = ITEM[state];
  return paint(style, s.color, style.symbols ? s.symbol : `[${s.word}]`);
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function visibleLength(text: string): number {
  return [...text.replace(ANSI, "")].length;
}

/** Cuts a line to `width` visible characters, keeping colour codes intact and closing them. */
export function truncate(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  let out = "";
  let shown = 0;
  for (let i = 0; i < text.length && shown < width - 1;) {
    ANSI.lastIndex = i;
    const m = text.startsWith("\u001b[", i) ? ANSI.exec(text) : null;
    if (m && m.index === i) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    out += ch;
    i += ch.length;
    shown++;
  }
  return `${out}…${text.includes("\u001b[") ? "\u001b[0m" : ""}`;
}
