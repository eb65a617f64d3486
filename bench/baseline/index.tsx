// The bench's baseline: the smallest hub page of the same stack (SDK handshake, React 16, a Page
// with a Header and a Card of six Status rows), built with the same webpack settings as the real
// hub. Its rows are found the way the hub's are (.ss-check-row[data-item]), so the bench measures
// both pages' checklist paint alike.
import "azure-devops-ui/Core/override.css";
import * as SDK from "azure-devops-extension-sdk";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { Card } from "azure-devops-ui/Card";
import { Header, TitleSize } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";
import { Status, Statuses, StatusSize } from "azure-devops-ui/Status";

const items = ["Repository", "Pipeline file", "Pipeline", "Variables", "Credentials", "Agent pool"];

function Baseline(): JSX.Element {
  return (
    <Page>
      <Header title="Baseline" titleSize={TitleSize.Large} />
      <div className="page-content page-content-top">
        <Card titleProps={{ text: "Status" }}>
          <ul>
            {items.map((item) => (
              <li key={item} className="ss-check-row" data-item={item}>
                <Status {...Statuses.Success} size={StatusSize.m} /> {item}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </Page>
  );
}

void SDK.init({ loaded: false, applyTheme: true }).then(() => {
  ReactDOM.render(<Baseline />, document.getElementById("root"));
  return SDK.notifyLoadSucceeded();
});
