// Steps: create the stackspot pipeline through the Build Definitions API (the only one that can set
// "settable at queue time"), or update the one that is ours (name, folder, file, variables) with
// its full definition and current revision. Existing variable values are never overwritten.
import type { BuildDefinition } from "azure-devops-extension-api/Build/Build";
import {
  azureReposGit,
  ConflictError,
  InvalidRequestError,
  listDefinitionsByName,
  newYamlDefinition,
  withDocumentedEnums,
  yamlProcess,
} from "../../../ado";
import { DEFAULT_BRANCH, PIPELINE_FILE_PATH, PIPELINE_FOLDER, PIPELINE_NAME } from "../../contract";
import { describeFolder, isRootFolder, runsOurFile } from "../../plan/pipelineVerdict";
import { planVariables } from "../../plan/variableChanges";
import { readDefinition, sameName, toDefinitionState } from "../../read/reads";
import type { DefinitionState, StepSpec, VariableChange } from "../../types";
import { writeOnce } from "../writeOnce";
import { required, StepContext, StepOutcome, WaitsForPullRequest } from "./context";

type WireVariable = { value?: string | null; isSecret?: boolean; allowOverride?: boolean };

function variableValue(ctx: StepContext, c: VariableChange): string {
  if (!c.credential) return "";
  const creds = ctx.options.credentials;
  return creds.kind === "variables" && creds.values ? creds.values[c.credential] : "";
}

function applyVariableChanges(
  ctx: StepContext,
  existing: Record<string, WireVariable>,
  changes: VariableChange[],
): Record<string, WireVariable> {
  const merged: Record<string, WireVariable> = { ...existing };
  for (const c of changes) {
    const key = Object.keys(merged).find((k) => k.toLowerCase() === c.name.toLowerCase()) ?? c.name;
    // A secret's value comes back empty: sending the variable without a value keeps the stored one.
    merged[key] =
      c.action === "add"
        ? { value: variableValue(ctx, c), isSecret: c.isSecret, allowOverride: c.allowOverride }
        : { ...merged[key], isSecret: c.isSecret, allowOverride: c.allowOverride };
  }
  return merged;
}

/**
 * Is the definition the contract's pipeline (root folder, name, file, variables)? Returns what is
 * wrong.
 */
function problems(ctx: StepContext, d: DefinitionState): string[] {
  const wrong: string[] = [];
  if (d.name !== PIPELINE_NAME) wrong.push(`its name is "${d.name}"`);
  if (!isRootFolder(d.path)) wrong.push(`it is in ${describeFolder(d.path)}`);
  if (!runsOurFile(d, required(ctx.repository, "the repository")))
    wrong.push(`it does not run ${PIPELINE_FILE_PATH} of "${ctx.options.repository}"`);
  const missing = planVariables(d.variables, ctx.options).changes;
  if (missing.length)
    wrong.push(
      `variables ${missing.map((c) => c.name).join(", ")} ` +
        "are missing or not secret / settable at queue time",
    );
  return wrong;
}

async function findOurs(ctx: StepContext): Promise<DefinitionState | undefined> {
  const defs = await listDefinitionsByName(ctx.clients.build, ctx.project, PIPELINE_NAME);
  const repository = required(ctx.repository, "the repository");
  return defs
    .map(toDefinitionState)
    .find(
      (d) => sameName(d.name, PIPELINE_NAME) && isRootFolder(d.path) && runsOurFile(d, repository),
    );
}

