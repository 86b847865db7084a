// What the browser suites share: Debian's Chromium driven by playwright-core against a real n8n
// editor, a free port for n8n, and the steps every suite takes (open a page, sign in).
import * as net from 'node:net';
import { chromium, selectors } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.MKP_E2E_CHROMIUM || '/usr/bin/chromium';
// This machine has no network: keep Chromium from trying.
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The first port from `from` on which both n8n and its task-runner broker (port + 1000) can listen. */
export async function freePort(from: number): Promise<number> {
	const canListen = (port: number) =>
		new Promise<boolean>((resolve) => {
			const server = net.createServer();
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
	for (let port = from; port < from + 200; port++) {
		if ((await canListen(port)) && (await canListen(port + 1000))) return port;
	}
	throw new Error(`no free port from ${from}`);
}

/** Chromium with one page on `baseUrl`; n8n's onboarding and survey modals are closed whenever they pop up. */
export async function openEditor(baseUrl: string): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	selectors.setTestIdAttribute('data-test-id');
	const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 1000 } });
	context.setDefaultTimeout(30000);
	const page = await context.newPage();
	await page.addLocatorHandler(page.getByTestId('nps-survey-modal').filter({ visible: true }), async () => {
		await page.keyboard.press('Escape');
	});
	await page.addLocatorHandler(page.getByTestId('personalization-form').filter({ visible: true }), async () => {
		await page.getByRole('button', { name: /get started|skip|continue/i }).filter({ visible: true }).first().click();
	});
	return { browser, context, page };
}

export async function signInInBrowser(page: Page, owner: { email: string; password: string }): Promise<void> {
	await page.goto('/signin');
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
