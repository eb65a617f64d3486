// The repository item: the repository that holds the pipeline file, created when missing.
import type { ResolvedOptions } from "../options";
import { created } from "./stepChanges";
import type { ProjectState } from "../read/types";
import { checklistItem, ItemPlan, itemOnly, planStep } from "./checklist";

export function planRepository(state: ProjectState, o: ResolvedOptions): ItemPlan {
  const repo = state.repository;
  if (repo) {
    const detail = repo.defaultBranch
      ? `"${repo.name}" exists.`
      : `"${repo.name}" exists and is empty; the set-up adds the main branch.`;
    return itemOnly(checklistItem("repository", "ok", detail, repo.webUrl));
  }
  return {
    item: checklistItem(
      "repository",
      "will-change",
      `The repository "${o.repository}" will be created.`,
    ),
    steps: [
      planStep({
        id: "create-repository",
        serves: ["repository"],
        change: `Create the Git repository "${o.repository}"`,
        reason: "StackSpot's pipeline file lives in it.",
        changes: created("Repository", `"${o.repository}"`),
        dependsOn: [],
        spec: { kind: "create-repository", name: o.repository },
      }),
    ],
    decisions: [],
  };
}