export async function createPipeline(
  ctx: StepContext,
  spec: Extract<StepSpec, { kind: "create-pipeline" }>,
): Promise<StepOutcome> {
  const repo = required(ctx.repository, "the repository");
  const queue = required(ctx.plan.state.queue ?? undefined, "the agent queue");
  const body = newYamlDefinition({
    name: PIPELINE_NAME,
    path: PIPELINE_FOLDER,
    yamlFilename: PIPELINE_FILE_PATH,
    repository: {
      id: repo.id,
      name: repo.name,
      defaultBranch: repo.defaultBranch ?? DEFAULT_BRANCH,
    },
    queueId: queue.id,
    variables: applyVariableChanges(ctx, {}, spec.variables) as BuildDefinition["variables"],
  });
  const { build } = ctx.clients;
  const created = await writeOnce(ctx.clients.retry, {
    write: async () => toDefinitionState(await build.createDefinition(body, ctx.project)),
    verify: () => findOurs(ctx),
  }).catch((e: unknown) => waitForPullRequestIfRefused(ctx, e));
  const wrong = problems(ctx, created);
  // Someone else's pipeline won the race, or the service dropped a flag: re-read and re-plan.
  if (wrong.length)
    throw new ConflictError(`The pipeline "${PIPELINE_NAME}" (${wrong.join("; ")})`, {});
  ctx.definitionId = created.id;
  ctx.made.definition = created;
  return {
    detail:
      `Created the pipeline "${PIPELINE_NAME}" (id ${created.id}) ` +
      "with secret_cli_login and secret_git secret and settable at queue time.",
    link: created.webUrl,
  };
}

/**
 * When the file travels through a pull request it is not on the default branch yet. A service that
 * refused a pipeline on a file it cannot find would answer 400: the pipeline then waits for the
 * pull request instead of failing the set-up.
 */
function waitForPullRequestIfRefused(ctx: StepContext, e: unknown): never {
  const pullRequest = ctx.pullRequest ?? ctx.plan.state.pullRequest ?? undefined;
  if (pullRequest && e instanceof InvalidRequestError)
    throw new WaitsForPullRequest(
      pullRequest,
      `The pipeline "${PIPELINE_NAME}"`,
      `the service refused it while ${PIPELINE_FILE_PATH} is not on the default branch ` +
        `(${e.userMessage}). Complete the pull request, then run the set-up again.`,
    );
  throw e;
}

export async function updatePipeline(
  ctx: StepContext,
  spec: Extract<StepSpec, { kind: "update-pipeline" }>,
): Promise<StepOutcome> {
  const { build } = ctx.clients;
  const current = readDefinition(ctx.plan.state, spec.definitionId);
  const raw = required(current, "the pipeline").raw;
  const repo = required(ctx.repository, "the repository");
  const body: BuildDefinition = {
    ...withDocumentedEnums(raw),
    name: PIPELINE_NAME,
    path: PIPELINE_FOLDER,
    revision: raw.revision,
    variables: applyVariableChanges(
      ctx,
      (raw.variables ?? {}) as Record<string, WireVariable>,
      spec.variables,
    ) as BuildDefinition["variables"],
  };
  if (spec.repoint) {
    body.repository = azureReposGit(
      { id: repo.id, name: repo.name, defaultBranch: repo.defaultBranch ?? DEFAULT_BRANCH },
      raw.repository,
    );
    body.process = yamlProcess(PIPELINE_FILE_PATH);
  }
  const updated = await writeOnce(ctx.clients.retry, {
    write: async () =>
      toDefinitionState(await build.updateDefinition(body, ctx.project, spec.definitionId)),
    verify: async () => {
      const fresh = toDefinitionState(await build.getDefinition(ctx.project, spec.definitionId));
      if (!problems(ctx, fresh).length) return fresh;
      // our update did not happen: send it again
      if (fresh.revision === raw.revision) return undefined;
      throw new ConflictError(`The pipeline ${spec.definitionId}`, {});
    },
  });
  const wrong = problems(ctx, updated);
  if (wrong.length)
    throw new ConflictError(`The pipeline ${spec.definitionId} (${wrong.join("; ")})`, {});
  ctx.definitionId = updated.id;
  ctx.made.definition = updated;
  const did = [
    spec.rename ? `renamed to "${PIPELINE_NAME}"` : "",
    spec.moveToRoot ? "moved to the root folder" : "",
    spec.repoint ? `pointed at ${PIPELINE_FILE_PATH}` : "",
    spec.variables.length ? `variables ${spec.variables.map((v) => v.name).join(", ")} set` : "",
  ].filter(Boolean);
  return { detail: `Pipeline ${updated.id}: ${did.join(", ")}.`, link: updated.webUrl };
}
