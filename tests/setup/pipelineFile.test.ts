// The pipeline file: exact contract content, parsed back with a real YAML parser, and the four
// classifications of an existing file.
import { parse } from "yaml";
import {
  classifyPipelineFile,
  classifyPipelineFileLazily,
  renderPipelineBody,
  renderPipelineFile,
  sealPipelineFile,
  PIPELINE_FILE_FORMAT,
} from "../../src/setup";
import type { SetupOptions } from "../../src/setup";
import { classifyFromHeader } from "../../src/setup/pipelineFile";

const MANUAL_FILE = `trigger: none

pr: none

parameters:
- name: workflow_execution_id
  displayName: Workflow Execution ID
  type: string
  default: ''

- name: workflow_inputs
  displayName: Workflow Inputs
  type: string
  default: ''

stages:
- stage: ResumeWorkflow
  jobs:
  - job: RunWorkflow
    steps:
    - script: ~/.stk/bin/stk resume workflow \${{ parameters.workflow_execution_id }}
`;

function job(doc: any) {
  return doc.stages[0].jobs[0];
}

describe("renderPipelineFile", () => {
  it("writes the StackSpot contract, with the steps done by StackSpotResume@1", () => {
    const doc = parse(renderPipelineFile({}));
    expect(doc.trigger).toBe("none");
    expect(doc.pr).toBe("none");
    expect(doc.parameters).toEqual([
      {
        name: "workflow_execution_id",
        displayName: "Workflow Execution ID",
        type: "string",
        default: "",
      },
      { name: "workflow_inputs", displayName: "Workflow Inputs", type: "string", default: "" },
    ]);
    expect(doc.variables).toEqual({
      LANG: "C.UTF-8",
      LANGUAGE: "C.UTF-8",
      LC_ALL: "C.UTF-8",
      PYTHONIOENCODING: "utf-8",
      HTTP_ENABLE_DEBUG: "false",
    });
    expect(doc.stages).toHaveLength(1);
    expect(doc.stages[0].stage).toBe("ResumeWorkflow");
    expect(doc.stages[0].displayName).toBe("Stackspot Resume Workflow");
    expect(doc.stages[0].jobs).toHaveLength(1);
    expect(job(doc).job).toBe("RunWorkflow");
    expect(job(doc).displayName).toBe("Run workflow");
    expect(job(doc).pool).toEqual({ vmImage: "ubuntu-latest" });
    expect(job(doc).steps).toEqual([
      {
        task: "StackSpotResume@1",
        displayName: "[StackSpot] Resume workflow",
        inputs: {
          executionId: "${{ parameters.workflow_execution_id }}",
          stackspotServiceConnection: "stackspot",
        },
      },
    ]);
  });

  it("names a self-hosted pool and the secret variables when asked", () => {
    const doc = parse(
      renderPipelineFile({
        pool: { kind: "self-hosted", queue: "Linux 'big' agents" },
        credentials: { kind: "variables" },
      }),
    );
    expect(job(doc).pool).toEqual({ name: "Linux 'big' agents" });
    expect(job(doc).steps[0].inputs).toEqual({
      executionId: "${{ parameters.workflow_execution_id }}",
      clientId: "$(STK_CLIENT_ID)",
      clientKey: "$(STK_CLIENT_KEY)",
      realm: "$(STK_REALM)",
    });
  });

  it("quotes a service connection name so that YAML cannot misread it", () => {
    for (const name of ["a: b", "#not a comment", "it's", "[x]", "*alias", "yes"]) {
      const doc = parse(renderPipelineFile({ credentials: { kind: "service-connection", name } }));
      expect(job(doc).steps[0].inputs.stackspotServiceConnection).toBe(name);
    }
  });

  it(
    "has no script step: the execution id reaches " + "the task as an input, never a shell line",
    () => {
      const text = renderPipelineFile({});
      expect(text).not.toMatch(/^\s*-\s*(script|bash|pwsh|powershell):/m);
    },
  );

  it("starts with a header that marks the file as managed, with the format version", () => {
    const first = renderPipelineFile({}).split("\n")[0];
    expect(first).toMatch(
      new RegExp(
        "^# Managed by StackSpot for Azure DevOps " +
          `\\(format ${PIPELINE_FILE_FORMAT}, sha256:[0-9a-f]{64}\\)$`,
      ),
    );
  });
});

