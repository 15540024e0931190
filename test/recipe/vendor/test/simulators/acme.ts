/**
 * Acme Chat, the example vendor of the README's recipe for adding a vendor: a made-up REST API with
 * a Bearer key, tickets listed in numbered pages under `data` with `meta.total_pages`, and failures as
 * `{"error": {"message": …}}`. A real vendor's simulator names, beside each answer shape, the
 * documentation it comes from; this one has none to name.
 */
import type { SimRequest, SimResponse, SimulatedVendor } from './base';
import { idInSegment, sendControl, Simulator } from './base';

export const ACME_KEY = 'acme-sandbox-key-0001';

interface AcmeTicket {
	id: string;
	subject: string;
	message: string;
	createdAt: string;
}

export class AcmeSimulator extends Simulator {
	readonly vendor = 'Acme Chat';

	tickets: AcmeTicket[] = [];
	private nextId = 1;

	constructor(readonly apiKey = ACME_KEY) {
		super();
		this.route('GET', '/me', () => ({ body: { data: { account: 'acme-sandbox' } } }));
		this.route('GET', '/tickets', (request) => this.listTickets(request));
		this.route('GET', '/tickets/:id', (request) => {
			const ticket = this.tickets.find((candidate) => candidate.id === request.params.id);
			return ticket ? { body: { data: ticket } } : this.errorResponse(404, `No ticket ${request.params.id}`);
		});
		this.route('POST', '/tickets', (request) => {
			const body = (request.body ?? {}) as Partial<AcmeTicket>;
			if (!body.subject) return this.errorResponse(422, 'subject is required');
			return { status: 201, body: { data: this.addTicket(body.subject, body.message ?? '') } };
		});
	}

	protected seed(): void {
		this.nextId = 1;
		this.tickets = [];
		for (let i = 0; i < 7; i++) this.addTicket(`Question ${i + 1}`, 'Hello');
	}

	addTicket(subject: string, message: string): AcmeTicket {
		const ticket = { id: `T${String(this.nextId++).padStart(4, '0')}`, subject, message, createdAt: new Date().toISOString() };
		this.tickets.unshift(ticket);
		return ticket;
	}

	private listTickets(request: SimRequest): SimResponse {
		const perPage = Math.min(Number(request.query.per_page ?? 20) || 20, 100);
		// a broken pager answers its first page whatever was asked (see Simulator.repeatPages)
		const page = this.repeatPages ? 1 : Math.max(Number(request.query.page ?? 1) || 1, 1);
		const totalPages = Math.max(Math.ceil(this.tickets.length / perPage), 1);
		const data = this.tickets.slice((page - 1) * perPage, page * perPage);
		return { body: { data, meta: { page, per_page: perPage, total: this.tickets.length, total_pages: totalPages } } };
	}

	protected controls() {
		return { ticket: (body: unknown) => ({ ticket: this.addTicket(String((body as { subject?: unknown })?.subject ?? 'From the sandbox'), 'Hi') }) };
	}

	protected isAuthorized(request: SimRequest): boolean {
		return request.headers.authorization === `Bearer ${this.apiKey}`;
	}

	protected unauthorized(): SimResponse {
		return this.errorResponse(401, 'Invalid API key');
	}

	protected errorResponse(status: number, message: string): SimResponse {
		return { status, body: { error: { message } } };
	}

	protected envelopeError(message: string): SimResponse {
		return { status: 200, body: { error: { message } } };
	}

	state() {
		return { tickets: this.tickets.length };
	}
}

export const sandbox: SimulatedVendor<AcmeSimulator> = {
	key: 'acme',
	port: 4199,
	create: () => new AcmeSimulator(),
	credentials: (simulator) => [
		{ id: 'sandboxAcme', name: 'Acme Chat (sandbox)', type: 'acmeApi', data: { apiKey: simulator.apiKey, baseUrl: simulator.baseUrl } },
	],
	testEvents: [{ triggers: [], control: 'ticket', body: { subject: 'Where is my order?' }, what: 'a customer opens a ticket' }],
	name: 'Acme Chat',
	nodeType: 'acme',
	aliases: ['acme'],
	withSecret: (secret) => new AcmeSimulator(secret),
	secretField: 'apiKey',
	refusal: { parameters: { resource: 'ticket', operation: 'get', ticketId: ' ' }, message: 'Ticket ID is required' },
	faults: {
		read: { parameters: { resource: 'ticket', operation: 'getAll', returnAll: true }, target: { method: 'GET', path: '/tickets' } },
		write: { name: 'create ticket', parameters: { resource: 'ticket', operation: 'create', subject: 'Refund' }, target: { method: 'POST', path: '/tickets' } },
		continueOnFail: {
			parameters: { resource: 'ticket', operation: 'get', ticketId: '={{ $json.id }}' },
			inputs: [{ id: 'T0001' }, { id: 'missing' }, { id: 'T0002' }],
		},
		badInput: [
			{ name: 'empty Ticket ID (expression)', parameters: { resource: 'ticket', operation: 'get', ticketId: '={{ "" }}' }, message: 'Ticket ID' },
			{ name: 'empty Subject', parameters: { resource: 'ticket', operation: 'create', subject: ' ' }, message: 'Subject' },
			{ name: 'Limit of 0', parameters: { resource: 'ticket', operation: 'getAll', returnAll: false, limit: 0 }, message: 'Limit' },
		],
		pathIds: [{ name: 'ticket get', parameters: (id) => ({ resource: 'ticket', operation: 'get', ticketId: id }), check: idInSegment('/tickets/') }],
	},
	queue: {
		checkActions: (items, simulator) => {
			expect(items('Get Many Tickets')).toHaveLength(simulator.tickets.length);
		},
		emit: async (simulator) => {
			await sendControl(simulator, 'ticket', { subject: 'Queue round' });
			return { ids: {} };
		},
	},
};
