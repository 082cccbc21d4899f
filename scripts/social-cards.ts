// Draws the 1200x630 social cards (og:image) of each section of the portal into static/img/social/.
// The PNGs are committed assets: run this only when the design or a section changes
// (`npm run social-cards`), then commit the images.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser';
import { isMain } from './lib/main';

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'static/img/social');

/** One card per section; the file names are what src/theme/Layout/social.ts points to. */
export interface CardDesign {
  file: string;
  kicker: string;
  title: string;
  subtitle: string;
  motif: string[];
  accent: string;
}

export const CARDS: CardDesign[] = [
  {
    file: 'home.png',
    kicker: 'Developer portal',
    title: 'Klaviyo Developer Portal',
    subtitle: 'Guides, API reference, SDKs and a community for building on the Klaviyo API.',
    motif: ['Guides', 'API Reference', 'SDKs', 'Community'],
    accent: '#6ea8fe',
  },
  {
    file: 'guides.png',
    kicker: 'Guides',
    title: 'Learn the Klaviyo API',
    subtitle: 'Authentication, revisions, pagination, filtering and rate limits, explained step by step.',
    motif: ['Getting started', 'API overview', 'SDKs'],
    accent: '#7ee2b8',
  },
  {
    file: 'reference.png',
    kicker: 'API Reference',
    title: 'Every endpoint, every field',
    subtitle: 'Requests, responses, scopes, rate limits and code samples in Python, Node, PHP, Ruby and curl.',
    motif: ['GET /api/profiles', 'POST /api/events', 'revision: 2026-07-15'],
    accent: '#ffd166',
  },
  {
    file: 'blog.png',
    kicker: 'Developer blog',
    title: 'Notes from the API team',
    subtitle: 'How we build the API, its SDKs and this portal.',
    motif: ['OpenAPI', 'SDKs', 'Engineering'],
    accent: '#f4a3c6',
  },
  {
    file: 'community.png',
    kicker: 'Community',
    title: 'Build together',
    subtitle: 'Ask questions and share answers in the developer Slack, under a code of conduct.',
    motif: ['Developer Slack', 'Code of conduct'],
    accent: '#c3a6ff',
  },
];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cardHtml(card: CardDesign, logo: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; }
  html, body { width: 1200px; height: 630px; }
  body {
    font-family: 'DejaVu Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif;
    color: #fff; padding: 72px 80px; position: relative; overflow: hidden;
    background: #0b1733;
  }
  /* Flat shapes rather than gradients: they keep the PNGs small (gradients dither into noise). */
  .shape { position: absolute; border-radius: 50%; }
  .shape.one { width: 520px; height: 520px; right: -160px; top: -220px; background: #1f6feb; }
  .shape.two { width: 260px; height: 260px; right: 150px; top: 170px; background: ${card.accent}; opacity: 0.9; }
  .content { position: relative; }
  .brand { display: flex; align-items: center; gap: 20px; font-size: 30px; font-weight: bold; }
  .brand svg { width: 64px; height: 64px; }
  .kicker { margin-top: 56px; font-size: 30px; letter-spacing: 2px; text-transform: uppercase; color: ${card.accent}; font-weight: bold; }
  h1 { margin-top: 12px; font-size: 64px; line-height: 1.1; letter-spacing: -1px; max-width: 700px; }
  p { margin-top: 22px; font-size: 28px; line-height: 1.35; color: #d7e3ff; max-width: 780px; }
  .motif { position: absolute; left: 80px; bottom: 56px; display: flex; gap: 14px; }
  .motif span { font-family: 'DejaVu Sans Mono', monospace; font-size: 22px; padding: 8px 16px; border-radius: 10px;
    border: 2px solid ${card.accent}; color: #fff; background: #15244a; }
  .bar { position: absolute; left: 0; right: 0; bottom: 0; height: 12px; background: ${card.accent}; }
  </style></head><body>
  <div class="shape one"></div><div class="shape two"></div>
  <div class="content">
  <div class="brand">${logo}<span>Klaviyo Developers</span></div>
  <div class="kicker">${escape(card.kicker)}</div>
  <h1>${escape(card.title)}</h1>
  <p>${escape(card.subtitle)}</p>
  </div>
  <div class="motif">${card.motif.map((item) => `<span>${escape(item)}</span>`).join('')}</div>
  <div class="bar"></div>
  </body></html>`;
}

async function main(): Promise<void> {
  const executablePath = await findChromium();
  if (!executablePath) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  const logo = readFileSync(path.join(root, 'static/img/logo.svg'), 'utf8');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
    for (const card of CARDS) {
      await page.setContent(cardHtml(card, logo), { waitUntil: 'load' });
      const file = path.join(outDir, card.file);
      await page.screenshot({ path: file, type: 'png' });
      console.log(`wrote ${path.relative(root, file)}`);
    }
  } finally {
    await browser.close();
  }
}

if (isMain(__filename)) void main();
