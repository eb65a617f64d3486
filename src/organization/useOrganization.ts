// Connects to the host once, for the whole page.
import * as React from "react";
import { describeError, type Problem } from "../hub/describeError";
import { connectToOrganization, type OrganizationContext } from "./organizationContext";

export function useOrganization(): { context?: OrganizationContext; error?: Problem } {
  const [state, setState] = React.useState<{ context?: OrganizationContext; error?: Problem }>({});
  React.useEffect(() => {
    connectToOrganization().then(
      (context) => setState({ context }),
      (e: unknown) => setState({ error: describeError(e) }),
    );
  }, []);
  return state;
}
