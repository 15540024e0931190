import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { vendorRequest } from '../../shared/transport';
import { actionRequest, liveChatApi } from '../transport';

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Groups from the Configuration API (`list_groups`); IDs are numbers. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'list_groups'), { read: true });
	return sorted(
		((groups ?? []) as IDataObject[]).map((group) => ({
			name: String(group.name ?? `Group ${String(group.id)}`),
			value: Number(group.id),
		})),
	);
}

/** Agents from the Configuration API (`list_agents`); an agent's ID is their email. */
export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'list_agents'), { read: true });
	return sorted(
		((agents ?? []) as IDataObject[]).map((agent) => ({
			name: agent.name ? `${String(agent.name)} (${String(agent.id)})` : String(agent.id),
			value: String(agent.id),
		})),
	);
}

/** Tags from the Configuration API (`list_tags`); a tag is its name. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tags = await vendorRequest.call(this, liveChatApi, actionRequest('configuration', 'list_tags'), { read: true });
	return sorted(
		((tags ?? []) as IDataObject[]).map((tag) => ({ name: String(tag.name), value: String(tag.name) })),
	);
}
