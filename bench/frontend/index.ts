/* eslint-disable no-console */
// `yarn bench frontend [--rounds N] [--skip-build]`: issue 7's figures on the demo portal.
// 1. In Debian's Chromium, the time from a click on an entity's Governance tab (the app already
//    loaded) to its score and checks on screen; aim: at most 1.5 s. Uses the portal running on
//    :3000/:7007, or starts one with `yarn start` (development build) and stops it afterwards.
// 2. The size the plugin adds to the app bundle, from a production build of packages/app and its
//    source maps (skip the build with --skip-build to measure the last one).
import os from 'node:os';
import { BenchFigure, numericOption, reportBenchmark } from '../lib/report';
import { buildApp, measureBundle } from './bundle';
import { timeGovernanceTab } from './governanceTab';
import { usePortal } from './portal';

const ENTITY_PAGES = [
  '/catalog/default/aiartifact/brand-a-sales-aggregator',
  '/catalog/default/aiartifact/brand-b-sales-rollup',
  '/catalog/default/aiartifact/brand-c-revenue-dashboard-sync',
  '/catalog/default/aiartifact/order-sync-integration',
  '/catalog/default/agent/brand-a-coder',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main() {
  const args = process.argv.slice(2);
  const rounds = numericOption(args, 'rounds', 4);
  const loadBefore = os.loadavg()[0];

  const portal = await usePortal();
  let timings;
  try {
    timings = await timeGovernanceTab(ENTITY_PAGES, rounds);
  } finally {
    portal.stop();
  }

  console.log(
    `Governance tab, click to data (ms): ${timings.governanceMs.join(', ')}`,
  );
  if (!args.includes('--skip-build')) buildApp();
  const bundle = measureBundle();

  const seconds = (ms: number) => ms / 1000;
  const figures: BenchFigure[] = [
    {
      name: 'Governance tab: click to data, median',
      value: seconds(percentile(timings.governanceMs, 0.5)),
      unit: 's',
    },
    {
      name: 'Governance tab: click to data, p95',
      value: seconds(percentile(timings.governanceMs, 0.95)),
      unit: 's',
      target: { max: 1.5 },
    },
    {
      name: 'entity page full load (development build), median',
      value: seconds(percentile(timings.appLoadMs, 0.5)),
      unit: 's',
    },
    ...(
      [
        ['app bundle, all JavaScript (minified)', bundle.appJsBytes],
        ['plugin code in the bundle (minified)', bundle.pluginBytes],
        [
          'packages only the plugin brings in (minified)',
          bundle.exclusiveDependencyBytes,
        ],
        ['added by the plugin, gzipped', bundle.addedGzipBytes],
      ] as const
    ).map(([name, bytes]) => ({
      name,
      value: Math.round(bytes / 1024),
      unit: 'KiB',
    })),
  ];
  reportBenchmark(
    'frontend',
    {
      entityPages: ENTITY_PAGES.length,
      rounds,
      samples: timings.governanceMs.length,
      packagesOnlyThePluginBringsIn: bundle.exclusivePackages,
      browser: 'Debian chromium, headless',
      loadAverageBefore: Number(loadBefore.toFixed(2)),
      loadAverageAfter: Number(os.loadavg()[0].toFixed(2)),
    },
    figures,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
