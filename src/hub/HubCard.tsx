// A titled card in azure-devops-ui's markup and styles (its CustomCard, CustomHeader and
// CardContent), without its Card component: Card imports the full Header, and through it the
// command bar, menus, lists and tabs, for a title and a description. The sections in the first
// download (Status, Plan and apply, the placeholders) use this one; the others keep Card.
import * as React from "react";
import { CardContent } from "azure-devops-ui/Components/Card/CardContent";
import { CustomCard } from "azure-devops-ui/Components/Card/CustomCard";
import { CustomHeader } from "azure-devops-ui/Components/Header/CustomHeader";
import { HeaderTitleArea } from "./HeaderTitleArea";

export interface HubCardProps {
  className?: string;
  /** The card's title, a level 2 heading. */
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
}

export function HubCard({ className, title, description, children }: HubCardProps): JSX.Element {
  return (
    <CustomCard className={`${className ?? ""} bolt-card-with-header`}>
      <CustomHeader className="bolt-card-header">
        <div className="bolt-header-content-area flex-row flex-grow flex-self-stretch">
          <HeaderTitleArea title={title} description={description} level={2} />
        </div>
      </CustomHeader>
      <CardContent>{children}</CardContent>
    </CustomCard>
  );
}
