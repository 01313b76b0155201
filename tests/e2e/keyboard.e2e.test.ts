/**
 * End to end in Debian Chromium: a clerk who never touches the mouse. The search box has the focus
 * on open; ↓ walks the results (the one chosen is marked and kept in view), Enter opens it, the record
 * takes the focus, Tab reaches every action with a visible focus ring, Enter on "Sao chép căn cứ"
 * copies, Esc goes back to the same list and a second Esc clears the box.
 */
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('keyboard', (m) => ({ server, page } = m), errors, { permissions: ['clipboard-read', 'clipboard-write'] });

const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.getAttribute('data-test') ?? document.activeElement?.id ?? '');

describe('keyboard only', () => {
  it('search, choose with ↓, open with Enter, act with Tab and Enter, back with Esc', async () => {
    await page.goto(`${server.url}#/`);
    await expect.poll(focused).toBe('q');
    await page.keyboard.type('dang ky khai sinh', { delay: 15 });
    const hits = page.locator('#results > li');
    await expect.poll(() => hits.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The second ↓ chose the third row: marked, in view, the box keeps the focus (typing goes on).
    await expect.poll(() => hits.nth(2).evaluate((li) => li.classList.contains('is-active'))).toBe(true);
    expect(await page.locator('#results > li.is-active').count()).toBe(1);
    expect(await focused()).toBe('q');
    const box = await hits.nth(2).boundingBox();
    expect(box!.y + Math.min(box!.height, 100)).toBeLessThanOrEqual(768);
    const chosen = (await hits.nth(2).locator('a').first().getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
    expect(decodeURIComponent(page.url())).toContain(decodeURIComponent(chosen.split('?')[0]!));
    // The record has the focus: Tab goes into the card, each stop with a visible focus ring.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('record-title'))).toBe(true);
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.includes('copy-basis'); i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
      });
      const name = await focused();
      expect(ring, `focus ring on ${name}`).toBe(true);
      stops.push(name);
    }
    expect(stops).toContain('copy-basis');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="copied"]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Căn cứ /u);
    // Esc from a button on the card: back to the list, same query, the box focused again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#q').inputValue()).toBe('dang ky khai sinh');
    await expect.poll(focused).toBe('q');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#q').inputValue()).toBe('');
    expect(errors).toEqual([]);
  }, 90_000);

  it('Enter on a near miss opens a card that says it is one, first; a confident answer opens without it', async () => {
    for (const [q, near] of [
      ['cap phep karaoke', true],
      ['dang ky khai sinh', false],
    ] as const) {
      await page.goto(`${server.url}#/`);
      await page.locator('#q').fill(q);
      const first = page.locator('#results > li').first();
      await first.waitFor();
      // What the list says of its first row is what the card must say.
      await expect.poll(async () => (await first.getAttribute('class'))!.includes('is-near')).toBe(near);
      await page.keyboard.press('Enter');
      await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
      const note = page.locator('[data-test="near-from"]');
      expect(await note.count(), q).toBe(near ? 1 : 0);
      if (near) {
        const text = (await note.textContent())!;
        expect(text).toContain('Gần đúng — kiểm tra lại.');
        expect(text).toContain(`«${q}»`);
        expect(text.match(/Gần đúng/gu)!.length).toBe(1);
        // Above who holds it: read before the holder.
        expect((await note.boundingBox())!.y).toBeLessThan((await page.locator('[data-test="answer-card"] [data-test="holder"]').boundingBox())!.y);
      }
    }
    expect(errors).toEqual([]);
  }, 90_000);
});
