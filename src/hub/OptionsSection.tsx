// "Options": the repository (an existing one, or a new name checked as the user types), the agent
// pool (Microsoft-hosted, or one of the project's queues) and the credentials.
import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import { ChoiceDropdown } from "./ChoiceDropdown";
import { CredentialsFields } from "./CredentialsFields";
import { optionProblems, type Choices, type HubOptions } from "./hubOptions";

const NEW_REPOSITORY = "\u0000new";
const HOSTED = "\u0000hosted";

export interface OptionsSectionProps {
  options?: HubOptions;
  choices?: Choices;
  disabled: boolean;
  onChange(options: HubOptions): void;
}

export function OptionsSection({
  options,
  choices,
  disabled,
  onChange,
}: OptionsSectionProps): JSX.Element {
  // Fields the user has left: an empty field shows its problem only after that.
  const [left, setLeft] = React.useState<ReadonlySet<string>>(new Set());
  const onLeave = React.useCallback(
    (field: string) => setLeft((s) => (s.has(field) ? s : new Set(s).add(field))),
    [],
  );
  if (!options || !choices) return <OptionsSkeleton />;
  const problems = shownProblems(optionProblems(options, choices), left);
  const fields = { options, choices, problems, disabled, onChange };
  return (
    <Card className="ss-section" titleProps={{ text: "Options", ariaLevel: 2 }}>
      <div className="ss-fill flex-column rhythm-vertical-16 ss-options">
        <RepositoryFields {...fields} />
        <PoolField {...fields} />
        <CredentialsFields
          value={options.credentials}
          connections={choices.connections}
          problems={problems}
          onLeave={onLeave}
          disabled={disabled}
          onChange={(credentials) => onChange({ ...options, credentials })}
        />
      </div>
    </Card>
  );
}

type Problems = ReturnType<typeof optionProblems>;

/** The problems to show: a name is checked as it is typed, other fields once the user left them. */
function shownProblems(all: Problems, left: ReadonlySet<string>): Problems {
  return Object.fromEntries(
    Object.entries(all).filter(
      ([field]) => left.has(field) || field === "repository" || field === "connectionName",
    ),
  ) as Problems;
}

function OptionsSkeleton(): JSX.Element {
  return (
    <Card className="ss-section" titleProps={{ text: "Options", ariaLevel: 2 }}>
      <div className="ss-fill flex-column rhythm-vertical-8" aria-busy="true">
        <span className="ss-skeleton ss-skeleton-line" />
        <span className="ss-skeleton ss-skeleton-line" />
        <span className="ss-skeleton ss-skeleton-line" />
      </div>
    </Card>
  );
}

interface FieldsProps {
  options: HubOptions;
  choices: Choices;
  problems: Problems;
  disabled: boolean;
  onChange(options: HubOptions): void;
}

/** The repository: one of the project's, or a new one named here. */
function RepositoryFields({
  options,
  choices,
  problems,
  disabled,
  onChange,
}: FieldsProps): JSX.Element {
  const repo = options.repository;
  const items = [
    ...choices.repositories.map((name) => ({ id: name, text: name })),
    { id: NEW_REPOSITORY, text: "New repository…" },
  ];
  const choose = (id: string) =>
    onChange({
      ...options,
      repository:
        id === NEW_REPOSITORY
          ? { mode: "new", name: repo.mode === "new" ? repo.name : "" }
          : { mode: "existing", name: id },
    });
  return (
    <>
      <FormItem
        label="Repository"
        message="The Git repository that holds /stackspot.yml."
        error={repo.mode === "existing" && !!problems.repository}
      >
        <ChoiceDropdown
          ariaLabel="Repository"
          inputId="ss-repository"
          items={items}
          selectedId={repo.mode === "new" ? NEW_REPOSITORY : repo.name}
          disabled={disabled}
          onChange={choose}
        />
      </FormItem>
      {repo.mode === "new" && (
        <FormItem
          label="New repository name"
          error={!!problems.repository}
          message={
            problems.repository ??
            "The set-up creates it, with the pipeline file on its main branch."
          }
        >
          <TextField
            inputId="ss-new-repository"
            value={repo.name}
            disabled={disabled}
            onChange={(_e, name) => onChange({ ...options, repository: { mode: "new", name } })}
            ariaInvalid={!!problems.repository}
          />
        </FormItem>
      )}
    </>
  );
}

/** The agent pool: Microsoft-hosted, or one of the project's self-hosted queues. */
function PoolField({ options, choices, problems, disabled, onChange }: FieldsProps): JSX.Element {
  const items = [
    { id: HOSTED, text: "Azure Pipelines (Microsoft-hosted, ubuntu-latest)" },
    ...choices.selfHostedQueues.map((name) => ({ id: name, text: name })),
  ];
  return (
    <FormItem
      label="Agent pool"
      message="Where the stackspot pipeline runs."
      error={!!problems.pool}
    >
      <ChoiceDropdown
        ariaLabel="Agent pool"
        inputId="ss-pool"
        items={items}
        selectedId={options.pool.kind === "hosted" ? HOSTED : options.pool.queue}
        disabled={disabled}
        onChange={(id) =>
          onChange({
            ...options,
            pool: id === HOSTED ? { kind: "hosted" } : { kind: "self-hosted", queue: id },
          })
        }
      />
    </FormItem>
  );
}
