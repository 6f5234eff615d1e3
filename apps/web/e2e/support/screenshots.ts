import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

/**
 * A full-page screenshot of a visited page, kept as test-results/screenshots/<name>.png (gitignored) for a person to
 * look at: the suite asserts behaviour, the pictures show layout problems it cannot.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Fonts and hydration settle before the picture; a page that keeps polling never reaches "networkidle".
  await page.waitForLoadState("load");
  await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `${name}.png`), fullPage: true });
}
