// Where the task finds the StackSpot credentials: a new StackSpot service connection (client id,
// client key, realm), an existing one, or secret pipeline variables. The client key is a password
// field and is never logged, echoed or kept once a connection holds it.
import * as React from "react";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField } from "azure-devops-ui/TextField";
import { ChoiceDropdown } from "./ChoiceDropdown";
import type { CredentialsChoice, optionProblems } from "./hubOptions";
import { contract } from "../setup";

export interface CredentialsFieldsProps {
  value: CredentialsChoice;
  connections: string[];
  /** Problems of the fields the user has left (an untouched empty field is not an error yet). */
  problems: ReturnType<typeof optionProblems>;
  onLeave(field: string): void;
  disabled: boolean;
  onChange(value: CredentialsChoice): void;
}

type Secrets = { clientId: string; clientKey: string; realm: string };
const emptySecrets: Secrets = { clientId: "", clientKey: "", realm: "" };
const CREDENTIALS_HELP =
  "Where the StackSpotResume@1 task finds the StackSpot client id, client key and realm.";

export function CredentialsFields({
  value,
  connections,
  problems,
  onLeave,
  disabled,
  onChange,
}: CredentialsFieldsProps): JSX.Element {
  const secrets: Secrets =
    value.mode === "existing"
      ? emptySecrets
      : { clientId: value.clientId, clientKey: value.clientKey, realm: value.realm };
  const select = (mode: string) => {
    if (mode === "existing") onChange({ mode: "existing", name: connections[0] ?? "" });
    else if (mode === "create")
      onChange({
        mode: "create",
        name: value.mode === "create" ? value.name : contract.DEFAULT_SERVICE_CONNECTION_NAME,
        ...secrets,
      });
    else onChange({ mode: "variables", ...secrets });
  };
  const setField = (field: keyof Secrets | "name", text: string) => {
    if (value.mode !== "existing") onChange({ ...value, [field]: text } as CredentialsChoice);
  };
  const fields = { problems, onLeave, disabled, setField };
  return (
    <div className="flex-column rhythm-vertical-8">
      <CredentialsModeField
        mode={value.mode}
        connections={connections}
        onSelect={select}
        disabled={disabled}
      />
      {value.mode === "existing" && (
        <ExistingConnectionField
          name={value.name}
          connections={connections}
          problem={problems.credentials}
          disabled={disabled}
          onChange={(name) => onChange({ mode: "existing", name })}
        />
      )}
      {value.mode === "create" && <ConnectionNameField name={value.name} {...fields} />}
      {value.mode !== "existing" && (
        <SecretFields secrets={secrets} variables={value.mode === "variables"} {...fields} />
      )}
    </div>
  );
}

/** What the text fields share: their problems, where the user left, and how a field changes. */
interface FieldProps {
  problems: CredentialsFieldsProps["problems"];
  onLeave(field: string): void;
  disabled: boolean;
  setField(field: keyof Secrets | "name", text: string): void;
}

function CredentialsModeField({
  mode,
  connections,
  onSelect,
  disabled,
}: {
  mode: CredentialsChoice["mode"];
  connections: string[];
  onSelect(mode: string): void;
  disabled: boolean;
}): JSX.Element {
  return (
    <FormItem label="Credentials" message={CREDENTIALS_HELP}>
      <ChoiceDropdown
        ariaLabel="Credentials"
        inputId="ss-credentials"
        items={[
          { id: "create", text: "Create a StackSpot service connection" },
          {
            id: "existing",
            text: "Use an existing service connection",
            disabled: connections.length === 0,
          },
          { id: "variables", text: "Use secret pipeline variables" },
        ]}
        selectedId={mode}
        onChange={onSelect}
        disabled={disabled}
      />
    </FormItem>
  );
}

function ExistingConnectionField({
  name,
  connections,
  problem,
  disabled,
  onChange,
}: {
  name: string;
  connections: string[];
  problem: string | undefined;
  disabled: boolean;
  onChange(name: string): void;
}): JSX.Element {
  return (
    <FormItem label="Service connection" error={!!problem} message={problem}>
      <ChoiceDropdown
        ariaLabel="Service connection"
        items={connections.map((c) => ({ id: c, text: c }))}
        selectedId={name}
        onChange={onChange}
        disabled={disabled}
      />
    </FormItem>
  );
}

function ConnectionNameField({
  name,
  problems,
  onLeave,
  disabled,
  setField,
}: FieldProps & { name: string }): JSX.Element {
  return (
    <FormItem
      label="Service connection name"
      error={!!problems.connectionName}
      message={problems.connectionName}
    >
      <TextField
        value={name}
        onChange={(_e, v) => setField("name", v)}
        onBlur={() => onLeave("connectionName")}
        disabled={disabled}
        inputId="ss-connection-name"
      />
    </FormItem>
  );
}

/** Client ID, client key (a password field) and realm; for variables, what they become. */
function SecretFields({
  secrets,
  variables,
  problems,
  onLeave,
  disabled,
  setField,
}: FieldProps & { secrets: Secrets; variables: boolean }): JSX.Element {
  const field = (key: keyof Secrets, label: string, inputId: string, password = false) => (
    <FormItem label={label} error={!!problems[key]} message={problems[key]}>
      <TextField
        value={secrets[key]}
        inputType={password ? "password" : undefined}
        onChange={(_e, v) => setField(key, v)}
        onBlur={() => onLeave(key)}
        disabled={disabled}
        inputId={inputId}
        autoComplete={false}
      />
    </FormItem>
  );
  return (
    <>
      {variables && (
        <p className="secondary-text ss-hint">
          The pipeline gets secret variables {contract.CREDENTIAL_VARIABLES.clientId},{" "}
          {contract.CREDENTIAL_VARIABLES.clientKey} and {contract.CREDENTIAL_VARIABLES.realm}. Leave
          the fields empty to fill them later in the pipeline&apos;s variables; an existing value is
          never overwritten.
        </p>
      )}
      {field("clientId", "Client ID", "ss-client-id")}
      {field("clientKey", "Client key", "ss-client-key", true)}
      {field("realm", "Realm", "ss-realm")}
    </>
  );
}
