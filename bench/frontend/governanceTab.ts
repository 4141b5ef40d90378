import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../e2e-tests/chromium';
import { FRONTEND } from './portal';

export interface GovernanceTimings {
  /** Milliseconds from the entity page's navigation to its title being shown (app start). */
  appLoadMs: number[];
  /** Milliseconds from the click on the Governance tab to the score and checks being shown. */
  governanceMs: number[];
}

/**
 * Opens each entity page in Chromium (a full load of the app), then clicks its Governance tab
 * and times until the score and the checks table are on screen: navigation inside the loaded
 * app, data fetched from the backend, as a user experiences it.
 */
export async function timeGovernanceTab(
  entityPaths: string[],
  rounds: number,
): Promise<GovernanceTimings> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
  });
  const timings: GovernanceTimings = { appLoadMs: [], governanceMs: [] };
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    page.setDefaultTimeout(180_000);
    await page.goto(FRONTEND, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'Catalog' }).first().waitFor();

    for (let round = 0; round < rounds; round++) {
      for (const path of entityPaths) {
        const loadStart = Date.now();
        await page.goto(`${FRONTEND}${path}`, {
          waitUntil: 'domcontentloaded',
        });
        const governance = page.getByRole('link', {
          name: 'Governance',
          exact: true,
        });
        await governance.waitFor();
        timings.appLoadMs.push(Date.now() - loadStart);

        const clickStart = Date.now();
        await governance.click();
        await page.getByLabel(/^Score [\d.]+ out of 100/).waitFor();
        await page
          .getByRole('table', { name: 'Scorecard checks' })
          .locator('tbody tr')
          .first()
          .waitFor();
        timings.governanceMs.push(Date.now() - clickStart);
      }
    }
  } finally {
    await browser.close();
  }
  return timings;
}
