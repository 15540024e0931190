/**
 * The sandbox teaches: every example workflow `npm start` imports has a note saying what it shows and
 * what to try, no two of its nodes or notes overlap on the canvas, and every example trigger has a
 * test event that its sandbox accepts, shown the same way in the README and in the trigger's note.
 * The Live Chat examples cover every platform, and the AI-agent examples give our nodes as tools.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { fixtures, ROOT, type Workflow } from './e2e/n8n';
import {
	AI_AGENT_EXAMPLES,
	LIVE_CHAT_EXAMPLES,
	platformOf,
	sandboxEventCommand,
	sandboxEventCommandLines,
	sandboxExampleWorkflows,
	sandboxSpecs,
} from './e2e/sandbox';
import { OPENAI_STAND_IN_PORT, OpenAiStandIn } from './simulators/openAi';
import { PLATFORMS } from '../nodes/shared/platforms';

const STICKY = 'n8n-nodes-base.stickyNote';
const specs = sandboxSpecs();
const LIVE_CHAT_TOOL = 'n8n-nodes-live-chat.anyLiveChatTool';
const usesLiveChatNode = (workflow: Workflow) => workflow.nodes.some((node) => node.type === LIVE_CHAT_TOOL);
/** The AI-agent example with one vendor node per platform, and the one with the Live Chat node on every platform. */
const agentExamples = fixtures(AI_AGENT_EXAMPLES).filter((workflow) => !usesLiveChatNode(workflow));
const liveChatAgentExamples = fixtures(AI_AGENT_EXAMPLES).filter(usesLiveChatNode);
const liveChatExamples = fixtures(LIVE_CHAT_EXAMPLES);
const examples = [
	...specs.flatMap((spec) => fixtures(spec.key).map((workflow) => ({ spec, workflow }))),
	// a Live Chat example uses the sandbox of its node's platform, whose test event starts a Live Chat Trigger
	...liveChatExamples.map((workflow) => ({ spec: specs.find((spec) => spec.key === platformOf(workflow)), workflow })),
	// the AI-agent examples use every vendor's sandbox; they have no trigger of ours, so no vendor's test event
	...fixtures(AI_AGENT_EXAMPLES).map((workflow) => ({ spec: undefined, workflow })),
];
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Box {
	name: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/**
 * What a node covers on n8n's canvas: its 100 px square, and below it its name, which the canvas
 * wraps over up to three lines a little wider than the node.
 */
function boxOf(node: Workflow['nodes'][number]): Box {
	const [x, y] = node.position as [number, number];
	const name = String(node.name);
	if (node.type === STICKY) {
		const { width, height } = node.parameters as { width: number; height: number };
		return { name, left: x, top: y, right: x + width, bottom: y + height };
	}
	return { name, left: x - 50, top: y, right: x + 150, bottom: y + 160 };
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const triggerType = (workflow: Workflow) =>
	workflow.nodes.map((node) => String(node.type)).find((type) => type.startsWith('n8n-nodes-live-chat.') && type.endsWith('Trigger'));

describe('every example and e2e workflow', () => {
	// n8n makes 16-character IDs, and n8n 2.0 saves a workflow's static data (a trigger's registration,
	// secret and cursor) only under an ID of at most 16 characters (isWorkflowIdValid): a longer one
	// loses it silently there
	it('has an ID of at most 16 characters, as n8n makes them', () => {
		const folder = path.join(ROOT, 'test', 'e2e', 'fixtures');
		const ids = readdirSync(folder)
			.filter((file) => file.endsWith('.workflow.json'))
			.map((file) => (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { id: string }).id);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids.filter((id) => !/^[A-Za-z0-9]{1,16}$/.test(id))).toEqual([]);
	});
});

describe.each(examples.map(({ spec, workflow }) => [workflow.name, spec, workflow] as const))('example %s', (_name, spec, workflow) => {
	const notes = workflow.nodes.filter((node) => node.type === STICKY);

	it('has one note saying what it shows and what to try', () => {
		expect(notes).toHaveLength(1);
		const content = String((notes[0].parameters as { content: string }).content);
		expect(content).toMatch(/^## \S/);
		expect(content).toContain('**Try:**');
	});

	it('lays its nodes and note out without overlap', () => {
		const boxes = workflow.nodes.map(boxOf);
		const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.name} / ${b.name}`));
		expect(clashes).toEqual([]);
	});

	const trigger = triggerType(workflow);
	if (trigger && spec) {
		it('shows in its note the test event that starts its trigger, as the README does', () => {
			const shortType = trigger.slice('n8n-nodes-live-chat.'.length);
			const events = spec.testEvents.filter((event) => event.triggers.includes(shortType));
			expect(events).toHaveLength(1);
			expect(String((notes[0].parameters as { content: string }).content)).toContain(sandboxEventCommandLines(spec, events[0]));
			expect(readme).toContain(sandboxEventCommand(spec, events[0]));
		});
	}
});

describe.each(specs.map((spec) => [spec.key, spec] as const))('%s sandbox', (_key, spec) => {
	it('accepts each of its test events on its control route', async () => {
		const simulator = spec.create();
		await simulator.start();
		try {
			expect(spec.testEvents.length).toBeGreaterThan(0);
			for (const event of spec.testEvents) {
				const response = await fetch(`${simulator.baseUrl}/__sim/${event.control}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(event.body),
				});
				expect({ control: event.control, status: response.status, body: await response.json() }).toEqual(
					expect.objectContaining({ control: event.control, status: 200 }),
				);
			}
		} finally {
			await simulator.stop();
		}
	});
});

