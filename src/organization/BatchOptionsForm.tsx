// The options a batch shares. Empty fields keep what each project has; the defaults apply only to
// what does not exist yet. The credentials create the StackSpot service connection in each project
// that has none.
import * as React from "react";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import type { BatchSettings } from "./batchPlan";

export interface BatchOptionsFormProps {
  settings: BatchSettings;
  onEdit(settings: Partial<BatchSettings>): void;
}

const FIELDS: {
  key: keyof BatchSettings;
  label: string;
  message: string;
  password?: boolean;
}[] = [
  {
    key: "repository",
    label: "Repository",
    message: "Leave empty to keep each project's; new ones get repo-runner-actions.",
  },
  {
    key: "pool",
    label: "Agent pool",
    message:
      'Leave empty to keep each project\'s; "hosted" for Microsoft-hosted agents, or the name ' +
      "of a self-hosted agent queue.",
  },
  {
    key: "clientId",
    label: "StackSpot client ID",
    message: "From StackSpot's service credential.",
  },
  {
    key: "clientKey",
    label: "StackSpot client key",
    message: "Stored only in each project's service connection, encrypted by Azure DevOps.",
    password: true,
  },
  { key: "realm", label: "StackSpot realm", message: "Your StackSpot account's realm." },
];

export function BatchOptionsForm({ settings, onEdit }: BatchOptionsFormProps): JSX.Element {
  return (
    <div className="flex-column rhythm-vertical-16">
      {FIELDS.map((f) => (
        <FormItem key={f.key} label={f.label} message={f.message}>
          <TextField
            value={settings[f.key]}
            onChange={(_e, value) => onEdit({ [f.key]: value })}
            inputType={f.password ? "password" : "text"}
            autoComplete={false}
            ariaLabel={f.label}
            width={TextFieldWidth.standard}
            inputId={`ss-batch-${f.key}`}
          />
        </FormItem>
      ))}
    </div>
  );
}
