/**
 * The sandbox teaches: every example workflow `npm start` imports has a note saying what it shows and
 * what to try, no two of its nodes or notes overlap on the canvas, and every example trigger has a
 * test event that its sandbox accepts, shown the same way in the README and in the trigger's note.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { fixtures, ROOT, type Workflow } from './e2e/n8n';
import { AI_AGENT_EXAMPLES, sandboxEventCommand, sandboxEventCommandLines, sandboxSpecs } from './e2e/sandbox';
import { OPENAI_STAND_IN_PORT, OpenAiStandIn } from './simulators/openAi';

const STICKY = 'n8n-nodes-base.stickyNote';
const specs = sandboxSpecs();
const agentExamples = fixtures(AI_AGENT_EXAMPLES);
const examples = [
	...specs.flatMap((spec) => fixtures(spec.key).map((workflow) => ({ spec, workflow }))),
	// the AI-agent example uses every vendor's sandbox; it has no trigger of ours, so no vendor's test event
	...agentExamples.map((workflow) => ({ spec: undefined, workflow })),
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
