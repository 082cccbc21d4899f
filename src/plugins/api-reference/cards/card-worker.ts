import { serveRequests } from '../worker-pool';
import { createCardRenderer, type CardRenderer, type CardRequest } from './render';

/** A worker of the cards' pool (render.ts): loads the fonts once, then draws the cards it is sent. */
let renderer: CardRenderer | undefined;
serveRequests(({ siteDir, card }: CardRequest) => (renderer ??= createCardRenderer(siteDir)).render(card));
