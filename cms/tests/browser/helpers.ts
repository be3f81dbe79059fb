import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { BYPASS } from '../helpers/app';

export const SCREENSHOTS = path.join(os.tmpdir(), 'cop-screenshots');

/** Debian's Chromium, headless; no tool downloads a browser. */
export async function launch(): Promise<Browser> {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export async function signInThroughUi(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/console/#/login`);
  await page.getByTestId('login-captcha-image').waitFor();
  await page.getByTestId('login-identifier').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-captcha').fill(BYPASS);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('account-name').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('account-name').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
