// The hub's bootstrap: handshake with the Azure DevOps host, then render the page.
import "azure-devops-ui/Core/override.css";
import "./hub.css";
import "./icons.css";
import * as SDK from "azure-devops-extension-sdk";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { startFirstLoad } from "./firstLoad";
import { HubPage } from "./HubPage";

async function main(): Promise<void> {
  // applyTheme: the host's theme variables are applied (and again on "themeChanged").
  await SDK.init({ loaded: false, applyTheme: true });
  // The project's reads start before the page's first (synchronous) render, not after it.
  startFirstLoad();
  ReactDOM.render(<HubPage />, document.getElementById("root"));
  await SDK.notifyLoadSucceeded();
}

main().catch((e: unknown) => {
  void SDK.notifyLoadFailed(e instanceof Error ? e.message : String(e));
});
