// The sections the checklist does not need: Options, Connect StackSpot and Runs, with the heavier
// azure-devops-ui components only they use (Dropdown, Table, TextField, Clipboard). Built as the
// "sections" chunk, loaded by lazySections.tsx.
export { ConnectSection } from "./ConnectSection";
export { OptionsSection } from "./OptionsSection";
export { RunsSection } from "./RunsSection";
