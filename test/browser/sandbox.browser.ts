/**
 * The sandbox as a newcomer meets it, in a real browser: headless Chromium logs into the sandbox's
 * n8n (started as `npm start` starts it, on free ports), finds the package's nodes in the node picker
 * by the words people type, runs every example workflow from the canvas (a trigger fed by its
 * sandbox's test event, sent with the README's command), and tests each vendor's credential with a
 * wrong key in the credential dialog. Screenshots of each step go to test-results/browser/.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import type { SandboxSpec, SandboxTestEvent, Simulator } from '../simulators/base';
import { fixtures, freePort, OWNER, PACKED_TARBALL, packPackage, ROOT, type Workflow } from '../e2e/n8n';
import {
	AI_AGENT_EXAMPLES,
	LIVE_CHAT_EXAMPLES,
	platformOf,
	sandboxEventCommand,
	sandboxExampleWorkflows,
	sandboxSpecs,
	startSandbox,
	type RunningSandbox,
} from '../e2e/sandbox';
import { allNodes } from '../engine/registry';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'test-results', 'browser');
const STICKY = 'n8n-nodes-base.stickyNote';
const PACKAGE = 'n8n-nodes-live-chat.';

let work: string;
let sandbox: RunningSandbox;
let context: BrowserContext;
let page: Page;
let shot = 0;

/** A numbered screenshot of the whole window, so the folder reads in the order of the run. */
async function screenshot(name: string): Promise<void> {
	shot += 1;
	await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) });
}

const canvasNode = (name: string) => page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

/**
 * Runs the README's command for a test event against the sandbox's actual port; resolves to its answer.
 * Asynchronous: the simulator that answers it runs in this process.
 */
async function sendTestEvent(spec: SandboxSpec, simulator: Simulator, event: SandboxTestEvent): Promise<Record<string, unknown>> {
	const command = sandboxEventCommand(spec, event, Number(new URL(simulator.baseUrl).port));
	const { stdout } = await promisify(execFile)('bash', ['-c', command], { encoding: 'utf8' });
	return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get update && apt-get install -y chromium)`);
	}
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
	work = mkdtempSync(path.join(tmpdir(), 'n8n-live-chat-browser-'));
	sandbox = await startSandbox({
		userFolder: path.join(work, 'user'),
		port: await freePort(),
		brokerPort: await freePort(),
		tarball: (folder) => process.env[PACKED_TARBALL] ?? packPackage(folder),
		fixedPorts: false,
	});
	// n8n's editor marks its elements with data-test-id (Playwright's default is data-testid)
	selectors.setTestIdAttribute('data-test-id');
	// Debian's Chromium with the flags this machine needs (no sandbox as root, no calls home, which
	// the closed network refuses) and a fresh profile
	context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		viewport: { width: 1600, height: 1000 },
	});
	page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(60_000);
}, 900_000);

afterAll(async () => {
	await context?.close();
	await sandbox?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

it('logs into the sandbox n8n as its owner and lists the example workflows', async () => {
	await page.goto(`${sandbox.host.baseUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await screenshot('signin');
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await page.goto(`${sandbox.host.baseUrl}/home/workflows`);
	const examples = sandboxExampleWorkflows(sandbox.vendors.map(({ spec }) => spec));
	for (const workflow of examples) await page.getByText(workflow.name, { exact: true }).first().waitFor();
	await screenshot('workflows');
	expect(await page.getByTestId('resources-list-item-workflow').count()).toBe(examples.length);
});

describe('node picker', () => {
	/** What the picker shows for each of the package's nodes: its name, without " Trigger". */
	const ours = [...new Set([...allNodes().values()].map((node) => node.description.displayName.replace(/ Trigger$/, '')))];

	/** The names the picker lists for a search, once it lists `expected` (the list updates as one types). */
	async function search(words: string, expected: string): Promise<string[]> {
		await page.goto(`${sandbox.host.baseUrl}/workflow/new`);
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill(words);
		await page.getByTestId('node-creator-item-name').filter({ hasText: expected }).first().waitFor();
		return (await page.getByTestId('node-creator-item-name').allInnerTexts()).map((name) => name.trim());
	}

	it.each([['live chat'], ['helpdesk']])('lists every node of the package for "%s"', async (words) => {
		const names = await search(words, 'LiveChat');
		await screenshot(`picker-${words.replace(/\W/g, '-')}`);
		expect(ours.length).toBeGreaterThanOrEqual(5);
		expect(names).toEqual(expect.arrayContaining(ours));
	});

	it('lists LiveChat for its new name, text.com, and Alive5 for SMS', async () => {
		expect(await search('text.com', 'LiveChat')).toContain('LiveChat');
		await screenshot('picker-text-com');
		expect(await search('SMS', 'Alive5')).toContain('Alive5');
	});
});

