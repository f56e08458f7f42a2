import type { Page } from "playwright-core";

/**
 * Elements that stick out past the right edge of the window, outside any
 * box that scrolls sideways on its own: what makes a phone scroll the page.
 *
 * @returns a short description of each, empty when the page fits
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrollsOnItsOwn = (element: Element | null): boolean => {
      for (let e = element; e; e = e.parentElement) {
        if (getComputedStyle(e).overflowX === "auto") return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => !scrollsOnItsOwn(e.parentElement))
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`,
      );
  });
}
