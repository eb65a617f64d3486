// The pipeline item: the definition named "stackspot" in the root folder, running this
// repository's /stackspot.yml. Created when missing, repaired when it is ours but misnamed or in
// another folder, and taken over from someone else only by the user's choice. Its decision is the
// one the variables, credentials and agent pool planners build on.
import { PIPELINE_FILE_PATH, PIPELINE_FOLDER, PIPELINE_NAME } from "../contract";
import { created, pipelineChanges } from "./stepChanges";
import type { ResolvedOptions } from "../options";
import type { DefinitionState, ProjectState } from "../read/types";
import { checklistItem, ItemPlan, planStep } from "./checklist";
import { describeFolder, judgePipeline, keptDefinition, PipelineVerdict } from "./pipelineVerdict";
import type { ChecklistKey, StepChange } from "./types";
import {
  describeVariableChanges,
  isCredentialName,
  planVariables,
  VariablePlan,
} from "./variableChanges";

export interface PipelineDecision {
  verdict: PipelineVerdict;
  /** The existing pipeline the set-up keeps and repairs (ours, or taken over). */
  target?: DefinitionState;
  /** The variables to add or secure on it (on a new one: all of them). */
  vars: VariablePlan;
  /** The pipeline is settled: kept, or to be created (not while a decision about it waits). */
  known: boolean;
}

export function decidePipeline(state: ProjectState, o: ResolvedOptions): PipelineDecision {
  const verdict = judgePipeline(state, o);
  const target = keptDefinition(verdict);
  const vars = planVariables(target?.variables ?? {}, o);
  return { verdict, target, vars, known: target !== undefined || verdict.kind === "create" };
}

export function planPipeline(o: ResolvedOptions, d: PipelineDecision): ItemPlan {
  const { verdict } = d;
  if (verdict.kind === "create") return planCreate(o, d.vars);
  if (verdict.kind === "foreign" && !verdict.takeOver) return askToTakeOver(o, verdict.definition);
  return planRepair(o, verdict, d.vars);
}

function planCreate(o: ResolvedOptions, vars: VariablePlan): ItemPlan {
  const varText = describeVariableChanges(vars.changes);
  const folder = describeFolder(PIPELINE_FOLDER);
  const where = `in ${folder} on ${PIPELINE_FILE_PATH} of "${o.repository}"`;
  const step = planStep({
    id: "create-pipeline",
    serves: [
      "pipeline",
      "variables",
      ...(o.credentials.kind === "variables" ? ["credentials" as const] : []),
    ],
    change:
      `Create the pipeline "${PIPELINE_NAME}" ${where}` +
      (varText ? ` with variables: ${varText}` : ""),
    reason: "StackSpot queues the pipeline by this name.",
    changes: created(
      "Pipeline",
      `"${PIPELINE_NAME}" on ${PIPELINE_FILE_PATH} of "${o.repository}"`,
    ),
    // After the file: whether the Build API accepts a YAML file not yet in the repository is
    // reported, not verified (docs/CONTRACT.md), and one wave buys the answer not mattering.
    dependsOn: ["create-repository", "write-file"],
    spec: { kind: "create-pipeline", variables: vars.changes },
  });
  const detail = `There is no pipeline "${PIPELINE_NAME}" on ${PIPELINE_FILE_PATH} yet.`;
  return { item: checklistItem("pipeline", "will-change", detail), steps: [step], decisions: [] };
}

function askToTakeOver(o: ResolvedOptions, d: DefinitionState): ItemPlan {
  const runs = d.repositoryName ?? "another repository";
  const detail =
    `A pipeline named "${PIPELINE_NAME}" already runs ${runs}` +
    `${d.yamlFilename ? ` (${d.yamlFilename})` : ""}; it is not taken over without your consent.`;
  return {
    item: checklistItem("pipeline", "needs-decision", detail, d.webUrl),
    steps: [],
    decisions: [
      {
        id: "take-over-pipeline",
        item: "pipeline",
        question:
          `The pipeline "${PIPELINE_NAME}" (id ${d.id}) runs ${runs}` +
          `${d.yamlFilename ? ` ${d.yamlFilename}` : ""}. ` +
          `Point it at ${PIPELINE_FILE_PATH} of "${o.repository}"?`,
        consequence:
          "Whoever relies on that pipeline's current file loses it; " +
          "its variables and history are kept.",
        option: "takeOverPipeline",
      },
    ],
  };
}

