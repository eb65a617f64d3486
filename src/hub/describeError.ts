// Any failure, as the hub shows it: what went wrong and what to do. The engine's and the access
// layer's errors carry both; anything else gets a generic remedy.
export interface Problem {
  message: string;
  remedy: string;
}

export function describeError(e: unknown): Problem {
  const err = e as { userMessage?: unknown; remedy?: unknown; message?: unknown } | undefined;
  const message =
    typeof err?.userMessage === "string"
      ? err.userMessage
      : typeof err?.message === "string"
        ? err.message
        : String(e);
  const remedy =
    typeof err?.remedy === "string"
      ? err.remedy
      : "Reload the page and try again. If it keeps failing, check your network connection.";
  return { message, remedy };
}
