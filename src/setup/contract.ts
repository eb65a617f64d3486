// The names StackSpot reads. A difference in any of them breaks the integration (docs/CONTRACT.md).

/** The pipeline StackSpot queues, by this exact name, in the root folder. */
export const PIPELINE_NAME = "stackspot";
/** The root folder as the Build API writes it. */
export const PIPELINE_FOLDER = "\\";
/** The pipeline file, at the root of the repository's default branch. */
export const PIPELINE_FILE_PATH = "/stackspot.yml";
/** The repository name used when none is given (the manual's example). */
export const DEFAULT_REPOSITORY_NAME = "repo-runner-actions";
/** The branch an empty repository gets. */
export const DEFAULT_BRANCH = "refs/heads/main";
/** Topic branch used when branch policies refuse a direct push. */
export const SETUP_TOPIC_BRANCH = "refs/heads/stackspot/setup";

/** Variables StackSpot fills when it queues a run: empty, secret, settable at queue time. */
export const QUEUE_TIME_VARIABLES = ["secret_cli_login", "secret_git"] as const;
/** Pipeline secret variables holding the credentials when no service connection is used. */
export const CREDENTIAL_VARIABLES = {
  clientId: "STK_CLIENT_ID",
  clientKey: "STK_CLIENT_KEY",
  realm: "STK_REALM",
} as const;

/** The service connection type contributed by this extension. */
export const SERVICE_CONNECTION_TYPE = "stackspot";

/**
 * The extension's Marketplace page: publisher "stackspot", extension id "stackspot-azure-devops"
 * (vss-extension.json; tests/package/marketplace.test.ts checks they agree).
 */
export const EXTENSION_MARKETPLACE_URL =
  "https://marketplace.visualstudio.com/items?itemName=stackspot.stackspot-azure-devops";
/** The service connection name used when none is given. */
export const DEFAULT_SERVICE_CONNECTION_NAME = "stackspot";
/** What the connection points at; the task only reads its credentials. */
export const SERVICE_CONNECTION_URL = "https://stk.stackspot.com";

/** Microsoft-hosted agents: the queue every project has, and the image the contract names. */
export const HOSTED_QUEUE_NAME = "Azure Pipelines";
export const HOSTED_VM_IMAGE = "ubuntu-latest";

/** The build task that replaces the manual's scripts. */
export const RESUME_TASK = "StackSpotResume@1";
