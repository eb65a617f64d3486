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
  if (!options || !choices) {
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
  const all = optionProblems(options, choices);
  const problems = Object.fromEntries(
    Object.entries(all).filter(
      ([field]) => left.has(field) || field === "repository" || field === "connectionName",
    ),
  ) as typeof all;
  const repositoryItems = [
    ...choices.repositories.map((name) => ({ id: name, text: name })),
    { id: NEW_REPOSITORY, text: "New repository…" },
  ];
  const poolItems = [
    { id: HOSTED, text: "Azure Pipelines (Microsoft-hosted, ubuntu-latest)" },
    ...choices.selfHostedQueues.map((name) => ({ id: name, text: name })),
  ];
  const repo = options.repository;
  return (
    <Card className="ss-section" titleProps={{ text: "Options", ariaLevel: 2 }}>
      <div className="ss-fill flex-column rhythm-vertical-16 ss-options">
        <FormItem
          label="Repository"
          message="The Git repository that holds /stackspot.yml."
          error={repo.mode === "existing" && !!problems.repository}
        >
          <ChoiceDropdown
            ariaLabel="Repository"
            inputId="ss-repository"
            items={repositoryItems}
            selectedId={repo.mode === "new" ? NEW_REPOSITORY : repo.name}
            disabled={disabled}
            onChange={(id) =>
              onChange({
                ...options,
                repository:
                  id === NEW_REPOSITORY
                    ? { mode: "new", name: repo.mode === "new" ? repo.name : "" }
                    : { mode: "existing", name: id },
              })
            }
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
        <FormItem
          label="Agent pool"
          message="Where the stackspot pipeline runs."
          error={!!problems.pool}
        >
          <ChoiceDropdown
            ariaLabel="Agent pool"
            inputId="ss-pool"
            items={poolItems}
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
