import { DateTime } from 'luxon';
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport';
import { DATE_FORMAT, LIST_DATES } from '../helpers/dates';
import { listOf } from '../helpers/output';
import { alive5Api } from '../transport';
import { isNotFound } from '../../shared/errors';

async function channels(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await vendorRequest.call(context, alive5Api, {
		method: 'GET',
		url: '/objects/channels-and-users/list',
	});
	return listOf(body);
}

function agentsOf(channel: IDataObject): IDataObject[] {
	const raw = channel.agents ?? channel.users;
	return Array.isArray(raw) ? (raw as IDataObject[]) : [];
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The channels of the organization. */
export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await channels(this))
		.map((channel) => ({
			name: String(channel.channel_label ?? channel.channel_id),
			value: String(channel.channel_id),
			description: `${agentsOf(channel).length} agent(s)`,
		}))
		.sort(byName);
}

/** The agents of the channel chosen in "Channel" (all agents while none is chosen). */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const chosen = String(this.getCurrentNodeParameter('channelId') ?? '');
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const channel of await channels(this)) {
		if (chosen && String(channel.channel_id) !== chosen) continue;
		for (const agent of agentsOf(channel)) {
			const id = String(agent.user_id ?? agent.id ?? '');
			if (!id || seen.has(id)) continue;
			seen.add(id);
			const label = agent.screen_name ?? agent.email ?? id;
			options.push({
				name: String(label),
				value: id,
				description: [agent.email, agent.user_role].filter(Boolean).join(' · '),
			});
		}
	}
	return options.sort(byName);
}

/**
 * Where a channel carries its SMS number: `channel_phone_number` (E.164, Alive5's own n8n node);
 * the other names are read in case an answer uses them.
 */
const PHONE_FIELDS = ['channel_phone_number', 'alive_sms_phone_number', 'sms_phone_number', 'phone_number', 'phoneNumber'];

/** A label that is itself a phone number (E.164), as Pipedream and the unofficial docs read SMS channels. */
const E164 = /^\+[1-9]\d{7,14}$/;

function phonesIn(channel: IDataObject): string[] {
	const found: string[] = [];
	for (const field of [...PHONE_FIELDS, 'phone_numbers', 'sms_phone_numbers']) {
		const value = channel[field];
		for (const phone of Array.isArray(value) ? value : [value]) {
			// Alive5's own node skips the text "undefined", which channels without a number may hold.
			if (typeof phone === 'string' && phone.trim() !== '' && phone.trim() !== 'undefined') found.push(phone.trim());
		}
	}
	const label = typeof channel.channel_label === 'string' ? channel.channel_label.trim() : '';
	if (E164.test(label)) found.push(label);
	return found;
}

/**
 * The organization's Alive5 SMS numbers. No endpoint lists them: they are gathered from the
 * channels (`channel_phone_number`, or a `channel_label` that is a number) and from the SMS
 * conversations of the last 90 days, whose documented `alive_sms_phone_number` is the Alive5 side
 * of each thread.
 */
export async function getPhoneNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const numbers = new Set<string>();
	for (const channel of await channels(this)) for (const phone of phonesIn(channel)) numbers.add(phone);
	try {
		const body = await vendorRequest.call(this, alive5Api, {
			method: 'GET',
			url: '/conversations/sms',
			qs: { [LIST_DATES.start]: DateTime.utc().minus({ days: 90 }).toFormat(DATE_FORMAT) },
		});
		for (const conversation of listOf(body)) {
			if (typeof conversation.alive_sms_phone_number === 'string' && conversation.alive_sms_phone_number) {
				numbers.add(conversation.alive_sms_phone_number);
			}
		}
	} catch (error) {
		// "No records" only means no recent SMS; every other failure is shown.
		if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	return [...numbers].sort().map((phone) => ({ name: phone, value: phone }));
}
