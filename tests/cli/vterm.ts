// A small model of a terminal screen, enough to check the live display: it applies text, "\n",
// "\r", cursor-up (ESC[nA) and erase-below (ESC[J), ignores colours, and wraps a line longer than
// the terminal onto the next row as a terminal does — so a live line that wrapped would leave
// debris on the screen after the renderer erased the number of lines it thinks it drew.

export class VirtualTerminal {
  readonly isTTY = true;
  private rows: string[] = [""];
  private row = 0;
  private col = 0;
  /** How many times a line wrapped. */
  wrapped = 0;
  /** Every chunk written, as written. */
  readonly writes: string[] = [];

  constructor(readonly columns = 80) {}

  write(chunk: string): boolean {
    this.writes.push(chunk);

    const tokens = chunk.match(/\u001b\[[0-9;]*[A-Za-z]|\r|\n|[^\u001b\r\n]/gu) ?? [];
    for (const t of tokens) this.apply(t);
    return true;
  }

  private apply(t: string): void {
    if (t === "\n") {
      this.row++;
      this.col = 0;
      while (this.rows.length <= this.row) this.rows.push("");
      return;
    }
    if (t === "\r") {
      this.col = 0;
      return;
    }
    const esc = /^\u001b\[([0-9;]*)([A-Za-z])$/.exec(t);
    if (esc) {
      const n = esc[1] ? Number(esc[1]) : 1;
      if (esc[2] === "A") this.row = Math.max(0, this.row - n);
      else if (esc[2] === "J") {
        this.rows = this.rows.slice(0, this.row + 1);
        this.rows[this.row] = [...this.rows[this.row]].slice(0, this.col).join("");
      } else if (esc[2] !== "m") throw new Error(`unexpected escape sequence ${JSON.stringify(t)}`);
      return;
    }
    if (this.col >= this.columns) {
      this.wrapped++;
      this.apply("\n");
    }
    const chars = [...this.rows[this.row]];
    while (chars.length < this.col) chars.push(" ");
    chars[this.col] = t;
    this.rows[this.row] = chars.join("");
    this.col++;
  }

  /** The screen's lines, without the empty line the cursor sits on at the end. */
  screen(): string[] {
    const rows = [...this.rows];
    if (rows.length && rows[rows.length - 1] === "") rows.pop();
    return rows;
  }
}
