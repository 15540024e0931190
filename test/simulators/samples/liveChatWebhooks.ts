/**
 * Every sample delivery of LiveChat's webhooks page (livechat-2026-06/webhooks-v3.6.mdx, "Sample
 * webhook" blocks), in page order, as JSON: the page's comments are dropped, and four typing slips of
 * the page are repaired so that the samples parse (customer_session_fields_updated: a stray `]`;
 * agent_deleted and group_updated: a missing `,` after `requester`; the auto access update sample: a
 * missing `}` closing `conditions`). Nothing else is changed: note that all three auto access samples
 * carry the action name `auto_access_added`, and that the configuration samples carry `requester`.
 */
export interface LiveChatWebhookSample {
	/** The code block's title on the page. */
	title: string;
	/** The registered action the sample belongs to (its section on the page). */
	section: string;
	delivery: Record<string, unknown>;
}

export const LC_WEBHOOK_SAMPLES: LiveChatWebhookSample[] = [
	{
		title: "Sample webhook",
		section: "incoming_chat",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "incoming_chat",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat": {
					"id": "PJ0MRSHTDG",
					"users": [],
					"properties": {},
					"thread": {}
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "chat_deactivated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "chat_deactivated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"user_id": "b7eff798-f8df-4364-8059-649c35c9ed0c"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "chat_access_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "chat_access_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "PJ0MRSHTDG",
				"access": {
					"group_ids": [
						0,
						1
					]
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "chat_transferred",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "chat_transferred",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"requester_id": "jones@example.com",
				"reason": "manual",
				"transferred_to": {
					"group_ids": [
						19
					],
					"agent_ids": [
						"smith@example.com"
					]
				},
				"queue": {
					"position": 42,
					"wait_time": 1337,
					"queued_at": "2019-12-09T12:01:18.909000Z"
				}
			}
		},
	},
	{
		title: "Sample webhook",
		section: "user_added_to_chat",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "user_added_to_chat",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"user": {},
				"reason": "manual",
				"requester_id": "smith@example.com"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "user_removed_from_chat",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "user_removed_from_chat",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"user_id": "agent@example.com",
				"reason": "manual",
				"requester_id": "smith@example.com"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "incoming_event",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "incoming_event",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event": {}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "event_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "event_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event_id": "K600PKZON8_4"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "event_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "event_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event": {}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "incoming_rich_message_postback",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "incoming_rich_message_postback",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"user_id": "b7eff798-f8df-4364-8059-649c35c9ed0c",
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event_id": "0affb00a-82d6-4e07-ae61-56ba5c36f743",
				"postback": {
					"id": "action_yes",
					"toggled": true,
					"button_type": "url",
					"button_value": "https://example.com",
					"ecommerce": {
						"product_id": "12345",
						"option_id": "red-xl",
						"quantity": 2
					}
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "chat_properties_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "chat_properties_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": {
						"string_property": "string value"
					}
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "chat_properties_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "chat_properties_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": [
						"string_property"
					]
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "thread_properties_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "thread_properties_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": {
						"string_property": "string value"
					}
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "thread_properties_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "thread_properties_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": [
						"string_property"
					]
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "event_properties_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "event_properties_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event_id": "0affb00a-82d6-4e07-ae61-56ba5c36f743",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": {
						"string_property": "property_value"
					}
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "event_properties_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "event_properties_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"event_id": "0affb00a-82d6-4e07-ae61-56ba5c36f743",
				"properties": {
					"0805e283233042b37f460ed8fbf22160": [
						"string_property"
					]
				}
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "thread_tagged",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "thread_tagged",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"tag": "bug_report"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "thread_untagged",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "thread_untagged",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"tag": "bug_report"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "routing_status_set",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "routing_status_set",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"agent_id": "agent1@example.com",
				"status": "accepting chats"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "customer_session_fields_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "customer_session_fields_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "5280e68c-9692-4212-4ba9-85f7d8af55cd",
				"active_chat": {
					"chat_id": "PJ0MRSHTDG",
					"thread_id": "K600PKZON8"
				},
				"session_fields": [
					{
						"key": "value"
					}
				]
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_created",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_created",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com",
				"name": "Agent Smith",
				"role": "viceowner",
				"awaiting_approval": false,
				"groups": [
					{
						"id": 5,
						"priority": "first"
					},
					{
						"id": 2,
						"priority": "last"
					},
					{
						"id": 1,
						"priority": "normal"
					}
				],
				"notifications": [
					"new_visitor",
					"new_goal",
					"visitor_is_typing"
				],
				"email_subscriptions": [
					"weekly_summary"
				],
				"work_scheduler": {
					"timezone": "Europe/Warsaw",
					"schedule": [
						{
							"day": "monday",
							"enabled": true,
							"start": "08:30",
							"end": "12:30"
						},
						{
							"day": "monday",
							"enabled": true,
							"start": "13:30",
							"end": "16:30"
						}
					]
				}
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_approved",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_approved",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com",
				"work_scheduler": {
					"timezone": "Europe/Warsaw",
					"schedule": [
						{
							"day": "monday",
							"enabled": true,
							"start": "08:30",
							"end": "12:30"
						},
						{
							"day": "monday",
							"enabled": true,
							"start": "13:30",
							"end": "16:30"
						},
						{
							"day": "friday",
							"enabled": true,
							"start": "07:30",
							"end": "21:30"
						}
					]
				}
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_suspended",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_suspended",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_unsuspended",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_unsuspended",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "agent_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "agent_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "smith@example.com"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook after adding auto access rule",
		section: "auto_accesses_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "auto_access_added",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": [
				{
					"id": "a2710c4680fa15700ae046940a11a329",
					"next_id": "f65e41f43bbb2fefe3756698ba47caeb",
					"status": "updated"
				},
				{
					"id": "f65e41f43bbb2fefe3756698ba47caeb",
					"description": "",
					"access": {
						"groups": [
							0
						]
					},
					"conditions": {
						"url": {
							"values": [
								{
									"value": "https://www.auto-access.test",
									"exact_match": false
								}
							]
						},
						"domain": {
							"values": [
								{
									"value": "https://www.auto-access.test",
									"exact_match": true
								}
							]
						},
						"geolocation": {
							"values": [
								{
									"country": "United States",
									"country_code": "US",
									"region": "California",
									"city": "Mountain View"
								}
							]
						}
					},
					"next_id": "",
					"status": "added"
				}
			],
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook after updating auto access rule",
		section: "auto_accesses_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "auto_access_added",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": [
				{
					"id": "a2710c4680fa15700ae046940a11a329",
					"description": "Chats on livechat.com from United States",
					"access": {
						"groups": [
							1
						]
					},
					"conditions": {
						"domain": {
							"values": [
								{
									"value": "livechat.com",
									"exact_match": true
								}
							]
						},
						"geolocation": {
							"values": [
								{
									"country": "United States",
									"country_code": "US"
								}
							]
						}
					},
					"next_id": "",
					"status": "updated"
				},
				{
					"id": "f65e41f43bbb2fefe3756698ba47caeb",
					"description": "Auto access updated",
					"next_id": "a2710c4680fa15700ae046940a11a329",
					"status": "updated"
				}
			],
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook after deleting auto access rule",
		section: "auto_accesses_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "auto_access_added",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": [
				{
					"id": "f65e41f43bbb2fefe3756698ba47caeb",
					"next_id": "",
					"status": "updated"
				},
				{
					"id": "a2710c4680fa15700ae046940a11a329",
					"status": "deleted"
				}
			],
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "bot_created",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "bot_created",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "5c9871d5372c824cbf22d860a707a578",
				"name": "Bot Name",
				"default_group_priority": "first",
				"groups": [
					{
						"id": 0,
						"priority": "normal"
					}
				],
				"owner_client_id": "asXdesldiAJSq9padj"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "bot_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "bot_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "5c9871d5372c824cbf22d860a707a578",
				"name": "New Bot Name"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "bot_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "bot_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": "5c9871d5372c824cbf22d860a707a578"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "group_created",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "group_created",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": 42,
				"name": "sales",
				"language_code": "en",
				"agent_priorities": {
					"agent@example.com": "normal",
					"other_agent@example.com": "first"
				}
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "group_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "group_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": 42
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "group_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "group_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"id": 1,
				"agent_priorities": {
					"agent@example.com": "normal"
				}
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "tag_created",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "tag_created",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"name": "docs_feedback",
				"group_ids": [
					0,
					42
				],
				"created_at": "2019-12-09T12:01:18.909000Z",
				"author_id": "smith@example.com"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "tag_deleted",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "tag_deleted",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"name": "docs_feedback"
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "tag_updated",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "tag_updated",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"name": "docs_feedback",
				"group_ids": [
					0,
					42
				]
			},
			"requester": {
				"user_id": "user@example.com",
				"account_id": "f09ba25b-8be8-4fcd-a2c8-0b1c567aec85",
				"client_id": "1b4237f476826986da63022a76c35bb1"
			},
			"additional_data": {}
		},
	},
	{
		title: "Sample webhook",
		section: "events_marked_as_seen",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "events_marked_as_seen",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"user_id": "b7eff798-f8df-4364-8059-649c35c9ed0c",
				"chat_id": "PJ0MRSHTDG",
				"seen_up_to": "2017-10-12T15:19:21.010200Z"
			},
			"additional_data": {
				"chat_properties": {},
				"chat_presence_user_ids": []
			}
		},
	},
	{
		title: "Sample webhook",
		section: "thread_summary_set",
		delivery: {
			"webhook_id": "<webhook_id>",
			"secret_key": "<secret_key>",
			"action": "thread_summary_set",
			"organization_id": "390e44e6-f1e6-0368c-z6ddb-74g14508c2ex",
			"payload": {
				"chat_id": "PJ0MRSHTDG",
				"thread_id": "K600PKZON8",
				"summary": {
					"status": "ok",
					"text": "• Customer asks about currently available discount codes.  \n• Agent suggests subscribing to the newsletter.  \n• Customer thanks the agent and says goodbye.",
					"updated_at": "2025-12-09T12:01:18.909000Z"
				}
			}
		},
	},
];
