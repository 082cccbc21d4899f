import type { OperationInfo } from './spec/operations';
import type { OpenApiDocument } from './spec/types';
import type { OperationHistory } from './changelog/types';

export interface RevisionSummary {
  revision: string;
  isLatest: boolean;
  basePath: string;
}

/** One SDK release and the API revision it sends, from its manifest (`samples/sdk-manifests/`). */
export interface SdkRelease {
  language: string;
  package: string;
  install: string;
  repository: string;
  version: string;
  revision: string;
}

/** What the plugin publishes as global data: the revision list and the SDK releases, never spec content. */
export interface ApiReferenceGlobalData {
  revisions: RevisionSummary[];
  latest: string;
  sdkReleases: SdkRelease[];
}

interface RevisionPage {
  revision: string;
  latest: string;
  isLatest: boolean;
  basePath: string;
}

export interface OperationPageData extends RevisionPage {
  kind: 'operation';
  server: string;
  operation: OperationInfo;
  tagUrl: string;
  /** The operation (with its generated code samples as `x-codeSamples`) and only the components it references. */
  spec: OpenApiDocument;
  /** Redoc's markup of the operation and its CSS for both colour modes, rendered at build time (redoc/render.ts). */
  redoc: RenderedRedoc;
  otherRevisions: OtherRevisionLinks;
  /** What changed in this operation in each revision (changelog/history.ts). */
  history?: OperationHistory;
  /** Field anchors this operation no longer has → the anchor that replaces each (plugin option `fieldAnchorRedirects`). */
  fieldAnchorRedirects?: Record<string, string>;
}

export interface RenderedRedoc {
  html: string;
  css: string;
}

/** The same page in each other revision: its URL, or null where that revision does not have it. */
export type OtherRevisionLinks = { revision: string; isLatest: boolean; url: string | null }[];

export interface TagPageData extends RevisionPage {
  kind: 'tag';
  name: string;
  slug: string;
  description: string;
  otherRevisions: OtherRevisionLinks;
  operations: {
    operationId: string;
    method: string;
    path: string;
    summary: string;
    firstSentence: string;
    deprecated: boolean;
    url: string;
  }[];
}

export interface LandingPageData extends RevisionPage {
  kind: 'landing';
  title: string;
  description: string;
  server: string;
  revisions: RevisionSummary[];
  operationCount: number;
  tags: { name: string; url: string; description: string; operationCount: number }[];
}

export interface ReferenceSidebarData {
  revision: string;
  basePath: string;
  tags: {
    name: string;
    url: string;
    operations: { operationId: string; summary: string; method: string; url: string; deprecated: boolean }[];
  }[];
}

/** The latest revision's page of an operation that an older revision has and the latest removed. */
export interface RemovedOperationPageData extends RevisionPage {
  kind: 'removed';
  operation: Pick<OperationInfo, 'operationId' | 'summary' | 'method' | 'path' | 'tag'>;
  /** The revision whose changelog reports the removal. */
  removedIn: string;
  /** The newest revision that still has the operation, and its page there. */
  lastRevision: { revision: string; url: string };
  changelogEntryUrl: string;
  otherRevisions: OtherRevisionLinks;
  history: OperationHistory;
}

/** The data of one page under `{basePath}/{slug}`: an operation, a tag overview or the landing page. */
export type ReferenceEntryData = OperationPageData | TagPageData | LandingPageData | RemovedOperationPageData;
