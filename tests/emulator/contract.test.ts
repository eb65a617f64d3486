// The contract wiring: requests and responses go through tests/contract/checker.ts, violations land
// in emulator.violations, live emulators are registered for the after-each guard.
import { startEmulator, liveEmulators } from "./index";
import { useEmulator } from "./useEmulator";
import { clientAccept, rawFetch } from "./clients";
import { formatViolations } from "../support/contract-guard";

const emu = useEmulator({ scope: "each" });
beforeEach(() => {
  emu.addProject("Demo");
  emu.addRepository("Demo", "app");
});

it("registers live emulators and forgets stopped ones", async () => {
  const other = await startEmulator({ organization: "other-org", contractCheck: false });
  expect(liveEmulators.has(emu.current)).toBe(true);
  expect(liveEmulators.has(other)).toBe(true);
  await other.stop();
  expect(liveEmulators.has(other)).toBe(false);
});

it("records a malformed request as a violation (and this test clears it)", async () => {
  const answer = await rawFetch(emu, "POST", "/demo-org/Demo/_apis/git/repositories/app/pushes", {
    accept: clientAccept("7.2-preview.3"),
    body: {
      refUpdates: [
        { name: "refs/heads/main", oldObjectId: "0000000000000000000000000000000000000000" },
      ],
      commits: [
        {
          comment: "x",
          changes: [
            {
              changeType: "add",
              item: { path: "/a" },
              newContent: { content: "a", contentType: "rawtext" },
              bogus: 1,
            },
          ],
        },
      ],
    },
  });
  expect(answer.status).toBe(409); // the emulator still answers: main exists and is not at zeros
  expect(emu.violations.length).toBeGreaterThan(0);
  const v = emu.violations[0];
  expect(v).toMatchObject({ side: "request", method: "POST", operationId: "Pushes_Create" });
  expect(v.message).toMatch(/bogus/);
  expect(formatViolations(emu.violations)).toContain(
    "[request] POST /demo-org/Demo/_apis/git/repositories/app/pushes (Pushes_Create)",
  );
  emu.clearViolations();
});

it("records nothing for well-formed traffic, and nothing at all with contractCheck: false", async () => {
  await rawFetch(emu, "GET", "/demo-org/Demo/_apis/git/repositories", {
    accept: clientAccept("7.2-preview.2"),
  });
  expect(emu.violations).toEqual([]);
  const unchecked = await startEmulator({ organization: "unchecked", contractCheck: false });
  unchecked.addProject("Demo");
  await rawFetch(unchecked, "GET", "/unchecked/Demo/_apis/git/repositories", {
    accept: "application/json;api-version=7.2",
  });
  expect(unchecked.violations).toEqual([]);
  await unchecked.stop();
});
