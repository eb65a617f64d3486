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
  return (
    <div className="flex-column rhythm-vertical-8">
      <FormItem
        label="Credentials"
        message="Where the StackSpotResume@1 task finds the StackSpot client id, client key and realm."
      >
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
          selectedId={value.mode}
          onChange={select}
          disabled={disabled}
        />
      </FormItem>
      {value.mode === "existing" && (
        <FormItem
          label="Service connection"
          error={!!problems.credentials}
          message={problems.credentials}
        >
          <ChoiceDropdown
            ariaLabel="Service connection"
            items={connections.map((c) => ({ id: c, text: c }))}
            selectedId={value.name}
            onChange={(name) => onChange({ mode: "existing", name })}
            disabled={disabled}
          />
        </FormItem>
      )}
      {value.mode === "create" && (
        <FormItem
          label="Service connection name"
          error={!!problems.connectionName}
          message={problems.connectionName}
        >
          <TextField
            value={value.name}
            onChange={(_e, v) => setField("name", v)}
            onBlur={() => onLeave("connectionName")}
            disabled={disabled}
            inputId="ss-connection-name"
          />
        </FormItem>
      )}
      {value.mode !== "existing" && (
        <>
          {value.mode === "variables" && (
            <p className="secondary-text ss-hint">
              The pipeline gets secret variables {contract.CREDENTIAL_VARIABLES.clientId},{" "}
              {contract.CREDENTIAL_VARIABLES.clientKey} and {contract.CREDENTIAL_VARIABLES.realm}.
              Leave the fields empty to fill them later in the pipeline&apos;s variables; an
              existing value is never overwritten.
            </p>
          )}
          <FormItem label="Client ID" error={!!problems.clientId} message={problems.clientId}>
            <TextField
              value={secrets.clientId}
              onChange={(_e, v) => setField("clientId", v)}
              onBlur={() => onLeave("clientId")}
              disabled={disabled}
              inputId="ss-client-id"
              autoComplete={false}
            />
          </FormItem>
          <FormItem label="Client key" error={!!problems.clientKey} message={problems.clientKey}>
            <TextField
              value={secrets.clientKey}
              inputType="password"
              onChange={(_e, v) => setField("clientKey", v)}
              onBlur={() => onLeave("clientKey")}
              disabled={disabled}
              inputId="ss-client-key"
              autoComplete={false}
            />
          </FormItem>
          <FormItem label="Realm" error={!!problems.realm} message={problems.realm}>
            <TextField
              value={secrets.realm}
              onChange={(_e, v) => setField("realm", v)}
              onBlur={() => onLeave("realm")}
              disabled={disabled}
              inputId="ss-realm"
              autoComplete={false}
            />
          </FormItem>
        </>
      )}
    </div>
  );
}
