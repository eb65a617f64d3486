// The --help texts: one overview, one page per command, each with examples.
import { CommandName, DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "./args";

/**
 * Why 8 projects at once by default: each project's set-up already sends its independent requests
 * together (up to about six at a time in its first wave), so 8 projects keep roughly 40-50 requests
 * in flight. That hides most of the network latency (the bench measures the ratio against 1) while
 * staying far below what Azure DevOps throttles for one identity, and it keeps the live display
 * short.
 */
export const DEFAULT_CONCURRENCY_REASON =
  `${DEFAULT_CONCURRENCY} projects at once by default: each project already sends its ` +
  "independent requests\n" +
  `together, so ${DEFAULT_CONCURRENCY} keep about 40-50 requests in flight, enough to hide ` +
  "network latency without\n" +
  "provoking Azure DevOps throttling. Lower it if the organization throttles you (HTTP 429).";

const ENVIRONMENT = `Environment:
  AZURE_DEVOPS_EXT_PAT    personal access token (the Azure CLI's convention). Scopes: Project and
                          Team (Read), Code (Read, write & manage), Build (Read & execute), Agent
                          Pools (Read), Service Connections (Read, query & manage), Pipeline
                          Resources (Use & manage).
  SYSTEM_ACCESSTOKEN      used when AZURE_DEVOPS_EXT_PAT is not set: inside a pipeline, runs as the
                          build identity (map it with env:
                          SYSTEM_ACCESSTOKEN: $(System.AccessToken)).
  AZURE_DEVOPS_ORG_URL    organization URL when --org-url is not given; inside a pipeline
                          SYSTEM_COLLECTIONURI is used last.
  STK_CLIENT_ID, STK_CLIENT_KEY, STK_REALM
                          StackSpot credentials, to create the service connection when the project
                          has none. Never given as flags: flags end up in shell history.
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY
                          the proxy to go through (http://[USER:PASSWORD@]HOST:PORT) and the hosts
                          reached directly; the proxy's password is never printed.
  NODE_EXTRA_CA_CERTS     a PEM file of extra root CAs (a TLS-inspecting corporate proxy's).
  The token and the client key never appear in any output, --verbose included.`;

const EXIT_CODES = `Exit codes:
  0  every project is ready (meets the StackSpot contract)
  1  a project failed, or lacks a prerequisite the set-up cannot create; the other projects still
     ran
  2  usage error: unknown flag, missing value, no token, no organization URL; nothing ran
  3  nothing failed, but a project is not ready yet: changes pending, a decision to take (--yes),
     or a pull request to complete`;

/** The options of a command, --yes (plan, setup) in its alphabetical place. */
function optionsText(withYes: boolean): string {
  return [
    "  -p, --project NAME          a project; repeat for several",
    "      --all-projects          every project of the organization",
    "      --org-url URL           https://dev.azure.com/ORG, or an Azure DevOps Server collection",
    "                              URL",
    "      --repository NAME       repository for /stackspot.yml",
    '      --pool NAME             agent pool (queue) name; "Azure Pipelines" is Microsoft-hosted',
    "                              ubuntu-latest",
    "      --service-connection NAME",
    "                              StackSpot service connection",
    "                              A flag not given keeps what the project has; the defaults",
    "                              (repo-runner-actions, Microsoft-hosted, stackspot) apply only",
    "                              to what does not exist yet.",
    ...(withYes
      ? [
          "  -y, --yes[=KIND,...]        accept the decisions the plan asks for: replace-file",
          "                              (replace an edited /stackspot.yml), take-over (take",
          "                              over a pipeline named stackspot that runs another",
          "                              file); --yes alone accepts both",
        ]
      : []),
    `      --concurrency N         projects at once, 1-${MAX_CONCURRENCY} ` +
      `(default: ${DEFAULT_CONCURRENCY}; see below)`,
    "      --json                  one JSON document on stdout, nothing else (none on a usage",
    "                              error: exit 2)",
    "  -v, --verbose               also log every REST request (method, path, status; never",
    "                              headers or bodies); status on a terminal also lists each",
    "                              project's checklist",
    "      --allow-insecure-http   allow an http:// URL to another machine (the token goes",
    "                              unencrypted; loopback http:// needs no flag)",
    "  -h, --help                  this help",
  ].join("\n");
}

const OVERVIEW = `stackspot-ado: connect Azure DevOps projects to StackSpot EDP, many at a time.

Usage: stackspot-ado <command> [options]

Commands:
  status   read each project and tell whether it meets the StackSpot contract (changes nothing)
  plan     show what setup would change in each project (changes nothing)
  setup    create or repair what is missing, and print each project's Workflow URL
  doctor   check the organization, the token and a project before a set-up (reads only;
           stackspot-ado doctor --help)

Run "stackspot-ado <command> --help" for a command's options and examples.

Examples:
  export AZURE_DEVOPS_EXT_PAT=...   # read from a secret store, not typed on the command line
  stackspot-ado status --org-url https://dev.azure.com/acme --project Payments
  stackspot-ado plan --org-url https://dev.azure.com/acme --all-projects
  stackspot-ado setup --org-url https://dev.azure.com/acme --all-projects --yes --json > result.json

${ENVIRONMENT}

${EXIT_CODES}
`;

const PAGES: Record<CommandName, string> = {
  status: `stackspot-ado status: read each project and tell whether it meets the StackSpot contract.
Changes nothing. Prints each project's checklist (repository, pipeline file, pipeline, variables,
credentials, agent pool) and the Workflow URL of each project that is ready.

Usage: stackspot-ado status (--project NAME ... | --all-projects) [options]

Options:
${optionsText(false)}

Examples:
  stackspot-ado status --org-url https://dev.azure.com/acme --project Payments
  stackspot-ado status --all-projects --json \\
    | jq -r '.projects[] | select(.status != "ready") | .project'

Concurrency: ${DEFAULT_CONCURRENCY_REASON}

${ENVIRONMENT}

${EXIT_CODES}
`,
  plan: `stackspot-ado plan: show what setup would change in each project, and why.
Changes nothing: it only reads. Decisions the set-up will not take alone are listed; --yes shows the
plan with them accepted.

Usage: stackspot-ado plan (--project NAME ... | --all-projects) [options]

Options:
${optionsText(true)}

Examples:
  stackspot-ado plan --org-url https://dev.azure.com/acme --project Payments --project Billing
  stackspot-ado plan --all-projects --pool linux-agents --json

Concurrency: ${DEFAULT_CONCURRENCY_REASON}

${ENVIRONMENT}

${EXIT_CODES}
`,
  setup: `stackspot-ado setup: create or repair what each project lacks for StackSpot.
Creates the repository, writes /stackspot.yml, creates the pipeline "stackspot" with its queue-time
secret variables, creates the StackSpot service connection (from STK_CLIENT_ID, STK_CLIENT_KEY and
STK_REALM) and lets the pipeline use it and the agent queue. Safe to run again: it changes only what
is missing. Prints each ready project's Workflow URL, to paste into the StackSpot portal.

Usage: stackspot-ado setup (--project NAME ... | --all-projects) [options]

Options:
${optionsText(true)}

Examples:
  export AZURE_DEVOPS_EXT_PAT=... STK_CLIENT_ID=... STK_CLIENT_KEY=... STK_REALM=...
  stackspot-ado setup --org-url https://dev.azure.com/acme --project Payments
  stackspot-ado setup --all-projects --yes --concurrency 4
  # in an Azure Pipelines step, as the build identity (which then needs the same permissions);
  # values come in through env, never pasted into the script line:
  #   - script: stackspot-ado setup --project "$PROJECT"
  #     env: { PROJECT: $(System.TeamProject), SYSTEM_ACCESSTOKEN: $(System.AccessToken),
  #            STK_CLIENT_ID: $(stkClientId), STK_CLIENT_KEY: $(stkClientKey),
  #            STK_REALM: $(stkRealm) }

Concurrency: ${DEFAULT_CONCURRENCY_REASON}

${ENVIRONMENT}

${EXIT_CODES}
`,
};

export function helpText(command?: CommandName): string {
  return command ? PAGES[command] : OVERVIEW;
}
