import { SpecError, truncate } from '../spec/errors';
export { isRecord } from '../openapi';

/**
 * The error every artifact builder throws: it names the artifact (its URL path) and the
 * reason in one readable message, like the reference's own SpecError.
 */
export function artifactError(artifact: string, cause: unknown): SpecError {
  if (cause instanceof SpecError && cause.message.startsWith('Artifact ')) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SpecError(
    `Artifact ${artifact} could not be built; the previous artifacts were left in place.\n  ${truncate(reason.split('\n')[0] ?? reason)}`,
  );
}

/** Runs `build` and rethrows any failure as an artifactError naming `artifact`. */
export function buildArtifact<T>(artifact: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw artifactError(artifact, error);
  }
}

/** Text made safe for one Markdown table cell. */
export function tableCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Site-relative Markdown links (`](/docs/x)`) made absolute, outside fenced code blocks, so a
 * twin pasted into a chat or an assistant still points at the portal.
 */
export function absolutizeLinks(markdown: string, siteUrl: string): string {
  const origin = siteUrl.replace(/\/$/, '');
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s*(?:>\s*)*(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker) {
        if (fence === null) fence = marker;
        else if (marker.startsWith(fence[0]!) && marker.length >= fence.length) fence = null;
        return line;
      }
      if (fence !== null) return line;
      return line.replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_, target: string) => `](${origin}${target})`);
    })
    .join('\n');
}
