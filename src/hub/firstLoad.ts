// The hub's first load: connect to the host, then read the project for the default options and
// list what the form offers. index.tsx starts it right after the SDK handshake, before React
// renders the page, so the host round trips do not wait for that render; useSetup takes it over
// when the page mounts.
import { fileSettings, planSetup, readProjectState } from "../setup";
import { listChoices } from "./choices";
import { connectToHost, type HubContext } from "./hubContext";
import { suggestOptions, toSetupOptions, withoutSecrets, type Choices } from "./hubOptions";

export type FirstRead = Awaited<ReturnType<typeof firstRead>>;

export interface FirstLoad {
  context: Promise<HubContext>;
  first: Promise<FirstRead>;
}

let started: FirstLoad | undefined;

function begin(): FirstLoad {
  const context = connectToHost();
  const first = context.then(firstRead);
  // A failed connection fails both; useSetup reports it from `context` and never awaits `first`.
  first.catch(() => undefined);
  return { context, first };
}

/** Starts the first load now (once the SDK is initialized). */
export function startFirstLoad(): void {
  started = begin();
}

/** The load startFirstLoad started, or a new one; a load is taken once. */
export function takeFirstLoad(): FirstLoad {
  const load = started ?? begin();
  started = undefined;
  return load;
}

/** The state for the default options and what the form offers, then the options they suggest. */
async function firstRead(ctx: HubContext) {
  const defaults = toSetupOptions(ctx.project, suggestOptions(undefined, noChoices, undefined));
  const [choices, state] = await Promise.all([
    listChoices(ctx.clients, ctx.project.name),
    readProjectState(ctx.clients, defaults),
  ]);
  const options = suggestOptions(state, choices, fileSettings(state));
  const suggested = withoutSecrets(toSetupOptions(ctx.project, options));
  // A project set up with other choices is read again with those, so the checklist judges the real
  // set-up.
  const sameRead = JSON.stringify(suggested) === JSON.stringify(withoutSecrets(defaults));
  const plan = sameRead
    ? planSetup(state, suggested)
    : planSetup(await readProjectState(ctx.clients, suggested), suggested);
  return { choices, options, plan };
}

const noChoices: Choices = { repositories: [], selfHostedQueues: [], connections: [] };
