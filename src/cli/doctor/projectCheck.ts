// doctor's project checks: the project's checklist as `status` reads it, and for the last runs of
// the stackspot pipeline whether a workflow execution id can be read (Runs - Get: Runs - List is
// reported to leave the parameters out, docs/CONTRACT.md).
import type { AdoClients } from "../../ado";
import { listStackspotRuns, planSetup, readProjectState, type ChecklistItem } from "../../setup";
import { DoctorCheck, fail, info, pass } from "./report";

/** The runs doctor looks at. */
const LAST_RUNS = 5;

export async function checkProject(clients: AdoClients, project: string): Promise<DoctorCheck[]> {
  const options = { project };
  const plan = planSetup(await readProjectState(clients, options), options);
  const checks = plan.checklist.map(checklistLine);
  checks.push(await checkRuns(clients, project, plan.pipelineId));
  return checks;
}

function checklistLine(item: ChecklistItem): DoctorCheck {
  const text = `${item.label}: ${item.detail}`;
  if (item.state === "ok") return pass("project", text);
  if (item.state === "blocked")
    return fail("project", text, "Run `stackspot-ado status` for the remedy.");
  return info("project", `${text} (${item.state}: \`stackspot-ado setup\` takes it from here)`);
}

async function checkRuns(
  clients: AdoClients,
  project: string,
  pipelineId: number | undefined,
): Promise<DoctorCheck> {
  if (pipelineId === undefined) return info("project", "no stackspot pipeline yet, so no runs");
  const runs = await listStackspotRuns(clients, project, pipelineId, LAST_RUNS);
  if (!runs.length) return info("project", "the stackspot pipeline has not run yet");
  const withId = runs.filter((r) => r.workflowExecutionId);
  const list = runs.map((r) => `${r.id}: ${r.workflowExecutionId ?? "none"}`).join(", ");
  const text =
    `workflow execution ids of the last ${runs.length} run${runs.length === 1 ? "" : "s"} ` +
    `(read with Runs - Get): ${list}`;
  if (withId.length) return pass("project", text);
  return fail(
    "project",
    text,
    "If StackSpot queued these runs, the service also hides their parameters from Runs - Get: " +
      "attach this output to a bug report (SUPPORT.md).",
  );
}
