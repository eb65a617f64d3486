// --json: one JSON document on stdout at the end (the RunReport), nothing else there, so that it
//  can be piped to jq. Progress stays silent; --verbose diagnostics go to stderr.
import type { RunReport } from "../report";
import type { Renderer, TextStream } from "./renderer";

export class JsonRenderer implements Renderer {
  constructor(
    private readonly out: TextStream,
    private readonly diagnostics: TextStream,
  ) {}

  start(): void {}
  event(): void {}
  done(): void {}

  log(line: string): void {
    this.diagnostics.write(`${line}\n`);
  }

  finish(run: RunReport): void {
    this.out.write(`${JSON.stringify(run, null, 2)}\n`);
  }
}
