// "Connect StackSpot": what is left once Azure DevOps is ready, in the StackSpot portal, as
// numbered steps: the token StackSpot needs (its scopes and why), where to enter it, the portal's
// question about User PATs (both answers), and this project's Workflow URL to paste. The hub cannot
// see the portal, so it never claims these steps are done; once the project is ready, the section
// says they are the next step.
import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { ClipboardButton } from "azure-devops-ui/Clipboard";
import { Link } from "azure-devops-ui/Link";
import { TextField } from "azure-devops-ui/TextField";
import {
  STACKSPOT_PAT_SCOPES,
  STACKSPOT_PAT_WHY,
  STACKSPOT_PORTAL_OPEN,
  USER_PAT_ANSWERS,
  USER_PAT_QUESTION,
  workflowUrlNote,
} from "./connectInfo";

export interface ConnectSectionProps {
  project: string;
  workflowUrl: string;
  tokenPageUrl: string;
  /** Azure DevOps is ready: the portal is the next step. */
  ready: boolean;
}

export function ConnectSection(props: ConnectSectionProps): JSX.Element {
  const { ready } = props;
  return (
    <Card
      className="ss-section ss-connect"
      titleProps={{
        text: ready ? "Next: finish in the StackSpot portal" : "Connect StackSpot",
        ariaLevel: 2,
      }}
      headerDescriptionProps={{
        text: ready
          ? "Azure DevOps is ready. StackSpot runs workflows here once its portal holds a " +
            "token and this project's Workflow URL; the hub cannot see the portal."
          : "After the set-up, StackSpot's portal needs a token and this project's Workflow URL.",
      }}
    >
      <ol className="ss-steps ss-fill" aria-label="Steps in the StackSpot portal">
        <TokenStep {...props} />
        <li>{STACKSPOT_PORTAL_OPEN}</li>
        <li>
          Answer &quot;{USER_PAT_QUESTION}&quot;:
          <ul className="ss-scopes" aria-label="What each answer means">
            {USER_PAT_ANSWERS.map((a) => (
              <li key={a.answer}>
                <span className="font-weight-semibold">{a.answer}</span>: {a.meaning}
              </li>
            ))}
          </ul>
        </li>
        <WorkflowUrlStep {...props} />
      </ol>
    </Card>
  );
}

function TokenStep({ tokenPageUrl }: ConnectSectionProps): JSX.Element {
  return (
    <li>
      <Link href={tokenPageUrl} target="_blank" rel="noopener noreferrer">
        Create an Azure DevOps token for StackSpot
      </Link>{" "}
      with these scopes:
      <ul className="ss-scopes" aria-label="PAT scopes">
        {STACKSPOT_PAT_SCOPES.map((s) => (
          <li key={s.area}>
            <span className="font-weight-semibold">{s.area}</span>: {s.access}
          </li>
        ))}
      </ul>
      <p className="secondary-text ss-hint">{STACKSPOT_PAT_WHY}</p>
    </li>
  );
}

function WorkflowUrlStep({ project, workflowUrl }: ConnectSectionProps): JSX.Element {
  return (
    <li>
      Paste this Workflow URL and save:
      <div className="flex-row flex-center rhythm-horizontal-8 ss-workflow-url">
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
      <p className="secondary-text ss-hint">{workflowUrlNote(project)}</p>
    </li>
  );
}
