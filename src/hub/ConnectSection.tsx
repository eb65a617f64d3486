// "Connect StackSpot": the Workflow URL to paste into the StackSpot portal, the PAT StackSpot
// needs, and the portal steps.
import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { ClipboardButton } from "azure-devops-ui/Clipboard";
import { FormItem } from "azure-devops-ui/FormItem";
import { Link } from "azure-devops-ui/Link";
import { TextField } from "azure-devops-ui/TextField";
import { STACKSPOT_PAT_SCOPES, STACKSPOT_PORTAL_STEPS } from "./connectInfo";

export interface ConnectSectionProps {
  workflowUrl: string;
  tokenPageUrl: string;
}

export function ConnectSection({ workflowUrl, tokenPageUrl }: ConnectSectionProps): JSX.Element {
  return (
    <Card className="ss-section" titleProps={{ text: "Connect StackSpot", ariaLevel: 2 }}>
      <div className="flex-column rhythm-vertical-16 ss-fill">
        <FormItem
          label="Workflow URL"
          message="StackSpot queues the stackspot pipeline of this project through this URL."
        >
          <div className="flex-row flex-center rhythm-horizontal-8">
            <div className="flex-grow">
              <TextField
                value={workflowUrl}
                readOnly
                ariaLabel="Workflow URL"
                inputId="ss-workflow-url"
              />
            </div>
            <ClipboardButton
              ariaLabel="Copy the Workflow URL"
              getContent={() => workflowUrl}
              showCopiedTooltip="Copied"
            />
          </div>
        </FormItem>
        <div>
          <h3 className="ss-subtitle">Azure DevOps token for StackSpot</h3>
          <p className="secondary-text">
            StackSpot stores a personal access token of a member of Project Collection
            Administrators (only they can create one with these scopes). Give it these scopes:
          </p>
          <ul className="ss-scopes" aria-label="PAT scopes">
            {STACKSPOT_PAT_SCOPES.map((s) => (
              <li key={s.area}>
                <span className="font-weight-semibold">{s.area}</span>: {s.access}
              </li>
            ))}
          </ul>
          <Link href={tokenPageUrl} target="_blank" rel="noopener noreferrer">
            Create the token on your token page
          </Link>
        </div>
        <div>
          <h3 className="ss-subtitle">In the StackSpot portal</h3>
          <ol className="ss-steps">
            {STACKSPOT_PORTAL_STEPS.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      </div>
    </Card>
  );
}
