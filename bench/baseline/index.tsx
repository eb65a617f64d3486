// The bench's baseline: the smallest hub page of the same stack (SDK handshake, React 16, a Page
// with a Header and a Card of six Status rows), built with the same webpack settings as the real
// hub. It marks "checklist rendered" the same way, so load times compare like with like.
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
  React.useEffect(() => {
    document.body.dataset.checklistRenderedAt = String(performance.timeOrigin + performance.now());
  }, []);
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
