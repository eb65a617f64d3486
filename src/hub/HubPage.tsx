import * as React from "react";
import { Header, TitleSize } from "azure-devops-ui/Header";
import { Page } from "azure-devops-ui/Page";
import { Card } from "azure-devops-ui/Card";

export function HubPage(): JSX.Element {
  return (
    <Page className="flex-grow">
      <Header title="StackSpot" titleSize={TitleSize.Large} />
      <div className="page-content page-content-top">
        <Card>Loading…</Card>
      </div>
    </Page>
  );
}
