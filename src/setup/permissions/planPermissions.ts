// The planner's side of the permission checks: which steps of a plan the user may not make (the
// plan is then blocked and nothing is written), and two reorderings, so that a write the service
// may still refuse runs before the others and its refusal leaves nothing half-done:
// - when the user may not open pull requests, the file is written before anything else, so that a
//   branch policy refusing it stops the set-up before any other change (the pull request it would
//   need cannot be opened);
// - a step whose permission could not be checked (the check was refused or failed) and that needs
//   no other step runs first: the others wait for it (see uncheckedFirst).
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
  uncheckedFirst(steps, state);
  return denials;
}

/**
 * The steps no check settled that can run first; every other step then waits for them. When no
 * check could be made at all, the authorizations go first: allowing an existing pipeline to use a
 * resource changes nothing anyone sees, while the file and the pipeline do.
 */
function uncheckedFirst(steps: PlanStep[], state: ProjectState): void {
  const unchecked = steps.filter(
    (s) =>
      s.dependsOn.length === 0 && needsOf(s, state).some((n) => decide(n, state) === "unknown"),
  );
  const grants = unchecked.filter(
    (s) => s.kind === "authorize-queue" || s.kind === "authorize-service-connection",
  );
  const first = grants.length ? grants : unchecked;
  if (first.length === 0 || first.length === steps.length) return;
  for (const step of steps) {
    if (first.includes(step)) continue;
    for (const f of first) if (!step.dependsOn.includes(f.id)) step.dependsOn.push(f.id);
  }
  // The steps run in the order listed, each after those it depends on: list the first ones first.
  const rest = steps.filter((s) => !first.includes(s));
  steps.splice(0, steps.length, ...first, ...rest);
}