type KeptVerdict = Exclude<PipelineVerdict, { kind: "create" }>;

interface Repairs {
  rename: boolean;
  moveToRoot: boolean;
  repoint: boolean;
}

/** Ours (or taken over): say what is wrong now, and update what needs it. */
function planRepair(o: ResolvedOptions, verdict: KeptVerdict, vars: VariablePlan): ItemPlan {
  const target = verdict.definition;
  const repairs: Repairs = {
    rename: verdict.kind === "ours" && verdict.rename,
    moveToRoot: verdict.kind === "ours" && verdict.moveToRoot,
    repoint: verdict.kind === "foreign",
  };
  const { todo, wrongNow } = describeRepairs(o, target, repairs);
  const item = todo.length
    ? checklistItem(
        "pipeline",
        "will-change",
        `Pipeline ${target.id} ${wrongNow.join(" and ")}.`,
        target.webUrl,
      )
    : checklistItem(
        "pipeline",
        "ok",
        `"${PIPELINE_NAME}" (id ${target.id}) runs ${PIPELINE_FILE_PATH} of "${o.repository}".`,
        target.webUrl,
      );
  const varText = describeVariableChanges(vars.changes);
  const what = varText ? [...todo, varText] : todo;
  if (!what.length) return { item, steps: [], decisions: [] };
  const changes = pipelineChanges(target, repairs, o.repository);
  return { item, steps: [updateStep(target, repairs, vars, what, changes)], decisions: [] };
}

/**
 * What the set-up does to the pipeline (for the step) and what is wrong with it now (for the
 * checklist item, which the step is listed under).
 */
function describeRepairs(
  o: ResolvedOptions,
  target: DefinitionState,
  r: Repairs,
): { todo: string[]; wrongNow: string[] } {
  const file = target.yamlFilename ? ` ${target.yamlFilename}` : "";
  const runs = `${target.repositoryName ?? "another repository"}${file}`;
  return {
    todo: [
      r.rename ? `rename "${target.name}" to "${PIPELINE_NAME}"` : "",
      r.moveToRoot ? "move it to the root folder" : "",
      r.repoint ? `point it at ${PIPELINE_FILE_PATH} of "${o.repository}"` : "",
    ].filter(Boolean),
    wrongNow: [
      r.rename ? `is named "${target.name}"` : "",
      r.moveToRoot ? `is in ${describeFolder(target.path)}` : "",
      r.repoint ? `runs ${runs}` : "",
    ].filter(Boolean),
  };
}

function updateStep(
  target: DefinitionState,
  r: Repairs,
  vars: VariablePlan,
  what: string[],
  changes: StepChange[],
) {
  const serves: ChecklistKey[] = [
    ...(r.rename || r.moveToRoot || r.repoint ? ["pipeline" as const] : []),
    ...(vars.changes.some((c) => !isCredentialName(c.name)) ? ["variables" as const] : []),
    ...(vars.changes.some((c) => isCredentialName(c.name)) ? ["credentials" as const] : []),
  ];
  return planStep({
    id: "update-pipeline",
    serves: serves as [ChecklistKey, ...ChecklistKey[]],
    change: `Update pipeline ${target.id}: ${what.join("; ")}`,
    reason: "StackSpot needs this exact name, folder, file and variables.",
    changes,
    dependsOn: ["create-repository", ...(r.repoint ? ["write-file"] : [])],
    spec: { kind: "update-pipeline", definitionId: target.id, ...r, variables: vars.changes },
  });
}