/**
 * Every example workflow `npm start` imports, by name, with its vendor's key (a Live Chat example: its
 * platform's; the AI-agent examples: their own).
 */
const examples = [
	...sandboxSpecs().flatMap((spec) => fixtures(spec.key).map((workflow): [string, string, Workflow] => [workflow.name, spec.key, workflow])),
	...fixtures(LIVE_CHAT_EXAMPLES).map((workflow): [string, string, Workflow] => [workflow.name, platformOf(workflow) ?? LIVE_CHAT_EXAMPLES, workflow]),
	...fixtures(AI_AGENT_EXAMPLES).map((workflow): [string, string, Workflow] => [workflow.name, AI_AGENT_EXAMPLES, workflow]),
];
const vendorKeys = sandboxSpecs().map((spec) => spec.key);

describe('example workflows', () => {
	it.each(examples)('%s runs from the canvas and every node shows success', async (_name, key, workflow) => {
		// the AI-agent examples belong to no one vendor, and have no trigger of ours
		const vendor = sandbox.vendors.find((candidate) => candidate.spec.key === key);
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const trigger = nodes.find((node) => String(node.type).startsWith(PACKAGE) && String(node.type).endsWith('Trigger'));
		const event = trigger && vendor?.spec.testEvents.find((candidate) => candidate.triggers.includes(String(trigger.type).slice(PACKAGE.length)));
		if (trigger && !event) throw new Error(`${key} declares no test event for ${String(trigger.type)}`);
		const webhook = trigger?.webhookId !== undefined;

		await page.goto(`${sandbox.host.baseUrl}/workflow/${workflow.id}`);
		for (const node of nodes) await canvasNode(String(node.name)).waitFor();
		// the note's heading is on the canvas
		const note = workflow.nodes.find((node) => node.type === STICKY)!.parameters as { content: string };
		await page.getByText(note.content.split('\n')[0].replace(/^## /, ''), { exact: true }).first().waitFor();
		const slug = workflow.id;
		await screenshot(`${slug}-opened`);
		// a polling trigger returns the newest item: the test event makes one that is new
		if (vendor && event && !webhook) await sendTestEvent(vendor.spec, vendor.simulator, event);
		await page.getByTestId('execute-workflow-button').click();
		if (vendor && event && webhook) {
			// the trigger has registered its test webhook at the sandbox and waits for a delivery
			await page.getByTestId('stop-execution-waiting-for-webhook-button').waitFor();
			await screenshot(`${slug}-waiting`);
			await sendTestEvent(vendor.spec, vendor.simulator, event);
		}
		for (const node of nodes) await canvasNode(String(node.name)).getByTestId('canvas-node-status-success').waitFor();
		await screenshot(`${slug}-succeeded`);
		const succeeded = await page.locator('[data-test-id="canvas-node"]:has([data-test-id="canvas-node-status-success"])').count();
		expect(succeeded).toBe(nodes.length);
	});
});

describe('credential dialog', () => {
	// last: each test saves a wrong key into the sandbox credential it opens
	it.each(vendorKeys)('%s: a wrong key is not a success, and n8n shows what is wrong', async (key) => {
		const { spec, simulator } = sandbox.vendors.find((vendor) => vendor.spec.key === key)!;
		const [credential] = spec.credentials(simulator as never);
		const secret = Object.keys(credential.data).find((field) => /token|apikey/i.test(field))!;
		await page.goto(`${sandbox.host.baseUrl}/home/credentials/${credential.id}`);
		const dialog = page.getByTestId('credential-edit-dialog');
		await dialog.getByTestId(`parameter-input-${secret}`).locator('input').fill('wrong-key-typed-in-the-browser');
		// saving tests the credential, as a user's Save does
		await page.getByTestId('credential-save-button').click();
		const failure = page.locator('[class*="_dangerMessage_"]', { hasText: 'Couldn’t connect with these settings' });
		await failure.waitFor();
		const details = page.getByText('More details', { exact: true });
		if (await details.isVisible()) await details.click();
		// the red callout: the message, a Retry button and n8n's details (the credential test's error)
		const callout = failure.locator('xpath=ancestor::*[contains(@class, "el-tag--danger")][1]');
		const said = (await callout.innerText()).replace('Couldn’t connect with these settings', '').replace(/Retry|More details/g, '').trim();
		await screenshot(`credential-${key}-wrong-key`);
		expect(await page.getByTestId('credentials-config-container-test-success').isVisible()).toBe(false);
		// n8n shows the credential test's own message, which says what to fix, not a bare HTTP status text
		expect(said).toMatch(/key|token/i);
		await page.keyboard.press('Escape');
	});
});
