import { alive5Platform } from '../Alive5/platform';
import { fiveChatPlatform } from '../FiveChat/platform';
import { liveAgentPlatform } from '../LiveAgent/platform';
import { liveChatPlatform } from '../LiveChat/platform';
import type { ChatPlatform } from './platform';
import { socialIntentsPlatform } from '../SocialIntents/platform';

/**
 * Every platform the Live Chat node offers, in the order of its Platform dropdown. A new vendor adds
 * its `nodes/<Vendor>/platform.ts` and one line here: imported, not found by reading folders at run
 * time, so the node needs no file-system access inside n8n and the compiler checks every platform.
 */
export const PLATFORMS: ChatPlatform[] = [
	alive5Platform,
	fiveChatPlatform,
	liveAgentPlatform,
	liveChatPlatform,
	socialIntentsPlatform,
];
