// The engine's data: what it reads from a project (read/types.ts), what it plans (plan/types.ts),
// what it reports while applying (apply/types.ts). The hub and the CLI render these; they decide
// nothing themselves.
export type * from "./read/types";
export type * from "./plan/types";
export type * from "./apply/types";
