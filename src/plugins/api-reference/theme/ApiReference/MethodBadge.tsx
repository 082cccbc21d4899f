import React from 'react';
import clsx from 'clsx';
import styles from './reference.module.css';
import badgeStyles from './method-badge.module.css';

export default function MethodBadge({ method, className }: { method: string; className?: string }): React.JSX.Element {
  return (
    <span
      className={clsx(badgeStyles.badge, badgeStyles[method.toLowerCase()], styles.method, className)}
      data-method={method}
    >
      {method.toUpperCase()}
    </span>
  );
}
