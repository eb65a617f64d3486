// Turns the gap between a project's state and the StackSpot contract into steps (what each changes
// and why), decisions only the user may take, and a checklist for display. Pure: no I/O.
import {
  DEFAULT_BRANCH,
  HOSTED_QUEUE_NAME,
  HOSTED_VM_IMAGE,
  PIPELINE_FILE_PATH,
  PIPELINE_FOLDER,
  PIPELINE_NAME,
  SERVICE_CONNECTION_TYPE,
} from "./contract";
import { isPipelineAuthorized, shortBranchName } from "../ado";
import { redactOptions, resolveOptions, ResolvedOptions, SetupOptions } from "./options";
import { renderPipelineFile, sameFileContent } from "./pipelineFile";
import {
  describeFolder,
  describeVariableChanges,
  judgePipeline,
  planVariables,
} from "./planPipeline";
import { permissionsBlocking } from "./planPermissions";
import type {
  ChecklistItem,
  ChecklistKey,
  Decision,
  PlanStep,
  ProjectState,
  SetupPlan,
  StepSpec,
} from "./types";

const LABELS: Record<ChecklistKey, string> = {
  repository: "Repository",
  pipelineFile: "Pipeline file",
  pipeline: "Pipeline",
  variables: "Variables",
  credentials: "Credentials",
  agentPool: "Agent pool",
};

