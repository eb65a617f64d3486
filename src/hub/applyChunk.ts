// The set-up's applying half, loaded when the user first presses "Set up" / "Repair": it is not
// needed to show the checklist, so it stays out of the hub's first download.
export { runSetup } from "../setup";