describe("classifyPipelineFile", () => {
  it("knows its own current file and reads its settings back", () => {
    expect(classifyPipelineFile(renderPipelineFile({}))).toEqual({
      kind: "current",
      formatVersion: PIPELINE_FILE_FORMAT,
      settings: {
        pool: { kind: "hosted" },
        credentials: { kind: "service-connection", name: "stackspot" },
      },
    });
    const other = classifyPipelineFile(
      renderPipelineFile({
        pool: { kind: "self-hosted", queue: "Pool A" },
        credentials: { kind: "variables" },
      }),
    );
    expect(other).toMatchObject({
      kind: "current",
      settings: {
        pool: { kind: "self-hosted", queue: "Pool A" },
        credentials: { kind: "variables" },
      },
    });
  });

  it("does not count a CRLF conversion as an edit", () => {
    expect(classifyPipelineFile(renderPipelineFile({}).replace(/\n/g, "\r\n")).kind).toBe(
      "current",
    );
  });

  it("sees any edit below the header, even in a comment or whitespace", () => {
    const text = renderPipelineFile({});
    expect(classifyPipelineFile(text.replace("ubuntu-latest", "ubuntu-22.04")).kind).toBe("edited");
    expect(classifyPipelineFile(text.replace("# Set up by", "#  Set up by")).kind).toBe("edited");
    expect(classifyPipelineFile(`${text}\n`).kind).toBe("edited");
  });

  it("marks an older format as upgradable, and an edited older one as edited", () => {
    const old = sealPipelineFile(renderPipelineBody({}), PIPELINE_FILE_FORMAT - 1);
    expect(classifyPipelineFile(old)).toMatchObject({
      kind: "upgradable",
      formatVersion: PIPELINE_FILE_FORMAT - 1,
    });
    expect(classifyPipelineFile(old.replace("Run workflow", "Run it")).kind).toBe("edited");
  });

  it("leaves a newer format to the newer version", () => {
    expect(
      classifyPipelineFile(sealPipelineFile(renderPipelineBody({}), PIPELINE_FILE_FORMAT + 1)).kind,
    ).toBe("newer");
  });

  it("calls any other file foreign, and recognizes the manual's hand-written one", () => {
    expect(classifyPipelineFile(MANUAL_FILE)).toEqual({ kind: "foreign", stackspotLike: true });
    expect(classifyPipelineFile("steps:\n- script: echo hi\n")).toEqual({
      kind: "foreign",
      stackspotLike: false,
    });
    expect(classifyPipelineFile("")).toEqual({ kind: "foreign", stackspotLike: false });
    expect(classifyPipelineFile(": : not yaml [")).toEqual({
      kind: "foreign",
      stackspotLike: false,
    });
    // A header copied onto another body is not ours: the hash gives it away.
    const header = renderPipelineFile({}).split("\n")[0];
    expect(classifyPipelineFile(`${header}\n${MANUAL_FILE}`).kind).toBe("edited");
  });
});

describe("classifying from the header alone (no YAML parser)", () => {
  const settingsCases: Pick<SetupOptions, "pool" | "credentials">[] = [
    {},
    { pool: { kind: "self-hosted", queue: "Pool A" }, credentials: { kind: "variables" } },
    {
      pool: { kind: "self-hosted", queue: "it's: #1 [x]" },
      credentials: { kind: "service-connection", name: "o'brien: {a}" },
    },
    { pool: { kind: "hosted" }, credentials: { kind: "service-connection", name: "''" } },
  ];
  /** What a YAML parser reads from the file, to compare with (independent of the engine's code). */
  const parsedSettings = (content: string) => {
    const job = parse(content.slice(content.indexOf("\n") + 1)).stages[0].jobs[0];
    const inputs = job.steps[0].inputs;
    return {
      pool:
        job.pool.vmImage !== undefined
          ? { kind: "hosted" }
          : { kind: "self-hosted", queue: job.pool.name },
      credentials:
        inputs.stackspotServiceConnection !== undefined
          ? { kind: "service-connection", name: inputs.stackspotServiceConnection }
          : { kind: "variables" },
    };
  };

  it.each(settingsCases.map((c, i) => [i, c] as const))(
    "settles intact current file %s with the settings a parser reads",
    (_i, settings) => {
      const content = renderPipelineFile(settings);
      const quick = classifyFromHeader(content);
      expect(quick).toEqual({
        kind: "current",
        formatVersion: PIPELINE_FILE_FORMAT,
        settings: parsedSettings(content),
      });
      expect(quick).toEqual(classifyPipelineFile(content));
    },
  );

  it(
    "leaves to the parser what the header cannot settle, " +
      "and the lazy classifier answers as the full one",
    async () => {
      const body = renderPipelineBody({});
      const fixtures = [
        renderPipelineFile({}),
        renderPipelineFile({
          pool: { kind: "self-hosted", queue: "Pool A" },
          credentials: { kind: "variables" },
        }),
        renderPipelineFile({}).replace(/\n/g, "\r\n"),
        renderPipelineFile({}).replace("ubuntu-latest", "ubuntu-22.04"),
        sealPipelineFile(body, PIPELINE_FILE_FORMAT - 1),
        sealPipelineFile(body, PIPELINE_FILE_FORMAT + 1),
        // intact, but not a body this version renders
        sealPipelineFile(body.replace("ubuntu-latest", "ubuntu-22.04")),
        MANUAL_FILE,
        "steps:\n- script: echo hi\n",
        "",
        ": : not yaml [",
      ];
      expect(classifyFromHeader(MANUAL_FILE)).toBeUndefined();
      expect(classifyFromHeader(sealPipelineFile(body, PIPELINE_FILE_FORMAT - 1))).toBeUndefined();
      expect(
        classifyFromHeader(sealPipelineFile(body.replace("ubuntu-latest", "ubuntu-22.04"))),
      ).toBeUndefined();
      for (const content of fixtures)
        expect(await classifyPipelineFileLazily(content)).toEqual(classifyPipelineFile(content));
    },
  );
});
