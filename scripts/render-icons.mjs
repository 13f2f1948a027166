// Renders icons/icon.svg to the PNG sizes the manifest names, in headless Chromium.
// Run after editing the SVG: node scripts/render-icons.mjs (the PNGs are committed).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile('icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0">${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}</body>`,
  );
  await page.screenshot({ path: `icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
console.log('wrote icons/icon-{16,32,48,128}.png');
