// The decisions only the user may take (replace an edited /stackspot.yml, take over the stackspot
// pipeline), as the checklist shows them inline with their choice and the dialog confirms them. A
// pipeline this product set up (the hub saw it run the managed file) is not "someone else's":
// moving it to another repository is worded as such, and every take-over says what becomes of
// the file it ran. Pure, so the rules are unit-tested in Node.
import type { Decision, DecisionId, SetupPlan } from "../setup";
import { contract, currentChoices, fileSettings } from "../setup";

export type Answers = { replaceEditedFile?: boolean; takeOverPipeline?: boolean };

/** A pipeline the hub has seen run the managed /stackspot.yml of this repository. */
export interface ManagedPipeline {
  pipelineId: number;
  repository: string;
}

/** The words of a decision: the checklist's and the dialog's. */
export interface DecisionWords {
  title: string;
  question: string;
  consequence: string;
  yes: string;
  no: string;
}

/** The root "stackspot" pipeline of the plan's project, if any. */
function rootPipeline(plan: SetupPlan) {
  return plan.state.pipelinesNamedStackspot.find((d) => d.path === "\\" || d.path === "");
}

/**
 * The pipeline this plan shows running the managed file (written by this product, not edited):
 * the hub remembers it, so that moving it later is not worded as taking over a stranger's.
 */
export function managedPipeline(plan: SetupPlan): ManagedPipeline | undefined {
  const pipeline = rootPipeline(plan);
  const repository = currentChoices(plan.state).repository;
  if (!pipeline || !repository || !fileSettings(plan.state)) return undefined;
  if (repository.toLowerCase() !== plan.options.repository.toLowerCase()) return undefined;
  return { pipelineId: pipeline.id, repository };
}

/** Whether the plan carries out what a "yes" to this decision asks. */
function carriesOut(plan: SetupPlan, id: DecisionId): boolean {
  return plan.steps.some((s) =>
    id === "replace-edited-file"
      ? s.spec.kind === "write-file" && s.spec.mode === "replace"
      : s.spec.kind === "update-pipeline" && s.spec.repoint,
  );
}

/**
 * The decisions the checklist shows with their choice: the plan's own (answered "no" or not yet),
 * and those answered "yes" that the plan now carries out (the engine plans them as steps).
 */
export function decisionsShown(plan: SetupPlan, seen: Decision[], answers: Answers): Decision[] {
  const asked = plan.decisions.filter((d) => d.option !== "credentials");
  const chosen = seen.filter(
    (d) =>
      d.option !== "credentials" &&
      answers[d.option] === true &&
      !asked.some((a) => a.id === d.id) &&
      carriesOut(plan, d.id),
  );
  return [...asked, ...chosen];
}

/** The words for a decision, knowing which pipeline the hub saw this product set up. */
export function decisionWords(
  decision: Decision,
  plan: SetupPlan,
  managed: ManagedPipeline | undefined,
): DecisionWords {
  if (decision.id === "take-over-pipeline") return takeOverWords(decision, plan, managed);
  return {
    title: "Replace the edited /stackspot.yml?",
    question: decision.question,
    consequence: decision.consequence,
    yes: "Replace the file",
    no: "Keep my file",
  };
}

function takeOverWords(
  decision: Decision,
  plan: SetupPlan,
  managed: ManagedPipeline | undefined,
): DecisionWords {
  const pipeline = rootPipeline(plan);
  const target = `${contract.PIPELINE_FILE_PATH} of "${plan.options.repository}"`;
  if (!pipeline) {
    const generic = { title: "Take over the stackspot pipeline?", yes: "Take it over" };
    return { ...generic, question: decision.question, consequence: decision.consequence, no: "No" };
  }
  const repo = pipeline.repositoryName ?? "another repository";
  const file = pipeline.yamlFilename ?? "its file";
  const ours = file.toLowerCase() === contract.PIPELINE_FILE_PATH;
  const kept = "Its variables, permissions and run history are kept. ";
  const where = `${file} of "${repo}"`;
  if (ours) {
    const by =
      managed?.pipelineId === pipeline.id ? "was set up by this extension and runs" : "runs";
    return {
      title: "Move the stackspot pipeline to another repository?",
      question:
        `The pipeline "stackspot" (id ${pipeline.id}) ${by} ${where}. ` + `Point it at ${target}?`,
      consequence:
        kept +
        `${where} stays in its repository as it is (it is not deleted): no pipeline runs it any ` +
        "more, so you may delete it.",
      yes: "Move the pipeline",
      no: `Keep it on "${repo}"`,
    };
  }
  return {
    title: "Take over the stackspot pipeline?",
    question:
      `The pipeline "stackspot" (id ${pipeline.id}) runs ${where}, not StackSpot's file. ` +
      `Point it at ${target}?`,
    consequence:
      kept +
      `${where} stays in its repository as it is, but this pipeline no longer runs it: whoever ` +
      "relies on the pipeline running that file loses it.",
    yes: "Take over the pipeline",
    no: "Leave it as it is",
  };
}
