// Where the emulator's answers may legitimately lack what Microsoft's recordings show, with the
// reason. Each excuse must still match something in the replay (the test reports stale ones).
import type { FieldExcuse } from "./shape-compare";

const ACTIVE_PULL_REQUEST_EXAMPLES = [
  "pull-request-create",
  "pull-request-get",
  "pull-requests-list",
  "pull-requests-target",
];
const PULL_REQUEST_EXAMPLES = [...ACTIVE_PULL_REQUEST_EXAMPLES, "pull-requests-completed"];

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
    reason:
      "the emulator does not model forks (the product never creates one): it creates a plain repository",
  },
  {
    examples: PULL_REQUEST_EXAMPLES,
    path: "**.reviewers",
    reason:
      "the emulator knows only the user it plays, so it does not model reviewers (the product adds none)",
  },
  {
    examples: ACTIVE_PULL_REQUEST_EXAMPLES,
    path: "**.lastMergeCommit",
    reason:
      "for an active pull request the service computes a trial merge commit asynchronously; the emulator does not " +
      "(the product only opens pull requests). A completed one is merged, so there it is not excused",
  },
  {
    examples: ["pull-requests-completed"],
    path: "body.value[].completionQueueTime",
    reason:
      "\"used internally\" (the spec's words) by the service's completion queue; the emulator completes at once, without a queue",
  },
  {
    examples: ["refs-heads-statuses"],
    path: "body.value[].statuses",
    reason:
      "the emulator has no commit statuses and ignores includeStatuses (the product never asks for them)",
  },
];

export interface ExampleExcuse {
  example: string;
  reason: string;
}

export const EXAMPLE_EXCUSES: ExampleExcuse[] = [];