describe('the AI-agent example', () => {
	/** The note's command that changes the stand-in model's answer, as `npm start` runs the stand-in. */
	const answerCommand = `curl -s http://127.0.0.1:${OPENAI_STAND_IN_PORT}/__sim/answer -H 'content-type: application/json' -d '{"text":"All five done."}'`;

	it('exists, runs n8n\'s AI Agent on the OpenAI stand-in, and gives our vendors\' nodes as tools, one each', () => {
		expect(agentExamples).toHaveLength(1);
		const types = agentExamples[0].nodes.map((node) => String(node.type));
		expect(types).toEqual(expect.arrayContaining(['@n8n/n8n-nodes-langchain.agent', '@n8n/n8n-nodes-langchain.lmChatOpenAi']));
		const tools = types.filter((type) => type.startsWith('n8n-nodes-live-chat.') && type.endsWith('Tool'));
		// a new vendor joins it by a tool node and a scripted call (README, "Adding a vendor"); until then it is left out
		const vendorTools = specs.map((spec) => `n8n-nodes-live-chat.${spec.key}Tool`);
		expect(tools.length).toBeGreaterThan(0);
		expect(new Set(tools).size).toBe(tools.length);
		for (const tool of tools) expect(vendorTools).toContain(tool);
	});

	it('shows in its note the command that changes the model\'s answer, which the stand-in accepts', async () => {
		const note = agentExamples[0].nodes.find((node) => node.type === STICKY)!;
		expect(String((note.parameters as { content: string }).content)).toContain(answerCommand);
		const standIn = new OpenAiStandIn();
		await standIn.start();
		try {
			const body = /-d '(.*)'$/.exec(answerCommand)![1];
			const response = await fetch(`${standIn.baseUrl}/__sim/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			expect(response.status).toBe(200);
			expect(standIn.closing).toBe('All five done.');
		} finally {
			await standIn.stop();
		}
	});
});

describe('the Live Chat examples', () => {
	const nodeExamples = liveChatExamples.filter((workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-live-chat.anyLiveChat'));

	it('are imported by `npm start`', () => {
		const imported = sandboxExampleWorkflows().map((workflow) => workflow.id);
		expect(liveChatExamples.length).toBeGreaterThan(0);
		for (const workflow of [...liveChatExamples, ...liveChatAgentExamples]) expect(imported).toContain(workflow.id);
	});

	it('show the Live Chat node once per platform, each on its own platform and credential', () => {
		expect(nodeExamples.map(platformOf).sort()).toEqual(PLATFORMS.map((platform) => platform.key).sort());
		for (const workflow of nodeExamples) {
			const platform = PLATFORMS.find((candidate) => candidate.key === platformOf(workflow))!;
			const nodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-live-chat.anyLiveChat');
			const credentialTypes = platform.credentials.map((credential) => credential.name);
			for (const node of nodes) {
				expect({ node: node.name, platform: (node.parameters as { platform: string }).platform }).toEqual({ node: node.name, platform: platform.key });
				expect(Object.keys(node.credentials as object).every((type) => credentialTypes.includes(type))).toBe(true);
			}
		}
	});

	it('each start at a manual trigger, or at the Live Chat Trigger on the same platform', () => {
		for (const workflow of liveChatExamples) {
			const types = workflow.nodes.map((node) => String(node.type));
			const starts = types.filter((type) => type === 'n8n-nodes-base.manualTrigger' || type === 'n8n-nodes-live-chat.anyLiveChatTrigger');
			expect({ workflow: workflow.name, starts: starts.length }).toEqual({ workflow: workflow.name, starts: 1 });
			expect(specs.map((spec) => spec.key)).toContain(platformOf(workflow));
		}
	});
});

describe('the Live Chat node\'s AI-agent example', () => {
	it('exists, runs n8n\'s AI Agent on the OpenAI stand-in, and gives the Live Chat node as tools on every platform, each with its own credential', () => {
		expect(liveChatAgentExamples).toHaveLength(1);
		const [workflow] = liveChatAgentExamples;
		const types = workflow.nodes.map((node) => String(node.type));
		expect(types).toEqual(expect.arrayContaining(['@n8n/n8n-nodes-langchain.agent', '@n8n/n8n-nodes-langchain.lmChatOpenAi']));
		const tools = workflow.nodes.filter((node) => node.type === LIVE_CHAT_TOOL);
		const platformOfTool = (node: Workflow['nodes'][number]) => (node.parameters as { platform: string }).platform;
		expect([...new Set(tools.map(platformOfTool))].sort()).toEqual(PLATFORMS.map((platform) => platform.key).sort());
		for (const tool of tools) {
			const platform = PLATFORMS.find((candidate) => candidate.key === platformOfTool(tool))!;
			const credentialTypes = platform.credentials.map((credential) => credential.name);
			expect(Object.keys(tool.credentials as object).every((type) => credentialTypes.includes(type))).toBe(true);
			// the model fills at least one field of each tool
			expect(JSON.stringify(tool.parameters)).toContain('$fromAI(');
		}
	});
});
