// A single-choice azure-devops-ui Dropdown driven by a value, as React forms are: the selection
// follows `selectedId`, and picking an item calls `onChange` with its id.
import * as React from "react";
import { Dropdown } from "azure-devops-ui/Dropdown";
import type { IListBoxItem } from "azure-devops-ui/ListBox";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";

export interface ChoiceDropdownProps {
  items: IListBoxItem[];
  selectedId: string | undefined;
  onChange(id: string): void;
  ariaLabel: string;
  inputId?: string;
  disabled?: boolean;
  placeholder?: string;
}

/** A click the browser makes from a key press has no click count; a pointer's has one. */
const ECHO_CLICK_WINDOW_MS = 300;

export function ChoiceDropdown({
  items,
  selectedId,
  onChange,
  ariaLabel,
  inputId,
  disabled,
  placeholder,
}: ChoiceDropdownProps): JSX.Element {
  // A new list (items added, enabled or disabled) gets a new Dropdown: its selection keeps the
  // list's ranges of unselectable items from when it was made.
  const listKey = items.map((i) => `${i.id}${i.disabled ? "!" : ""}`).join("\n");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is what makes a new selection
  const selection = React.useMemo(() => new DropdownSelection(), [listKey]);
  const index = items.findIndex((i) => i.id === selectedId);
  React.useLayoutEffect(() => {
    if (index < 0) {
      if (selection.selectedCount > 0) selection.clear();
    } else if (!selection.selected(index)) selection.select(index);
  }, [selection, index]);

  // Choosing with Enter closes the list and gives the focus back to the dropdown's button, where
  // the browser turns the same Enter into a click that would open the list again: that click is
  // dropped.
  const closedAt = React.useRef(0);
  const dropEchoClick = (event: React.MouseEvent) => {
    if (event.detail === 0 && Date.now() - closedAt.current < ECHO_CLICK_WINDOW_MS) {
      event.stopPropagation();
      event.preventDefault();
    }
  };
  return (
    <div onClickCapture={dropEchoClick}>
      <Dropdown
        key={listKey}
        className="ss-dropdown"
        items={items}
        selection={selection}
        onSelect={(_e, item) => onChange(item.id)}
        onCollapse={() => {
          closedAt.current = Date.now();
        }}
        ariaLabel={ariaLabel}
        inputId={inputId}
        disabled={disabled}
        placeholder={placeholder}
        showFilterBox={items.length > 8}
      />
    </div>
  );
}
