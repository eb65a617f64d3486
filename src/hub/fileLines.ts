// A text file as the hub shows it: its lines, whatever the line endings, without the final newline.
// The engine's splitLines; imported from its own file here, so the plain view of a new file pulls
// in no diff library.
export { splitLines } from "../setup/fileLines";
