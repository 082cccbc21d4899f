import React from 'react';
import Link from '@docusaurus/Link';
import type { ApiChange } from '../../changelog/types';
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

export default function ChangeList({ changes }: { changes: readonly ApiChange[] }): React.JSX.Element {
  return (
    <ul className={styles.changes}>
      {changes.map((change, index) => (
        <li
          key={`${change.operationId}-${change.kind}-${index}`}
          className={styles.change}
          data-kind={change.kind}
          data-breaking={change.breaking ? 'true' : 'false'}
        >
          {change.breaking && <span className="badge badge--danger">Breaking</span>}
          <span className={styles.kind}>{KIND_LABELS[change.kind]}</span>
          <Link to={change.url}>
            <code>{change.operationId}</code>
          </Link>
          <span>
            <InlineCode text={change.description} />
          </span>
        </li>
      ))}
    </ul>
  );
}
