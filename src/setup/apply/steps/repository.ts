// Step: create the repository (once, even when the answer is lost or another set-up races us).
import { orNull } from "../../read/reads";
import { writeOnce } from "../writeOnce";
import type { StepContext, StepOutcome } from "./context";

export async function createRepository(ctx: StepContext, name: string): Promise<StepOutcome> {
  const { git } = ctx.clients;
  const repo = await writeOnce(ctx.clients.retry, {
    write: () =>
      git.createRepository(
        { name, project: { id: ctx.projectId } } as Parameters<typeof git.createRepository>[0],
        ctx.project,
      ),
    verify: async () => (await orNull(git.getRepository(name, ctx.project))) ?? undefined,
  });
  if (repo.name.toLowerCase() !== name.toLowerCase())
    throw new Error(`Internal error: asked for repository "${name}", got "${repo.name}".`);
  ctx.repository = {
    id: repo.id,
    name: repo.name,
    defaultBranch: repo.defaultBranch || null,
    headObjectId: null,
    webUrl: repo.webUrl,
  };
  return { detail: `Created the repository "${repo.name}".`, link: repo.webUrl };
}