export function planSetup(state: ProjectState, options: SetupOptions | ResolvedOptions): SetupPlan {
  const o = "queueName" in options ? options : resolveOptions(options);
  const steps: PlanStep[] = [];
  const decisions: Decision[] = [];
  const checklist = new Map<ChecklistKey, ChecklistItem>();
  const check = (key: ChecklistKey, st: ChecklistItem["state"], detail: string, link?: string) =>
    checklist.set(key, { key, label: LABELS[key], state: st, detail, ...(link ? { link } : {}) });
  const add = (
    id: string,
    items: [ChecklistKey, ...ChecklistKey[]],
    change: string,
    reason: string,
    dependsOn: string[],
    spec: StepSpec,
  ) => {
    const [item, ...alsoServes] = items;
    steps.push({
      id,
      kind: spec.kind,
      item,
      ...(alsoServes.length ? { alsoServes } : {}),
      change,
      reason,
      dependsOn: dependsOn.filter((d) => steps.some((s) => s.id === d)),
      spec,
    });
  };

  // Repository.
  const repo = state.repository;
  if (!repo) {
    check("repository", "will-change", `The repository "${o.repository}" will be created.`);
    add(
      "create-repository",
      ["repository"],
      `Create the Git repository "${o.repository}"`,
      "StackSpot's pipeline file lives in it.",
      [],
      { kind: "create-repository", name: o.repository },
    );
  } else {
    check(
      "repository",
      "ok",
      repo.defaultBranch
        ? `"${repo.name}" exists.`
        : `"${repo.name}" exists and is empty; the set-up adds the main branch.`,
      repo.webUrl,
    );
  }

  // Agent pool: the only prerequisite the set-up cannot create.
  const hosted = o.pool.kind === "hosted";
  if (!state.queue) {
    check(
      "agentPool",
      "blocked",
      hosted
        ? `The project has no "${HOSTED_QUEUE_NAME}" queue for Microsoft-hosted agents. Add it in Project settings → Agent pools, or choose a self-hosted pool.`
        : `The project has no agent queue named "${o.queueName}". Add the pool to the project in Project settings → Agent pools, or choose another pool.`,
    );
  } else {
    check(
      "agentPool",
      "ok",
      hosted
        ? `Microsoft-hosted ${HOSTED_VM_IMAGE} (queue "${state.queue.name}").`
        : `Self-hosted pool "${state.queue.name}".`,
    );
  }

  // Pipeline file.
  const content = renderPipelineFile(o);
  const branch = repo?.defaultBranch ?? DEFAULT_BRANCH;
  const branchName = shortBranchName(branch);
  // The item's detail says what is there now; the step says what the set-up writes.
  const writeFile = (
    mode: "add" | "update" | "upgrade" | "replace",
    now: string,
    change: string,
    reason: string,
  ) => {
    check("pipelineFile", "will-change", now);
    add("write-file", ["pipelineFile"], change, reason, ["create-repository"], {
      kind: "write-file",
      mode,
      content,
      branch,
      oldObjectId: repo?.headObjectId ?? null,
    });
  };
  const file = state.file;
  if (file && file.classification.kind === "current" && sameFileContent(file.content, content)) {
    check("pipelineFile", "ok", `${PIPELINE_FILE_PATH} on ${branchName} is current.`);
  } else if (state.pullRequest) {
    check(
      "pipelineFile",
      "waiting-for-pull-request",
      `Branch policies on ${branchName} require a pull request: complete pull request ${state.pullRequest.id} ("${state.pullRequest.title}") to add ${PIPELINE_FILE_PATH}.`,
      state.pullRequest.url,
    );
  } else if (!file) {
    writeFile(
      "add",
      `${PIPELINE_FILE_PATH} is not on ${branchName} yet.`,
      `Add ${PIPELINE_FILE_PATH} on ${branchName}`,
      "StackSpot's pipeline runs this file.",
    );
  } else if (file.classification.kind === "current") {
    writeFile(
      "update",
      `${PIPELINE_FILE_PATH} on ${branchName} is the managed file, written for other settings.`,
      `Update ${PIPELINE_FILE_PATH} on ${branchName} to the chosen agent pool and credentials`,
      "The file was written by this extension and not edited since: it is safe to rewrite.",
    );
  } else if (file.classification.kind === "upgradable") {
    writeFile(
      "upgrade",
      `${PIPELINE_FILE_PATH} on ${branchName} is the managed file in an older format (${file.classification.formatVersion}).`,
      `Upgrade ${PIPELINE_FILE_PATH} on ${branchName} from format ${file.classification.formatVersion}`,
      "A newer format of the managed file exists; the file was not edited since it was written.",
    );
  } else if (o.replaceEditedFile) {
    writeFile(
      "replace",
      `${PIPELINE_FILE_PATH} on ${branchName} is not the managed file; you chose to replace it.`,
      `Replace ${PIPELINE_FILE_PATH} on ${branchName}`,
      "The old file stays in the repository's history.",
    );
  } else {
    const why =
      file.classification.kind === "foreign"
        ? `${PIPELINE_FILE_PATH} was not written by this extension${file.classification.stackspotLike ? " (it looks hand-written, e.g. from StackSpot's manual)" : ""}`
        : file.classification.kind === "newer"
          ? `${PIPELINE_FILE_PATH} was written by a newer version of this extension`
          : `${PIPELINE_FILE_PATH} was edited after the set-up wrote it`;
    check("pipelineFile", "needs-decision", `${why}; it is left as it is.`);
    decisions.push({
      id: "replace-edited-file",
      item: "pipelineFile",
      question: `${why}. Replace it with the managed file?`,
      consequence:
        "The file is overwritten with the managed version (the old one stays in the repository's history).",
      option: "replaceEditedFile",
    });
  }

  // Pipeline, variables, credentials.
  const verdict = judgePipeline(state, o);
  const target =
    verdict.kind === "ours"
      ? verdict.definition
      : verdict.kind === "foreign" && verdict.takeOver
        ? verdict.definition
        : undefined;
  const vars = planVariables(target?.variables ?? {}, o);
  const varText = describeVariableChanges(vars.changes);
  let pipelineStep: string | undefined;
  if (verdict.kind === "create") {
    pipelineStep = "create-pipeline";
    check(
      "pipeline",
      "will-change",
      `There is no pipeline "${PIPELINE_NAME}" on ${PIPELINE_FILE_PATH} yet.`,
    );
    add(
      "create-pipeline",
      [
        "pipeline",
        "variables",
        ...(o.credentials.kind === "variables" ? ["credentials" as const] : []),
      ],
      `Create the pipeline "${PIPELINE_NAME}" in ${describeFolder(PIPELINE_FOLDER)} on ${PIPELINE_FILE_PATH} of "${o.repository}"${varText ? ` with variables: ${varText}` : ""}`,
      "StackSpot queues the pipeline by this name.",
      ["create-repository"],
      { kind: "create-pipeline", variables: vars.changes },
    );
  } else if (verdict.kind === "foreign" && !verdict.takeOver) {
    const d = verdict.definition;
    check(
      "pipeline",
      "needs-decision",
      `A pipeline named "${PIPELINE_NAME}" already runs ${d.repositoryName ?? "another repository"}${d.yamlFilename ? ` (${d.yamlFilename})` : ""}; it is not taken over without your consent.`,
      d.webUrl,
    );
    decisions.push({
      id: "take-over-pipeline",
      item: "pipeline",
      question: `The pipeline "${PIPELINE_NAME}" (id ${d.id}) runs ${d.repositoryName ?? "another repository"}${d.yamlFilename ? ` ${d.yamlFilename}` : ""}. Point it at ${PIPELINE_FILE_PATH} of "${o.repository}"?`,
      consequence:
        "Whoever relies on that pipeline's current file loses it; its variables and history are kept.",
      option: "takeOverPipeline",
    });
  } else if (target) {
    const rename = verdict.kind === "ours" && verdict.rename;
    const moveToRoot = verdict.kind === "ours" && verdict.moveToRoot;
    const repoint = verdict.kind === "foreign";
    const pipelineParts = [
      rename ? `rename "${target.name}" to "${PIPELINE_NAME}"` : "",
      moveToRoot ? "move it to the root folder" : "",
      repoint ? `point it at ${PIPELINE_FILE_PATH} of "${o.repository}"` : "",
    ].filter(Boolean);
    const what = varText ? [...pipelineParts, varText] : pipelineParts;
    // The detail says what is wrong now; the step (listed under it) says what the set-up does about
    // it.
    const wrongNow = [
      rename ? `is named "${target.name}"` : "",
      moveToRoot ? `is in ${describeFolder(target.path)}` : "",
      repoint
        ? `runs ${target.repositoryName ?? "another repository"}${target.yamlFilename ? ` ${target.yamlFilename}` : ""}`
        : "",
    ].filter(Boolean);
    if (pipelineParts.length)
      check(
        "pipeline",
        "will-change",
        `Pipeline ${target.id} ${wrongNow.join(" and ")}.`,
        target.webUrl,
      );
    else
      check(
        "pipeline",
        "ok",
        `"${PIPELINE_NAME}" (id ${target.id}) runs ${PIPELINE_FILE_PATH} of "${o.repository}".`,
        target.webUrl,
      );
    if (what.length) {
      pipelineStep = "update-pipeline";
      const credentialChanges = vars.changes.some((c) => isCredentialName(c.name));
      const served: ChecklistKey[] = [
        ...(pipelineParts.length ? ["pipeline" as const] : []),
        ...(vars.changes.some((c) => !isCredentialName(c.name)) ? ["variables" as const] : []),
        ...(credentialChanges ? ["credentials" as const] : []),
      ];
      add(
        "update-pipeline",
        served as [ChecklistKey, ...ChecklistKey[]],
        `Update pipeline ${target.id}: ${what.join("; ")}`,
        "StackSpot needs this exact name, folder, file and variables.",
        ["create-repository"],
        {
          kind: "update-pipeline",
          definitionId: target.id,
          rename,
          moveToRoot,
          repoint,
          variables: vars.changes,
        },
      );
    }
  }
  planVariablesChecklist(
    check,
    verdict.kind === "foreign" && !verdict.takeOver,
    vars.changes.filter((c) => !c.credential && !isCredentialName(c.name)).length > 0,
  );

  // Credentials.
  const pipelineKnown = target !== undefined || verdict.kind === "create";
  const definitionId = target?.id;
  if (o.credentials.kind === "variables") {
    if (!pipelineKnown)
      check("credentials", "needs-decision", "Waits for the decision about the pipeline.");
    else if (vars.missingCredentials.length) {
      check(
        "credentials",
        "needs-decision",
        `${vars.missingCredentials.join(", ")} missing on the pipeline: give the StackSpot client id, client key and realm.`,
      );
      decisions.push({
        id: "provide-credentials",
        item: "credentials",
        question: "Which StackSpot client id, client key and realm should the pipeline use?",
        consequence: "They are stored as secret pipeline variables.",
        option: "credentials",
      });
    } else {
      const creds = vars.changes.filter((c) => isCredentialName(c.name));
      check(
        "credentials",
        creds.length ? "will-change" : "ok",
        creds.length
          ? `Secret variables: ${describeVariableChanges(creds)}.`
          : "STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM are secret variables of the pipeline.",
      );
    }
  } else {
    const name = o.credentials.name;
    const conn = state.serviceConnection;
    let endpointStep: string | undefined;
    if (conn && conn.type.toLowerCase() !== SERVICE_CONNECTION_TYPE) {
      check(
        "credentials",
        "blocked",
        `The service connection "${name}" is of type "${conn.type}", not "${SERVICE_CONNECTION_TYPE}". Choose another name.`,
      );
    } else if (!conn && !o.credentials.create) {
      check(
        "credentials",
        "needs-decision",
        `No service connection named "${name}": give the StackSpot client id, client key and realm to create it.`,
      );
      decisions.push({
        id: "provide-credentials",
        item: "credentials",
        question: `Create the StackSpot service connection "${name}"? It needs the client id, client key and realm.`,
        consequence:
          "A service connection of type StackSpot is created and only the stackspot pipeline is allowed to use it.",
        option: "credentials",
      });
    } else {
      if (!conn) {
        endpointStep = "create-service-connection";
        add(
          "create-service-connection",
          ["credentials"],
          `Create the StackSpot service connection "${name}"`,
          "It holds the client id, client key and realm the task logs in with.",
          [],
          { kind: "create-service-connection", name },
        );
      }
      // Open to every pipeline (known when a set-up read it before a pipeline exists) needs nothing
      // either.
      const authorized =
        conn &&
        (state.endpointPermissions?.allPipelines?.authorized === true ||
          (definitionId !== undefined &&
            isPipelineAuthorized(state.endpointPermissions ?? undefined, definitionId)));
      if (!pipelineKnown)
        check(
          "credentials",
          conn ? "ok" : "will-change",
          `${conn ? `"${name}" exists` : `"${name}" will be created`}; authorizing it waits for the decision about the pipeline.`,
        );
      else if (authorized)
        check("credentials", "ok", `"${name}" exists and the pipeline may use it.`);
      else {
        check(
          "credentials",
          "will-change",
          conn
            ? `"${name}" exists; the pipeline is not allowed to use it yet.`
            : `There is no service connection "${name}" yet.`,
        );
        add(
          "authorize-service-connection",
          ["credentials"],
          `Allow the pipeline "${PIPELINE_NAME}" to use the service connection "${name}"`,
          "Otherwise each run StackSpot queues waits for someone to approve the connection.",
          [endpointStep ?? "", pipelineStep === "create-pipeline" ? pipelineStep : ""],
          {
            kind: "authorize-service-connection",
            endpointId: conn?.id,
            definitionId,
            checkFirst: !!conn && definitionId === undefined,
          },
        );
      }
    }
  }

  // The queue must let the pipeline in too, or the first run waits for approval.
  if (state.queue && pipelineKnown) {
    const open =
      state.queuePermissions?.allPipelines?.authorized === true ||
      (definitionId !== undefined &&
        isPipelineAuthorized(state.queuePermissions ?? undefined, definitionId));
    if (!open) {
      add(
        "authorize-queue",
        ["agentPool"],
        `Allow the pipeline "${PIPELINE_NAME}" to use the agent queue "${state.queue.name}"${definitionId === undefined ? " (unless it is open to all pipelines)" : ""}`,
        "Otherwise the first run waits for someone to approve the queue.",
        [pipelineStep === "create-pipeline" ? pipelineStep : ""],
        {
          kind: "authorize-queue",
          queueId: state.queue.id,
          definitionId,
          checkFirst: definitionId === undefined,
        },
      );
      // Without a pipeline yet, the queue's permissions are not read (that would cost the empty
      // project's set-up a fifth wave); the item still says that a step concerns it.
      check(
        "agentPool",
        "will-change",
        `${checklist.get("agentPool")?.detail} ${
          definitionId !== undefined
            ? "The pipeline is not allowed to use it yet."
            : "The new pipeline will be allowed to use it (unless it is open to all pipelines)."
        }`,
      );
    }
  }

  // Permissions (when a set-up's read checked them): a step the user may not make blocks the plan.
  const permissionDenials = permissionsBlocking(steps, state);
  for (const [key, denials] of groupByItem(permissionDenials)) {
    check(
      key,
      "blocked",
      denials.map((d) => `${d.message.replace(/\.$/, "")} (${d.permission.grantedAt}).`).join(" "),
    );
  }

  const items = (
    [
      "repository",
      "pipelineFile",
      "pipeline",
      "variables",
      "credentials",
      "agentPool",
    ] as ChecklistKey[]
  ).map((k) => checklist.get(k) as ChecklistItem);
  const blocked = items.some((i) => i.state === "blocked");
  return {
    options: redactOptions(o),
    state,
    steps,
    decisions,
    checklist: items,
    pipelineId: target?.id,
    blocked,
    permissionDenials,
    upToDate:
      !blocked && !steps.length && !decisions.length && items.every((i) => i.state === "ok"),
  };
}

function groupByItem<T extends { step: PlanStep }>(list: T[]): Map<ChecklistKey, T[]> {
  const out = new Map<ChecklistKey, T[]>();
  for (const x of list) out.set(x.step.item, [...(out.get(x.step.item) ?? []), x]);
  return out;
}

function isCredentialName(name: string): boolean {
  return /^STK_(CLIENT_ID|CLIENT_KEY|REALM)$/i.test(name);
}

function planVariablesChecklist(
  check: (key: ChecklistKey, st: ChecklistItem["state"], detail: string) => void,
  waiting: boolean,
  changing: boolean,
): void {
  if (waiting) check("variables", "needs-decision", "Waits for the decision about the pipeline.");
  else if (changing)
    check(
      "variables",
      "will-change",
      "secret_cli_login and secret_git will be secret, settable at queue time (values kept; new ones empty).",
    );
  else
    check(
      "variables",
      "ok",
      "secret_cli_login and secret_git are secret and settable at queue time.",
    );
}
