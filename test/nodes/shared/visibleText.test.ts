/**
 * Every string the n8n editor shows for our nodes (names, labels, descriptions, actions, hints,
 * placeholders, option names) is checked for the slips issue 19 found: an apostrophe lost to the
 * lint's sentence-case fix ("a ticket s status"), brand names in lower case, doubled spaces, "a"
 * before a vowel, and operations without an action (n8n names the canvas node and the AI tool
 * after it).
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { allNodes } from '../../engine/registry';

/** Brand and product names as their owners write them. */
const BRANDS = ['Facebook', 'Messenger', 'WhatsApp', 'Instagram', 'LiveChat', 'LiveAgent', 'Social Intents', 'Alive5', 'Twitter', 'Telegram', 'Google', 'Slack', 'Luxon', 'JSON', 'n8n'];

interface Shown {
	where: string;
	text: string;
}

function visibleStrings(description: INodeTypeDescription): Shown[] {
	const found: Shown[] = [];
	const add = (where: string, text: unknown) => {
		if (typeof text === 'string' && text !== '') found.push({ where, text });
	};
	add('displayName', description.displayName);
	add('description', description.description);
	const walk = (properties: Array<INodeProperties | INodePropertyOptions | INodePropertyCollection>, path: string) => {
		for (const entry of properties) {
			if ('type' in entry && typeof entry.type === 'string' && 'displayName' in entry) {
				const property = entry as INodeProperties;
				const here = `${path}${property.name}`;
				add(`${here}.displayName`, property.displayName);
				add(`${here}.description`, property.description);
				add(`${here}.hint`, property.hint);
				add(`${here}.placeholder`, property.placeholder);
				if (property.options) walk(property.options, `${here}.`);
			} else if ('values' in entry) {
				const group = entry as INodePropertyCollection;
				add(`${path}${group.name}.displayName`, group.displayName);
				walk(group.values, `${path}${group.name}.`);
			} else {
				const option = entry as INodePropertyOptions;
				add(`${path}${String(option.value)}.name`, option.name);
				add(`${path}${String(option.value)}.description`, option.description);
				add(`${path}${String(option.value)}.action`, option.action);
			}
		}
	};
	walk(description.properties, '');
	return found;
}

/** Prose only: links, tags, code and quoted examples are not proofread. */
function prose(text: string): string {
	return text
		.replace(/<[^>]*>/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		.replace(/`[^`]*`/g, ' ')
		.replace(/"[^"]*"/g, ' ')
		.replace(/\{[^}]*\}/g, ' ')
		.replace(/\S*[_@./]\S*/g, ' ');
}

function defects(text: string, where = ''): string[] {
	const found: string[] = [];
	const words = prose(text);
	if (/\b[A-Za-z]+ s\b/.test(words)) found.push('an apostrophe lost (" s ")');
	if (/ {2}/.test(text)) found.push('a double space');
	if (text !== text.trim()) found.push('leading or trailing space');
	// an option's name is a label; placeholders may show an example value
	if (!where.endsWith('.placeholder') && /^[a-z]+(_[a-z]+)*$/.test(text)) found.push('an API value where a label belongs');
	if (/\ba [aeio]/i.test(words)) found.push('"a" before a vowel');
	for (const brand of BRANDS) {
		const pattern = new RegExp(`\\b${brand}\\b`, 'gi');
		for (const match of words.matchAll(pattern)) if (match[0] !== brand) found.push(`"${match[0]}" for ${brand}`);
	}
	return found;
}

const nodes = [...allNodes()];

describe('what the editor shows', () => {
	it.each(nodes)('%s: no typos of the kinds issue 19 found', (_name, node) => {
		const problems = visibleStrings(node.description).flatMap(({ where, text }) =>
			defects(text, where).map((problem) => `${where}: ${problem} in ${JSON.stringify(text)}`),
		);
		expect(problems).toEqual([]);
	});

	it.each(nodes)('%s: every operation has an action "<Verb> …" as n8n\'s own nodes do', (_name, node) => {
		const missing: string[] = [];
		for (const property of node.description.properties.filter((candidate) => candidate.name === 'operation')) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				const action = option.action ?? '';
				const resource = JSON.stringify(property.displayOptions?.show?.resource ?? []);
				if (!/^[A-Z][a-z]+ \S/.test(action) || action === option.name) missing.push(`${resource} ${String(option.value)}: ${JSON.stringify(action)}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('catches the slips it is there for', () => {
		expect(defects('Update a ticket s status')).toEqual(['an apostrophe lost (" s ")']);
		expect(defects('Get many facebook messenger conversations')).toEqual(['"facebook" for Facebook', '"messenger" for Messenger']);
		expect(defects('Delete properties of a event')).toEqual(['"a" before a vowel']);
		expect(defects('Get  a chat')).toEqual(['a double space']);
		expect(defects('filled_form')).toEqual(['an API value where a label belongs']);
		expect(defects('Get the agent statuses of a department')).toEqual([]);
	});
});
