// The organization view's bootstrap: handshake with the Azure DevOps host, then render the page.
import "azure-devops-ui/Core/override.css";
import "../hub/hub.css";
import "../hub/icons.css";
import "./organization.css";
import * as SDK from "azure-devops-extension-sdk";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { OrganizationPage } from "./OrganizationPage";

async function main(): Promise<void> {
  await SDK.init({ loaded: false, applyTheme: true });
  ReactDOM.render(<OrganizationPage />, document.getElementById("root"));
  await SDK.notifyLoadSucceeded();
}

main().catch((e: unknown) => {
  void SDK.notifyLoadFailed(e instanceof Error ? e.message : String(e));
});
