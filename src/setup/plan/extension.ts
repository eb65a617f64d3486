// The extension item: the organization has the StackSpot extension. The generated pipeline runs
// StackSpotResume@1, which the extension contributes, so a project set up without it gets a
// pipeline that fails on its first run, on StackSpot's side, with nobody watching. The
// extension also contributes the "stackspot" service connection type, which is how the read
// finds it (GET _apis/serviceendpoint/types?type=stackspot).
import { EXTENSION_MARKETPLACE_URL, SERVICE_CONNECTION_TYPE } from "../contract";
import type { ProjectState } from "../read/types";
import { checklistItem, ItemPlan, itemOnly } from "./checklist";

export function planExtension(state: ProjectState): ItemPlan {
  if (state.extensionInstalled === false)
    return itemOnly(
      checklistItem(
        "extension",
        "blocked",
        "The StackSpot extension is not installed in this organization, or the installed " +
          `version lacks its service connection type "${SERVICE_CONNECTION_TYPE}" (a stale ` +
          "development package), so the pipeline's StackSpotResume@1 task would not run. " +
          `Install it from the Marketplace (${EXTENSION_MARKETPLACE_URL}), then run the ` +
          "set-up again.",
        EXTENSION_MARKETPLACE_URL,
      ),
    );
  const detail =
    state.extensionInstalled === true
      ? "The StackSpot extension is installed " +
        `(service connection type "${SERVICE_CONNECTION_TYPE}").`
      : "Whether the StackSpot extension is installed could not be checked.";
  return itemOnly(checklistItem("extension", "ok", detail));
}
