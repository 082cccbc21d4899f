import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { absoluteLink } from '../../../../theme/Heading/absoluteLink';
import { installFieldAnchors, type FieldAnchors } from '../../field-anchors/client';
import { operationFields } from '../../field-anchors/ids';
import type { OperationPageData } from '../../types';
import './field-anchors.css';

/**
 * Field anchors on an operation page: ids and copy buttons on Redoc's rows inside `container`, and the field
 * of the URL's hash revealed on load and whenever the hash changes. A hash the page no longer has is replaced
 * by its redirect (the plugin's `fieldAnchorRedirects`), if any.
 */
export function useFieldAnchors(container: RefObject<HTMLElement | null>, data: OperationPageData): void {
  const { siteConfig } = useDocusaurusContext();
  const location = useLocation();
  const history = useHistory();
  const { spec, operation, fieldAnchorRedirects } = data;
  // Only the effects read the fields: the server's render of every operation page skips walking its spec.
  const fields = useMemo(
    () => (ExecutionEnvironment.canUseDOM ? operationFields(spec, operation.path, operation.method) : []),
    [spec, operation],
  );
  const pageUrl = absoluteLink(siteConfig.url, location.pathname);
  const anchors = useRef<FieldAnchors | null>(null);
  // Right after hydration Redoc is rendered again with the browser's options (a new store, everything folded
  // as it opens): reveal only after that, or the toggles clicked would be folded back.
  const isBrowser = useIsBrowser();

  useEffect(() => {
    if (!container.current) return undefined;
    const installedAnchors = installFieldAnchors(container.current, { fields, pageUrl });
    anchors.current = installedAnchors;
    return () => {
      installedAnchors.dispose();
      anchors.current = null;
    };
  }, [container, fields, pageUrl]);

  useEffect(() => {
    const id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (!id || !anchors.current || !isBrowser) return;
    if (!fields.some((field) => field.id === id)) {
      const target = fieldAnchorRedirects?.[id];
      if (target) history.replace({ ...location, hash: `#${target}` });
      return;
    }
    void anchors.current.reveal(id);
    // Declared after the effect above, so on the first render it runs once the anchors are installed.
  }, [location, history, fields, fieldAnchorRedirects, isBrowser]);
}
