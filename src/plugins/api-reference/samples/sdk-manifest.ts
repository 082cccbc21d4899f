import nodeManifest from './sdk-manifests/node.json';
import pythonManifest from './sdk-manifests/python.json';
import phpManifest from './sdk-manifests/php.json';
import rubyManifest from './sdk-manifests/ruby.json';
import type { SdkRelease } from '../types';

export type SdkLanguage = 'node' | 'python' | 'php' | 'ruby';

/**
 * The public API of one Klaviyo SDK release, read from the SDK's own source by
 * `scripts/sdk-manifest.ts`. Samples may only call what is listed here.
 *
 * A method's value is its signature, parameters comma-separated in call order, optional ones
 * ending in `?` (Node: keys of the trailing options object; Ruby: keys of the trailing `opts`
 * hash), or `=target` for a deprecated alias of another method of the same namespace.
 */
export interface SdkManifest {
  language: SdkLanguage;
  /** Name in the language's package registry. */
  package: string;
  install: string;
  repository: string;
  version: string;
  /** The API revision the release sends in its `revision` header. */
  revision: string;
  /** Repository (or package) and commit the manifest was read from. */
  source: string;
  client: {
    /** How a program creates or configures the client: constructor, session or configure block. */
    entry: string;
    /** Its parameters (or configuration attributes), same notation as a method. */
    parameters: string;
    deprecatedParameters: string[];
    retryStatusCodes: number[];
    /** What the retry option measures, in the SDK's own terms. */
    retryNotes: string;
    /** Default request timeout in seconds; 0 means none. */
    defaultTimeoutSeconds: number;
    /** How to set a timeout, in the SDK's own terms. */
    timeoutOption: string;
    /** How to use another private key for one call. */
    perCallKeyOverride: string;
  };
  /** Parameters every method accepts besides its own. */
  commonParameters: string[];
  namespaces: Record<string, Record<string, string>>;
}

export const SDK_MANIFESTS: Record<SdkLanguage, SdkManifest> = {
  node: nodeManifest as SdkManifest,
  python: pythonManifest as SdkManifest,
  php: phpManifest as SdkManifest,
  ruby: rubyManifest as SdkManifest,
};

export interface MethodSignature {
  namespace: string;
  name: string;
  /** The method an alias stands for; equal to `name` otherwise. */
  canonical: string;
  required: string[];
  optional: string[];
}

export function parseSignature(signature: string): { required: string[]; optional: string[] } {
  const names = signature
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    required: names.filter((name) => !name.endsWith('?')),
    optional: names.filter((name) => name.endsWith('?')).map((name) => name.slice(0, -1)),
  };
}

/** The method `name` of `namespace`, aliases followed; undefined when the SDK has no such method. */
export function findMethod(manifest: SdkManifest, namespace: string, name: string): MethodSignature | undefined {
  const methods = manifest.namespaces[namespace];
  let canonical = name;
  let signature = methods?.[name];
  if (signature?.startsWith('=')) {
    canonical = signature.slice(1);
    signature = methods?.[canonical];
  }
  if (signature === undefined) return undefined;
  return { namespace, name, canonical, ...parseSignature(signature) };
}

/** Namespaces that have a method called `name` (aliases excluded): the tag's one comes first when it has it. */
export function namespacesWithMethod(manifest: SdkManifest, name: string, preferred?: string): string[] {
  const found = Object.entries(manifest.namespaces)
    .filter(([, methods]) => methods[name] !== undefined && !methods[name]!.startsWith('='))
    .map(([namespace]) => namespace);
  return preferred && found.includes(preferred) ? [preferred, ...found.filter((n) => n !== preferred)] : found;
}

/** The part of each manifest the docs show: which release of which SDK targets which revision. */
export function sdkReleases(): SdkRelease[] {
  return (['python', 'node', 'php', 'ruby'] as const).map((language) => {
    const { package: name, install, repository, version, revision } = SDK_MANIFESTS[language];
    return { language, package: name, install, repository, version, revision };
  });
}
