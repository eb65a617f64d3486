// The title and description of an azure-devops-ui header, in its own markup and classes: shared by
// the page's header (HubHeader) and the cards' (HubCard), which draw it without the Header
// component.
import * as React from "react";

export interface HeaderTitleAreaProps {
  title: string;
  description?: React.ReactNode;
  /** 1 for the page's title, 2 for a card's. */
  level: 1 | 2;
}

export function HeaderTitleArea({ title, description, level }: HeaderTitleAreaProps): JSX.Element {
  // The page's title and a card's differ only in size, as azure-devops-ui's Header draws them.
  const size = level === 1 ? "title-m l" : "body-xl m";
  return (
    <div className="bolt-header-title-area flex-column flex-grow scroll-hidden">
      <div className="bolt-header-title-row flex-row flex-baseline">
        <div aria-level={level} className={`bolt-header-title ${size}`} role="heading">
          {title}
        </div>
      </div>
      {description && (
        <div className="bolt-header-description body-m secondary-text">{description}</div>
      )}
    </div>
  );
}
