import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';

/**
 * What a person sees, read from pixels: QR codes decoded from a screenshot (as a phone camera would),
 * sideways overflow, and the size of a page's body text.
 */

/** Decodes the QR code in a PNG screenshot, or null when none can be read (cut off, blank, too small). */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return found ? found.data : null;
}

/**
 * Screenshots what the viewport shows of a QR image and decodes it. The image is scrolled into view and
 * shot with the viewport as its clip, so a code cut off by the screen's edge does not decode.
 */
export async function decodeQrOnScreen(image: Locator): Promise<string | null> {
  await image.scrollIntoViewIfNeeded();
  const page = image.page();
  const box = await image.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return null;
  // A margin around the image (the quiet zone may be the card's white), kept inside the viewport.
  const x = Math.max(0, box.x - 16);
  const y = Math.max(0, box.y - 16);
  const width = Math.min(viewport.width, box.x + box.width + 16) - x;
  const height = Math.min(viewport.height, box.y + box.height + 16) - y;
  if (width <= 0 || height <= 0) return null;
  return decodeQrPng(await page.screenshot({ clip: { x, y, width, height } }));
}

/** Waits until every QR image on the page has loaded (an <img> whose natural width is known). */
export async function waitForQrImages(page: Page, selector = '.qr-picture img', count = 1): Promise<Locator> {
  await page.waitForFunction(
    ({ selector: css, count: wanted }) => {
      const found = Array.from(document.querySelectorAll<HTMLImageElement>(`.taro_page_show ${css}`));
      return found.length >= wanted && found.every((img) => img.complete && img.naturalWidth > 0);
    },
    { selector, count },
    { timeout: 15_000 },
  );
  return page.locator(`.taro_page_show ${selector}`);
}

/** The scene a local QR code carries: its H5 URL's `scene` query parameter, decoded as the page decodes it. */
export function sceneOf(qrText: string): string | null {
  const query = qrText.split('?')[1];
  if (!query) return null;
  const scene = new URLSearchParams(query).get('scene');
  return scene === null ? null : scene;
}

/**
 * What sticks out sideways on the page that shows: the page's own scroller scrolling sideways, or an
 * element drawn past the screen's left or right edge (cut off where nothing scrolls).
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const scroller = document.querySelector<HTMLElement>('.taro_page_show');
    if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) problems.push(`the page scrolls sideways (${scroller.scrollWidth} px wide on a ${scroller.clientWidth} px screen)`);
    if (document.documentElement.scrollWidth > width + 1) problems.push(`the document scrolls sideways (${document.documentElement.scrollWidth} px)`);
    const elements = Array.from(document.querySelectorAll<HTMLElement>('.taro_page_show *'));
    for (const element of elements) {
      if (element.offsetParent === null) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.right > width + 1 || rect.left < -1) {
        // Report the outermost element that sticks out, not each of its children.
        const parent = element.parentElement?.getBoundingClientRect();
        if (parent && (parent.right > width + 1 || parent.left < -1)) continue;
        const text = (element.innerText ?? '').trim().slice(0, 20);
        problems.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ')[0]} "${text}" spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      }
    }
    return problems.slice(0, 5);
  });
}

/**
 * The size of the page's body text: the font size that covers the most text characters on the page
 * that shows (titles and footnotes are fewer characters than the text people read).
 */
export function bodyTextSize(page: Page): Promise<number> {
  return page.evaluate(() => {
    const characters = new Map<number, number>();
    const walker = document.createTreeWalker(document.querySelector('.taro_page_show') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.offsetParent === null) continue;
      const size = Math.round(parseFloat(getComputedStyle(parent).fontSize) * 10) / 10;
      characters.set(size, (characters.get(size) ?? 0) + text.length);
    }
    let best = 0;
    let most = -1;
    for (const [size, count] of characters) {
      if (count > most) {
        best = size;
        most = count;
      }
    }
    return best;
  });
}
