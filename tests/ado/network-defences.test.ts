// The access layer's network defences, without the CLI: a redirect is an error naming only the
// target's origin and is never followed (a second origin would get the token and the body), and a
// certificate failure is a CertificateError that points to NODE_EXTRA_CA_CERTS.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { CertificateError, createPatClients, RedirectError } from "../../src/ado";
import { mapNetworkFailure } from "../../src/ado/errorMapping";

const TOKEN = "SECRET-ado-redirect-token";

async function serve(
  handler: http.RequestListener,
): Promise<{ port: number; server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/** Error's `cause`, as fetch sets it (the project's lib typings predate the constructor option). */
function withCause(error: Error, extra: { cause: unknown }): Error {
  return Object.assign(error, extra);
}

it("does not follow a redirect, not even for a write with a body", async () => {
  const seenByOther: string[] = [];
  const other = await serve((req, res) => {
    seenByOther.push(`${req.method} ${req.headers.authorization ?? ""}`);
    res.end("{}");
  });
  const first = await serve((req, res) => {
    res.writeHead(307, { Location: `http://127.0.0.1:${other.port}/elsewhere?secret=1` }).end();
  });
  try {
    const clients = createPatClients({
      orgUrl: `http://127.0.0.1:${first.port}/org/`,
      token: TOKEN,
      retry: { maxAttempts: 1 },
    });
    const error = await clients.git.createRepository({ name: "r" } as never, "Demo").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RedirectError);
    const message = (error as RedirectError).userMessage;
    expect(message).toContain(`http://127.0.0.1:${other.port}`);
    expect(message).not.toContain("secret=1");
    expect(seenByOther).toEqual([]);
  } finally {
    first.server.close();
    other.server.close();
  }
});

it("maps a certificate failure to a CertificateError naming NODE_EXTRA_CA_CERTS", () => {
  const failure = withCause(new TypeError("fetch failed"), {
    cause: Object.assign(new Error("self-signed certificate in certificate chain"), {
      code: "SELF_SIGNED_CERT_IN_CHAIN",
    }),
  });
  const request = { operation: "list the projects", method: "GET", path: "/org/_apis/projects" };
  const error = mapNetworkFailure(failure, false, "tfs.example.com", request);
  expect(error).toBeInstanceOf(CertificateError);
  expect(error.remedy).toContain("NODE_EXTRA_CA_CERTS");
});
