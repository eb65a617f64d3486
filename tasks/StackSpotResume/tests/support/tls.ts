// A throw-away self-signed certificate for 127.0.0.1, made with the openssl command for one test
// run (no key is kept in the repository). The task trusts it the way an agent trusts a mirror's
// internal CA: through Agent.CAInfo (AGENT_CAINFO), which tool-lib hands to its HTTP client.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface TestCertificate {
  key: string;
  cert: string;
  /** The certificate's file, for AGENT_CAINFO. */
  certFile: string;
}

export function makeTestCertificate(directory: string): TestCertificate {
  fs.mkdirSync(directory, { recursive: true });
  const keyFile = path.join(directory, "server.key");
  const certFile = path.join(directory, "server.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-keyout", keyFile, "-out", certFile, "-subj", "/CN=127.0.0.1"],
      ...["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
    ],
    { stdio: "pipe" },
  );
  return {
    key: fs.readFileSync(keyFile, "utf8"),
    cert: fs.readFileSync(certFile, "utf8"),
    certFile,
  };
}
