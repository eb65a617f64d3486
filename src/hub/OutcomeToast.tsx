// The toast that follows a set-up that ended well. It is only ever shown after a set-up, so it is
// in the "apply" chunk with the set-up's code (already loaded by then), not in the first download.
import * as React from "react";
import { Toast } from "azure-devops-ui/Toast";

export default function OutcomeToast({ message }: { message: string }): JSX.Element {
  return <Toast message={message} />;
}
