import React from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type { ApiChange, OperationChange } from '../../changelog/types';
import styles from './changelog.module.css';

export const KIND_LABELS: Record<ApiChange['kind'], string> = {
  'operation-added': 'Operation added',
  'operation-removed': 'Operation removed',
  'operation-deprecated': 'Operation deprecated',
  'parameter-added': 'Parameter added',
  'parameter-removed': 'Parameter removed',
  'parameter-required': 'Parameter now required',
  'parameter-deprecated': 'Parameter deprecated',
  'request-property-added': 'Request property added',
  'request-property-removed': 'Request property removed',
  'request-property-required': 'Request property now required',
  'response-property-added': 'Response property added',
  'response-property-removed': 'Response property removed',
  'response-property-required': 'Response property now always present',
  'property-deprecated': 'Property deprecated',
  'enum-value-added': 'Enum value added',
  'enum-value-removed': 'Enum value removed',
  'type-changed': 'Type changed',
};

/** A description with its backtick spans shown as code. */
export function InlineCode({ text }: { text: string }): React.JSX.Element {
  return (
    <>
      {text
        .split('`')
        .map((part, index) =>
          index % 2 === 1 ? <code key={index}>{part}</code> : <React.Fragment key={index}>{part}</React.Fragment>,
        )}
    </>
  );
}

/** The operation, or the field, in the older and the newer revision (where it exists). */
export function ChangeLinks({ links }: { links: OperationChange['links'] }): React.JSX.Element | null {
  const sides = [
    ['before', links.before],
    ['after', links.after],
  ] as const;
  const shown = sides.filter(([, link]) => link !== null);
  if (shown.length === 0) return null;
  return (
    <span className={styles.changeLinks}>
      {shown.map(([side, link], index) => (
        <React.Fragment key={side}>
          {index > 0 && ' · '}
          {/* Field anchors are checked against the spec by the diff (operationFields), not by Docusaurus. */}
          <Link
            to={link!.url}
            data-noBrokenLinkCheck
            data-link={side}
            title={`${link!.field ? 'The field' : 'The operation'} in revision ${link!.revision}`}
          >
            {side === 'before' ? 'was' : 'now'}: {link!.revision}
          </Link>
        </React.Fragment>
      ))}
    </span>
  );
}

/** A change's own anchor, registered with Docusaurus's anchor checker so that links to it are checked. */
function ChangeAnchor({ id }: { id: string }): React.JSX.Element {
  useBrokenLinks().collectAnchor(id);
  return (
    <a className={styles.permalink} href={`#${id}`} aria-label="Link to this change" title="Link to this change">
      #
    </a>
  );
}

export default function ChangeList({
  changes,
  anchored = false,
  entryUrl,
}: {
  changes: readonly ApiChange[];
  /** Give each change its id (on its revision's page; the overview lists several revisions). */
  anchored?: boolean;
  /** Where each change's entry lives, when it is on another page (the overview links the revision page). */
  entryUrl?: (change: ApiChange) => string;
}): React.JSX.Element {
  return (
    <ul className={styles.changes}>
      {changes.map((change) => (
        <li
          key={change.id}
          id={anchored ? change.id : undefined}
          className={clsx(styles.change, anchored && 'anchor')}
          data-kind={change.kind}
          data-breaking={change.breaking ? 'true' : 'false'}
          data-change-id={change.id}
        >
          {change.breaking && <BreakingBadge />}
          <span className={styles.kind}>{KIND_LABELS[change.kind]}</span>
          <Link to={change.url}>
            <code>{change.operationId}</code>
          </Link>
          <span>
            <InlineCode text={change.description} />
          </span>
          <ChangeLinks links={change.links} />
          {anchored && <ChangeAnchor id={change.id} />}
          {!anchored && entryUrl && (
            <Link
              className={styles.permalink}
              to={entryUrl(change)}
              aria-label="This change in its revision's changelog"
            >
              #
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export function BreakingBadge(): React.JSX.Element {
  return <span className={`badge ${styles.breaking}`}>Breaking</span>;
}
