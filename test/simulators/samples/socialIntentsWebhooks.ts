/**
 * The two sample deliveries of Social Intents' webhooks page ("Webhooks", updated 2026-03-11,
 * socialintents.com/docs/integrations/webhooks-leads-transcripts), field for field: each delivery is a
 * JSON array, POSTed with Content-Type application/json. The page writes `ip`, `location` and
 * `visitorCustom1` as "..." and the transcript's line break inside the string; both are kept.
 */
export const SI_WEBHOOK_SAMPLES = {
	/** "Chat Event Payload": chat completed (and offline message, which the page shows no sample of). */
	chat: [
		{
			id: 'chat-uuid',
			appId: 'widget-uuid',
			startDate: '2025-01-15T10:30:00Z',
			chatType: 'Answered',
			visitorFullName: 'Jane Smith',
			visitorFirstName: 'Jane',
			visitorLastName: 'Smith',
			visitorEmail: 'jane@example.com',
			visitorPhone: '555-0199',
			visitorGroup: 'Sales',
			agentName: 'John',
			agentId: 'agent-id',
			textBody: 'Visitor: Hi there\nAgent: Hello!',
			page: 'https://example.com/pricing',
			referrer: 'https://google.com',
			ip: '...',
			location: '...',
			duration: 120,
			visits: 3,
			visitorCustom1: '...',
			visitorConsent: 'yes',
		},
	],
	/** "Lead Event Payload". */
	lead: [
		{
			id: 'lead-uuid',
			appId: 'widget-uuid',
			appName: 'My Widget',
			firstName: 'Jane',
			lastName: 'Smith',
			email: 'jane@example.com',
			phone: '555-0199',
			group: 'Sales',
			page: 'https://example.com/pricing',
			addDate: '2025-01-15T10:30:00Z',
		},
	],
};
