/**
 * Every vendor sandbox: the `sandbox` export of each module in test/simulators/. `npm start` and
 * the e2e tests use the same ones, so adding a vendor's simulator adds it to both.
 */
import type { SandboxSpec, SandboxTestEvent, SimulatedVendor, Simulator } from '../simulators/base';
import { simulatedVendors } from '../simulators/base';
import { OPENAI_STAND_IN_PORT, OpenAiStandIn, openAiStandInCredential } from '../simulators/openAi';
import { fixtures, installN8n, N8nHost, type Workflow } from './n8n';

/** Every simulated vendor's declaration (test/simulators/base.ts, simulatedVendors), in port order. */
export function sandboxSpecs(): SimulatedVendor[] {
	return simulatedVendors();
}

/**
 * The one-line command that makes a sandbox send a test event, as the README, `npm start` and the
 * example workflows' notes show it (the sandbox on its fixed port unless told another).
 */
export function sandboxEventCommand(spec: SandboxSpec, event: SandboxTestEvent, port = spec.port): string {
	return `curl -s http://127.0.0.1:${port}/__sim/${event.control} -H 'content-type: application/json' -d '${JSON.stringify(event.body)}'`;
}

/** The same command over three lines (shell continuations), to fit an example workflow's note. */
export function sandboxEventCommandLines(spec: SandboxSpec, event: SandboxTestEvent): string {
	return sandboxEventCommand(spec, event).replace(/ (-H|-d) /g, ' \\\n  $1 ');
}

/** The prefix of the AI-agent examples' fixtures (test/e2e/fixtures/aiAgent*.workflow.json). */
export const AI_AGENT_EXAMPLES = 'aiAgent';

/**
 * The prefix of the Live Chat node's and Live Chat Trigger's examples, one per platform
 * (test/e2e/fixtures/anyLiveChat.<platform>.workflow.json, anyLiveChatTrigger.<platform>.workflow.json).
 * Each uses one vendor's sandbox, named by its node's `platform` parameter.
 */
export const LIVE_CHAT_EXAMPLES = 'anyLiveChat';

/**
 * Every example workflow `npm start` imports: each vendor's fixtures, the Live Chat examples, then the
 * AI-agent examples, which use every vendor's sandbox and the OpenAI stand-in.
 */
export function sandboxExampleWorkflows(specs: SandboxSpec[] = sandboxSpecs()): Workflow[] {
	return [...specs.flatMap((spec) => fixtures(spec.key)), ...fixtures(LIVE_CHAT_EXAMPLES), ...fixtures(AI_AGENT_EXAMPLES)];
}

/** The `platform` parameter of a Live Chat example's Live Chat node or trigger: the vendor key whose sandbox it uses. */
export function platformOf(workflow: Workflow): string | undefined {
	const node = workflow.nodes.find((candidate) => String(candidate.type).startsWith(`n8n-nodes-live-chat.${LIVE_CHAT_EXAMPLES}`));
	const platform = (node?.parameters as { platform?: unknown } | undefined)?.platform;
	return typeof platform === 'string' ? platform : undefined;
}

export interface RunningSandbox {
	host: N8nHost;
	vendors: Array<{ spec: SandboxSpec; simulator: Simulator }>;
	/** The OpenAI stand-in the AI-agent example's chat model talks to. */
	openAi: OpenAiStandIn;
	stop: () => Promise<void>;
}

/**
 * What `npm start` runs, for it and for the browser run: every vendor simulator (on its fixed port,
 * or on any free one), n8n with the packed package, the sandbox credentials and every example
 * workflow imported, started, and its owner account made.
 */
export async function startSandbox(options: {
	userFolder: string;
	port: number;
	brokerPort: number;
	tarball: (userFolder: string) => string;
	fixedPorts: boolean;
	log?: (line: string) => void;
}): Promise<RunningSandbox> {
	const vendors = sandboxSpecs().map((spec) => ({ spec, simulator: spec.create() as Simulator }));
	const credentials = [];
	for (const { spec, simulator } of vendors) {
		const url = await simulator.start(options.fixedPorts ? spec.port : 0);
		options.log?.(`${spec.key} sandbox API: ${url}`);
		credentials.push(...spec.credentials(simulator as never));
	}
	const openAi = new OpenAiStandIn();
	const openAiUrl = await openAi.start(options.fixedPorts ? OPENAI_STAND_IN_PORT : 0);
	options.log?.(`OpenAI stand-in (AI-agent example): ${openAiUrl}/v1`);
	credentials.push(openAiStandInCredential(openAi));
	const host = new N8nHost(installN8n(), { userFolder: options.userFolder, port: options.port, brokerPort: options.brokerPort });
	const stop = async () => {
		await host.stop();
		for (const { simulator } of vendors) await simulator.stop();
		await openAi.stop();
	};
	try {
		host.installPackage(options.tarball(options.userFolder));
		await host.importCredentials(credentials);
		await host.importWorkflows(sandboxExampleWorkflows(vendors.map(({ spec }) => spec)));
		await host.start();
		await host.login();
	} catch (error) {
		await stop();
		throw error;
	}
	return { host, vendors, openAi, stop };
}
