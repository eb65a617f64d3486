// The Git calls the engine makes, on the package's RestClientBase and types: the generated
// GitRestClient has some 200 methods (53 KB of the hub's bundle) and a class does not tree-shake.
// Routes, api-versions and parameters are the generated client's, so the contract checks
// (tests/contract) see the same requests.
import type {
  GitItem,
  GitPullRequest,
  GitPullRequestSearchCriteria,
  GitPush,
  GitRef,
  GitRepository,
  GitRepositoryCreateOptions,
  GitVersionDescriptor,
  VersionControlRecursionType,
} from "azure-devops-extension-api/Git/Git";
import type { PagedList } from "azure-devops-extension-api/WebApi/WebApi";
import { RestClientBase } from "../restClientBase";
import { pagedList } from "./pagedList";

const API_VERSION = "7.2-preview.2";

export class GitClient extends RestClientBase {
  static readonly RESOURCE_AREA_ID = "4e080c62-fa21-4fbc-8fef-2a10a2b38049";

  createPush(push: GitPush, repositoryId: string, project?: string): Promise<GitPush> {
    return this.beginRequest<GitPush>({
      apiVersion: "7.2-preview.3",
      method: "POST",
      routeTemplate: "{project}/_apis/git/repositories/{repositoryId}/pushes/{pushId}",
      routeValues: { project, repositoryId },
      body: push,
    });
  }

  createRepository(
    gitRepositoryToCreate: GitRepositoryCreateOptions,
    project?: string,
    sourceRef?: string,
  ): Promise<GitRepository> {
    return this.beginRequest<GitRepository>({
      apiVersion: API_VERSION,
      method: "POST",
      routeTemplate: "{project}/_apis/git/Repositories/{repositoryId}",
      routeValues: { project },
      queryParams: { sourceRef },
      body: gitRepositoryToCreate,
    });
  }

  getRepository(repositoryId: string, project?: string): Promise<GitRepository> {
    return this.beginRequest<GitRepository>({
      apiVersion: API_VERSION,
      routeTemplate: "{project}/_apis/git/Repositories/{repositoryId}",
      routeValues: { project, repositoryId },
    });
  }

  getRepositories(
    project?: string,
    includeLinks?: boolean,
    includeAllUrls?: boolean,
    includeHidden?: boolean,
  ): Promise<GitRepository[]> {
    return this.beginRequest<GitRepository[]>({
      apiVersion: API_VERSION,
      routeTemplate: "{project}/_apis/git/Repositories/{repositoryId}",
      routeValues: { project },
      queryParams: { includeLinks, includeAllUrls, includeHidden },
    });
  }

  // The generated client's parameter list, kept so every call reads as it did.
  getItem(
    repositoryId: string,
    path: string,
    project?: string,
    scopePath?: string,
    recursionLevel?: VersionControlRecursionType,
    includeContentMetadata?: boolean,
    latestProcessedChange?: boolean,
    download?: boolean,
    versionDescriptor?: GitVersionDescriptor,
    includeContent?: boolean,
    resolveLfs?: boolean,
    sanitize?: boolean,
  ): Promise<GitItem> {
    return this.beginRequest<GitItem>({
      apiVersion: "7.2-preview.1",
      routeTemplate: "{project}/_apis/git/repositories/{repositoryId}/Items/{*path}",
      routeValues: { project, repositoryId },
      queryParams: {
        path,
        scopePath,
        recursionLevel,
        includeContentMetadata,
        latestProcessedChange,
        download,
        versionDescriptor,
        includeContent,
        resolveLfs,
        sanitize,
      },
    });
  }

  getRefs(
    repositoryId: string,
    project?: string,
    filter?: string,
    includeLinks?: boolean,
    includeStatuses?: boolean,
    includeMyBranches?: boolean,
    latestStatusesOnly?: boolean,
    peelTags?: boolean,
    filterContains?: string,
    includeTargetBranches?: boolean,
  ): Promise<PagedList<GitRef>> {
    return this.beginRequest<Response>({
      apiVersion: API_VERSION,
      routeTemplate: "{project}/_apis/git/repositories/{repositoryId}/refs/{*filter}",
      routeValues: { project, repositoryId },
      queryParams: {
        filter,
        includeLinks,
        includeStatuses,
        includeMyBranches,
        latestStatusesOnly,
        peelTags,
        filterContains,
        includeTargetBranches,
      },
      returnRawResponse: true,
    }).then((response) => pagedList<GitRef>(response));
  }

  getPullRequests(
    repositoryId: string,
    searchCriteria: GitPullRequestSearchCriteria,
    project?: string,
    maxCommentLength?: number,
    skip?: number,
    top?: number,
  ): Promise<GitPullRequest[]> {
    return this.beginRequest<GitPullRequest[]>({
      apiVersion: API_VERSION,
      routeTemplate: "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}",
      routeValues: { project, repositoryId },
      queryParams: { searchCriteria, maxCommentLength, $skip: skip, $top: top },
    });
  }

  createPullRequest(
    gitPullRequestToCreate: GitPullRequest,
    repositoryId: string,
    project?: string,
    supportsIterations?: boolean,
  ): Promise<GitPullRequest> {
    return this.beginRequest<GitPullRequest>({
      apiVersion: API_VERSION,
      method: "POST",
      routeTemplate: "{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}",
      routeValues: { project, repositoryId },
      queryParams: { supportsIterations },
      body: gitPullRequestToCreate,
    });
  }
}
