// Where the emulator's answers may legitimately lack what Microsoft's recordings show, with the reason.
// Each excuse must still match something in the replay (the test reports stale ones).
import type { FieldExcuse } from "./shape-compare";

const PULL_REQUEST_EXAMPLES = ["pull-request-create", "pull-request-get", "pull-requests-list", "pull-requests-target"];

export const FIELD_EXCUSES: FieldExcuse[] = [
  {
    examples: ["*"],
    path: "**._links",
    reason:
      "hypermedia links: the product never follows them (its clients even send excludeUrls=true); the emulator " +
      "writes the self/web links only, and none on nested identities",
  },
  {
    examples: ["projects-list", "pull-request-create", "pull-request-get"],
    path: "**.description",
    reason:
      "a project's description is omitted when it has none (the recording's own third project, TestGit, has none); " +
      "the projects seeded here have none. The pull request's own description is present",
  },
  {
    examples: ["repository-fork", "repository-fork-source-ref"],
    path: "body.isFork",
    reason: "the emulator does not model forks (the product never creates one): it creates a plain repository",
  },
  {
    examples: PULL_REQUEST_EXAMPLES,
    path: "**.reviewers",
    reason: "the emulator knows only the user it plays, so it does not model reviewers (the product adds none)",
  },
  {
    examples: PULL_REQUEST_EXAMPLES,
    path: "**.lastMergeCommit",
    reason: "the service computes the merge commit asynchronously; the emulator does not merge (the product only opens pull requests)",
  },
  {
    examples: ["refs-heads-statuses"],
    path: "body.value[].statuses",
    reason: "the emulator has no commit statuses and ignores includeStatuses (the product never asks for them)",
  },
];

export interface ExampleExcuse {
  example: string;
  reason: string;
}

export const EXAMPLE_EXCUSES: ExampleExcuse[] = [
  {
    example: "pull-requests-completed",
    reason:
      "lists completed pull requests: the emulator cannot complete one (the product never does) and its seeding " +
      "interface has no way to add one, so the list is empty and there is no item to compare",
  },
];
