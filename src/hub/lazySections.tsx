// Options, Connect StackSpot and Runs, loaded as a chunk of their own (sectionsChunk.ts) so the
// checklist paints without their components. The chunk's fetch starts when hub.js runs, in parallel
// with the host handshake and the project's first reads, so it is there by the time the checklist
// is; until then each section shows its titled card with a busy placeholder.
import * as React from "react";
import { HubCard } from "./HubCard";

type Sections = typeof import("./sectionsChunk");

const sections: Promise<Sections> = import(/* webpackChunkName: "sections" */ "./sectionsChunk");
// A failed fetch is reported where a section renders (React.lazy rethrows it), not here.
sections.catch(() => undefined);

function lazySection<K extends keyof Sections>(name: K) {
  return React.lazy(async () => ({ default: (await sections)[name] as Sections[K] }));
}

const LazyOptions = lazySection("OptionsSection");
const LazyConnect = lazySection("ConnectSection");
const LazyRuns = lazySection("RunsSection");

/** The section's card while its code loads: its title, and a busy placeholder. */
function SectionPlaceholder({ title }: { title: string }): JSX.Element {
  return (
    <HubCard className="ss-section" title={title}>
      <div className="ss-fill flex-column rhythm-vertical-8" aria-busy="true">
        <span className="ss-skeleton ss-skeleton-line" />
        <span className="ss-skeleton ss-skeleton-line" />
      </div>
    </HubCard>
  );
}

function withPlaceholder<P extends object>(
  Section: React.ComponentType<P>,
  title: string,
): (props: P) => JSX.Element {
  function Loaded(props: P): JSX.Element {
    return (
      <React.Suspense fallback={<SectionPlaceholder title={title} />}>
        <Section {...props} />
      </React.Suspense>
    );
  }
  Loaded.displayName = `Lazy(${title})`;
  return Loaded;
}

export const OptionsSection = withPlaceholder(LazyOptions, "Options");
export const ConnectSection = withPlaceholder(LazyConnect, "Connect StackSpot");
export const RunsSection = withPlaceholder(LazyRuns, "Runs");
