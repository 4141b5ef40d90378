/**
 * Debian's Chromium, as the end-to-end tests and the frontend benchmark launch it. Playwright's
 * own browser download does not work on these machines; without the background-networking
 * flags Chromium keeps trying to reach Google's hosts, which the closed network refuses.
 */
export const CHROMIUM_EXECUTABLE =
  process.env.AGENT_MESH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
