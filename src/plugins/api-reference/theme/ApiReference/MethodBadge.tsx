import React from 'react';
import clsx from 'clsx';
import styles from './reference.module.css';

export default function MethodBadge({ method, className }: { method: string; className?: string }): React.JSX.Element {
  return (
    <span className={clsx(styles.method, styles[`method_${method.toLowerCase()}`], className)} data-method={method}>
      {method.toUpperCase()}
    </span>
  );
}
