/**
 * The Send SMS dropdowns as n8n's editor loads them: a real n8n-core LoadOptionsContext, with the
 * parameters the editor currently holds, calling the node's own loadOptions methods.
 */
import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext as optionsContext } from '../../engine/harness';

import { nodeTypeByName, PACKAGE } from '../../engine/registry';
import { A5_PHONE_NUMBERS, Alive5Simulator, type A5ChannelNumbers } from '../../simulators/alive5';

const simulator = new Alive5Simulator();
let baseUrl = '';

beforeAll(async () => (baseUrl = await simulator.start()));
afterAll(async () => await simulator.stop());
beforeEach(() => simulator.reset());

function loadOptionsContext(currentNodeParameters: IDataObject, apiKey = simulator.apiKey) {
	return optionsContext({ type: 'alive5', parameters: currentNodeParameters, credentials: { alive5Api: { apiKey, baseUrl } } }, 'parameters.userId');
}

const methods = () => nodeTypeByName(`${PACKAGE}.alive5`).methods!.loadOptions!;
const sendParameters = { resource: 'sms', operation: 'send' };

describe('Alive5 Send SMS dropdowns', () => {
	it('lists the channels', async () => {
		const options = await methods().getChannels.call(loadOptionsContext(sendParameters));
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['Sales', 'ch-sales'],
			['Support', 'ch-support'],
		]);
		expect(simulator.requests[0].headers['x-a5-apikey']).toBe(simulator.apiKey);
	});

	it('lists only the agents of the chosen channel', async () => {
		const sales = await methods().getAgents.call(loadOptionsContext({ ...sendParameters, channelId: 'ch-sales' }));
		expect(sales.map((option) => option.value)).toEqual(['u-ana', 'u-ben']);
		const support = await methods().getAgents.call(loadOptionsContext({ ...sendParameters, channelId: 'ch-support' }));
		expect(support.map((option) => [option.name, option.value])).toEqual([['Cara', 'u-cara']]);
		const none = await methods().getAgents.call(loadOptionsContext(sendParameters));
		expect(none.map((option) => option.value)).toEqual(['u-ana', 'u-ben', 'u-cara']);
	});

	it('declares that the agent list depends on the channel', () => {
		const agent = nodeTypeByName(`${PACKAGE}.alive5`).description.properties.find((property) => property.name === 'userId');
		expect(agent?.typeOptions).toEqual({ loadOptionsMethod: 'getAgents', loadOptionsDependsOn: ['channelId'] });
	});

	it('gathers the Alive5 numbers from recent SMS conversations', async () => {
		const options = await methods().getPhoneNumbers.call(loadOptionsContext(sendParameters));
		expect(options.map((option) => option.value)).toEqual(A5_PHONE_NUMBERS);
		expect(simulator.requests.map((request) => request.path)).toEqual(['/objects/channels-and-users/list', '/conversations/sms']);
	});

	const channelShapes: Array<[A5ChannelNumbers, string]> = [
		['phoneField', 'channel_phone_number (Alive5’s own node)'],
		['label', 'a channel_label holding the number (Pipedream, Postman-based docs)'],
	];
	for (const [channelNumbers, source] of channelShapes) {
		it(`lists the channels’ own numbers, from ${source}, with no SMS in the recent window`, async () => {
			simulator.channelNumbers = channelNumbers;
			simulator.conversations = simulator.conversations.filter((conversation) => conversation.kind !== 'sms');
			const options = await methods().getPhoneNumbers.call(loadOptionsContext(sendParameters));
			expect(options.map((option) => option.value)).toEqual(A5_PHONE_NUMBERS);
		});
	}

	it('lists each number once when channels and conversations both show it', async () => {
		simulator.channelNumbers = 'phoneField';
		const options = await methods().getPhoneNumbers.call(loadOptionsContext(sendParameters));
		expect(options.map((option) => option.value)).toEqual(A5_PHONE_NUMBERS);
	});

	it('shows the vendor message of an error inside an HTTP 200 envelope', async () => {
		simulator.inject({ kind: 'status', status: 200, path: '/objects/channels-and-users/list', body: { code: 200, data: { code: 400, error: 'Organization suspended' }, error: null } });
		await expect(methods().getChannels.call(loadOptionsContext(sendParameters))).rejects.toThrow('Alive5: Organization suspended');
	});

	it('shows the vendor message when the key is wrong', async () => {
		await expect(methods().getChannels.call(loadOptionsContext(sendParameters, 'bad-key'))).rejects.toThrow(
			'Alive5: Invalid token',
		);
	});
});
