// The credentials item: where the task finds the StackSpot client id, key and realm. Either secret
// pipeline variables (set by the pipeline's step), or a StackSpot service connection, created when
// the user gave the credentials and authorized for the pipeline so that no run waits for approval.
import { isPipelineAuthorized } from "../../ado";
import { authorized as authorizedChange, created } from "./stepChanges";
import { PIPELINE_NAME, SERVICE_CONNECTION_TYPE } from "../contract";
import type { ResolvedOptions } from "../options";
import type { ProjectState, ServiceConnectionState } from "../read/types";
import { checklistItem, ItemPlan, itemOnly, planStep } from "./checklist";
import type { PipelineDecision } from "./pipeline";
import type { Decision } from "./types";
import { describeVariableChanges, isCredentialName } from "./variableChanges";

export function planCredentials(
  state: ProjectState,
  o: ResolvedOptions,
  d: PipelineDecision,
): ItemPlan {
  const c = o.credentials;
  if (c.kind === "variables") return planCredentialVariables(d);
  const conn = state.serviceConnection;
  if (conn && conn.type.toLowerCase() !== SERVICE_CONNECTION_TYPE) {
    const detail =
      `The service connection "${c.name}" is of type "${conn.type}", ` +
      `not "${SERVICE_CONNECTION_TYPE}". Choose another name.`;
    return itemOnly(checklistItem("credentials", "blocked", detail));
  }
  if (!conn && !c.create) return askForConnectionCredentials(c.name);
  const create = conn ? [] : [createConnectionStep(c.name)];
  const { item, steps } = authorizeConnection(state, c.name, conn ?? undefined, d);
  return { item, steps: [...create, ...steps], decisions: [] };
}

function provideCredentials(question: string, consequence: string): Decision {
  return {
    id: "provide-credentials",
    item: "credentials",
    question,
    consequence,
    option: "credentials",
  };
}

function planCredentialVariables(d: PipelineDecision): ItemPlan {
  if (!d.known)
    return itemOnly(
      checklistItem("credentials", "needs-decision", "Waits for the decision about the pipeline."),
    );
  const missing = d.vars.missingCredentials;
  if (missing.length) {
    const detail =
      `${missing.join(", ")} missing on the pipeline: ` +
      "give the StackSpot client id, client key and realm.";
    const decision = provideCredentials(
      "Which StackSpot client id, client key and realm should the pipeline use?",
      "They are stored as secret pipeline variables.",
    );
    return {
      item: checklistItem("credentials", "needs-decision", detail),
      steps: [],
      decisions: [decision],
    };
  }
  const creds = d.vars.changes.filter((c) => isCredentialName(c.name));
  return itemOnly(
    creds.length
      ? checklistItem(
          "credentials",
          "will-change",
          `Secret variables: ${describeVariableChanges(creds)}.`,
        )
      : checklistItem(
          "credentials",
          "ok",
          "STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM are secret variables of the pipeline.",
        ),
  );
}

function askForConnectionCredentials(name: string): ItemPlan {
  const detail =
    `No service connection named "${name}": ` +
    "give the StackSpot client id, client key and realm to create it.";
  const decision = provideCredentials(
    `Create the StackSpot service connection "${name}"? ` +
      "It needs the client id, client key and realm.",
    "A service connection of type StackSpot is created " +
      "and only the stackspot pipeline is allowed to use it.",
  );
  return {
    item: checklistItem("credentials", "needs-decision", detail),
    steps: [],
    decisions: [decision],
  };
}

function createConnectionStep(name: string) {
  return planStep({
    id: "create-service-connection",
    serves: ["credentials"],
    change: `Create the StackSpot service connection "${name}"`,
    reason: "It holds the client id, client key and realm the task logs in with.",
    changes: created("Service connection", `"${name}"`),
    dependsOn: [],
    spec: { kind: "create-service-connection", name },
  });
}

/** The pipeline must be allowed to use the connection, or every run waits for an approval. */
function authorizeConnection(
  state: ProjectState,
  name: string,
  conn: ServiceConnectionState | undefined,
  d: PipelineDecision,
): Omit<ItemPlan, "decisions"> {
  if (!d.known) {
    const detail =
      `${conn ? `"${name}" exists` : `"${name}" will be created`}; ` +
      "authorizing it waits for the decision about the pipeline.";
    return { item: checklistItem("credentials", conn ? "ok" : "will-change", detail), steps: [] };
  }
  const definitionId = d.target?.id;
  // Open to every pipeline (known when a set-up read it before a pipeline exists) needs nothing
  // either.
  const authorized =
    conn &&
    (state.endpointPermissions?.allPipelines?.authorized === true ||
      (definitionId !== undefined &&
        isPipelineAuthorized(state.endpointPermissions ?? undefined, definitionId)));
  if (authorized)
    return {
      item: checklistItem("credentials", "ok", `"${name}" exists and the pipeline may use it.`),
      steps: [],
    };
  const detail = conn
    ? `"${name}" exists; the pipeline is not allowed to use it yet.`
    : `There is no service connection "${name}" yet.`;
  const step = planStep({
    id: "authorize-service-connection",
    serves: ["credentials"],
    change: `Allow the pipeline "${PIPELINE_NAME}" to use the service connection "${name}"`,
    reason: "Otherwise each run StackSpot queues waits for someone to approve the connection.",
    changes: authorizedChange(`The pipeline on the service connection "${name}"`),
    dependsOn: [
      conn ? "" : "create-service-connection",
      d.verdict.kind === "create" ? "create-pipeline" : "",
    ],
    spec: {
      kind: "authorize-service-connection",
      endpointId: conn?.id,
      definitionId,
      checkFirst: !!conn && definitionId === undefined,
    },
  });
  return { item: checklistItem("credentials", "will-change", detail), steps: [step] };
}
