import React from 'react';
import { useLocation } from '@docusaurus/router';
import { usePluginData } from '@docusaurus/useGlobalData';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import DropdownNavbarItem, { type Props as DropdownProps } from '@theme/NavbarItem/DropdownNavbarItem';
import type { ApiReferenceGlobalData } from '../../types';
import { useRevisionTargets } from './context';
import { revisionOfPath, switcherItems } from './targets';
import { withoutBaseUrl } from '../../routes';

type Props = Omit<DropdownProps, 'items' | 'label'>;

/**
 * Navbar dropdown (`type: 'custom-revisionSwitcher'`) listing the API revisions. On a page that
 * exists in several revisions (see RevisionTargetsProvider) it links the same page in each
 * revision, or that revision's landing page when the page does not exist there.
 */
export default function RevisionSwitcher(props: Props): React.JSX.Element | null {
  const data = usePluginData('api-reference') as ApiReferenceGlobalData | undefined;
  const targets = useRevisionTargets();
  const { pathname } = useLocation();
  const { siteConfig } = useDocusaurusContext();
  if (!data || data.revisions.length === 0) return null;

  const sitePath = withoutBaseUrl(pathname, siteConfig.baseUrl);
  const current = targets?.revision ?? revisionOfPath(sitePath, data.revisions, data.latest);
  const items = switcherItems(data.revisions, current, targets).map((item) => ({
    label: item.fallback ? `${item.label} (overview)` : item.label,
    to: item.to,
    isActive: () => item.active,
    'aria-current': item.active ? ('page' as const) : undefined,
    title: item.fallback ? `This page does not exist in revision ${item.revision}` : undefined,
    'data-revision': item.revision,
  }));

  return (
    <DropdownNavbarItem
      {...props}
      label={`API ${current}`}
      items={items}
      className={props.className ? `${props.className} revision-switcher` : 'revision-switcher'}
      data-testid="revision-switcher"
    />
  );
}
