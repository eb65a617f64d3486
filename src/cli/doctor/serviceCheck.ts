// doctor's service checks: which Azure DevOps answers (Services or Server, from connectionData's
// deploymentType and the X-TFS-* / X-VSS-* headers) and whether it serves the api-versions the
// product sends. Azure DevOps Server 2022 serves REST 7.0 at most and refuses 7.2-preview with
// VssVersionOutOfRangeException; the product's REST clients ask for 7.2-preview.N everywhere.
import { DoctorCheck, fail, info, pass } from "./report";
import type { ProbeAnswer, Prober } from "./probe";

/**
 * The versions the product sends: the azure-devops-extension-api clients ask for 7.2-preview.N
 * (Core's project list: 7.2-preview.4); the product's own small clients ask for 7.1.
 */
export const PRODUCT_API_VERSIONS = ["7.2-preview.4", "7.1"] as const;

const SERVICES_URL = "https://dev.azure.com/ORGANIZATION";

export interface ServiceFindings {
  checks: DoctorCheck[];
  /** False when the server refuses a version the product sends: later checks would all fail. */
  servesProduct: boolean;
  /** The project list's first answer (the token check reuses it). */
  projects?: ProbeAnswer;
}

export async function checkService(p: Prober): Promise<ServiceFindings> {
  const connection = await p.get("_apis/connectionData", "7.0-preview");
  const checks = [describeDeployment(connection)];
  let servesProduct = true;
  let projects: ProbeAnswer | undefined;
  for (const version of PRODUCT_API_VERSIONS) {
    const answer = await p.get("_apis/projects?$top=1", version);
    if (version === PRODUCT_API_VERSIONS[0]) projects = answer;
    if (answer.typeKey === "VssVersionOutOfRangeException" || answer.status === 400) {
      servesProduct = false;
      checks.push(versionRefused(version, answer));
    } else if (answer.status < 400) {
      checks.push(pass("service", `serves api-version ${version}`));
    }
  }
  return { checks, servesProduct, projects };
}

function describeDeployment(answer: ProbeAnswer): DoctorCheck {
  const headers = [...answer.headers.keys()]
    .filter((h) => /^x-(tfs|vss)-/i.test(h))
    .map((h) => h.toLowerCase())
    .sort();
  const seen = headers.length ? `; headers ${headers.join(", ")}` : "; no X-TFS-* headers";
  if (answer.status >= 400)
    return info("service", `connectionData answered ${answer.status}${seen}`);
  const type = (answer.body as { deploymentType?: unknown } | undefined)?.deploymentType;
  const kind =
    type === "hosted" || type === 1
      ? "Azure DevOps Services"
      : type === "onPremises" || type === 2
        ? "Azure DevOps Server (on premises)"
        : `an unknown deployment (${String(type)})`;
  return info("service", `${kind}, from connectionData's deploymentType${seen}`);
}

function versionRefused(version: string, answer: ProbeAnswer): DoctorCheck {
  const said = answer.message ? `: "${answer.message}"` : ` (HTTP ${answer.status})`;
  return fail(
    "service",
    `refuses api-version ${version}, which the product sends${said}. ` +
      "This server is not supported: the extension and stackspot-ado need the REST versions " +
      "of Azure DevOps Services, which no Azure DevOps Server release serves.",
    `Use an Azure DevOps Services organization (${SERVICES_URL}); on Azure DevOps Server, set ` +
      "the project up by hand as StackSpot's manual describes.",
  );
}
