import type { IDataObject } from 'n8n-workflow';

/**
 * Whether a wall-clock text (`YYYY-MM-DD HH:MM:SS`, account zone) meets an `opdatetime` filter such
 * as `gte:2024-01-01 00:00:00`, `btw:a,b` or `lk:2024-01-%`, compared as text as LiveAgent does.
 * An unknown operator keeps the record (LiveAgent is the judge of what it answered).
 */
export function meetsOpDateTime(value: string, filter: string): boolean {
	const match = /^(eq|neq|gt|lt|gte|lte|btw|lk):(.*)$/.exec(filter);
	if (!match) return true;
	const [, operator, operand] = match;
	switch (operator) {
		case 'eq':
			return value === operand;
		case 'neq':
			return value !== operand;
		case 'gt':
			return value > operand;
		case 'lt':
			return value < operand;
		case 'gte':
			return value >= operand;
		case 'lte':
			return value <= operand;
		case 'btw': {
			const [from, to] = operand.split(',');
			return value >= from && value <= to;
		}
		default: {
			const pattern = operand.replace(/[.*+^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/\?/g, '.');
			return new RegExp(`^${pattern}$`).test(value);
		}
	}
}

/**
 * Whether a row of `GET /conversations` meets the filters the request sent (`department`,
 * `owneridentifier` as an email, `status` as a comma list, `datechanged`): the list is checked again
 * because a LiveAgent may ignore a filter it does not know. A filter whose field the row lacks keeps
 * the row. Not checked: `channel_type` (the reference's rows carry no channel), `subject` (how it
 * matches is not documented), `datefrom` / `dateto` (the reference's "older than" / "younger than"
 * leave unsure which side each bounds).
 */
export function meetsConversationQuery(row: IDataObject, query: IDataObject): boolean {
	const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
	const department = text(query.department);
	if (department && text(row.departmentid) !== undefined && text(row.departmentid) !== department) return false;
	const owner = text(query.owneridentifier);
	if (owner?.includes('@') && text(row.owneremail) !== undefined && text(row.owneremail)!.toLowerCase() !== owner.toLowerCase()) return false;
	const statuses = text(query.status)?.split(',');
	if (statuses && text(row.status) !== undefined && !statuses.includes(text(row.status)!)) return false;
	const changed = text(row.datechanged);
	if (changed !== undefined && text(query.datechanged) && !meetsOpDateTime(changed, text(query.datechanged)!)) return false;
	return true;
}
