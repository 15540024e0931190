/** LiveChat's name in messages, the Agent and Configuration API version we call, and the two credential types. */
export const VENDOR = 'LiveChat';
export const API_VERSION = 'v3.6';
export const TOKEN_TYPE = 'liveChatPersonalAccessTokenApi';
export const APP_LOGIN_TYPE = 'liveChatOAuth2Api';
