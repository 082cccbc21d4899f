import React from 'react';
import SiteMetadata from '@theme-original/SiteMetadata';
import Head from '@docusaurus/Head';
import { useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { PageMetadata } from '@docusaurus/theme-common';
import { socialCardFor } from './social';

/**
 * Site-wide link-unfurl defaults, per section: the section's social card as og:image, a fallback
 * description and og:site_name. Rendered here (before any route) so that every page's own metadata
 * (title, description, front matter image) still overrides it.
 */
export default function SiteMetadataWrapper(): React.JSX.Element {
  const { pathname } = useLocation();
  const { siteConfig } = useDocusaurusContext();
  const card = socialCardFor(pathname, siteConfig.baseUrl);
  return (
    <>
      <SiteMetadata />
      <PageMetadata image={card.image} description={card.description} />
      <Head>
        <meta property="og:site_name" content={siteConfig.title} />
        {card.fallbackTitle && <meta property="og:title" content={`${card.fallbackTitle} | ${siteConfig.title}`} />}
      </Head>
    </>
  );
}
