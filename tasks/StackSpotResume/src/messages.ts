// Every user-facing sentence lives in task.json "messages" (the azure-pipelines-tasks convention,
// so the agent's culture can pick a translation from Strings/). This wrapper only adds a
// compile-time check that a key exists: the type comes from task.json itself, nothing of it is
// bundled.
import * as tl from "azure-pipelines-task-lib/task";
import type TaskManifest from "../task.json";

export type MessageKey = keyof (typeof TaskManifest)["messages"];

export function msg(key: MessageKey, ...params: Array<string | number>): string {
  return tl.loc(key, ...params);
}
