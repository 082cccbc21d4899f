import React, { createContext, useContext, type ReactNode } from 'react';

/**
 * Where the page being read lives in each revision. A page that exists in several revisions
 * (an operation, a changelog entry) provides it around its layout, which renders the navbar,
 * so the switcher learns it from the page's own route data: no list of operations is shipped
 * in global data, and the server-rendered HTML already has the right links.
 */
export interface RevisionTargets {
  /** The revision of the page being read. */
  revision: string;
  /** revision → URL of the same page in that revision, or null when it does not exist there. */
  urls: Record<string, string | null>;
}

const RevisionTargetsContext = createContext<RevisionTargets | null>(null);

export function RevisionTargetsProvider({
  value,
  children,
}: {
  value: RevisionTargets;
  children: ReactNode;
}): React.JSX.Element {
  return <RevisionTargetsContext.Provider value={value}>{children}</RevisionTargetsContext.Provider>;
}

/** The targets of a page at `url` in `revision` that also lives (or not) at `otherRevisions`. */
export function revisionTargets(
  revision: string,
  url: string,
  otherRevisions: readonly { revision: string; url: string | null }[],
): RevisionTargets {
  return {
    revision,
    urls: Object.fromEntries([[revision, url], ...otherRevisions.map((other) => [other.revision, other.url] as const)]),
  };
}

export function useRevisionTargets(): RevisionTargets | null {
  return useContext(RevisionTargetsContext);
}
