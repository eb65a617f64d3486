// task-lib's getters write `##vso[task.debug]name=value` as they return a value. For values that
// must never be printed (the client key, the proxy password, a possibly hostile execution id), the
// getter runs while task-lib's output stream points at a sink: the value is read through task-lib,
// but nothing of it is written anywhere.
import { Writable } from "stream";
import * as tl from "azure-pipelines-task-lib/task";

export function readQuietly<T>(read: () => T): T {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  tl.setStdStream(sink);
  try {
    return read();
  } finally {
    tl.setStdStream(process.stdout);
  }
}
