// Replays Microsoft's recorded examples (tests/fixtures/ado-rest-specs/*/7.1/httpExamples) for the
// operations the emulator plays against a running emulator: each request (mapped to the emulator's
// ids) must be accepted, and each answer must carry the recorded fields with the same JSON types.
import { startEmulator } from "../emulator/index";
import type { Emulator } from "../emulator/types";
import { formatViolations } from "../support/contract-guard";
import { OPERATIONS_WITHOUT_EXAMPLES } from "./replay/catalog";
import { EXAMPLE_EXCUSES, FIELD_EXCUSES } from "./replay/excuses";
import { replayAll, ReplayOutcome } from "./replay/scenario";
import { isExcused } from "./replay/shape-compare";
import { DEFAULT_SPECS_DIR, loadSpecIndex } from "./spec-index";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
});

interface Verdict {
  outcome: ReplayOutcome;
  accepted: boolean;
  open: string[];
  excused: string[];
}

function judge(o: ReplayOutcome): Verdict {
  const accepted = o.status >= 200 && o.status < 300;
  const open: string[] = [];
  const excused: string[] = [];
  if (!accepted) open.push(`not accepted: ${o.status} ${JSON.stringify(o.body).slice(0, 300)}`);
  for (const m of o.mismatches) {
    const line = `${m.path}: recorded ${m.expected}, emulator ${m.actual}`;
    const excuse = isExcused(o.example.id, m, FIELD_EXCUSES);
    if (excuse) excused.push(`${line} (excused: ${excuse.path})`);
    else open.push(line);
  }
  return { outcome: o, accepted, open, excused };
}

it("replays Microsoft's recorded examples against the emulator", async () => {
  const outcomes = await replayAll(emu, loadSpecIndex(), DEFAULT_SPECS_DIR);
  const violations = emu.violations.slice();
  emu.clearViolations();
  const verdicts = outcomes.map(judge);
  const matched = verdicts.filter((v) => v.open.length === 0);
  const excusedExamples = new Map(EXAMPLE_EXCUSES.map((e) => [e.example, e.reason]));
  const withFieldExcuses = matched.filter((v) => v.excused.length > 0).length;
  const lines = [
    `replayed ${outcomes.length} examples, ${matched.length} matched (${withFieldExcuses} of them with excused fields); ` +
      `${verdicts.length - matched.length} not matched, of which ${verdicts.filter((v) => v.open.length > 0 && excusedExamples.has(v.outcome.example.id)).length} excused; ` +
      `status as recorded: ${outcomes.filter((o) => o.status === o.recordedStatus).length}/${outcomes.length}`,
  ];
  for (const v of verdicts) {
    const o = v.outcome;
    const label =
      v.open.length === 0
        ? "ok      "
        : excusedExamples.has(o.example.id)
          ? "EXCUSED "
          : "MISMATCH";
    const head = `${label} ${o.example.id} (${o.example.operationId}) ${o.request.method} ${o.request.path} → ${o.status} (recorded ${o.recordedStatus})`;
    lines.push(head, ...v.open.map((l) => `       ${l}`), ...v.excused.map((l) => `       ${l}`));
  }
  lines.push(
    "field excuses:",
    ...FIELD_EXCUSES.map((e) => `  ${e.path} [${e.examples.join(", ")}]: ${e.reason}`),
  );
  lines.push("example excuses:", ...EXAMPLE_EXCUSES.map((e) => `  ${e.example}: ${e.reason}`));
  lines.push(`operations without a recorded example: ${OPERATIONS_WITHOUT_EXAMPLES.join(", ")}`);
  if (violations.length > 0)
    lines.push(`contract violations during the replay:\n${formatViolations(violations)}`);
  console.log(lines.join("\n"));

  const failing = verdicts
    .filter((v) => v.open.length > 0 && !excusedExamples.has(v.outcome.example.id))
    .map((v) => `${v.outcome.example.id}: ${v.open.join("; ")}`);
  expect(failing).toEqual([]);
  // An excuse for an example that now matches is stale: remove it.
  const stale = EXAMPLE_EXCUSES.filter(
    (e) => verdicts.find((v) => v.outcome.example.id === e.example)?.open.length === 0,
  ).map((e) => e.example);
  const usedFieldExcuses = new Set(
    verdicts.flatMap((v) =>
      v.outcome.mismatches.map((m) => isExcused(v.outcome.example.id, m, FIELD_EXCUSES)),
    ),
  );
  stale.push(
    ...FIELD_EXCUSES.filter((e) => !usedFieldExcuses.has(e)).map(
      (e) => `${e.examples.join(",")} ${e.path}`,
    ),
  );
  expect(stale).toEqual([]);
  expect(violations.map((v) => `${v.method} ${v.path}: ${v.message}`)).toEqual([]);
});
