import type { IDataObject } from 'n8n-workflow';

/**
 * A node context that answers some parameters with fixed values and, where `staticData` is given,
 * hands out that object as the node's static data; everything else is the context's own.
 *
 * It lets the Live Chat Trigger run a vendor trigger's own poll(), webhook() and webhook lifecycle
 * with the settings one of its events stands for (5chat's "Conversation Closed", LiveChat's
 * `chat_deactivated`), so that the exactly-once and verification logic is written once, in the
 * vendor trigger. A fixed value also answers its nested names (`options.x` of a fixed `options`).
 * Methods are called on the context itself: n8n-core's contexts keep private fields.
 */
export function withParameters<T extends object>(context: T, fixed: IDataObject, staticData?: IDataObject): T {
	const own = (name: string): { found: boolean; value?: unknown } => {
		if (name in fixed) return { found: true, value: fixed[name] };
		const [head, ...rest] = name.split('.');
		if (!rest.length || !(head in fixed)) return { found: false };
		let value: unknown = fixed[head];
		for (const step of rest) value = typeof value === 'object' && value !== null ? (value as IDataObject)[step] : undefined;
		return { found: true, value };
	};
	return new Proxy(context, {
		get(target, property) {
			if (property === 'getNodeParameter') {
				const original = (target as { getNodeParameter: (...args: unknown[]) => unknown }).getNodeParameter.bind(target);
				return (name: string, ...rest: unknown[]) => {
					const answer = own(name);
					if (!answer.found) return original(name, ...rest);
					// `getNodeParameter(name, fallback)` and `(name, itemIndex, fallback)` alike
					const fallback = rest.length >= 2 && typeof rest[0] === 'number' ? rest[1] : rest[0];
					return answer.value === undefined ? fallback : answer.value;
				};
			}
			if (property === 'getWorkflowStaticData' && staticData) return () => staticData;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
