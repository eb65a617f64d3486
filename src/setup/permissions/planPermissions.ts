// The planner's side of the permission checks: which steps of a plan the user may not make (the
// plan is then blocked and nothing is written), and one reordering: when the user may not open pull
// requests, the file is written before anything else, so that a branch policy refusing it stops the
// set-up before any other change (the pull request it would need cannot be opened).
import type { PermissionDenial, PlanStep } from "../plan/types";
import type { ProjectState } from "../read/types";
import { decide, denialOf, needsOf, pullRequestNeed } from "./needs";

/**
 * Denials found by the checks in `state.permissions`; none when nothing was checked. Reorders
 * `steps` in place (see above).
 */
export function permissionsBlocking(steps: PlanStep[], state: ProjectState): PermissionDenial[] {
  if (!state.permissions) return [];
  const denials: PermissionDenial[] = [];
  for (const step of steps) {
    for (const need of needsOf(step, state))
      if (decide(need, state) === "denied") denials.push(denialOf(step, need, state));
  }
  const writeFile = steps.find((s) => s.spec.kind === "write-file");
  const repo = state.repository;
  if (
    writeFile?.spec.kind === "write-file" &&
    writeFile.spec.oldObjectId &&
    repo &&
    decide(pullRequestNeed(state, repo.id), state) === "denied"
  ) {
    for (const step of steps)
      if (step !== writeFile && !step.dependsOn.includes(writeFile.id))
        step.dependsOn.push(writeFile.id);
  }
  return denials;
}
