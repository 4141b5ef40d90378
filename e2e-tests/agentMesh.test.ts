import { expect, Page, test } from '@playwright/test';

/*
 * The story of the demo organisation in a real browser: three brand teams built the same sales
 * aggregator; an engineer opening one of them sees the others, its governance checks, and the
 * overview page shows what the organisation is building.
 */

// Git-ignored; the pictures are for people looking at a run, the assertions are the test.
const SCREENSHOTS = 'e2e-screenshots';

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));
  await signInAsGuest(page);
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

async function signInAsGuest(page: Page) {
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Catalog' }).first(),
  ).toBeVisible();
}

test('an aggregator page shows its overlaps with the other brands', async ({
  page,
}) => {
  await page.goto('/catalog/default/aiartifact/brand-a-sales-aggregator', {
    waitUntil: 'domcontentloaded',
  });
  await expect(
    page.getByRole('heading', { name: 'Brand A Sales Aggregator' }).first(),
  ).toBeVisible();

  const overlaps = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Overlaps', { exact: true }) })
    .first();
  for (const other of [
    'Brand B Weekly Revenue Roll-up',
    'Brand C Revenue Dashboard Sync',
  ]) {
    const row = overlaps.getByRole('row').filter({ hasText: other });
    await expect(row).toBeVisible();
    await expect(row.getByText('Cross-team')).toBeVisible();
  }
  await expect(
    overlaps.getByText('both integrate shopify and salesforce').first(),
  ).toBeVisible();

  // The overlap is a catalog relation too, drawn by the Relations card.
  await expect(page.getByText('overlapsWith').first()).toBeVisible();

  await page.screenshot({
    path: `${SCREENSHOTS}/aggregator-overview.png`,
    fullPage: true,
  });

  // The other artifact is one click away.
  await overlaps
    .getByRole('link', { name: 'Brand B Weekly Revenue Roll-up' })
    .click();
  await expect(page).toHaveURL(/aiartifact\/brand-b-sales-rollup/);
  await expect(
    page
      .getByRole('heading', { name: 'Brand B Weekly Revenue Roll-up' })
      .first(),
  ).toBeVisible();
});

test('the Governance tab shows the score and each check with what to do', async ({
  page,
}) => {
  await page.goto('/catalog/default/aiartifact/brand-a-sales-aggregator', {
    waitUntil: 'domcontentloaded',
  });
  await page.getByRole('link', { name: 'Governance', exact: true }).click();
  await expect(page).toHaveURL(/\/governance/);

  await expect(page.getByLabel(/^Score [\d.]+ out of 100/)).toBeVisible();
  await expect(page.getByText(/^Level: (Bronze|Silver|Gold)$/)).toBeVisible();
  const checks = page.getByRole('table', { name: 'Scorecard checks' });
  await expect(checks).toBeVisible();
  for (const title of [
    'Owned by a team with members',
    'Description and purpose',
    'Lifecycle is set',
  ]) {
    await expect(checks.getByRole('rowheader', { name: title })).toBeVisible();
  }
  // Brand A's aggregator duplicates Brand B's and Brand C's and nobody acknowledged it.
  const overlapCheck = checks
    .locator('tbody tr')
    .filter({ hasText: 'No unacknowledged cross-team overlap' });
  await expect(overlapCheck.getByText('Fail', { exact: true })).toBeVisible();
  await expect(overlapCheck).toContainText('brand-b-sales-rollup');

  await page.screenshot({
    path: `${SCREENSHOTS}/aggregator-governance.png`,
    fullPage: true,
  });
});

test('the overview page shows what the organisation is building', async ({
  page,
}) => {
  await page.goto('/agent-mesh', { waitUntil: 'domcontentloaded' });
  await expect(
    page.getByRole('heading', { name: /Agent Mesh/ }).first(),
  ).toBeVisible();
  await expect(page.getByText('At a glance')).toBeVisible();

  // The three brands' aggregators, found as one cluster of the same work across teams. Its label
  // ("5 sales aggregators", "5 weekly aggregators") takes the purpose word that most of its pairs
  // share, which depends on the words of the whole catalog.
  const cluster = page.getByRole('region', { name: /^\d+ \w+ aggregators: / });
  await expect(cluster).toBeVisible();
  for (const brand of ['brand-a', 'brand-b', 'brand-c']) {
    await expect(cluster).toHaveAccessibleName(new RegExp(brand));
  }
  await expect(
    cluster.getByRole('link', { name: 'Brand C Revenue Dashboard Sync' }),
  ).toBeVisible();
  await cluster.scrollIntoViewIfNeeded();

  await page.screenshot({
    path: `${SCREENSHOTS}/overview.png`,
    fullPage: true,
  });
});

test("an agent from a served A2A card has a page with its card's description and skill tags", async ({
  page,
}) => {
  // The demo backend serves examples/a2a/returns-triage.json as a card; the catalog reads it.
  await page.goto('/catalog/default/agent/returns-triage', {
    waitUntil: 'domcontentloaded',
  });
  await expect(
    page.getByRole('heading', { name: 'Returns Triage' }).first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText('Sorts incoming product returns by reason').first(),
  ).toBeVisible();
  await expect(page.getByText('customer-service').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/a2a-agent.png` });
});
