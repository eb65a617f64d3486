// The hub's page header and page frame, in azure-devops-ui's markup and styles but without its
// Header and Page components: those import the command bar's responsive layout (which measures
// the header, forcing a layout, on every update), menus, lists and tabs, a third of the hub's
// first download, for a title, a description and a few buttons.
import "azure-devops-ui/Components/Header/Header.css";
import "azure-devops-ui/Components/HeaderCommandBar/HeaderCommandBar.css";
import "azure-devops-ui/Components/Page/Page.css";
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import type { IHeaderCommandBarItem } from "azure-devops-ui/HeaderCommandBar";
import { Intersection } from "azure-devops-ui/Intersection";
import { HeaderTitleArea } from "./HeaderTitleArea";

export interface HubHeaderProps {
  className?: string;
  title: string;
  description?: React.ReactNode;
  /** The header's buttons, as azure-devops-ui's Header takes them (text, icon, primary...). */
  commandBarItems?: IHeaderCommandBarItem[];
}

/** The page title (a level 1 heading), its description, and the header's buttons. */
export const HubHeader = React.memo(function HubHeader({
  className,
  title,
  description,
  commandBarItems,
}: HubHeaderProps): JSX.Element {
  const items = commandBarItems?.filter((item) => !item.hidden) ?? [];
  return (
    <div
      className={
        `${className ?? ""} bolt-header flex-row flex-noshrink flex-start ` +
        "bolt-header-no-spacing-defined" +
        (items.length ? " bolt-header-with-commandbar" : "")
      }
    >
      <div className="bolt-header-content-area flex-row flex-grow flex-self-stretch">
        <HeaderTitleArea title={title} description={description} level={1} />
        {items.length > 0 && <CommandBar items={items} />}
      </div>
    </div>
  );
});

const BUTTON_GROUP =
  "bolt-header-commandbar-button-group flex-row flex-center flex-grow rhythm-horizontal-8";

function CommandBar({ items }: { items: IHeaderCommandBarItem[] }): JSX.Element {
  return (
    <div className="bolt-header-commandbar flex-self-start">
      <div className={BUTTON_GROUP}>
        {items.map((item) => (
          <Button
            key={item.id}
            id={item.id}
            className={item.className}
            text={item.text}
            iconProps={item.iconProps}
            primary={item.isPrimary}
            disabled={item.disabled}
            ariaLabel={item.ariaLabel}
            ariaDescribedBy={item.ariaDescribedBy}
            tooltipProps={item.tooltipProps}
            onClick={(e) => item.onActivate?.(item, e)}
          />
        ))}
      </div>
    </div>
  );
}

/** The page: a vertical scrolling column, as azure-devops-ui's Page draws it. */
export function HubPageFrame({
  className,
  children,
}: {
  className?: string;
  children: React.ReactNode;
}): JSX.Element {
  return (
    <Intersection>
      <div className={`${className ?? ""} bolt-page v-scroll-auto flex-column`}>{children}</div>
    </Intersection>
  );
}
