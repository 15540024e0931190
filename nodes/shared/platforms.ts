import { alive5Platform } from '../Alive5/platform';
import { fiveChatPlatform } from '../FiveChat/platform';
import { liveAgentPlatform } from '../LiveAgent/platform';
import { liveChatPlatform } from '../LiveChat/platform';
import type { ChatPlatform } from './platform';
import { socialIntentsPlatform } from '../SocialIntents/platform';

/**
 * Every platform the Live Chat node offers, in the order of its Platform dropdown. A new vendor adds
 * its `nodes/<Vendor>/platform.ts` and one line here (n8n's package scan allows no loading by folder).
 */
export const PLATFORMS: ChatPlatform[] = [
	alive5Platform,
	fiveChatPlatform,
	liveAgentPlatform,
	liveChatPlatform,
	socialIntentsPlatform,
];
