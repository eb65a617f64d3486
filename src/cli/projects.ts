// --all-projects lists the organization's projects with src/ado/projects.ts (the organization view
// lists them the same way).
export { listAllProjects, listAllProjectRefs, PROJECT_PAGE_SIZE } from "../ado/projects";
