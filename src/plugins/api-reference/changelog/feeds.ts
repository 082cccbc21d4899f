/**
 * The changelog's RSS 2.0 and Atom feeds, written with the `feed` package (as Docusaurus's blog
 * plugin does): one entry per revision that has a previous one to compare with.
 */
import { Feed } from 'feed';
import { CHANGELOG_BASE, changelogUrl, stableDateOf } from '../routes';
import type { RevisionChangelog } from './diff';

export interface FeedSite {
  /** Absolute origin plus base URL, without a trailing slash, e.g. `https://developers.example.com`. */
  siteUrl: string;
  title: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Backtick code spans as `<code>`, everything else escaped: the HTML of one change's description. */
export function inlineCodeHtml(text: string): string {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

function entryTitle(changelog: RevisionChangelog): string {
  const { operationsAdded, operationsRemoved, breaking, total } = changelog.counts;
  return `API revision ${changelog.revision}: ${total} change(s), ${breaking} breaking, ${operationsAdded} operation(s) added, ${operationsRemoved} removed`;
}

function entryHtml(changelog: RevisionChangelog, site: FeedSite): string {
  const items = changelog.changes.map(
    (change) =>
      `<li>${change.breaking ? '<strong>Breaking:</strong> ' : ''}<a href="${escapeHtml(site.siteUrl + change.url)}">${escapeHtml(change.operationId)}</a>: ${inlineCodeHtml(change.description)}</li>`,
  );
  return `<p>Changes since revision ${escapeHtml(changelog.previous ?? '')}.</p><ul>${items.join('')}</ul>`;
}

function revisionDate(revision: string): Date {
  return new Date(`${stableDateOf(revision)}T00:00:00Z`);
}

/** The feed of every revision's changes, newest first. */
export function changelogFeed(changelogs: readonly RevisionChangelog[], site: FeedSite): Feed {
  const entries = changelogs.filter((changelog) => changelog.previous !== null);
  const home = site.siteUrl + CHANGELOG_BASE;
  const feed = new Feed({
    id: home,
    title: `${site.title} API changelog`,
    description: 'Operations, parameters and fields added, removed or changed in each API revision.',
    link: home,
    language: 'en',
    updated: revisionDate(entries[0]?.revision ?? changelogs[0]?.revision ?? '1970-01-01'),
    feedLinks: { rss: `${home}/feed.xml`, atom: `${home}/atom.xml` },
    generator: false,
    author: { name: site.title },
  });
  for (const changelog of entries) {
    const link = site.siteUrl + changelogUrl(changelog.revision);
    feed.addItem({
      id: link,
      guid: link,
      title: entryTitle(changelog),
      link,
      date: revisionDate(changelog.revision),
      description: `Changes since revision ${changelog.previous}.`,
      content: entryHtml(changelog, site),
    });
  }
  return feed;
}

export function renderRssFeed(changelogs: readonly RevisionChangelog[], site: FeedSite): string {
  return changelogFeed(changelogs, site).rss2();
}

export function renderAtomFeed(changelogs: readonly RevisionChangelog[], site: FeedSite): string {
  return changelogFeed(changelogs, site).atom1();
}
